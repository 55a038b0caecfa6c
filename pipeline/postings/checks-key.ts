/**
 * What a stored day of postings was validated against: the postings schema, the loader's rules and
 * the input tables its foreign keys look up (districts). A day converted under other rules, say
 * before a district code was added, could hold rejects that are now valid or rows that are now
 * wrong, so it is validated again when this key changes.
 */
import { createHash } from 'node:crypto';
import type { InputReport } from '../load/load-table.ts';
import { readSchema } from '../config/schema.ts';

/**
 * The loader's rules for a day beyond its schema, changed whenever they read a day otherwise: 2,
 * values normalised before validation and postings dated after their file's day rejected; 3, two
 * stray quotes on adjacent lines refused (a day stored before read them as one posting).
 */
const RULES = 3;

export function checksKey(inputs: readonly InputReport[]): string {
  const schema = readSchema('postings');
  const hash = createHash('sha256').update(`rules ${RULES}\n${JSON.stringify(schema)}`);
  for (const fk of schema.foreignKeys ?? []) {
    hash.update(`\n${fk.reference.resource} ${inputs.find((i) => i.table === fk.reference.resource)?.sha256 ?? ''}`);
  }
  return hash.digest('hex');
}
