/**
 * Who may fetch what: every URL the server answers is classified into a route, and the route's
 * rule for the caller's role decides. A school account sees city-wide industry views, its own
 * school's files and reports, and nothing of another school; the files that hold every school's
 * rows are cut to its schools (school-rows.ts). One table, so a test can walk all of it.
 */
import type { Role } from './app-db.ts';

export type Who = Role | 'anonymous';

/**
 * allow: served as is; school: only when the path's school code is one of the caller's;
 * cut: served with other schools' rows removed; deny: 401 for anonymous (403 for a signed-in
 * caller); login: anonymous is sent to the login page.
 */
export type Rule = 'allow' | 'school' | 'cut' | 'deny' | 'login';

export interface Route {
  name: string;
  /** Methods the route answers; any other is 405. */
  methods: readonly string[];
  /** Matched against the decoded, checked path (canonicalPath). Groups: school code or id as the route needs. */
  path: RegExp;
  rules: Record<Who, Rule>;
  /** An upload token (a department's script, not a person) reaches it: the uploads API only. */
  token?: true;
}

const everyone = (rule: Rule): Record<Who, Rule> => ({ anonymous: rule, admin: rule, analyst: rule, school: rule, provider: rule });
const signedIn = (school: Rule, provider: Rule = school): Record<Who, Rule> => ({ anonymous: 'deny', admin: 'allow', analyst: 'allow', school, provider });
const adminOnly: Record<Who, Rule> = { anonymous: 'deny', admin: 'allow', analyst: 'deny', school: 'deny', provider: 'deny' };
const GET = ['GET', 'HEAD'];
const POST = ['POST'];
const CODE = '([A-Za-z0-9_-]{1,64})';

