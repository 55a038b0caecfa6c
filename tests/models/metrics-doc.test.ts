/** docs/metrics.md keeps up with the models: every policy key and every mart column is defined there. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPolicy } from '../../pipeline/config/policy.ts';
import { tiny, tinyPolicy } from '../fixtures/models/tiny.ts';
import { buildWarehouse, query } from './warehouse.ts';

const doc = readFileSync(new URL('../../docs/metrics.md', import.meta.url), 'utf8');

describe('docs/metrics.md', () => {
  it('documents every key of the shipped policy file as a table row', () => {
    const keys = Object.entries(readPolicy()).flatMap(([block, values]) => Object.keys(values).map((k) => `${block}.${k}`));
    expect(keys.filter((key) => !doc.includes(`| ${key} |`))).toEqual([]);
  });

  it('names every column of every mart', async () => {
    const conn = await buildWarehouse(tiny, tinyPolicy);
    const columns = await query(conn, `SELECT table_name, column_name FROM information_schema.columns
                                       WHERE table_name LIKE 'mart\\_%' ESCAPE '\\'`);
    const missing = columns.filter((c) => !new RegExp(`\\b${c.column_name}\\b`).test(doc));
    expect(missing).toEqual([]);
  });
});
