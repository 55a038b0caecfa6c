/**
 * Where each entry of a chart's colour key goes: left to right, wrapping onto a new row where the
 * next entry would pass the chart's width, so no entry is cut off on a phone. The key stays inside
 * the SVG, so exported images keep it.
 */
import { textWidth } from '../lib/text-width.ts';

export const LEGEND_FONT = 11;
export const LEGEND_ROW = 18;
/** The swatch and the space before its text. */
export const LEGEND_SWATCH = 17;
const GAP = 15;
// textWidth is an estimate; the real glyphs of some fonts are wider.
const SLACK = 1.15;

export interface LegendLayout {
  /** Left edge of the key in the chart. */
  x: number;
  /** Each entry's offset from (x, first baseline). */
  at: { x: number; y: number }[];
  /** Height of the rows, 0 without entries. */
  height: number;
}

function rows(names: readonly string[], width: number): { at: LegendLayout['at']; count: number; right: number } {
  let x = 0;
  let row = 0;
  let right = 0;
  const at = names.map((name) => {
    const w = LEGEND_SWATCH + textWidth(name, LEGEND_FONT) * SLACK;
    if (x > 0 && x + w > width) { x = 0; row++; }
    const place = { x, y: row * LEGEND_ROW };
    right = Math.max(right, x + w);
    x += w + GAP;
    return place;
  });
  return { at, count: names.length ? row + 1 : 0, right };
}

/**
 * The key over `width`, starting at `indent` (above the plot) when it fits there on one row, else
 * from the left edge, wrapping as often as needed.
 */
export function legendLayout(names: readonly string[], width: number, indent = 0): LegendLayout {
  const indented = rows(names, width - indent);
  const fits = indented.count <= 1 && indented.right <= width - indent;
  const { at, count } = fits ? indented : rows(names, width);
  return { x: fits ? indent : 0, at, height: count * LEGEND_ROW };
}
