/**
 * The authorisation matrix: every route and served file × every role and anonymous → the expected
 * status, from one table below. A school asks for another school's files through every spelling
 * of the URL; its Arrow marts hold no other school's rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import type { ReportIndex } from '../../pipeline/reports/generate-reports.ts';
import { SHARED_ROW_MARTS } from '../../pipeline/platform/school-rows.ts';
import { sampleManifest, sampleWarehouseDir } from '../support/warehouse.ts';
import { Client, platformServer, raw, type Platform } from './helpers.ts';

type Who = 'anonymous' | 'admin' | 'analyst' | 'school' | 'provider';
const WHO: Who[] = ['anonymous', 'admin', 'analyst', 'school', 'provider'];

let platform: Platform;
const clients = new Map<Who, Client>();
let own: string;
let other: string;
let industry: string;

/** Every character of the code percent-encoded, in upper or lower hex. */
const encodeAll = (s: string, lower = false) => [...s].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join('')[lower ? 'toLowerCase' : 'toString']();

/** [method, path, statuses for anonymous, admin, analyst, school, provider]. */
function matrix(): [string, string, number[]][] {
  const ownOnly = [401, 200, 200, 200, 403];
  const otherSchool = [401, 200, 200, 403, 403];
  const signedIn = [401, 200, 200, 200, 200];
  const page = [302, 200, 200, 200, 200];
  const adminOnly = [401, 200, 403, 403, 403];
  const nowhere = [404, 404, 404, 404, 404];
  const rows: [string, string, number[]][] = [
    ['GET', '/', page],
    ['GET', '/index.html', page],
    ['GET', '/platform', page],
    ['GET', '/login', [200, 200, 200, 200, 200]],
    ['GET', '/assets/app.js', [200, 200, 200, 200, 200]],
    ['GET', '/secret.txt', nowhere],
    ['GET', '/data/warehouse.duckdb', nowhere],
    ['GET', '/data/manifest.json', signedIn],
    ['HEAD', '/data/manifest.json', signedIn],
    ['PUT', '/data/manifest.json', [405, 405, 405, 405, 405]],
    ['GET', '/data/history.json', signedIn],
    ['GET', '/data/marts/split.json', signedIn],
    ['GET', '/data/marts/provinces/mart_overview.arrow', signedIn],
    ['GET', '/data/reports/index.json', signedIn],
    ['GET', `/data/reports/industries/${industry}.html`, otherSchool],
    ['GET', `/data/reports/industries/${industry}.xlsx`, otherSchool],
    ['GET', '/api/session', [200, 200, 200, 200, 200]],
    ['GET', '/api/users', adminOnly],
    ['GET', '/api/audit', adminOnly],
    ['GET', '/api/audit.csv', adminOnly],
    ['GET', '/api/uploads', [401, 200, 403, 200, 200]],
    ['GET', '/api/deliveries', [401, 200, 200, 403, 200]],
    ['POST', '/api/refresh', [401, 202, 403, 403, 403]],
    ['GET', '/api/snapshots', adminOnly],
    // Without a body: refused as a bad request once the role may ask at all.
    ['POST', '/api/rollback', [401, 400, 403, 403, 403]],
    ['PUT', '/api/deliveries/demand', [401, 400, 403, 403, 403]],
    ['GET', '/api/deliveries/demand', [405, 405, 405, 405, 405]],
    ['GET', '/api/users/nobody', [405, 405, 405, 405, 405]],
    ['GET', '/auth/oidc', [404, 404, 404, 404, 404]],
    // Single sign-on is not configured on this server: its routes answer 404 to everyone.
    ['GET', '/auth/sso', [404, 404, 404, 404, 404]],
    ['GET', '/auth/callback?code=x&state=y', [404, 404, 404, 404, 404]],
    ['POST', '/auth/sso', [405, 405, 405, 405, 405]],
  ];
  for (const mart of sampleManifest().marts) rows.push(['GET', `/data/marts/${mart.name}.arrow`, signedIn]);
  for (const [code, expected] of [[own, ownOnly], [other, otherSchool]] as const) {
    rows.push(['GET', `/data/marts/schools/${code}.arrow`, expected]);
    rows.push(['GET', `/data/marts/schools/mart_school_report/${code}.arrow`, expected]);
    for (const format of ['html', 'xlsx', 'csv']) rows.push(['GET', `/data/reports/schools/${code}.${format}`, expected]);
  }
  // Another school's report by every spelling: each decodes to the same file, so the same rule.
  for (const path of [
    `/data/reports/schools/${encodeAll(other)}.html`,
    `/data/reports/schools/${encodeAll(other, true)}.html`,
    `/data/reports/schools%2F${other}.html`,
    `/data/reports/schools/${other}%2Ehtml`,
    `/data/reports/schools/${other}.html?download`,
    `/data/reports/schools/${other}.xlsx#x`,
    `/data/%72eports/schools/${other}.csv`,
    `/data/marts/schools/${encodeAll(other)}.arrow`,
  ]) rows.push(['GET', path, otherSchool]);
  // Spellings no route takes: refused before any file is looked for.
  for (const path of [
    `/data/reports/schools/${other.replace(/\d/g, (d) => `%25${d.charCodeAt(0).toString(16)}`)}.html`,
    `/data/reports/schools/../schools/${other}.html`,
    `/data/reports/schools/%2E%2E/schools/${other}.html`,
    `/data/reports/schools/./${other}.html`,
    `/data//reports/schools/${other}.html`,
    `/data/reports/schools%5C${other}.html`,
    `/data/reports/schools/${other}.html%00`,
    `/data/reports/schools/${other}.HTML`,
    `/DATA/reports/schools/${other}.html`,
    `/data/reports/schools/${[...other].map((d) => String.fromCharCode(0xff10 + Number(d))).map(encodeURIComponent).join('')}.html`,
    `/data/reports/schools/${own}.html/../${other}.html`,
  ]) rows.push(['GET', path, nowhere]);
  return rows;
}

