/**
 * The platform API from the browser: same-origin JSON calls that carry the session's CSRF token
 * on every change. Errors come back with the server's own (Chinese — English) message.
 */
export interface SessionUser {
  username: string;
  display_name: string;
  role: 'admin' | 'analyst' | 'school' | 'provider';
  disabled: boolean;
  must_change_password: boolean;
  schools: string[];
  inputs: string[];
}

/** `sso`: single sign-on is configured (the login page offers it). */
export interface SessionInfo {
  mode: 'open' | 'accounts'; user: SessionUser | null; csrf: string; sso?: boolean;
  /** A department's account that accepts its own deliveries (the server's CHANJIAO_PROVIDER_ACCEPT). */
  accepts_own?: boolean;
}

let csrf = '';

export class ApiError extends Error {
  constructor(public status: number, message: string, public code: string) {
    super(message);
  }
}

async function answer<T>(res: Response): Promise<T> {
  const body = res.headers.get('content-type')?.includes('json') ? await res.json() : null;
  if (!res.ok) throw new ApiError(res.status, body?.error ?? `HTTP ${res.status}`, body?.code ?? '');
  return body as T;
}

export async function session(): Promise<SessionInfo> {
  const info = await answer<SessionInfo>(await fetch('api/session', { credentials: 'same-origin' }));
  csrf = info.csrf;
  return info;
}

let current: Promise<SessionInfo | null> | null = null;
/** The session as the page found it, asked once for every part of the page; null when there is no platform (vite dev). */
export const currentSession = (): Promise<SessionInfo | null> => (current ??= session().catch(() => null));

export async function get<T>(path: string): Promise<T> {
  return answer<T>(await fetch(path, { credentials: 'same-origin' }));
}

/** A change: JSON (or a file's bytes) with the CSRF token. */
export async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
  const file = body instanceof Blob;
  const res = await fetch(path, {
    method, credentials: 'same-origin', body: file ? body : body === undefined ? undefined : JSON.stringify(body),
    headers: { 'x-csrf-token': csrf, 'content-type': file ? 'application/octet-stream' : 'application/json' },
  });
  const result = await answer<T & { csrf?: string }>(res);
  if (result && typeof result === 'object' && 'csrf' in result && result.csrf) csrf = result.csrf;
  return result;
}