export const ROUTES: readonly Route[] = [
  { name: 'login page', methods: GET, path: /^\/login(?:\.html)?$/, rules: everyone('allow') },
  { name: 'dashboard', methods: GET, path: /^\/(?:index\.html)?$/, rules: { ...signedIn('allow'), anonymous: 'login' } },
  { name: 'platform page', methods: GET, path: /^\/platform(?:\.html)?$/, rules: { ...signedIn('allow'), anonymous: 'login' } },
  // The app's code and styles, the same for everyone (the login page needs them before a session).
  { name: 'assets', methods: GET, path: /^\/assets\/[\w.-]+$/, rules: everyone('allow') },
  { name: 'manifest', methods: GET, path: /^\/data\/manifest\.json$/, rules: signedIn('cut') },
  { name: 'history', methods: GET, path: /^\/data\/history\.json$/, rules: signedIn('cut') },
  { name: 'split index', methods: GET, path: /^\/data\/marts\/split\.json$/, rules: signedIn('allow') },
  { name: 'mart', methods: GET, path: /^\/data\/marts\/[\w-]+\.arrow$/, rules: signedIn('cut') },
  { name: 'province mart', methods: GET, path: /^\/data\/marts\/provinces\/[\w-]+\.arrow$/, rules: signedIn('allow') },
  { name: 'school detail', methods: GET, path: new RegExp(`^/data/marts/schools/${CODE}\\.arrow$`), rules: signedIn('school', 'deny') },
  { name: 'school mart', methods: GET, path: new RegExp(`^/data/marts/schools/[\\w-]+/${CODE}\\.arrow$`), rules: signedIn('school', 'deny') },
  { name: 'report index', methods: GET, path: /^\/data\/reports\/index\.json$/, rules: signedIn('cut') },
  { name: 'school report', methods: GET, path: new RegExp(`^/data/reports/schools/${CODE}\\.(?:html|xlsx|csv)$`), rules: signedIn('school', 'deny') },
  // An industry's report ranks the schools that could open a programme: other schools' candidacy.
  { name: 'industry report', methods: GET, path: new RegExp(`^/data/reports/industries/${CODE}\\.(?:html|xlsx|csv)$`), rules: signedIn('deny') },
  // Single sign-on: the way to the identity provider and back (404 when it is not configured).
  { name: 'sso start', methods: GET, path: /^\/auth\/sso$/, rules: everyone('allow') },
  { name: 'sso callback', methods: GET, path: /^\/auth\/callback$/, rules: everyone('allow') },
  { name: 'session', methods: GET, path: /^\/api\/session$/, rules: everyone('allow') },
  { name: 'login', methods: POST, path: /^\/api\/login$/, rules: everyone('allow') },
  { name: 'logout', methods: POST, path: /^\/api\/logout$/, rules: signedIn('allow') },
  { name: 'password', methods: POST, path: /^\/api\/password$/, rules: signedIn('allow') },
  { name: 'users', methods: [...GET, 'POST'], path: /^\/api\/users$/, rules: adminOnly },
  { name: 'user', methods: ['PATCH'], path: /^\/api\/users\/([\w.@-]+)$/, rules: adminOnly },
  { name: 'user reset', methods: POST, path: /^\/api\/users\/([\w.@-]+)\/reset$/, rules: adminOnly },
  { name: 'user token', methods: POST, path: /^\/api\/users\/([\w.@-]+)\/token$/, rules: adminOnly },
  { name: 'audit', methods: GET, path: /^\/api\/audit$/, rules: adminOnly },
  { name: 'audit export', methods: GET, path: /^\/api\/audit\.csv$/, rules: adminOnly },
  // Uploads: what a caller may submit or see is narrowed further by its bindings (uploads-api.ts).
  { name: 'uploads', methods: [...GET, 'POST'], path: /^\/api\/uploads$/, rules: { ...signedIn('allow'), analyst: 'deny' }, token: true },
  { name: 'upload', methods: GET, path: /^\/api\/uploads\/(\d{1,12})$/, rules: { ...signedIn('allow'), analyst: 'deny' }, token: true },
  { name: 'upload accept', methods: POST, path: /^\/api\/uploads\/(\d{1,12})\/accept$/, rules: { ...adminOnly, provider: 'allow' }, token: true },
  { name: 'upload withdraw', methods: POST, path: /^\/api\/uploads\/(\d{1,12})\/withdraw$/, rules: adminOnly },
  { name: 'upload discard', methods: POST, path: /^\/api\/uploads\/(\d{1,12})\/discard$/, rules: { ...signedIn('allow'), analyst: 'deny' }, token: true },
  { name: 'delivery status', methods: GET, path: /^\/api\/deliveries$/, rules: { ...signedIn('deny'), provider: 'allow' }, token: true },
  { name: 'refresh', methods: POST, path: /^\/api\/refresh$/, rules: adminOnly },
  { name: 'snapshots', methods: GET, path: /^\/api\/snapshots$/, rules: adminOnly },
  { name: 'rollback', methods: POST, path: /^\/api\/rollback$/, rules: adminOnly },
  { name: 'schedule', methods: ['PUT'], path: /^\/api\/deliveries\/([a-z_]{1,64})$/, rules: adminOnly },
];

/** Characters a path may hold once decoded: everything the server serves is named in ASCII. */
const SAFE_PATH = /^\/[A-Za-z0-9_.\-/]*$/;

/**
 * The path of a request URL, percent-decoded once, or null when it is not one the server could
 * serve: a second layer of encoding, a dot segment, an empty segment, a backslash or anything
 * outside the safe set is refused before any route is matched, so every spelling of a URL
 * reaches the same rule.
 */
export function canonicalPath(url: string): string | null {
  const raw = url.split(/[?#]/, 1)[0];
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (!SAFE_PATH.test(path)) return null;
  if (path.split('/').slice(1).some((segment, i, all) => segment === '.' || segment === '..' || (segment === '' && i < all.length - 1))) return null;
  return path;
}

export interface Match { route: Route; params: string[] }

export function matchRoute(path: string): Match | null {
  for (const route of ROUTES) {
    const m = route.path.exec(path);
    if (m) return { route, params: m.slice(1) };
  }
  return null;
}
