/**
 * A session that ends while the dashboard is open (it expired, or the user signed out in another
 * tab): the next data request is refused with 401, and the page goes to the login page, which
 * says why and, once signed in, returns to the view that was open.
 */

/** The login page's address for a dashboard at `hash` whose session ended. */
export const signInAgain = (hash: string): string => `login?expired=1&next=${encodeURIComponent(hash)}`;

/**
 * Where the login page sends the user once signed in: the view named by `next` when it is one
 * (a hash route of this dashboard, nothing that leaves the page), else `fallback`.
 */
export function returnTo(search: string, fallback: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && /^#\/[\w-]*(\?[^#]*)?$/.test(next) ? `./${next}` : fallback;
}

/** Whether the login page was opened because a session ended. */
export const sessionEnded = (search: string): boolean => new URLSearchParams(search).get('expired') === '1';
