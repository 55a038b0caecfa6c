/**
 * A department's account accepts its own deliveries only where the server allows it
 * (CHANJIAO_PROVIDER_ACCEPT): its session says so, which is what offers the button on its page.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../pipeline/config/paths.ts';
import { Client, platformServer, type Platform } from './helpers.ts';

const servers: Platform[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

async function sessionOf(username: string, providerMayAccept: boolean) {
  const warehouseDir = mkdtempSync(join(tmpdir(), 'provider-accept-'));
  const platform = await platformServer(warehouseDir, [{ username: 'rsj', role: 'provider', inputs: ['demand'] }, { username: 'admin1', role: 'admin' }], {
    uploads: { warehouseDir, dataDir: DEFAULTS.dataDir, referenceDir: DEFAULTS.referenceDir, policyPath: DEFAULTS.policyPath, maxBytes: 1 << 20, providerMayAccept },
  });
  servers.push(platform);
  const client = new Client(platform.url);
  expect((await client.login(username)).status).toBe(200);
  return (await client.get('/api/session')).json();
}

describe('a department accepting its own deliveries', () => {
  it('is told by its session whether it may, as the server is set', async () => {
    expect((await sessionOf('rsj', true)).accepts_own).toBe(true);
    expect((await sessionOf('rsj', false)).accepts_own).toBe(false);
    expect((await sessionOf('admin1', true)).accepts_own).toBe(false);
  });
});