beforeAll(async () => {
  const index = JSON.parse(readFileSync(join(sampleWarehouseDir(), 'current/reports/index.json'), 'utf8')) as ReportIndex;
  [own, other] = [index.schools[0].code, index.schools[1].code];
  industry = index.industries[0].code;
  platform = await platformServer(sampleWarehouseDir(), [
    { username: 'admin1', role: 'admin' },
    { username: 'analyst1', role: 'analyst' },
    { username: 'school1', role: 'school', schools: [own] },
    { username: 'provider1', role: 'provider', inputs: ['demand'] },
  ], { refresh: async () => 'test' });
  for (const who of WHO) {
    const client = new Client(platform.url);
    if (who !== 'anonymous') expect((await client.login(`${who}1`)).status).toBe(200);
    clients.set(who, client);
  }
});
afterAll(() => platform?.close());

describe('authorisation matrix', () => {
  it('answers every route and file with the status the table gives each role', async () => {
    const failures: string[] = [];
    for (const [method, path, expected] of matrix()) {
      for (const [i, who] of WHO.entries()) {
        const status = (await clients.get(who)!.send(method, path)).status;
        if (status !== expected[i]) failures.push(`${who} ${method} ${path}: ${status}, expected ${expected[i]}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('sends a signed-out page request to the login page', async () => {
    const reply = await raw(platform.url, 'GET', '/');
    expect(reply.headers.location).toBe('/login');
  });

  it("cuts every mart with school rows to the school's own, and leaves the analyst's whole", async () => {
    const school = clients.get('school')!;
    const analyst = clients.get('analyst')!;
    let cut = 0;
    for (const mart of sampleManifest().marts) {
      const mine = tableFromIPC((await school.get(`/data/marts/${mart.name}.arrow`)).body);
      const all = tableFromIPC((await analyst.get(`/data/marts/${mart.name}.arrow`)).body);
      expect(all.numRows, mart.name).toBe(mart.rows);
      const codes = mine.getChild('school_code');
      if (!codes) {
        expect(mine.numRows, mart.name).toBe(all.numRows);
        continue;
      }
      cut++;
      // A row without a school is one of the city's, kept only where the mart says so (SHARED_ROW_MARTS).
      const shared = SHARED_ROW_MARTS.has(mart.name);
      expect(new Set([...codes.toArray()].filter((c) => c !== null || !shared)), mart.name).toEqual(new Set(mine.numRows ? [own] : []));
      const ownRows = [...all.getChild('school_code')!.toArray()].filter((c) => c === own || (shared && c === null)).length;
      expect(mine.numRows, mart.name).toBe(ownRows);
      expect(mine.schema.fields.map((f) => f.name)).toEqual(all.schema.fields.map((f) => f.name));
    }
    // mart_school, mart_recommendation, … : the sample has marts at school grain.
    expect(cut).toBeGreaterThan(2);
    const provider = tableFromIPC((await clients.get('provider')!.get('/data/marts/mart_school.arrow')).body);
    expect(provider.numRows).toBe(0);
  });

  it('lists only its own reports to a school, and no industry reports', async () => {
    const mine = (await clients.get('school')!.get('/data/reports/index.json')).json<ReportIndex>();
    expect(mine.schools.map((s) => s.code)).toEqual([own]);
    expect(mine.industries).toEqual([]);
    const all = (await clients.get('analyst')!.get('/data/reports/index.json')).json<ReportIndex>();
    expect(all.schools.length).toBeGreaterThan(1);
    const manifest = (await clients.get('school')!.get('/data/manifest.json')).json();
    expect(manifest.rejects).toEqual([]);
  });

  it('records who downloaded which school report', async () => {
    await clients.get('analyst')!.get(`/data/reports/schools/${other}.xlsx`);
    const log = (await clients.get('admin')!.get('/api/audit?action=report_download')).json<{ actor: string; target: string }[]>();
    expect(log.some((e) => e.actor === 'analyst1' && e.target === `schools/${other}.xlsx`)).toBe(true);
  });
});
