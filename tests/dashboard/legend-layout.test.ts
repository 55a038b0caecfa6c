import { describe, expect, it } from 'vitest';
import { legendLayout, LEGEND_ROW } from '../../dashboard/src/charts/legend-layout.ts';

const names = ['0 – 2,000', '2,000 – 4,000', '4,000 – 6,000', '6,000 – 8,000', '8,000 – 10,000'];

describe('chart legend layout', () => {
  it('keeps one row beside the plot where the entries fit', () => {
    const layout = legendLayout(['供给', '需求'], 720, 200);
    expect(layout.x).toBe(200);
    expect(layout.height).toBe(LEGEND_ROW);
    expect(layout.at.map((p) => p.y)).toEqual([0, 0]);
    expect(layout.at[1].x).toBeGreaterThan(layout.at[0].x);
  });

  it('wraps onto more rows from the left edge where they do not, every entry starting inside the width', () => {
    const layout = legendLayout(names, 328, 160);
    expect(layout.x).toBe(0);
    expect(layout.height).toBeGreaterThan(LEGEND_ROW);
    expect(layout.height / LEGEND_ROW).toBe(new Set(layout.at.map((p) => p.y)).size);
    // A new row starts at the left edge.
    for (const [i, p] of layout.at.entries()) if (i > 0 && p.y > layout.at[i - 1].y) expect(p.x).toBe(0);
    for (const p of layout.at) expect(p.x).toBeLessThan(328);
  });

  it('moves one long entry to the left edge rather than past the right one', () => {
    const layout = legendLayout(['Majors offered by more than 15 schools'], 328, 160);
    expect(layout).toMatchObject({ x: 0, height: LEGEND_ROW });
  });

  it('takes no room without entries', () => {
    expect(legendLayout([], 300).height).toBe(0);
  });
});
