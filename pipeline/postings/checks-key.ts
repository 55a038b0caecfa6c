/**
 * What a stored day of postings was validated against: the postings schema, the loader's rules and
 * the input tables its foreign keys look up (districts, and the former districts read as those of
 * today). A day converted under other rules, say
 * before a district code was added, could hold rejects that are now valid or rows that are now
 * wrong, so it is validated again when this key changes.
 */
import { createHash } from 'node:crypto';
import type { InputReport } from '../load/load-table.ts';
import { readSchema, type TableSchema } from '../config/schema.ts';
import { FORMER_DISTRICTS } from '../load/codes-from-names.ts';

/**
 * The loader's rules for a day beyond its schema, changed whenever they read a day otherwise: 2,
 * values normalised before validation and postings dated after their file's day rejected; 3, two
 * stray quotes on adjacent lines refused (a day stored before read them as one posting); 4, a
 * district's name or former code read as its code of today, and a 合计 row skipped, not rejected;
 * 5, the stored files name each row's day (a batch's small days share a file), so every day stored
 * before is converted again.
 */
const RULES = 5;

/** The input tables a day's rows are read against: those its foreign keys look up, and the former districts beside the districts. */
export const postingsReferences = (schema: TableSchema): string[] => (schema.foreignKeys ?? [])
  .flatMap((fk) => (fk.reference.resource === 'districts' ? ['districts', FORMER_DISTRICTS] : [fk.reference.resource]));

export function checksKey(inputs: readonly InputReport[]): string {
  const schema = readSchema('postings');
  const hash = createHash('sha256').update(`rules ${RULES}\n${JSON.stringify(schema)}`);
  for (const table of postingsReferences(schema)) hash.update(`\n${table} ${inputs.find((i) => i.table === table)?.sha256 ?? ''}`);
  return hash.digest('hex');
}
