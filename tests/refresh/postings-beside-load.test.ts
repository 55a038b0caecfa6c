/**
 * A full refresh starts the postings as soon as the tables they look up are loaded, on a connection
 * of their own, while the other inputs load. The run must read as if the two had run one after the
 * other: the postings' inputs after the load's, and a failure of either, once both have stopped,
 * fails the run with its own message.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { refresh } from '../../pipeline/refresh/refresh.ts';
import { silentEffects } from '../../pipeline/config/effects.ts';
import { TABLES } from '../../pipeline/config/schema.ts';
import { postingsLookups } from '../../pipeline/postings/load-postings.ts';
import { cleanup, dataFolder, REFERENCE, scratch } from '../postings/fixture.ts';

afterAll(cleanup);

/** A refresh of `dataDir` into a new warehouse, and what its effects heard, in order. */
async function run(dataDir: string) {
  const heard: string[] = [];
  const effects = {
    ...silentEffects,
    stageStart: (stage: string) => heard.push(`start ${stage}`),
    stageEnd: (stage: string) => heard.push(`end ${stage}`),
    progress: (stage: string, label: string) => { if (stage === 'load') heard.push(`loaded ${label}`); },
  };
  const warehouseDir = scratch('wh-beside-');
  const result = await refresh({ dataDir, referenceDir: REFERENCE, warehouseDir, keepSnapshots: 1 }, effects)
    .catch((error: Error) => error);
  const history = readFileSync(join(warehouseDir, 'history.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  return { result, heard, last: history[history.length - 1] };
}

describe('the postings beside the load', () => {
  it('start once the tables they look up are loaded, before the load ends, and report after the load', async () => {
    const { result, heard } = await run(dataFolder());
    if (result instanceof Error) throw result;
    const at = (event: string) => heard.indexOf(event);
    // Started as the last of the tables they look up is loaded: after the ones before it, before the programmes.
    // (and the former districts, an optional table loaded right after the districts, with no progress step of its own)
    const lookups = TABLES.filter((t) => postingsLookups().has(t));
    expect([...lookups, 'former_districts'].sort()).toEqual([...postingsLookups()].sort());
    for (const table of lookups.slice(0, -1)) expect(at('start postings')).toBeGreaterThan(at(`loaded ${table}`));
    expect(at('start postings')).toBeLessThan(at('loaded programmes'));
    expect(at('start postings')).toBeLessThan(at('end load'));
    // The inputs as when run one after the other: the loaded tables in their order, the feed's after.
    const tables = result.manifest.inputs.map((i) => i.table);
    // (the former districts, optional, right after the districts they point to)
    const order = [TABLES[0], 'former_districts', ...TABLES.slice(1)];
    expect(tables.slice(0, order.length)).toEqual(order);
    expect(tables[tables.length - 1]).toBe('postings');
  });

  it('fail the run with the load\'s message when the load fails, once the postings have stopped', async () => {
    const data = dataFolder();
    const programmes = readFileSync(join(data, 'programmes.csv'), 'utf8').split('\n');
    // Every row's major unknown: far more rejects than the share a run may drop.
    writeFileSync(join(data, 'programmes.csv'), [programmes[0], ...programmes.slice(1).filter(Boolean).map((l) => l.replace(/,\d{6},/, ',999999,'))].join('\n'));
    const { result, heard, last } = await run(data);
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toMatch(/programmes/);
    expect(heard).toContain('start postings');
    expect(heard).toContain('end postings');
    expect(last.outcome).toBe('failed');
  });

  it('fail the run with the postings\' message when they fail, once the load has ended', async () => {
    const data = dataFolder();
    const day = readFileSync(join(data, 'postings', '2025-03-03.csv'), 'utf8').split('\n');
    // Every posting's district unknown: the day cannot be stored.
    writeFileSync(join(data, 'postings', '2025-03-03.csv'), [day[0], ...day.slice(1).filter(Boolean).map((l) => l.replace(/,5\d{5},/, ',599999,'))].join('\n'));
    const { result, heard, last } = await run(data);
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toMatch(/2025-03-03\.csv/);
    expect(heard).toContain('end load');
    expect(heard).not.toContain('start models');
    expect(last.outcome).toBe('failed');
  });
});
