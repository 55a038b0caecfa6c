/**
 * CLI: the sample's plan_proposals.csv (synthetic), so that loop tracking of the proposed plan has
 * something to compare on a fresh clone. It is what a refresh a year earlier would have archived:
 * the sample's data without its latest year Y (programmes and demand) are refreshed into a scratch
 * warehouse, and the plan that refresh proposes for Y — its archive plans/plan-<Y>.csv — is copied
 * into the sample. Deterministic: the run's clock is fixed, and the planner is.
 *   npx tsx pipeline/sample/plan-proposals.ts [--data DIR] [--reference DIR]
 */
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { refresh } from '../refresh/refresh.ts';
import { archiveFile } from '../planner/archive.ts';
import { silentEffects } from '../config/effects.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A CSV's rows whose first column (year) is before `year`, header kept. */
function before(file: string, year: number): string {
  const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
  return [header, ...lines.filter((line) => Number(line.slice(0, line.indexOf(','))) < year)].join('\n') + '\n';
}

export async function writeSampleProposals(dataDir: string, referenceDir: string): Promise<{ year: number; rows: number }> {
  const latest = Math.max(...readFileSync(join(dataDir, 'programmes.csv'), 'utf8').trimEnd().split('\n').slice(1)
    .map((line) => Number(line.slice(0, line.indexOf(',')))));
  const scratch = mkdtempSync(join(tmpdir(), 'chanjiao-plan-sample-'));
  try {
    const data = join(scratch, 'data');
    cpSync(dataDir, data, { recursive: true, filter: (src) => !src.includes('/postings') && !src.endsWith('plan_proposals.csv') });
    for (const table of ['programmes', 'demand']) writeFileSync(join(data, `${table}.csv`), before(join(dataDir, `${table}.csv`), latest));
    const warehouse = join(scratch, 'warehouse');
    await refresh({ dataDir: data, referenceDir, warehouseDir: warehouse, now: () => new Date(`${latest - 1}-12-31T00:00:00Z`) }, silentEffects);
    const archived = archiveFile(warehouse, latest);
    copyFileSync(archived, join(dataDir, 'plan_proposals.csv'));
    return { year: latest, rows: readFileSync(archived, 'utf8').trimEnd().split('\n').length - 1 };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { data: { type: 'string', default: join(ROOT, 'data/sample') }, reference: { type: 'string', default: join(ROOT, 'data/reference') } } });
  const { year, rows } = await writeSampleProposals(values.data, values.reference);
  console.log(`plan_proposals.csv: ${rows} proposed changes for ${year} (synthetic: the planner over the sample without ${year})`);
}
