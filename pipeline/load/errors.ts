/**
 * A fatal input problem: the caller prints the message (which names the file and, where it
 * applies, the column or reject share) and exits non-zero, so no half-loaded data is analysed.
 */
export class LoadError extends Error {
  override name = 'LoadError';
}

/** Re-throws a LoadError as is; any other failure while reading `file` becomes one that names it. */
export function asLoadError(file: string, error: unknown): LoadError {
  if (error instanceof LoadError) return error;
  return new LoadError(`${file}: 无法读取文件 — cannot read file (${(error as Error).message})`);
}
