/**
 * 数据报送: a valid file, a broken one (every reject with line, column, value and reason), a huge
 * one, a zip bomb, a hostile name, a token upload; acceptance by an admin only; the next refresh
 * loads the accepted version; every step in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { refresh } from '../../pipeline/refresh/refresh.ts';
import { DEFAULTS, ROOT } from '../../pipeline/config/paths.ts';
import { POSTINGS_STORE } from '../../pipeline/postings/index.ts';
import { acceptedInputs, acceptedParts, acceptedPostingsDir, readAccepted, uploadSource, writeAccepted, writeUploadSource, uploadFilesDir, uploadsDir, type SchoolParts } from '../../pipeline/config/accepted-inputs.ts';
import { loadInputs } from '../../pipeline/load/index.ts';
import { listDailyFiles } from '../../pipeline/postings/daily-files.ts';
import type { InputOverrides } from '../../pipeline/load/locate-input.ts';
import { createUploadToken } from '../../pipeline/platform/accounts.ts';
import { zipProblem } from '../../pipeline/load/zip-check.ts';
import { dryRun, INTERRUPTED, OTHER_INPUT_FAILED } from '../../pipeline/platform/uploads.ts';
import { createGate } from '../../pipeline/platform/gate.ts';
import { servedManifest } from '../../pipeline/refresh/manifest.ts';
import { sampleWarehouseDir } from '../support/warehouse.ts';
import { zipOf } from '../support/zip.ts';
import { Client, platformServer, raw, type Platform } from './helpers.ts';

let platform: Platform;
let warehouseDir: string;
const demand = readFileSync(join(DEFAULTS.dataDir, 'demand.csv'), 'utf8');
const [header, ...lines] = demand.trimEnd().split('\n');

/** The sample's demand with the first row's openings set to a value no sample row has. */
const changed = () => [header, lines[0].replace(/,(\d+),(\d+)$/, ',98765,$2'), ...lines.slice(1)].join('\n') + '\n';

function upload(client: Client, input: string, name: string, body: Buffer | string, headers: Record<string, string> = {}) {
  return client.send('POST', `/api/uploads?input=${input}&name=${encodeURIComponent(name)}`, Buffer.from(body), { 'content-type': 'application/octet-stream', ...headers });
}

const clients: Record<string, Client> = {};
/** The school of the sample's first programme row, the school account's. */
const SCHOOL = readFileSync(join(DEFAULTS.dataDir, 'programmes.csv'), 'utf8').split('\n')[1].split(',')[1];

beforeAll(async () => {
  warehouseDir = mkdtempSync(join(tmpdir(), 'platform-uploads-'));
  // The served snapshot to start from: a copy of the sample's, with its postings store (no conversion again).
  cpSync(sampleWarehouseDir(), warehouseDir, { recursive: true, verbatimSymlinks: true });
  platform = await platformServer(warehouseDir, [
    { username: 'admin1', role: 'admin' },
    { username: 'rensheju', role: 'provider', inputs: ['demand'], display_name: '市人社局' },
    { username: 'analyst1', role: 'analyst' },
    { username: 'jiaowei', role: 'provider', inputs: ['programme_listing', 'programme_figures'], display_name: '市教委' },
    { username: 'zhaopin', role: 'provider', inputs: ['postings'], display_name: '招聘平台' },
    { username: 'xuexiao', role: 'school', schools: [SCHOOL], inputs: ['programmes', 'programme_figures', 'schools'], display_name: '某职业学校' },
  ]);
  for (const name of ['admin1', 'rensheju', 'analyst1', 'jiaowei', 'zhaopin', 'xuexiao']) {
    clients[name] = new Client(platform.url);
    expect((await clients[name].login(name)).status).toBe(200);
  }
});
afterAll(() => platform?.close());

const FIELDS = 'year, school_code, major_code, plan, enrolled, students, graduates, employment_rate, status';

/** The programme rows a load reads with these accepted files. */
async function rawProgrammes(overrides: InputOverrides, parts: SchoolParts = {}) {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  await loadInputs(conn, { dataDir: DEFAULTS.dataDir, referenceDir: DEFAULTS.referenceDir, policy: { reject_share_max: 0.05 }, overrides, parts });
  const rows = (await conn.runAndReadAll(`SELECT ${FIELDS} FROM raw_programmes ORDER BY ALL`)).getRowsJS();
  conn.closeSync();
  instance.closeSync();
  return rows;
}

