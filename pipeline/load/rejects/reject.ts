import { reasonZh } from '../../shared/reason-zh.ts';

/** One failed check on one input row, kept so analysts can fix the source file. */
export interface Reject {
  table: string;
  /** Path as given (relative to the working directory), so it can be opened as printed. */
  file: string;
  /** 1-based line in the original file (header = line 1; for .xlsx the sheet row). */
  line: number;
  /** Field name; '' when the whole row is malformed (wrong number of fields). */
  column: string;
  value: string;
  reason: string;
}

/**
 * `file:line:column: value — reason`, the form editors and terminals turn into a link; one line
 * per reject even when a quoted value spans lines. The reason in Chinese first where its form is known.
 */
export function formatReject(r: Reject): string {
  const where = r.column ? `${r.file}:${r.line}:${r.column}` : `${r.file}:${r.line}`;
  return `${where}: ${r.value.replace(/\r?\n/g, '\\n')} — ${reasonZh(r.reason)}`;
}
