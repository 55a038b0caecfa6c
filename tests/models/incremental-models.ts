/** A hand-made pair of incremental models: a keyed model over raw postings and a monthly aggregate over it. */
import type { ModelFile } from '../../pipeline/transform/model-files.ts';

export const keyed: ModelFile = {
  name: 'int_p', path: 'intermediate/int_p', uniqueKey: ['posting_id'],
  sql: 'select posting_id, year(posted_on)::INTEGER as year, month(posted_on)::INTEGER as month, n from raw_p',
};
export const monthly: ModelFile = {
  name: 'mart_p', path: 'marts/mart_p', partitions: ['year', 'month'],
  sql: 'select year, month, count(*)::INTEGER as postings, sum(n)::INTEGER as n from int_p group by year, month',
};
