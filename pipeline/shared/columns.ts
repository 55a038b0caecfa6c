/** Spreadsheet column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetters(n: number): string {
  let letters = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return letters;
}

/** The 1-based column number of spreadsheet column letters: A → 1, AA → 27. */
export const columnNumber = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