describe('uploads', () => {
  it('checks a valid file in a dry run and keeps it as a new version under its own name', async () => {
    const reply = await upload(clients.rensheju, 'demand', '需求 2025.csv', changed());
    expect(reply.status).toBe(201);
    const up = reply.json();
    expect(up).toMatchObject({ input: 'demand', status: 'checked', original_name: '需求 2025.csv', rows: lines.length, rejected: 0 });
    expect(up.check.rejects).toEqual([]);
    // the server's file name and the sender's account id stay on the server
    expect(Object.keys(up)).not.toEqual(expect.arrayContaining(['stored_name']));
    expect(Object.keys(up)).not.toEqual(expect.arrayContaining(['uploader_id']));
    expect(readdirSync(uploadFilesDir(warehouseDir))).toEqual([expect.stringMatching(new RegExp(`^${up.id}-[0-9a-f]{16}\\.csv$`))]);
  });

  it('keeps the extension of a name cut to its longest, so a long file name is still the file it is', async () => {
    const name = `${'重庆市人力资源和社会保障局'.repeat(9)}产业需求.csv`;
    expect(name.length).toBeGreaterThan(120);
    const reply = await upload(clients.rensheju, 'demand', name, changed());
    expect(reply.status).toBe(201);
    const up = reply.json();
    expect(up.original_name).toHaveLength(120);
    expect(up.original_name).toBe(`${name.slice(0, 116)}.csv`);
  });

  it('shows every reject of a broken file with line, column, value and a Chinese reason', async () => {
    const broken = [header, lines[0].replace(/,(\d+),(\d+)$/, ',many,$2'), lines[1].replace(/^(\d+),(\d+),[^,]+/, '$1,$2,no_such_industry'), ...lines.slice(2)].join('\n');
    const up = (await upload(clients.rensheju, 'demand', 'broken.csv', broken)).json();
    expect(up.status).toBe('checked');
    expect(up.rejected).toBe(2);
    const own = up.check.rejects.filter((r: { table: string }) => r.table === 'demand');
    expect(own).toEqual([
      expect.objectContaining({ file: 'broken.csv', line: 2, column: 'openings', value: 'many' }),
      expect.objectContaining({ file: 'broken.csv', line: 3, column: 'industry_code', value: 'no_such_industry' }),
    ]);
    expect(own[0].reason).toMatch(/^不是整数 — not an integer/);
    expect(own[1].reason).toMatch(/^代码表中没有此 industry_code：no_such_industry/);
  });

  it('refuses a file over the size limit, a zip bomb, a wrong type, and inputs the account is not bound to', async () => {
    const before = readdirSync(uploadFilesDir(warehouseDir)).length;
    const huge = await upload(clients.rensheju, 'demand', 'huge.csv', Buffer.alloc(6 * 1024 * 1024, 0x31));
    expect(huge.status).toBe(413);
    expect(huge.json().error).toContain('文件过大');
    const bomb = zipOf(64 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(200_000);
    const refused = await upload(clients.rensheju, 'demand', 'demand.xlsx', bomb);
    expect(refused.status).toBe(422);
    expect(refused.json().error).toContain('压缩炸弹');
    expect(zipProblem(zipOf(1000))).toBeNull();
    expect((await upload(clients.rensheju, 'demand', 'demand.exe', 'MZ')).status).toBe(415);
    expect((await upload(clients.rensheju, 'schools', 'schools.csv', 'x')).status).toBe(403);
    expect((await upload(clients.analyst1, 'demand', 'demand.csv', changed())).status).toBe(403);
    expect(readdirSync(uploadFilesDir(warehouseDir)).length).toBe(before);
    // Each refusal is in the audit, with its status, though nothing was stored.
    const log = (await clients.admin1.get('/api/audit')).json<{ actor: string; action: string; target: string; detail: string }[]>();
    const refusals = log.filter((e) => e.action === 'upload' && e.detail.startsWith('refused')).map((e) => [e.actor, e.target, e.detail.slice(0, 13)]);
    expect(refusals).toEqual(expect.arrayContaining([
      ['rensheju', 'demand', 'refused (413)'], ['rensheju', 'demand', 'refused (422)'], ['rensheju', 'demand', 'refused (415)'], ['rensheju', 'schools', 'refused (403)'],
    ]));
  });

  it('counts the rows a school\'s file makes other files reject, which it is not shown one by one', async () => {
    const [head, ...rows] = readFileSync(join(DEFAULTS.dataDir, 'schools.csv'), 'utf8').trimEnd().split('\n');
    const own = rows.find((r) => r.startsWith(`${SCHOOL},`))!;
    const level = own.split(',')[2];
    const same = (await upload(clients.xuexiao, 'schools', '本校.csv', `${head}\n${own}\n`)).json();
    expect(same.check.others.rejected).toBe(same.check.others.served);
    // Its level changed, its programmes no longer match it: rejected in the folder's programmes.csv.
    const moved = (await upload(clients.xuexiao, 'schools', '本校.csv', `${head}\n${own.replace(`,${level},`, `,${level === 'secondary' ? 'higher' : 'secondary'},`)}\n`)).json();
    expect(moved).toMatchObject({ status: 'checked', rows: 1, rejected: 0 });
    expect(moved.check.rejects).toEqual([]);
    const programmes = readFileSync(join(DEFAULTS.dataDir, 'programmes.csv'), 'utf8').split('\n').filter((r) => r.split(',')[1] === SCHOOL).length;
    // the school's programmes, and the rows of other files naming them (its plan proposals)
    expect(moved.check.others.rejected - moved.check.others.served).toBeGreaterThanOrEqual(programmes);
  });

  it('reads a school account\'s file as its own school\'s rows, in place of those of the folder, and refuses rows of other schools', async () => {
    const [head, ...rows] = readFileSync(join(DEFAULTS.dataDir, 'programmes.csv'), 'utf8').trimEnd().split('\n');
    const own = rows[0].split(',')[1];
    const others = [...new Set(rows.map((r) => r.split(',')[1]))].filter((c) => c !== own).sort();
    const all = (await upload(clients.xuexiao, 'programmes', '本校专业点.csv', `${head}\n${rows.join('\n')}\n`)).json();
    expect(all.status).toBe('failed');
    expect(all.check.error).toBe(`本校专业点.csv: 含其他学校的数据 — ${rows.filter((r) => r.split(',')[1] !== own).length} rows of schools other than this account's `
      + `(${others.slice(0, 3).join(', ')} …): 学校账号只报送本校的数据 — a school account sends its own schools' rows only`);
    expect(JSON.stringify(all.check)).not.toContain(warehouseDir);

    // Its own rows, one plan changed: the rows of its school, every other school's as the folder has them.
    const mine = rows.filter((r) => r.split(',')[1] === own);
    const sent = [mine[0].replace(/^(\d+,\d+,\w+),\d+,/, '$1,777,'), ...mine.slice(1)];
    const checked = (await upload(clients.xuexiao, 'programmes', '本校专业点.csv', `${head}\n${sent.join('\n')}\n`)).json();
    expect(checked).toMatchObject({ status: 'checked', rows: mine.length, rejected: 0 });
    const years = [...new Set(mine.map((r) => Number(r.split(',')[0])))].sort();
    expect(checked.check).toMatchObject({ error: null, replaces: { schools: [own], years, covers: years.map((y) => `${own} ${y}`), rows: mine.length } });
    expect((await clients.admin1.send('POST', `/api/uploads/${checked.id}/accept`)).status).toBe(200);
    const record = readAccepted(warehouseDir);
    expect(record.files.programmes).toBeUndefined();
    // One school's rows are not the city's programmes a department is due to deliver.
    expect((await clients.admin1.send('PUT', '/api/deliveries/programmes', { every_days: 30 })).status).toBe(200);
    const due = (await clients.admin1.get('/api/deliveries')).json<{ input: string; last_accepted: unknown; overdue: boolean }[]>().find((d) => d.input === 'programmes')!;
    expect(due).toMatchObject({ last_accepted: null, overdue: true });
    expect((await clients.admin1.send('PUT', '/api/deliveries/programmes', { every_days: null })).status).toBe(200);
    expect(record.school_parts.programmes).toEqual([{ file: expect.stringMatching(new RegExp(`^${checked.id}-`)), schools: [own], covers: years.map((y) => `${own} ${y}`) }]);
    const folder = await rawProgrammes({});
    const merged = await rawProgrammes(acceptedInputs(warehouseDir), acceptedParts(warehouseDir));
    expect(merged.length).toBe(folder.length);
    const changedRows = merged.filter((r, i) => JSON.stringify(r) !== JSON.stringify(folder[i]));
    expect(changedRows).toEqual([[...folder.find((r) => `${r[0]},${r[1]},${r[2]}` === mine[0].split(',').slice(0, 3).join(','))!.slice(0, 3), 777,
      ...folder.find((r) => `${r[0]},${r[1]},${r[2]}` === mine[0].split(',').slice(0, 3).join(','))!.slice(4)]]);

    // Sent again, the newer file stands for the school and the older one is superseded.
    const again = (await upload(clients.xuexiao, 'programmes', '本校专业点.csv', `${head}\n${mine.join('\n')}\n`)).json();
    expect((await clients.admin1.send('POST', `/api/uploads/${again.id}/accept`)).status).toBe(200);
    expect(readAccepted(warehouseDir).school_parts.programmes).toEqual([expect.objectContaining({ file: expect.stringMatching(new RegExp(`^${again.id}-`)) })]);
    const mineNow = (await clients.xuexiao.get('/api/uploads')).json<{ id: number; status: string }[]>();
    expect(mineNow.filter((u) => u.id === checked.id || u.id === again.id).map((u) => u.status)).toEqual(['accepted', 'superseded']);
    expect(await rawProgrammes(acceptedInputs(warehouseDir), acceptedParts(warehouseDir))).toEqual(folder);

    // Its figures are its own rows too: never paired with a listing, which would stand for the city's.
    const paired = await clients.xuexiao.send('POST', `/api/uploads?input=programme_figures&name=f.csv&listing=${again.id}`, Buffer.from('x'), { 'content-type': 'application/octet-stream' });
    expect([paired.status, paired.json().code]).toEqual([400, 'bad_listing']);
  });

  it('tells a school that another input of the folder fails, not why: the reason may quote other schools', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'platform-broken-folder-'));
    cpSync(DEFAULTS.dataDir, dataDir, { recursive: true });
    // The folder's demand without its openings column: a failure of the whole file, which names it.
    writeFileSync(join(dataDir, 'demand.csv'), demand.split('\n').map((l) => l.replace(/,[^,]*$/, '')).join('\n'));
    const [head, ...rows] = readFileSync(join(DEFAULTS.dataDir, 'programmes.csv'), 'utf8').trimEnd().split('\n');
    const file = join(dataDir, 'mine.csv');
    writeFileSync(file, `${head}\n${rows.filter((r) => r.split(',')[1] === SCHOOL).join('\n')}\n`);
    const settings = { warehouseDir, dataDir, referenceDir: DEFAULTS.referenceDir, policyPath: DEFAULTS.policyPath, maxBytes: 1e6, providerMayAccept: false };
    const school = { id: 0, username: 'x', display_name: 'x', role: 'school' as const, disabled: false, must_change_password: false, schools: [SCHOOL], inputs: ['programmes'] };
    const asSchool = await dryRun(settings, [{ input: 'programmes', file, shownAs: '本校.csv' }], school);
    expect(asSchool.error).toBe(OTHER_INPUT_FAILED);
    // An admin is told the reason.
    const asAdmin = await dryRun(settings, [{ input: 'programmes', file, shownAs: '本校.csv' }], { ...school, role: 'admin' });
    expect(asAdmin.error).toContain('demand.csv');
  });

  it('names an accepted file that fails as its sender named it, never by the server\'s path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'platform-accepted-'));
    mkdirSync(uploadFilesDir(dir), { recursive: true });
    const [head, ...rows] = readFileSync(join(DEFAULTS.dataDir, 'programmes.csv'), 'utf8').trimEnd().split('\n');
    // A school's accepted file holding another school's row: the load stops on it.
    writeFileSync(join(uploadFilesDir(dir), '7-0123456789abcdef.csv'), `${head}\n${rows.find((r) => r.split(',')[1] !== SCHOOL)}\n`);
    writeUploadSource(dir, '7-0123456789abcdef.csv', { upload: 7, name: '本校专业点.csv', by: 'xuexiao', at: '2026-12-01T00:00:00Z' });
    writeAccepted(dir, { files: {}, school_parts: { programmes: [{ file: '7-0123456789abcdef.csv', schools: [SCHOOL], covers: [] }] } });
    const settings = { warehouseDir: dir, dataDir: DEFAULTS.dataDir, referenceDir: DEFAULTS.referenceDir, policyPath: DEFAULTS.policyPath, maxBytes: 1e6, providerMayAccept: false };
    const file = join(dir, 'demand.csv');
    writeFileSync(file, demand);
    const admin = { id: 0, username: 'a', display_name: 'a', role: 'admin' as const, disabled: false, must_change_password: false, schools: [], inputs: [] };
    const check = await dryRun(settings, [{ input: 'demand', file, shownAs: 'demand.csv' }], admin);
    expect(check.error).toContain('本校专业点.csv（数据报送第 7 号）: 含其他学校的数据');
    expect(check.error).not.toContain(dir);
  });

  it('never lets a name become a path', async () => {
    const up = (await upload(clients.rensheju, 'demand', '../../../etc/\u202eevil\u0000\\..\\passwd.csv', changed())).json();
    // Only the last path segment is kept for display, without control or bidi characters.
    expect(up.original_name).toBe('passwd.csv');
    expect(readdirSync(uploadFilesDir(warehouseDir)).every((f) => /^\d+-[0-9a-f]{16}\.(csv|xlsx)$/.test(f))).toBe(true);
    expect(existsSync(join(warehouseDir, 'etc'))).toBe(false);
  });

  it('accepts only by an admin; the next refresh loads the accepted version', async () => {
    const list = (await clients.rensheju.get('/api/uploads')).json<{ id: number; status: string; original_name: string }[]>();
    const valid = list.find((u) => u.original_name === '需求 2025.csv')!;
    expect((await clients.rensheju.send('POST', `/api/uploads/${valid.id}/accept`)).status).toBe(403);
    const accepted = await clients.admin1.send('POST', `/api/uploads/${valid.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    expect(Object.keys(accepted.json())).not.toEqual(expect.arrayContaining(['stored_name']));
    expect(readAccepted(warehouseDir).files.demand).toMatch(new RegExp(`^${valid.id}-`));

    const { manifest, snapshotDir } = await refresh({ dataDir: DEFAULTS.dataDir, referenceDir: DEFAULTS.referenceDir, warehouseDir, acceptDrift: true });
    expect(manifest.mode).toBe('full');
    const db = await DuckDBInstance.create(join(snapshotDir, 'warehouse.duckdb'), { access_mode: 'READ_ONLY' });
    const conn = await db.connect();
    const [year, district, industry, level] = lines[0].split(',');
    const rows = (await conn.runAndReadAll(`SELECT openings FROM raw_demand WHERE year = ${year} AND district_code = '${district}' AND industry_code = '${industry}' AND level = '${level}'`)).getRowsJS();
    expect(rows).toEqual([[98765]]);
    conn.closeSync();
    db.closeSync();

    // A second accepted version supersedes the first, which stays listed.
    const second = (await upload(clients.rensheju, 'demand', 'again.csv', demand)).json();
    await clients.admin1.send('POST', `/api/uploads/${second.id}/accept`);
    const all = (await clients.admin1.get('/api/uploads')).json<{ id: number; status: string }[]>();
    expect(all.find((u) => u.id === valid.id)!.status).toBe('superseded');
    expect(all.find((u) => u.id === second.id)!.status).toBe('accepted');
  });

  it('takes a scripted delivery with an upload token, without a session or CSRF token', async () => {
    const token = createUploadToken(platform.db, 'rensheju', 'nightly');
    const reply = await raw(platform.url, 'POST', '/api/uploads?input=demand&name=nightly.csv', { authorization: `Bearer ${token}` }, demand);
    expect(reply.status).toBe(201);
    expect((await raw(platform.url, 'POST', '/api/uploads?input=demand&name=x.csv', { authorization: 'Bearer cjt_not-a-real-token-at-all' }, demand)).status).toBe(401);
    // A script's token is for deliveries: the dashboard's data, the accounts and the audit stay closed to it.
    for (const path of ['/data/manifest.json', '/data/marts/mart_gap.arrow', '/api/audit', '/api/users']) {
      const refused = await raw(platform.url, 'GET', path, { authorization: `Bearer ${token}` });
      expect([path, refused.status, refused.json<{ code: string }>().code]).toEqual([path, 403, 'token_scope']);
    }
    expect((await raw(platform.url, 'GET', '/api/uploads', { authorization: `Bearer ${token}` })).status).toBe(200);
  });

  it('makes upload tokens for provider accounts only', () => {
    expect(() => createUploadToken(platform.db, 'admin1')).toThrow('upload tokens are for provider accounts');
  });

  it('writes every step to the audit log and shows deliveries per input', async () => {
    const log = (await clients.admin1.get('/api/audit')).json<{ actor: string; action: string; target: string }[]>();
    expect(log.filter((e) => e.actor === 'rensheju' && e.action === 'upload').length).toBeGreaterThanOrEqual(4);
    expect(log.filter((e) => e.actor === 'admin1' && e.action === 'upload_accepted' && e.target.startsWith('demand#')).length).toBe(2);
    expect(log.filter((e) => e.actor === 'admin1' && e.action === 'upload_accepted' && e.target.startsWith('programmes#')).length).toBe(2);
    const csv = (await clients.admin1.get('/api/audit.csv'));
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text().startsWith('\ufeff')).toBe(true);
    expect(csv.text().split('\r\n').length).toBeGreaterThan(log.length);
    const deliveries = (await clients.rensheju.get('/api/deliveries')).json<{ input: string; providers: string[]; last_accepted: unknown }[]>();
    expect(deliveries.map((d) => d.input)).toEqual(['demand']);
    expect(deliveries[0].providers).toEqual(['rensheju']);
    expect(deliveries[0].last_accepted).not.toBeNull();
  });

  it('withdraws an accepted upload, by an admin only: the next load reads what it replaced', async () => {
    const school = (await clients.xuexiao.get('/api/uploads')).json<{ id: number; status: string; original_name: string }[]>().find((u) => u.status === 'accepted')!;
    // A failure in the school's own accepted file is told to it: its level changed, its own programmes file no longer loads.
    const [head, ...rows] = readFileSync(join(DEFAULTS.dataDir, 'schools.csv'), 'utf8').trimEnd().split('\n');
    const own = rows.find((r) => r.startsWith(`${SCHOOL},`))!;
    const level = own.split(',')[2];
    const moved = (await upload(clients.xuexiao, 'schools', '本校.csv', `${head}\n${own.replace(`,${level},`, `,${level === 'secondary' ? 'higher' : 'secondary'},`)}\n`)).json();
    expect(moved.status).toBe('failed');
    expect(moved.check.error).toContain(`${school.original_name}（数据报送第 ${school.id} 号）`);
    expect(readAccepted(warehouseDir).school_parts.programmes).toHaveLength(1);
    expect((await clients.xuexiao.send('POST', `/api/uploads/${school.id}/withdraw`)).status).toBe(403);
    expect((await clients.rensheju.send('POST', `/api/uploads/${school.id}/withdraw`)).status).toBe(403);
    const withdrawn = await clients.admin1.send('POST', `/api/uploads/${school.id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.json().status).toBe('withdrawn');
    expect(readAccepted(warehouseDir).school_parts).toEqual({});
    expect(readAccepted(warehouseDir).files.demand).toBeDefined();
    expect((await clients.admin1.send('POST', `/api/uploads/${school.id}/withdraw`)).status).toBe(409);
    const log = (await clients.admin1.get('/api/audit')).json<{ actor: string; action: string; target: string }[]>();
    expect(log.filter((e) => e.action === 'upload_withdrawn').map((e) => [e.actor, e.target])).toEqual([['admin1', `programmes#${school.id}`]]);
  });

  it('fails a delivery whose check a restart of the server cut short, saying so, and removes the check\'s scratch folder', async () => {
    // What receiveUpload leaves while the check runs, had the server stopped then.
    const sender = platform.db.prepare(`SELECT id FROM users WHERE username = 'rensheju'`).pluck().get();
    const id = Number(platform.db.prepare(`INSERT INTO uploads (input, original_name, stored_name, sha256, bytes, uploaded_by, uploaded_at, status, check_report)
      VALUES ('demand', '大文件.csv', 'pending-0123-1-0.5', '0123456789abcdef0123', 10, ?, ?, 'failed', '{"rows":0,"rejected":0,"rejects":[],"error":"检查中 — being checked"}')`)
      .run(sender, new Date().toISOString()).lastInsertRowid);
    const left = join(uploadsDir(warehouseDir), 'check-left');
    mkdirSync(left, { recursive: true });
    // The server starts again.
    createGate({ db: platform.db, trustProxy: false, uploads: { warehouseDir, dataDir: DEFAULTS.dataDir, referenceDir: DEFAULTS.referenceDir,
      policyPath: DEFAULTS.policyPath, maxBytes: 1 << 20, providerMayAccept: false } });
    const shown = (await clients.rensheju.get(`/api/uploads/${id}`)).json();
    expect([shown.status, shown.check.error]).toEqual(['failed', INTERRUPTED]);
    expect(existsSync(left)).toBe(false);
    const log = (await clients.admin1.get('/api/audit')).json<{ actor: string; action: string; target: string; detail: string }[]>();
    expect(log.find((e) => e.target === `demand#${id}`)).toMatchObject({ actor: 'rensheju', action: 'upload', detail: `failed: ${INTERRUPTED}` });
  });

  it('tells the sender what loading does to its file, and names the file as sent in the published warnings', async () => {
    // A title above the header and a 合计 row below the data, as an exported sheet has them.
    const demand = readFileSync(join(DEFAULTS.dataDir, 'demand.csv'), 'utf8').trimEnd();
    const sent = (await upload(clients.rensheju, 'demand', '2025年产业需求.csv', `2025年重庆市重点产业人才需求\n${demand}\n合计,,,,1,1\n`)).json();
    expect(sent.status).toBe('checked');
    expect(sent.check.warnings.length).toBeGreaterThanOrEqual(2);
    for (const w of sent.check.warnings) expect(w).toMatch(/^2025年产业需求\.csv/);
    expect(sent.check.warnings.join('\n')).toContain('合计');
    expect(JSON.stringify(sent.check)).not.toContain(uploadFilesDir(warehouseDir));
    expect((await clients.admin1.send('POST', `/api/uploads/${sent.id}/accept`)).status).toBe(200);
    const { manifest } = await refresh({ dataDir: DEFAULTS.dataDir, referenceDir: DEFAULTS.referenceDir, warehouseDir, acceptDrift: true });
    const about = manifest.warnings.filter((w) => w.includes(`2025年产业需求.csv（数据报送第 ${sent.id} 号）`));
    expect(about.length).toBe(sent.check.warnings.length);
    expect(manifest.warnings.join('\n')).not.toMatch(/uploads\/files/);
  }, 60_000);

  it('warns before acceptance that the next refresh would stop on its drift checks, for a file far smaller than what is served', async () => {
    const [head, ...rows] = readFileSync(join(DEFAULTS.dataDir, 'demand.csv'), 'utf8').trimEnd().split('\n');
    const year = rows.at(-1)!.split(',')[0];
    const part = rows.filter((r) => r.startsWith(`${year},`));
    const sent = (await upload(clients.rensheju, 'demand', `${year}年.csv`, `${head}\n${part.join('\n')}\n`)).json();
    expect(sent.status).toBe('checked');
    const served = servedManifest(warehouseDir)!.inputs.find((i) => i.table === 'demand')!;
    expect(sent.check.drift).toEqual([expect.stringMatching(new RegExp(`^demand: ${served.rows} → ${part.length} rows \\(−\\d+ %, limit 30 %\\)$`))]);
    // the whole table again: nothing to say
    const whole = (await upload(clients.rensheju, 'demand', 'all.csv', readFileSync(join(DEFAULTS.dataDir, 'demand.csv')))).json();
    expect(whole.check.drift).toBeUndefined();
  });

  it('refuses to accept a delivery over a newer accepted one of the same data, until that one is withdrawn', async () => {
    const demand = readFileSync(join(DEFAULTS.dataDir, 'demand.csv'));
    const older = (await upload(clients.rensheju, 'demand', 'older.csv', demand)).json();
    const newer = (await upload(clients.rensheju, 'demand', 'newer.csv', demand)).json();
    expect((await clients.admin1.send('POST', `/api/uploads/${newer.id}/accept`)).status).toBe(200);
    const refused = await clients.admin1.send('POST', `/api/uploads/${older.id}/accept`);
    expect([refused.status, refused.json().code]).toEqual([409, 'newer_accepted']);
    expect(refused.json().error).toContain(`较新的报送 #${newer.id}（newer.csv）已采用`);
    expect(readAccepted(warehouseDir).files.demand).toMatch(new RegExp(`^${newer.id}-`));
    expect((await clients.admin1.send('POST', `/api/uploads/${newer.id}/withdraw`)).status).toBe(200);
    expect((await clients.admin1.send('POST', `/api/uploads/${older.id}/accept`)).status).toBe(200);
    expect(readAccepted(warehouseDir).files.demand).toMatch(new RegExp(`^${older.id}-`));
  });
});

