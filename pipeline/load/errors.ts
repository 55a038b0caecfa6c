/**
 * A fatal input problem: the caller prints the message (which names the file and, where it
 * applies, the column or reject share) and exits non-zero, so no half-loaded data is analysed.
 */
export class LoadError extends Error {
  override name = 'LoadError';
}
