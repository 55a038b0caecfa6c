/** The job-postings feed: daily files → incremental store → raw_postings, classified by the posting models. */
export { loadPostings, POSTINGS_STORE, type PostingsOptions, type PostingsReport } from './load-postings.ts';
export { noticesPublished, readLedger, type Ledger, type LedgerEntry } from './ledger.ts';
export { listDailyFiles, type DailyFile } from './daily-files.ts';
export type { PostingsInput } from './postings-input.ts';
