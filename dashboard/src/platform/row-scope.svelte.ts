/**
 * Whose rows the marts served to this account hold, as the server cuts them
 * (pipeline/platform/school-rows.ts): every school's ('city': no accounts, an admin, an analyst),
 * its own schools' ('own': a school), or no school's ('none': a department's data provider). A view
 * that counts or lists schools says whose rows it counts, never a cut as the city's.
 */
import { currentSession } from './api.ts';

export type RowScope = 'city' | 'own' | 'none';

export const scopeOf = (role: string | undefined): RowScope => (role === 'school' ? 'own' : role === 'provider' ? 'none' : 'city');

/** The page's scope: 'city' until the session is known. */
export const rowScope = $state<{ rows: RowScope }>({ rows: 'city' });
currentSession().then((s) => { rowScope.rows = scopeOf(s?.user?.role); });
