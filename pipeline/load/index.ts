/** The input loader: files in data/<folder> → typed, validated raw_<table> tables. */
export { LoadError } from './errors.ts';
export { loadInputs, type LoadOptions, type LoadReport } from './load-inputs.ts';
export type { InputReport } from './load-table.ts';
export { formatReject, type Reject } from './rejects/reject.ts';
