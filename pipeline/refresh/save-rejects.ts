/**
 * Keeps every rejected input row: in the warehouse (table load_rejects), so an analyst can query
 * them all, and as rejects.csv beside the manifest, which opens in Excel; the manifest and the
 * terminal list only the first ones.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { writeFileSync } from 'node:fs';
import type { RejectEntry } from './manifest.ts';
import { renderCsv } from '../reports/render-csv.ts';
import { reasonZh } from '../shared/reason-zh.ts';

/** File name of the full reject list in a snapshot. */
export const REJECTS_FILE = 'rejects.csv';

export async function saveRejects(conn: DuckDBConnection, rejects: RejectEntry[]): Promise<void> {
  await conn.run(`CREATE OR REPLACE TABLE load_rejects
    ("table" VARCHAR, file VARCHAR, line INTEGER, "column" VARCHAR, value VARCHAR, reason VARCHAR)`);
  const appender = await conn.createAppender('load_rejects');
  for (const r of rejects) {
    appender.appendVarchar(r.table);
    appender.appendVarchar(r.file);
    appender.appendInteger(r.line);
    appender.appendVarchar(r.column);
    if (r.value === null || r.value === undefined) appender.appendNull();
    else appender.appendVarchar(String(r.value));
    appender.appendVarchar(r.reason);
    appender.endRow();
  }
  appender.closeSync();
}

/** The full list as CSV for Excel (BOM, CRLF, formula-like values neutralised). */
export function writeRejectsCsv(path: string, rejects: RejectEntry[]): void {
  const text = (key: keyof RejectEntry, label: string) => ({ key, label, type: 'text' as const });
  writeFileSync(path, renderCsv({
    sheet: '拒收', title: '拒收行 Rejected rows', empty: '',
    columns: [text('file', '文件 file'), { key: 'line', label: '行 line', type: 'integer' }, text('column', '列 column'),
      text('value', '值 value'), text('reason', '原因 reason'), text('table', '表 table')],
    rows: rejects.map((r) => ({ ...r, value: r.value ?? null, reason: reasonZh(r.reason) })),
  }));
}
