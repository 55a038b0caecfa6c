/**
 * 数据状态 per provider: the last accepted delivery names the account that accepted it and when,
 * beside the account that sent it; the audit log names the acceptor too.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../pipeline/config/paths.ts';
import { uploadFilesDir } from '../../pipeline/config/accepted-inputs.ts';
import { openAppDb } from '../../pipeline/platform/app-db.ts';
import { addUser } from '../../pipeline/platform/accounts.ts';
import { acceptUpload, type CheckReport, type UploadSettings } from '../../pipeline/platform/uploads.ts';
import { deliveries } from '../../pipeline/platform/deliveries.ts';
import { listAudit } from '../../pipeline/platform/audit.ts';

describe('the last accepted delivery', () => {
  it('names who accepted it and when, not only who sent it', async () => {
    const warehouseDir = mkdtempSync(join(tmpdir(), 'deliveries-'));
    const settings: UploadSettings = {
      warehouseDir, dataDir: DEFAULTS.dataDir, referenceDir: DEFAULTS.referenceDir, policyPath: DEFAULTS.policyPath,
      maxBytes: 1 << 20, providerMayAccept: false,
    };
    mkdirSync(uploadFilesDir(warehouseDir), { recursive: true });
    const db = openAppDb(':memory:');
    const sender = await addUser(db, { username: 'rensheju', role: 'provider', inputs: ['demand'] });
    const admin = await addUser(db, { username: 'admin1', role: 'admin' });
    const check: CheckReport = { rows: 12, rejected: 1, rejects: [], error: null };
    const id = Number(db.prepare(`INSERT INTO uploads (input, original_name, stored_name, sha256, bytes, uploaded_by, uploaded_at, status, rows, rejected, check_report)
      VALUES ('demand', '需求.csv', '1-abc.csv', 'abc', 10, ?, '2026-03-01T08:00:00.000Z', 'checked', 12, 1, ?)`)
      .run(sender.id, JSON.stringify(check)).lastInsertRowid);
    expect(deliveries(db, admin).find((d) => d.input === 'demand')!.last_accepted).toBeNull();

    const accepted = acceptUpload(db, settings, admin, id, '10.0.0.9');
    const demand = deliveries(db, admin).find((d) => d.input === 'demand')!;
    expect(demand.last_accepted).toEqual({ at: accepted.decided_at, by: 'admin1', sent_by: 'rensheju', rows: 12, rejected: 1 });
    // The sender's own view says the same.
    expect(deliveries(db, sender)[0].last_accepted).toMatchObject({ by: 'admin1', sent_by: 'rensheju' });
    // The last delivery is still the sender's.
    expect(demand.last_upload).toMatchObject({ by: 'rensheju', status: 'accepted' });
    expect(listAudit(db, { action: 'upload_accepted' })).toMatchObject([{ actor: 'admin1', target: `demand#${id}`, ip: '10.0.0.9' }]);
  });
});
