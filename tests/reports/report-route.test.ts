/**
 * Report downloads: content types, Chinese file names in Content-Disposition (RFC 5987), HTML shown
 * inline, and nothing outside the reports folder (traversal, encoded or not, is a 404). Served
 * both by serveReport alone and through the real server over a published snapshot.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition, encodeRfc5987, serveReport } from '../../pipeline/serve/report-route.ts';
import { startServer, type RunningServer } from '../../pipeline/serve/http-server.ts';
import { beginSnapshot, publishSnapshot } from '../../pipeline/refresh/snapshot.ts';
import { reportFiles } from '../../pipeline/reports/report-files.ts';

const CODE = '5001030001';
const NAME = "渝中(航空)职业学院's";

/** A reports folder as the reports stage leaves it, with one school. */
function writeReports(dir: string) {
  mkdirSync(join(dir, 'schools'), { recursive: true });
  writeFileSync(join(dir, `schools/${CODE}.html`), '<!doctype html><title>报告</title>');
  writeFileSync(join(dir, `schools/${CODE}.xlsx`), 'PK-not-really');
  writeFileSync(join(dir, `schools/${CODE}.csv`), '\uFEFF专业代码\r\n');
  writeFileSync(join(dir, 'index.json'), JSON.stringify({
    schools: [{ code: CODE, name: NAME, ...reportFiles('school', CODE, NAME, { year: 2025, synthetic: false }) }], industries: [],
  }));
}

let root: string;
let plain: Server;
let base: string;
let server: RunningServer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'report-route-'));
  const reports = join(root, 'reports');
  writeReports(reports);
  writeFileSync(join(root, 'secret.txt'), 'not for the web');
  plain = createServer((req, res) => {
    if (!serveReport(req, res, reports)) res.writeHead(418).end();
  });
  await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;

  const warehouseDir = join(root, 'warehouse');
  const build = beginSnapshot(warehouseDir, 's1');
  writeReports(join(build, 'reports'));
  publishSnapshot(warehouseDir, build, 's1');
  mkdirSync(join(root, 'dist'));
  server = await startServer({ port: 0, warehouseDir, distDir: join(root, 'dist') });
});
afterAll(async () => {
  await new Promise((resolve) => plain.close(resolve));
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

/** A raw request, so the path reaches the server exactly as written (fetch would normalise `..`). */
function raw(url: string, path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    request({ host: hostname, port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c) => { body += c; }).on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    }).on('error', reject).end();
  });
}

describe('encodeRfc5987 and contentDisposition', () => {
  it('percent-encodes UTF-8 and the characters RFC 5987 reserves', () => {
    // 渝 = E6 B8 9D in UTF-8; ' ( ) * are not attr-chars although encodeURIComponent keeps them
    expect(encodeRfc5987("渝(a)'*.xlsx")).toBe('%E6%B8%9D%28a%29%27%2A.xlsx');
    expect(contentDisposition('attachment', '渝.csv', 'school-1.csv'))
      .toBe("attachment; filename=\"school-1.csv\"; filename*=UTF-8''%E6%B8%9D.csv");
    expect(contentDisposition('inline', 'a.html', 'x"y\\z渝.html')).toBe("inline; filename=\"x_y_z_.html\"; filename*=UTF-8''a.html");
  });
});

describe('serveReport', () => {
  it('serves each format with its content type and the Chinese download name', async () => {
    const cases = [
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'attachment'],
      ['csv', 'text/csv; charset=utf-8', 'attachment'],
      ['html', 'text/html; charset=utf-8', 'inline'],
    ];
    for (const [format, type, disposition] of cases) {
      const res = await raw(base, `/data/reports/schools/${CODE}.${format}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(type);
      const header = String(res.headers['content-disposition']);
      expect(header.startsWith(`${disposition}; filename="school-${CODE}.${format}"; filename*=UTF-8''`)).toBe(true);
      expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe(`${NAME}_专业调整报告_2025年.${format}`);
      expect(header).toContain('%28'); // "(" encoded
    }
    const csv = await raw(base, `/data/reports/schools/${CODE}.csv`);
    expect(csv.body).toBe('\uFEFF专业代码\r\n');
  });

  it('makes the HTML an attachment on ?download and answers HEAD without a body', async () => {
    const download = await raw(base, `/data/reports/schools/${CODE}.html?download`);
    expect(String(download.headers['content-disposition'])).toMatch(/^attachment; /);
    const head = await raw(base, `/data/reports/schools/${CODE}.xlsx`, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String('PK-not-really'.length));
    expect(head.body).toBe('');
  });

  it('serves the index as JSON', async () => {
    const res = await raw(base, '/data/reports/index.json');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(res.body).schools[0].code).toBe(CODE);
  });

  it('answers 404 to traversal attempts and unknown files, and leaves other URLs alone', async () => {
    for (const path of [
      '/data/reports/../secret.txt', '/data/reports/../../secret.txt', '/data/reports/%2e%2e/secret.txt',
      '/data/reports/schools/..%2f..%2fsecret.txt', '/data/reports/schools/%2E%2E%2F%2E%2E%2Fsecret.txt',
      '/data/reports/schools%2f..%2f..%2fsecret.txt', '/data/reports/%2fetc%2fpasswd', '/data/reports//etc/passwd',
      '/data/reports/schools/..\\..\\secret.txt', `/data/reports/schools/${CODE}.html%00.txt`, '/data/reports/%E0%A4%A',
      '/data/reports/schools/9999999999.html', '/data/reports/schools/', '/data/reports/secret.txt', '/data/reports/',
    ]) {
      expect((await raw(base, path)).status, path).toBe(404);
    }
    expect((await raw(base, '/data/manifest.json')).status).toBe(418);
  });
});

describe('the server', () => {
  it('serves reports of the current snapshot with their headers, and no traversal', async () => {
    const res = await raw(server.url, `/data/reports/schools/${CODE}.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
    expect((await raw(server.url, '/data/reports/../../../secret.txt')).status).toBe(404);
    expect((await raw(server.url, '/data/reports/%2e%2e/manifest.json')).status).toBe(404);
  });
});
