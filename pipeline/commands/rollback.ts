/** `npm run rollback`: lists snapshots, or points `current` back at an earlier one. */
import { parseArgs } from 'node:util';
import { DEFAULTS } from '../config/paths.ts';
import { existsSync } from 'node:fs';
import { currentSnapshot, describeSnapshot, listSnapshots } from '../refresh/snapshot.ts';
import { rollBack } from '../refresh/roll-back.ts';
import { appDbPath, openAppDb } from '../platform/app-db.ts';
import { audit } from '../platform/audit.ts';

export const help = `用法 Usage: npm run rollback -- [--to SNAPSHOT | --previous] [--warehouse DIR]

回滚到较早的数据快照。Points warehouse/current at an earlier snapshot; the running server
follows at once. Without --to or --previous it lists the snapshots kept (newest last).

  --to SNAPSHOT   snapshot id to serve (as listed)
  --previous      the snapshot published before the current one
  --warehouse DIR warehouse folder (default warehouse)
  -h, --help      this help`;

function describe(warehouseDir: string, id: string): string {
  const m = describeSnapshot(warehouseDir, id);
  return m.finished_at === null ? '' : `${m.data_label}, finished ${m.finished_at}, ${m.programme_points ?? '?'} points in ${m.year ?? '?'}`;
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      to: { type: 'string' }, previous: { type: 'boolean' },
      warehouse: { type: 'string', default: DEFAULTS.warehouseDir }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(help), 0;
  const ids = listSnapshots(values.warehouse);
  const current = currentSnapshot(values.warehouse);
  let target = values.to;
  if (values.previous) {
    const at = ids.indexOf(current ?? '');
    if (at < 1) throw new Error('no earlier snapshot to roll back to');
    target = ids[at - 1];
  }
  if (!target) {
    if (!ids.length) console.log(`no snapshots in ${values.warehouse} yet: run npm run refresh`);
    for (const id of ids) console.log(`${id === current ? '→' : ' '} ${id}  ${describe(values.warehouse, id)}`);
    return 0;
  }
  const was = rollBack(values.warehouse, target, (m) => console.warn(`⚠ ${m}`));
  // Audited beside the platform's own rollbacks, when the platform has its database here.
  if (existsSync(appDbPath(values.warehouse))) {
    const db = openAppDb(appDbPath(values.warehouse));
    audit(db, { actor: `cli:${process.env.USER ?? 'unknown'}`, action: 'rollback', target, detail: `was ${was}` });
    db.close();
  }
  console.log(`current → ${target} (was ${was})`);
  return 0;
}
