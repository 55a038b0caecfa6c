/**
 * What every response of the server shares, before any route runs: the Host header checked (a page
 * on another site must not reach this server through a DNS name it controls), the browser's
 * protections on (no framing, no sniffing, scripts and data only from here), Range requests served
 * whole, and snapshot files only as themselves, never through a link planted inside a snapshot.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { realpathSync } from 'node:fs';
import { sep } from 'node:path';

/**
 * The dashboard's content security policy. Svelte sets style attributes and d3 draws inline SVG
 * (style-src 'unsafe-inline'); the planner solves in WebAssembly ('wasm-unsafe-eval'); chart images
 * are built as data: and blob: URLs.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': [
    "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:", "font-src 'self' data:", "connect-src 'self'", "object-src 'none'",
    "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
};

/** Host names always accepted on a loopback address. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The Host values the server answers: the loopback names (on a loopback address), the address it
 * listens on, and the names configured (CHANJIAO_ALLOWED_HOSTS, comma-separated, e.g. the name the
 * reverse proxy serves). A name without a port matches any port.
 */
export function allowedHosts(listenHost: string, configured: string | undefined, loopback: boolean): string[] {
  const names = (configured ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  const own = listenHost.includes(':') && !listenHost.startsWith('[') ? `[${listenHost}]` : listenHost;
  return [...new Set([...(loopback ? LOOPBACK_NAMES : []), own.toLowerCase(), ...names])];
}

/** Whether a Host header names this server: a listed name, with any port unless the entry names one. */
export function hostAllowed(host: string | undefined, allowed: readonly string[]): boolean {
  if (!host) return false;
  const value = host.trim().toLowerCase();
  const name = value.replace(/:\d+$/, '');
  return allowed.includes(value) || allowed.includes(name);
}

/**
 * Applies the shared rules to a request; returns false when it has been answered already (a Host
 * not served: 421). Range headers are dropped, so every file is sent whole (RFC 9110 lets a server
 * ignore them; the marts are read whole anyway).
 */
export function guardRequest(req: IncomingMessage, res: ServerResponse, allowed: readonly string[]): boolean {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  if (!hostAllowed(req.headers.host, allowed)) {
    res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('421 主机名不符 Misdirected request: this server does not answer for that host name\n');
    return false;
  }
  delete req.headers.range;
  delete req.headers['if-range'];
  return true;
}

/** Whether `path` is, after every link is followed, a file inside `root` (false when it does not exist). */
export function insideReal(path: string, root: string): boolean {
  try {
    return realpathSync(path).startsWith(realpathSync(root) + sep);
  } catch {
    return false;
  }
}
