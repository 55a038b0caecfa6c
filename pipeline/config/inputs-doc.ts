/**
 * docs/inputs.md is generated from schemas/*.json so that the documentation of the inputs can never
 * drift from what the loader enforces (a test compares the committed file with this output).
 */
import { readFileSync } from 'node:fs';
import { CLASSIFICATION_TABLES, readSchema, TABLES, REFERENCE_TABLES, type Field, type TableSchema } from './schema.ts';

/** The parts no schema says: messy files, value normalisation, mapping.json, catalogue versions. */
const HAND_WRITTEN = new URL('../../docs/inputs-mapping.md', import.meta.url);

function constraintText(f: Field): string {
  const c = f.constraints ?? {};
  const parts: string[] = [];
  if (c.required) parts.push('required');
  if (c.pattern) parts.push(`pattern \`${c.pattern}\``);
  if (c.minimum !== undefined) parts.push(`≥ ${c.minimum}`);
  if (c.maximum !== undefined) parts.push(`≤ ${c.maximum}`);
  if (c.enum) parts.push(`one of ${c.enum.map((v) => `\`${v}\``).join(', ')}`);
  const words = Object.entries(f.valueAliases ?? {});
  if (words.length) parts.push(`also read: ${words.map(([k, v]) => `${k} → \`${v}\``).join(', ')}`);
  return parts.join('; ');
}

const cell = (s: string) => s.replaceAll('|', '\\|');

/** Tables the loader looks for in data/reference/ when the data folder has none. */
const SHARED: readonly string[] = [...REFERENCE_TABLES, ...CLASSIFICATION_TABLES, 'legacy_majors', 'major_successors', 'former_districts'];

/** Where the loader finds a table's file, as it does (load/locate-input.ts, postings/daily-files.ts). */
function whereRead(table: string): string {
  if (table === 'postings') {
    return 'Files: `postings/YYYY-MM-DD.csv` or `.xlsx` in the data folder, one per day (the days accepted on the platform stand in for the '
      + 'folder\'s file of their day); a `postings.csv` beside the other inputs is not read. Their headings are not mapped by mapping.json.';
  }
  return `File: \`${table}.csv\` or \`${table}.xlsx\` (or the file mapping.json names), ${SHARED.includes(table) ? 'in the data folder, or else in data/reference/' : 'in the data folder'}.`;
}

function tableSection(s: TableSchema): string {
  const keys = [`Primary key: ${s.primaryKey.map((k) => `\`${k}\``).join(' + ')}.`];
  for (const fk of s.foreignKeys ?? []) {
    keys.push(`\`${fk.fields.join(' + ')}\` → ${fk.reference.resource}.\`${fk.reference.fields.join(' + ')}\`.`);
  }
  return [
    `## ${s.name} — ${s.title}`,
    '',
    `${s.description} ${whereRead(s.name)}`,
    '',
    '| field | 标题 title (and everyday headings) | type | constraints | meaning |',
    '|---|---|---|---|---|',
    ...s.fields.map((f) => `| \`${f.name}\` | ${[f.title, ...(f.aliases ?? [])].join(' / ')} | ${f.type} | ${cell(constraintText(f))} | ${cell(f.description)} |`),
    '',
    keys.join(' '),
    '',
  ].join('\n');
}

/** The whole of docs/inputs.md. */
export function renderInputsDoc(): string {
  const tables = [...TABLES, 'programme_listing', 'programme_figures', 'postings', ...CLASSIFICATION_TABLES, 'legacy_majors', 'major_successors', 'former_districts', 'plan_proposals'].map((name) => readSchema(name));
  return [
    '# Inputs',
    '',
    '<!-- Generated from schemas/*.json by `npm run docs`; edit the schemas, not this file. -->',
    '',
    'Each input is a CSV (UTF-8 with or without BOM, or GB18030/GBK; LF or CRLF) or an .xlsx workbook',
    '(the sheet mapping.json names, else the one whose header names every required field). The',
    'header row may use the field names, the Chinese titles or the everyday headings below, and may sit',
    'below title rows or wrap over two lines (see "Files as bureaus have them" below). Empty cells are',
    'missing values. Booleans are `true`/`false`. Rows that break a constraint or name an unknown code',
    'are rejected and reported as `file:line:column: value — reason`; a table whose rejected share',
    'exceeds `load.reject_share_max` (pipeline/config/policy.json) stops the refresh, and so does a missing',
    'required file or column, an empty file or an unreadable one. Columns not listed are ignored with a',
    'warning. Tables load in the order below, so foreign keys always point at a table already loaded.',
    '',
    ...tables.map(tableSection),
    readFileSync(HAND_WRITTEN, 'utf8'),
  ].join('\n');
}
