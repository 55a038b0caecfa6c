/**
 * Rejects are counted as rows wherever a count of records is shown (run history, 数据状态), the
 * reasons beside them: one row with two bad fields is one rejected record and two reasons.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { refresh } from '../../pipeline/refresh/refresh.ts';
import { readHistory } from '../../pipeline/refresh/history.ts';
import { cleanup, dataFolder, REFERENCE, scratch } from '../postings/fixture.ts';

afterAll(cleanup);

describe('reject counts', () => {
  it('records one rejected row with two reasons as one row in the run history and the inputs', async () => {
    const data = dataFolder();
    const path = join(data, 'programmes.csv');
    const [header, first, ...rest] = readFileSync(path, 'utf8').trim().split('\n');
    const columns = header.split(',');
    const cells = first.split(',');
    cells[columns.indexOf('plan')] = 'x';
    cells[columns.indexOf('students')] = '-5';
    writeFileSync(path, [header, cells.join(','), ...rest].join('\n') + '\n');
    const wh = scratch('wh-rejects-');
    const { manifest } = await refresh({ dataDir: data, referenceDir: REFERENCE, warehouseDir: wh });
    expect(manifest.rejects.filter((r) => r.line === 2).map((r) => r.column)).toEqual(['plan', 'students']);
    expect(manifest.rejected_total).toBe(2);
    expect(manifest.inputs.find((i) => i.table === 'programmes')?.rejected).toBe(1);
    expect(readHistory(wh)[0]).toMatchObject({ outcome: 'ok', rejected: 1 });
  }, 120_000);
});
