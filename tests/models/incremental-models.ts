/** Hand-made incremental models: a keyed model over raw postings, a monthly aggregate over it, and sums over raw postings. */
import type { ModelFile } from '../../pipeline/transform/model-files.ts';

export const keyed: ModelFile = {
  name: 'int_p', path: 'intermediate/int_p', uniqueKey: ['posting_id'],
  sql: 'select posting_id, year(posted_on)::INTEGER as year, month(posted_on)::INTEGER as month, n from raw_p',
};
export const monthly: ModelFile = {
  name: 'mart_p', path: 'marts/mart_p', partitions: ['year', 'month'],
  sql: 'select year, month, count(*)::INTEGER as postings, sum(n)::INTEGER as n from int_p group by year, month',
};
export const counted: ModelFile = {
  name: 'int_t', path: 'intermediate/int_t', sums: ['title'],
  sql: 'select title, count(*)::INTEGER as postings, sum(n)::INTEGER as n from raw_t group by title',
};