describe('a 备案 listing with its figures', () => {
  // The sample's programmes as a bureau has them: the 备案 listing (which school runs which major) and
  // the figures of each listed programme, in two files that are only valid together.
  const programmes = readFileSync(join(DEFAULTS.dataDir, 'programmes.csv'), 'utf8').trimEnd().split('\n');
  const listing = ['年份,学校代码,专业代码,备注', ...programmes.slice(1).map((l) => `${l.split(',').slice(0, 3).join(',')},`)].join('\n') + '\n';
  const figures = `${programmes.join('\n')}\n`;
  it('fails each file alone, each naming what it lacks, as neither is valid without the other', async () => {
    const alone = (await upload(clients.jiaowei, 'programme_listing', '2025年备案结果.csv', listing)).json();
    expect(alone).toMatchObject({ input: 'programme_listing', status: 'failed', listing_id: null });
    expect(alone.check.error).toContain('2025年备案结果.csv: 缺少招生与在校生数据');
    expect(alone.check.error).not.toContain(warehouseDir);
    const lone = (await upload(clients.jiaowei, 'programme_figures', '招生数据.csv', figures)).json();
    expect(lone.status).toBe('failed');
    expect(lone.check.error).toContain('招生数据.csv: 没有对应的备案名单');
  });

  it('checks figures submitted with a pending listing together, and accepts the pair in place of programmes.csv', async () => {
    const list = (await upload(clients.jiaowei, 'programme_listing', '备案结果.csv', listing)).json();
    const reply = await clients.jiaowei.send('POST', `/api/uploads?input=programme_figures&name=${encodeURIComponent('招生数据.csv')}&listing=${list.id}`,
      Buffer.from(figures), { 'content-type': 'application/octet-stream' });
    expect(reply.status).toBe(201);
    const pair = reply.json();
    expect(pair).toMatchObject({ input: 'programme_figures', listing_id: list.id, status: 'checked', rows: programmes.length - 1, rejected: 0 });
    expect(pair.check.error).toBeNull();

    expect((await clients.admin1.send('POST', `/api/uploads/${pair.id}/accept`)).status).toBe(200);
    const all = (await clients.admin1.get('/api/uploads')).json<{ id: number; status: string }[]>();
    expect(all.filter((u) => u.id === pair.id || u.id === list.id).map((u) => u.status)).toEqual(['accepted', 'accepted']);
    const record = readAccepted(warehouseDir).files;
    expect(record.programme_listing).toMatch(new RegExp(`^${list.id}-`));
    expect(record.programme_figures).toMatch(new RegExp(`^${pair.id}-`));
    expect(record.programmes).toBeUndefined();
    // The next load reads the pair, to the same programme rows as the folder's programmes.csv.
    expect(await rawProgrammes(acceptedInputs(warehouseDir))).toEqual(await rawProgrammes({}));
  });

  it('takes the pair out when a programmes file is accepted, and pairs figures only with a pending listing of the sender', async () => {
    const own = (await upload(clients.admin1, 'programmes', 'programmes.csv', figures)).json();
    expect(own.status).toBe('checked');
    await clients.admin1.send('POST', `/api/uploads/${own.id}/accept`);
    const record = readAccepted(warehouseDir).files;
    expect(Object.keys(record).sort()).toEqual(['demand', 'programmes']);
    const all = (await clients.admin1.get('/api/uploads')).json<{ input: string; status: string; uploaded_by: string }[]>();
    expect(all.filter((u) => u.input.startsWith('programme_') && u.status === 'accepted')).toEqual([]);
    // A whole programmes file is the newest word on every school's rows: the school's own file goes too.
    expect(readAccepted(warehouseDir).school_parts).toEqual({});
    expect(all.filter((u) => u.uploaded_by === 'xuexiao' && u.status === 'accepted')).toEqual([]);

    const theirs = (await upload(clients.admin1, 'programme_listing', 'admin.csv', listing)).json();
    const send = (who: Client, id: number, input = 'programme_figures') => who.send('POST', `/api/uploads?input=${input}&name=f.csv&listing=${id}`,
      Buffer.from(figures), { 'content-type': 'application/octet-stream' });
    expect((await send(clients.jiaowei, theirs.id)).status).toBe(404);
    expect((await send(clients.admin1, own.id)).status).toBe(404);
    expect((await send(clients.admin1, theirs.id, 'programme_listing')).status).toBe(400);
    await clients.admin1.send('POST', `/api/uploads/${theirs.id}/discard`);
    expect((await send(clients.admin1, theirs.id)).status).toBe(409);
  });

  it('withdraws an accepted listing with the figures accepted with it, back to the folder\'s programmes', async () => {
    const list = (await upload(clients.jiaowei, 'programme_listing', '备案结果.csv', listing)).json();
    const pair = (await clients.jiaowei.send('POST', `/api/uploads?input=programme_figures&name=${encodeURIComponent('招生数据.csv')}&listing=${list.id}`,
      Buffer.from(figures), { 'content-type': 'application/octet-stream' })).json();
    expect((await clients.admin1.send('POST', `/api/uploads/${pair.id}/accept`)).status).toBe(200);
    expect(Object.keys(readAccepted(warehouseDir).files).sort()).toEqual(['demand', 'programme_figures', 'programme_listing']);
    expect((await clients.admin1.send('POST', `/api/uploads/${list.id}/withdraw`)).json().status).toBe('withdrawn');
    expect(Object.keys(readAccepted(warehouseDir).files)).toEqual(['demand']);
    const all = (await clients.admin1.get('/api/uploads')).json<{ id: number; status: string }[]>();
    expect(all.filter((u) => u.id === pair.id || u.id === list.id).map((u) => u.status)).toEqual(['withdrawn', 'withdrawn']);
  });
});

