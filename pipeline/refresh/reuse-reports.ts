/**
 * School and industry reports depend on the programme listings, the aggregated demand, the
 * reference tables, the policy and the code that builds them, but not on the daily postings. A
 * nightly run that only brings new postings therefore links the served snapshot's reports into the
 * new one instead of rebuilding 500-odd files (snapshots are never modified once published).
 */
import { contentKey } from './fingerprint.ts';
import type { InputEntry } from './manifest.ts';
import { CLASSIFICATION_TABLES } from '../config/schema.ts';

/** Inputs the reports do not read: the postings and what classifies them. */
const NOT_IN_REPORTS = new Set<string>(['postings', ...CLASSIFICATION_TABLES]);

/** Source folders whose files shape a report (every folder the reports import from: a test follows the imports), and the packages' versions. */
export const REPORT_SOURCES = ['pipeline/reports', 'pipeline/models', 'pipeline/shared', 'pipeline/export', 'pipeline/transform', 'pipeline/config', 'pipeline/load',
  'package-lock.json'];

/** Fingerprint of everything a report is made from; equal keys mean byte-identical reports. */
export function reportsKey(inputs: InputEntry[], policy: unknown): string {
  return contentKey(inputs.filter((i) => !NOT_IN_REPORTS.has(i.table)), [policy], REPORT_SOURCES);
}
