/**
 * The HTTP server: the dashboard build at `/` and the current warehouse snapshot at `/data/`.
 * Nothing else on disk is reachable. `/data/` follows the `current` symlink on every request, so
 * a refresh that switches snapshots is picked up without a restart.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { CURRENT, SNAPSHOTS } from '../refresh/snapshot.ts';
import { readHistory } from '../refresh/history.ts';
import { serveReport } from './report-route.ts';
import { createGate } from '../platform/gate.ts';
import { isLoopback } from '../platform/bind.ts';
import { allowedHosts, guardRequest, insideReal } from './guard.ts';

export interface ServerOptions {
  host?: string;
  port?: number;
  warehouseDir: string;
  distDir: string;
  /** Accounts and what they may see; without it, the local single-analyst mode (loopback only). */
  gate?: Gate;
  /** Host names served beside the loopback names and the address listened on (default: CHANJIAO_ALLOWED_HOSTS). */
  allowedHosts?: string;
}

export type Gate = ReturnType<typeof createGate>;

export interface RunningServer { url: string; close(): Promise<void> }

const CONTENT_TYPES: Record<string, string> = {
  '.arrow': 'application/vnd.apache.arrow.file',
  '.json': 'application/json; charset=utf-8',
};

/** What a browser may fetch from a snapshot; the DuckDB file and build leftovers stay private. */
const PUBLIC_DATA = /^\/(manifest\.json|marts\/(?:[\w-]+\/){0,2}[\w-]+\.arrow|marts\/split\.json|reports\/[^?#]+)(\?.*)?$/;

/** A URL path decoded, or null when its escapes are broken. */
function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function notFound(_req: IncomingMessage, res: ServerResponse) {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('404 未找到 Not found\n');
}

/** Serves until `close()`; port 0 picks a free port (tests). */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const data = sirv(join(options.warehouseDir, CURRENT), {
    dev: true, // re-resolve `current` on every request: snapshots switch under a running server
    dotfiles: false,
    onNoMatch: notFound,
    setHeaders: (res, pathname) => {
      const ext = pathname.slice(pathname.lastIndexOf('.'));
      if (CONTENT_TYPES[ext]) res.setHeader('content-type', CONTENT_TYPES[ext]);
      res.setHeader('cache-control', 'no-cache');
    },
  });
  const app = sirv(options.distDir, {
    dotfiles: false, etag: true, onNoMatch: notFound,
    // A page is asked for again each time: a cached dashboard would skip the sign-in check after logout.
    setHeaders: (res, pathname) => { if (!pathname.startsWith('/assets/')) res.setHeader('cache-control', 'no-cache'); },
  });
  const reportsDir = join(options.warehouseDir, CURRENT, 'reports');
  const snapshots = join(options.warehouseDir, SNAPSHOTS);
  /** A snapshot file as itself: one reached through a link out of the snapshots (planted there) is not served. */
  const linkedOut = (path: string) => {
    const file = join(options.warehouseDir, CURRENT, path);
    return existsSync(file) && !insideReal(file, snapshots);
  };
  const serveData = (req: IncomingMessage, res: ServerResponse) => {
    const path = safeDecode(req.url!.slice('/data'.length).replace(/[?#].*$/, ''));
    if (path === null || linkedOut(path)) notFound(req, res);
    else if (req.url === '/data/history.json' || req.url?.startsWith('/data/history.json?')) {
      // Outside any snapshot: a failed run has none, yet the dashboard must be able to say it failed.
      res.writeHead(200, { 'content-type': CONTENT_TYPES['.json'], 'cache-control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify(readHistory(options.warehouseDir)));
    } else if (serveReport(req, res, reportsDir)) {
      // handled: reports need their own content types and Chinese download names
    } else {
      req.url = req.url!.slice('/data'.length);
      if (PUBLIC_DATA.test(req.url) && !req.url.includes('..')) data(req, res);
      else notFound(req, res);
    }
  };
  if (!options.gate && !isLoopback(options.host ?? '127.0.0.1')) {
    throw new Error('没有账号时只能在本机地址上提供服务 — without accounts the server only listens on 127.0.0.1');
  }
  const gate = options.gate ?? createGate({ db: null, trustProxy: false });
  const serve = {
    app, data: serveData,
    history: () => readHistory(options.warehouseDir),
    dataFile: (path: string) => {
      const file = join(options.warehouseDir, CURRENT, path.slice('/data/'.length));
      if (linkedOut(path.slice('/data'.length))) throw Object.assign(new Error(`not served: ${path}`), { code: 'ENOENT' });
      return file;
    },
  };
  const listen = options.host ?? '127.0.0.1';
  const hosts = allowedHosts(listen, options.allowedHosts ?? process.env.CHANJIAO_ALLOWED_HOSTS, isLoopback(listen));
  const server = createServer((req, res) => {
    if (!guardRequest(req, res, hosts)) return;
    gate.handle(req, res, serve).catch((error: Error) => {
      console.error(`✗ ${req.method} ${req.url}: ${error.message}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('500 服务器错误 Server error\n');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 5173, options.host ?? '127.0.0.1', resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}/`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