describe('a day of the postings feed', () => {
  // The sample's last day as another day's delivery: its postings re-dated and given new ids.
  const [head, ...rows] = readFileSync(join(DEFAULTS.dataDir, 'postings', '2025-12-31.csv'), 'utf8').trimEnd().split('\n');
  const dayOf = (day: string, edit = (row: string, _i: number) => row) =>
    [head, ...rows.map((r, i) => edit(r.replace('2025-12-31', day).replace(/^CQ/, 'PF'), i))].join('\n') + '\n';
  const days = () => listDailyFiles(DEFAULTS.dataDir, () => {}, new Date(), warehouseDir);
  /** The same rows as a workbook, every cell text. */
  async function xlsxOf(csv: string): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('岗位');
    for (const line of csv.trimEnd().split('\n')) sheet.addRow(line.split(','));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it('checks a day as the refresh converts it, each reject with its line, and refuses a name that is not a day', async () => {
    const broken = dayOf('2024-12-31', (row, i) => (i === 1 ? row.replace(/,5\d{5},/, ',999999,') : row));
    const up = (await upload(clients.zhaopin, 'postings', '2024-12-31.csv', broken)).json();
    expect(up).toMatchObject({ input: 'postings', status: 'checked', rows: rows.length - 1, rejected: 1 });
    expect(up.check.rejects).toEqual([expect.objectContaining({ table: 'postings', file: '2024-12-31.csv', line: 3, column: 'district_code', value: '999999' })]);
    expect(up.check.rejects[0].reason).toMatch(/^代码表中没有此 district_code/);
    for (const name of ['postings.csv', '2024-02-30.csv', '2999-01-01.csv']) {
      const refused = await upload(clients.zhaopin, 'postings', name, dayOf('2024-12-31'));
      expect(refused.status).toBe(400);
    }
    expect((await upload(clients.rensheju, 'postings', '2024-12-31.csv', dayOf('2024-12-31'))).status).toBe(403);
  });

  it('once accepted, stands in for the folder’s file of its day at the next refresh; a later delivery of the day supersedes it', async () => {
    const first = (await upload(clients.zhaopin, 'postings', '2025-12-31.csv', dayOf('2025-12-31'))).json();
    expect(first.status).toBe('checked');
    expect((await clients.admin1.send('POST', `/api/uploads/${first.id}/accept`)).status).toBe(200);
    const dir = acceptedPostingsDir(warehouseDir);
    expect(readdirSync(dir)).toEqual(['2025-12-31.csv']);
    expect(days().find((d) => d.name === '2025-12-31.csv')!.path).toBe(join(dir, '2025-12-31.csv'));
    expect(days()).toHaveLength(readdirSync(join(DEFAULTS.dataDir, 'postings')).length);
    expect(Object.keys(readAccepted(warehouseDir).files)).not.toContain('postings');
    // The next refresh names the day as delivered: by whom, as which submission.
    const { manifest } = await refresh({ dataDir: DEFAULTS.dataDir, referenceDir: DEFAULTS.referenceDir, warehouseDir, acceptDrift: true });
    expect(manifest.inputs.find((i) => i.table === 'postings')!.uploads).toEqual([{
      file: join('uploads', 'postings', '2025-12-31.csv'), upload: { upload: first.id, name: '2025-12-31.csv', by: 'zhaopin', at: first.uploaded_at },
    }]);

    const again = (await upload(clients.zhaopin, 'postings', '2025-12-31.xlsx', await xlsxOf(dayOf('2025-12-31')))).json();
    expect(again.status).toBe('checked');
    await clients.admin1.send('POST', `/api/uploads/${again.id}/accept`);
    expect(readdirSync(dir)).toEqual(['2025-12-31.xlsx']);
    expect(uploadSource(warehouseDir, join(dir, '2025-12-31.csv'))).toBeNull();
    expect(uploadSource(warehouseDir, join(dir, '2025-12-31.xlsx'))).toMatchObject({ upload: again.id, name: '2025-12-31.xlsx' });
    const all = (await clients.admin1.get('/api/uploads')).json<{ id: number; status: string }[]>();
    expect(all.filter((u) => u.id === first.id || u.id === again.id).map((u) => u.status)).toEqual(['accepted', 'superseded']);

    // Withdrawn, the day is the folder's again.
    expect((await clients.admin1.send('POST', `/api/uploads/${again.id}/withdraw`)).json().status).toBe('withdrawn');
    expect(readdirSync(dir)).toEqual([]);
    expect(uploadSource(warehouseDir, join(dir, '2025-12-31.xlsx'))).toBeNull();
    expect(days().find((d) => d.name === '2025-12-31.csv')!.path).toBe(join(DEFAULTS.dataDir, 'postings', '2025-12-31.csv'));
  });
});
