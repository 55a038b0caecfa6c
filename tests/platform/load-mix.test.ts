/**
 * A bounded load of signed-in users: 16 browsers' worth of admins, analysts, schools and providers
 * fetching what their pages fetch, all at once. No request may fail or get another role's answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportIndex } from '../../pipeline/reports/generate-reports.ts';
import { sampleManifest, sampleWarehouseDir } from '../support/warehouse.ts';
import { Client, platformServer, type Platform } from './helpers.ts';

let platform: Platform;
let own: string;
let other: string;

beforeAll(async () => {
  const index = JSON.parse(readFileSync(join(sampleWarehouseDir(), 'current/reports/index.json'), 'utf8')) as ReportIndex;
  [own, other] = [index.schools[0].code, index.schools[1].code];
  platform = await platformServer(sampleWarehouseDir(), [
    { username: 'admin1', role: 'admin' }, { username: 'analyst1', role: 'analyst' },
    { username: 'school1', role: 'school', schools: [own] }, { username: 'provider1', role: 'provider', inputs: ['demand'] },
  // Every session signs in from this one address: the per-address throttle would (rightly) stop the 11th.
  ], { loginPolicy: { maxFailures: 5, lockMs: 60_000, perAddressPerMinute: 100 } });
});
afterAll(() => platform?.close());

describe('a logged-in mix under load', () => {
  it('answers every request of 16 concurrent sessions without an error', async () => {
    const marts = sampleManifest().marts.map((m) => `/data/marts/${m.name}.arrow`);
    const common = ['/api/session', '/data/manifest.json', '/data/history.json', '/data/marts/split.json', '/data/reports/index.json', ...marts];
    const plans: Record<string, [string, number][]> = {
      admin1: [...common.map((p): [string, number] => [p, 200]), ['/api/audit', 200], ['/api/uploads', 200], [`/data/reports/schools/${other}.html`, 200]],
      analyst1: [...common.map((p): [string, number] => [p, 200]), [`/data/marts/schools/${other}.arrow`, 200], [`/data/reports/schools/${other}.xlsx`, 200]],
      school1: [...common.map((p): [string, number] => [p, 200]), [`/data/marts/schools/${own}.arrow`, 200], [`/data/reports/schools/${other}.html`, 403]],
      provider1: [...common.map((p): [string, number] => [p, 200]), ['/api/deliveries', 200], [`/data/marts/schools/${own}.arrow`, 403]],
    };
    const sessions = await Promise.all(Object.keys(plans).flatMap((name) => [0, 1, 2, 3].map(async () => {
      const client = new Client(platform.url);
      expect((await client.login(name)).status).toBe(200);
      return { name, client };
    })));
    const failures: string[] = [];
    let requests = 0;
    const t0 = performance.now();
    await Promise.all(sessions.map(async ({ name, client }) => {
      for (let round = 0; round < 3; round++) {
        for (const [path, expected] of plans[name]) {
          const status = (await client.get(path)).status;
          requests++;
          if (status !== expected) failures.push(`${name} ${path}: ${status}, expected ${expected}`);
        }
      }
    }));
    const seconds = (performance.now() - t0) / 1000;
    console.log(`load mix: ${requests} requests from ${sessions.length} sessions in ${seconds.toFixed(1)} s`);
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(1000);
  }, 300_000);
});
