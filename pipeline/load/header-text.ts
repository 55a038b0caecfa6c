/**
 * How header texts are compared: bureau spreadsheets write the same heading with full-width
 * letters, spaces, a line break inside the cell or a unit in brackets (招生计划数（人）).
 */

/** NFKC (full-width letters and brackets to ASCII), every space and line break removed, lower case. */
export function headerKey(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u200b\ufeff]/gu, '').toLowerCase();
}

/** The key without a trailing unit in brackets: 招生计划数(人) → 招生计划数, 就业率(%) → 就业率. */
export function withoutUnit(key: string): string {
  return key.replace(/\([^()]*\)$/u, '');
}

/** Optimal string alignment distance (a swapped pair counts 1): how far a header is from a known one. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d = Array.from({ length: x.length + 1 }, (_, i) => [i, ...Array<number>(y.length).fill(0)]);
  for (let j = 1; j <= y.length; j++) d[0][j] = j;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[x.length][y.length];
}
