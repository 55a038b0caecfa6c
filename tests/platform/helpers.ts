/** A server with accounts over a warehouse, and a small cookie-keeping client that signs in like the login page. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { startServer, type RunningServer } from '../../pipeline/serve/http-server.ts';
import { openAppDb, type AppDb } from '../../pipeline/platform/app-db.ts';
import { addUser, type NewUser } from '../../pipeline/platform/accounts.ts';
import { createGate, type GateOptions } from '../../pipeline/platform/gate.ts';
import { DEFAULTS } from '../../pipeline/config/paths.ts';

export const PASSWORD = 'correct horse battery';

/** A dashboard build stand-in: the three pages and one asset. */
export function fakeDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'platform-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>dashboard</title>');
  writeFileSync(join(dist, 'login.html'), '<!doctype html><title>login</title>');
  writeFileSync(join(dist, 'platform.html'), '<!doctype html><title>platform</title>');
  writeFileSync(join(dist, 'assets/app.js'), 'console.log(1)');
  return dist;
}

export interface Platform { server: RunningServer; db: AppDb; url: string; close(): Promise<void> }

export async function platformServer(warehouseDir: string, users: NewUser[], options: Partial<GateOptions> = {},
  distDir = fakeDist(), port = 0): Promise<Platform> {
  const db = openAppDb(join(mkdtempSync(join(tmpdir(), 'platform-db-')), 'app.sqlite'));
  for (const user of users) await addUser(db, { password: PASSWORD, ...user });
  const gate = createGate({
    db, trustProxy: false,
    uploads: {
      warehouseDir, dataDir: DEFAULTS.dataDir, referenceDir: DEFAULTS.referenceDir, policyPath: DEFAULTS.policyPath,
      maxBytes: 5 * 1024 * 1024, providerMayAccept: false,
    },
    ...options,
  });
  const server = await startServer({ port, warehouseDir, distDir, gate });
  return { server, db, url: server.url, close: () => server.close() };
}

export interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer; text(): string; json<T = any>(): T }

/** A raw HTTP request: the path reaches the server exactly as written (fetch would normalise it). */
export function raw(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer | string): Promise<Reply> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        const data = Buffer.concat(parts);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data, text: () => data.toString('utf8'), json: () => JSON.parse(data.toString('utf8')) });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Keeps cookies and the CSRF token like a browser tab of the app would. */
export class Client {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(public base: string) {}

  private keep(reply: Reply): Reply {
    const set = reply.headers['set-cookie'];
    for (const line of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair] = line.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value === '' || /Max-Age=0/.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return reply;
  }

  cookieHeader(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body);
    const h: Record<string, string> = { ...this.cookieHeader(), ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}), ...headers };
    if (payload !== undefined && !h['content-type']) h['content-type'] = 'application/json';
    return this.keep(await raw(this.base, method, path, h, payload));
  }

  get(path: string) { return this.send('GET', path); }

  async login(username: string, password = PASSWORD): Promise<Reply> {
    const session = await this.get('/api/session');
    this.csrf = session.json().csrf;
    const reply = await this.send('POST', '/api/login', { username, password });
    if (reply.status === 200) this.csrf = reply.json().csrf;
    return reply;
  }
}
