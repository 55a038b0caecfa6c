import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { startServer, type RunningServer } from '../../pipeline/serve/http-server.ts';
import { beginSnapshot, publishSnapshot } from '../../pipeline/refresh/snapshot.ts';

let server: RunningServer;
let warehouseDir: string;

function publish(id: string, label: string) {
  const build = beginSnapshot(warehouseDir, id);
  mkdirSync(join(build, 'marts'));
  writeFileSync(join(build, 'manifest.json'), JSON.stringify({ snapshot: id, data_label: label }));
  writeFileSync(join(build, 'marts/mart_x.arrow'), 'ARROW1');
  writeFileSync(join(build, 'marts/split.json'), '[]');
  mkdirSync(join(build, 'marts/schools/mart_school_report'), { recursive: true });
  writeFileSync(join(build, 'marts/schools/mart_school_report/9500000001.arrow'), 'ARROW2');
  writeFileSync(join(build, 'warehouse.duckdb'), 'private');
  publishSnapshot(warehouseDir, build, id);
}

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'serve-'));
  warehouseDir = join(root, 'warehouse');
  const distDir = join(root, 'dist');
  mkdirSync(distDir);
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>产教</title>');
  writeFileSync(join(root, 'secret.txt'), 'not for the web');
  publish('s1', 'first');
  server = await startServer({ port: 0, warehouseDir, distDir });
});
afterAll(() => server.close());

const get = (path: string) => fetch(new URL(path, server.url));

/** A raw request, so the path and the headers reach the server exactly as written (fetch would normalise `..` and set Host). */
function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    request({ host: hostname, port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('latin1').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    }).on('error', reject).end();
  });
}
const rawStatus = async (path: string) => (await raw(path)).status;

describe('startServer', () => {
  it('serves the dashboard build and the current snapshot with their content types', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('产教');
    const mart = await get('/data/marts/mart_x.arrow');
    expect(mart.headers.get('content-type')).toBe('application/vnd.apache.arrow.file');
    expect(await mart.text()).toBe('ARROW1');
    expect(await (await get('/data/marts/split.json')).json()).toEqual([]);
    expect(await (await get('/data/marts/schools/mart_school_report/9500000001.arrow')).text()).toBe('ARROW2');
  });

  it('follows a snapshot switch without a restart', async () => {
    expect((await (await get('/data/manifest.json')).json()).snapshot).toBe('s1');
    publish('s2', 'second');
    expect((await (await get('/data/manifest.json')).json()).snapshot).toBe('s2');
  });

  it('serves nothing outside the build and the snapshot', async () => {
    for (const path of ['/../secret.txt', '/data/../../secret.txt', '/data/marts/%2e%2e/%2e%2e/%2e%2e/secret.txt',
      '/data/reports/../../../secret.txt', '/data/warehouse.duckdb']) {
      expect(await rawStatus(path), path).toBe(404);
    }
    expect((await fetch(new URL('/', server.url), { method: 'POST' })).status).toBe(405);
  });

  it('serves no file through a link planted inside a snapshot', async () => {
    const current = realpathSync(join(warehouseDir, 'current'));
    symlinkSync(join(warehouseDir, '..', 'secret.txt'), join(current, 'marts/planted.arrow'));
    symlinkSync('/etc/passwd', join(current, 'marts/passwd.arrow'));
    for (const path of ['/data/marts/planted.arrow', '/data/marts/passwd.arrow']) expect(await rawStatus(path), path).toBe(404);
    expect(await rawStatus('/data/marts/mart_x.arrow')).toBe(200);
  });

  it('answers Range requests with the whole file, never a wrong part', async () => {
    for (const range of ['bytes=-5', 'bytes=9-0', 'bytes=2-3', 'bytes=0-']) {
      const res = await raw('/data/marts/mart_x.arrow', { range });
      expect([res.status, res.body], range).toEqual([200, 'ARROW1']);
      expect(res.headers['content-range'], range).toBeUndefined();
    }
  });

  it('answers only for its own host names (DNS rebinding), 421 otherwise', async () => {
    const { port } = new URL(server.url);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'localhost']) expect((await raw('/', { host })).status, host).toBe(200);
    for (const host of [`attacker.example:${port}`, 'attacker.example', `127.0.0.1.attacker.example:${port}`]) {
      expect((await raw('/data/manifest.json', { host })).status, host).toBe(421);
    }
  });

  it('sends the browser protections with the dashboard and the data', async () => {
    for (const path of ['/', '/data/manifest.json']) {
      const { headers } = await raw(path);
      expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy'], path).toContain("default-src 'self'");
      expect(headers['x-content-type-options'], path).toBe('nosniff');
    }
  });
});
