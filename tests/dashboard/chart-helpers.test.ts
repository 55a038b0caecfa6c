import { describe, expect, it } from 'vitest';
import { fitText, textWidth } from '../../dashboard/src/lib/text-width.ts';
import { stepIndex } from '../../dashboard/src/lib/chart-keys.ts';
import { spacedTicks } from '../../dashboard/src/charts/axis-ticks.ts';

describe('label fitting', () => {
  it('counts CJK glyphs as one em and Latin as 0.6 em', () => {
    // 2 CJK (2 em) + 2 Latin (1.2 em) at 10 px = 32 px
    expect(textWidth('先进ab', 10)).toBeCloseTo(32);
  });

  it('cuts a label that does not fit and marks the cut', () => {
    expect(fitText('先进材料', 40, 10)).toBe('先进材料');
    // 30 px holds "先进" (20) + "…" (10)
    expect(fitText('先进材料', 30, 10)).toBe('先进…');
  });
});

describe('keyboard steps between marks', () => {
  it('moves with the arrows within bounds and jumps with Home/End', () => {
    expect(stepIndex('ArrowDown', null, 5)).toBe(0);
    expect(stepIndex('ArrowDown', 4, 5)).toBe(4);
    expect(stepIndex('ArrowUp', 0, 5)).toBe(0);
    expect(stepIndex('ArrowRight', 1, 5)).toBe(2);
    expect(stepIndex('End', 1, 5)).toBe(4);
    expect(stepIndex('Home', 3, 5)).toBe(0);
  });

  it('ignores other keys and empty charts', () => {
    expect(stepIndex('Tab', 1, 5)).toBeUndefined();
    expect(stepIndex('ArrowDown', null, 0)).toBeUndefined();
  });
});

describe('axis ticks on a narrow chart', () => {
  const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
  it('keeps every tick where the labels fit', () => {
    expect(spacedTicks(years, (y) => (y - 2019) * 60, String, 2025)).toEqual(years);
  });

  it('labels every k-th tick, counted from the one kept, where they would overlap', () => {
    // 4-digit labels at 11 px are about 26 px wide: 20 px apart they need every second tick.
    expect(spacedTicks(years, (y) => (y - 2019) * 20, String, 2025)).toEqual([2019, 2021, 2023, 2025]);
    expect(spacedTicks([-10000, -5000, 0, 5000, 10000], (v) => v / 100, (v) => v.toLocaleString('en'), 0)).toEqual([-10000, 0, 10000]);
  });
});
