/**
 * What the dashboard may download in one request, by kind of file (marts/split.json names them):
 * the national view loads the province roll-ups at once, a school page one school's file. Budgets hold at national size; the test in
 * tests/scale/mart-budget.test.ts projects a national-shaped fixture to national size against them.
 */
export const BROWSER_BUDGET_BYTES = {
  /** marts/provinces/<mart>.arrow: fetched with the first chart. */
  provinces: 2 * 1024 * 1024,
  /** marts/schools/<school_code>.arrow: fetched when a school page opens. */
  schools: 128 * 1024,
};

export type SplitKind = keyof typeof BROWSER_BUDGET_BYTES;

