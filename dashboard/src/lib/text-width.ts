/**
 * Approximate rendered width of a label, for chart margins. Measuring real text needs a layout
 * pass per label; CJK glyphs are one em wide and Latin ones about 0.6 em, which is close enough
 * to size a margin.
 */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += char.codePointAt(0)! >= 0x2e80 ? 1 : 0.6;
  return ems * fontSize;
}

/** Cuts a label to fit a width, marking the cut with "…". */
export function fitText(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  let out = '';
  for (const char of text) {
    if (textWidth(`${out}${char}…`, fontSize) > width) break;
    out += char;
  }
  return `${out}…`;
}
