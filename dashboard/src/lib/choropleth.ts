/**
 * The colour classes of a choropleth: a few equal steps over nice bounds, so the legend reads in
 * round numbers. A signed metric (a gap) diverges from zero with one hue each side.
 */
import { scaleLinear } from 'd3-scale';
import { interpolateRgb } from 'd3-interpolate';

export interface ColorClass { lo: number; hi: number; color: string }

const PALE = '#f3f3f3';
const shades = (hue: string, n: number) => Array.from({ length: n }, (_, i) => interpolateRgb(PALE, hue)(0.25 + (0.75 * i) / Math.max(1, n - 1)));

function steps(lo: number, hi: number, n: number): number[] {
  const ticks = scaleLinear().domain([lo, hi === lo ? lo + 1 : hi]).nice(n).ticks(n);
  return ticks.length > 1 ? ticks : [lo, lo + 1];
}

/** Classes over [0, max] in `hue`; with `negative`, classes over [−m, m] (m the largest magnitude), below zero in `negative`. */
export function colorClasses(values: readonly number[], hue: string, negative?: string): ColorClass[] {
  const top = Math.max(0, ...values);
  if (!negative) {
    const edges = steps(0, top, 5);
    const colors = shades(hue, edges.length - 1);
    return colors.map((color, i) => ({ lo: edges[i], hi: edges[i + 1], color }));
  }
  const edges = steps(0, Math.max(top, ...values.map((v) => -v)), 3);
  const up = shades(hue, edges.length - 1);
  const down = shades(negative, edges.length - 1);
  return [
    ...down.map((color, i) => ({ lo: -edges[i + 1], hi: -edges[i], color })).reverse(),
    ...up.map((color, i) => ({ lo: edges[i], hi: edges[i + 1], color })),
  ];
}

/** The class a value falls in: lower bound inclusive, except above zero where the upper bound is (0 stays with the pale side). */
export function classOf(value: number, classes: readonly ColorClass[]): ColorClass {
  const found = value > 0 ? classes.find((c) => value > c.lo && value <= c.hi) : classes.find((c) => value >= c.lo && value < c.hi);
  return found ?? (value > 0 ? classes[classes.length - 1] : classes[0]);
}
