/** `npm run users` and the start-up rule: no accounts → loopback only; accounts → everyone signs in. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, DEFAULTS } from '../../pipeline/config/paths.ts';
import { appDbPath, openAppDb } from '../../pipeline/platform/app-db.ts';
import { findUser } from '../../pipeline/platform/accounts.ts';
import { platformGate, platformSettings } from '../../pipeline/platform/settings.ts';
import { startServer } from '../../pipeline/serve/http-server.ts';
import { fakeDist } from './helpers.ts';

const users = (warehouse: string, args: string[], input?: string) =>
  spawnSync('npx', ['tsx', 'pipeline/cli.ts', 'users', ...args, '--warehouse', warehouse], { cwd: ROOT, encoding: 'utf8', input, timeout: 60_000 });

const setup = (warehouseDir: string, host: string) => ({
  host, warehouseDir, dataDir: DEFAULTS.dataDir, referenceDir: DEFAULTS.referenceDir, policyPath: DEFAULTS.policyPath, settings: platformSettings({}),
});

describe('npm run users', () => {
  it('adds, lists, changes and resets accounts, and issues upload tokens', () => {
    const warehouse = mkdtempSync(join(tmpdir(), 'users-cli-'));
    const add = users(warehouse, ['add', 'cq-school', '--role', 'school', '--school', '5001', '--school', '5002', '--name', '某职教中心']);
    expect(add.status, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/初始密码 one-time password: \S{16}/);
    expect(users(warehouse, ['add', 'boss', '--role', 'admin', '--password-stdin'], 'a long enough secret\n').status).toBe(0);
    expect(users(warehouse, ['add', 'rsj', '--role', 'provider', '--input', 'demand']).status).toBe(0);
    const noSchool = users(warehouse, ['add', 'bad', '--role', 'school']);
    expect(noSchool.status).toBe(1);
    expect(noSchool.stderr).toContain('学校账号必须绑定学校代码');
    expect(users(warehouse, ['list']).stdout).toMatch(/cq-school\s+school\s+某职教中心 schools 5001,5002/);
    expect(users(warehouse, ['set', 'cq-school', '--disable']).status).toBe(0);
    const token = users(warehouse, ['token', 'rsj']);
    expect(token.stdout).toMatch(/cjt_[\w-]{20,}/);
    expect(users(warehouse, ['schedule', 'demand', '30']).status).toBe(0);
    expect(users(warehouse, ['schedule', 'nonsense', '30']).status).toBe(1);
    const db = openAppDb(appDbPath(warehouse));
    expect(findUser(db, 'cq-school')).toMatchObject({ disabled: true, must_change_password: true, schools: ['5001', '5002'] });
    expect(findUser(db, 'boss')).toMatchObject({ role: 'admin', must_change_password: false });
    db.close();
  }, 120_000);
});

describe('start-up rule', () => {
  it('serves login-free on loopback without accounts, refuses any other address, and asks for login once accounts exist', async () => {
    const warehouse = mkdtempSync(join(tmpdir(), 'users-start-'));
    expect(platformGate(setup(warehouse, '127.0.0.1'))).toBeUndefined();
    expect(() => platformGate(setup(warehouse, '0.0.0.0'))).toThrow(/没有账号，拒绝在 0\.0\.0\.0 上提供服务/);
    await expect(startServer({ host: '0.0.0.0', port: 0, warehouseDir: warehouse, distDir: fakeDist() })).rejects.toThrow(/127\.0\.0\.1/);
    expect(users(warehouse, ['add', 'boss', '--role', 'admin']).status).toBe(0);
    const gate = platformGate(setup(warehouse, '0.0.0.0'));
    expect(gate?.mode).toBe('accounts');
    const server = await startServer({ host: '127.0.0.1', port: 0, warehouseDir: warehouse, distDir: fakeDist(), gate });
    try {
      const page = await fetch(server.url, { redirect: 'manual' });
      expect(page.status).toBe(302);
      expect((await (await fetch(new URL('/api/session', server.url))).json()).mode).toBe('accounts');
    } finally {
      await server.close();
    }
  }, 120_000);
});
