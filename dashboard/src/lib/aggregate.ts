/**
 * Filtering and summing of additive mart rows. Every mart slice is additive (counts, students,
 * supply, demand), so any filter combination is a sum of rows; ratios are recomputed from the sums,
 * never averaged.
 */

/** A criterion of '' or null means "all" (the filter is off). */
export type Criteria<T> = { [K in keyof T]?: T[K] | '' | null };

/** Rows whose columns equal every active criterion. */
export function where<T>(rows: readonly T[], criteria: Criteria<T>): T[] {
  const active = Object.entries(criteria).filter(([, v]) => v !== '' && v !== null && v !== undefined) as [keyof T, unknown][];
  if (!active.length) return rows.slice();
  return rows.filter((row) => {
    for (const [key, value] of active) if (row[key] !== value) return false;
    return true;
  });
}

type NumericKey<T> = { [K in keyof T]: T[K] extends number | null ? K : never }[keyof T];

function zeros<K extends PropertyKey>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

function addInto<T, K extends NumericKey<T>>(acc: Record<K, number>, row: T, keys: readonly K[]) {
  for (const k of keys) acc[k] += (row[k] as number | null) ?? 0;
}

/** Column sums; nulls count as 0. */
export function totals<T, K extends NumericKey<T>>(rows: readonly T[], keys: readonly K[]): Record<K, number> {
  const acc = zeros(keys);
  for (const row of rows) addInto(acc, row, keys);
  return acc;
}

/** Column sums per group, groups in first-seen order. */
export function rollup<T, K extends NumericKey<T>>(rows: readonly T[], by: (row: T) => string, keys: readonly K[]): Map<string, Record<K, number>> {
  const groups = new Map<string, Record<K, number>>();
  for (const row of rows) {
    const id = by(row);
    let acc = groups.get(id);
    if (!acc) groups.set(id, (acc = zeros(keys)));
    addInto(acc, row, keys);
  }
  return groups;
}

/** num ÷ den, or null when the denominator is 0 ("not computable", as in the warehouse). */
export function ratio(num: number, den: number): number | null {
  return den > 0 ? num / den : null;
}

/** The distinct years of some rows, newest first. */
export function yearsOf(rows: readonly { year: number }[]): number[] {
  return [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
}

/**
 * Labels that tell rows apart: a row's name, with its qualifier added where another row shown has
 * the same name (中药制药 of 中职 and of 高职专科 side by side).
 */
export function distinctLabels<T>(rows: readonly T[], name: (row: T) => string, qualifier: (row: T) => string): string[] {
  const count = new Map<string, number>();
  for (const r of rows) count.set(name(r), (count.get(name(r)) ?? 0) + 1);
  return rows.map((r) => ((count.get(name(r)) ?? 0) > 1 ? `${name(r)}（${qualifier(r)}）` : name(r)));
}
