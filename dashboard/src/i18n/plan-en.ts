/** English strings of the outlook and plan views; the same keys as plan-zh.ts. */
import type { outlookZh, planZh } from './plan-zh.ts';
import { formatFor } from '../../../pipeline/shared/format.ts';

/** Counts grouped by thousands, as every figure of the dashboard (3,399). */
const count = formatFor('en').int;

export const outlookEn: typeof outlookZh = {
  pick: 'Industry',
  fanTitle: (name, year, value, lo, hi) => `${name}: demand expected ${value} in ${year} (80 % interval ${lo}–${hi})`,
  fanAxis: 'Demand', yearAxis: 'Year',
  actual: 'recorded', outlook: 'outlook', band80: '80 % interval', band95: '95 % interval',
  methods: { naive: 'the baseline (last value carried forward)', drift: 'trend (drift)', ets: 'exponential smoothing (AutoETS)' },
  methodLine: (method, mape, base, c80, c95, origins) =>
    `Uses ${method}: rolling back-test mean absolute percentage error ${mape} against the baseline's ${base}; 80 % intervals covered ${c80}, 95 % intervals ${c95} of actuals (${origins} origins).`,
  notBeaten: (mape, c80, c95, origins) =>
    `No model beats the baseline, so the outlook uses it (last value carried forward): back-test error ${mape}; 80 % intervals covered ${c80}, 95 % intervals ${c95} (${origins} origins).`,
  untested: 'Too few years to back-test: the outlook uses the baseline (last value carried forward); its accuracy is unknown.',
  replacementNote: 'Expansion demand only: there is no input on retirements or leavers, so replacement demand is not added.',
  accuracyTitle: (beat, n) => (beat ? `In ${count(beat)} of ${count(n)} industries the model's back-test error is below the baseline's` : `In none of ${count(n)} industries does a model beat the baseline: all use it`),
  accuracyAxis: 'Back-test mean absolute percentage error (%)', chosenMape: 'method used', baselineMape: 'baseline',
  gapTitle: (name, year, gap, short) => `${name} in ${year}, when next year's three-year intake graduates: ${short ? 'short of' : 'a surplus of'} ${gap}`,
  gapAxis: 'Future gap (demand − graduates then)', gapAxisShort: 'Future gap (people)',
  gapNote: "Supply: the graduates each programme's current intake and completion rate bring that year, through the major–industry mapping; the interval is the demand interval, shifted.",
  noOutlook: 'No outlook: the demand input has too few years or the outlook stage did not run.',
  columns: {
    industry: 'Industry', year: 'Year', kind: 'Kind', openings: 'Demand', lo80: '80 % low', hi80: '80 % high', lo95: '95 % low', hi95: '95 % high',
    method: 'Method used', mape: 'Error (MAPE)', baseline: 'Baseline error', coverage80: '80 % coverage', coverage95: '95 % coverage', origins: 'Origins',
    verdict: 'Beats the baseline?', beats: 'beats the baseline', notBeats: 'does not beat the baseline: baseline used', untested: 'not back-tested',
    supply: 'Graduates then', assumed: 'of which from assumed intake', estimated: 'of which from estimated intakes', gap: 'Future gap',
  },
};

export const planEn: typeof planZh = {
  statusTitle: 'Solver status',
  status: { optimal: 'optimal', time_limit: 'time limit reached', infeasible: 'infeasible', no_options: 'nothing to change', error: 'solver failed' },
  served: 'Plan of the refresh', resolved: 'Re-solved plan',
  solverStatus: (status) => status,
  statusLine: (status, gap, vars, rows) => `${status}; relative gap to the best bound ${gap}; ${count(vars)} variables, ${count(rows)} constraints`,
  changesTitle: (n, added, cut) => (n ? `The plan changes ${count(n)} programmes: ${added} seats added or opened, ${cut} cut` : 'The plan changes nothing'),
  gapTitle: (closed, year) => `The plan narrows the industries' future shortfalls, summed over the years to ${year}, by ${closed}`,
  gapAxis: 'Future gap', gapBefore: 'unchanged', gapAfter: 'with the plan',
  bindingTitle: (n) => (n ? `${count(n)} constraints bind (at a bound)` : 'No constraint binds'),
  conflictTitle: 'Constraints in conflict',
  controls: 'Constraints (change, then re-solve)',
  settings: {
    change_cap: 'Programme change cap (share)', school_cap: 'School total change cap (share)', min_class: 'Minimum class of a new programme',
    new_max: 'Most seats of a new programme', duplication_cap: 'Most schools per major', budget: 'Budget increase cap (yuan a year)',
    city_change_min: 'City total change, lowest (share)', city_change_max: 'City total change, highest (share)', require_adjacent: 'Open only majors of a 专业类 the school offers',
  },
  locks: 'Locks (left unchanged)', lockSchools: 'Lock schools (codes, comma-separated)', lockMajors: 'Lock majors (codes, comma-separated)',
  solve: 'Re-solve', solving: (s: number) => `Solving… (${s} s)`, cancel: 'Cancel', reset: "Reset to the policy file's values",
  invalid: 'Not solved, the settings are wrong: ',
  errors: {
    share: (name) => `${name} must be a share between 0 and 1`,
    count: (name) => `${name} must be a whole number, 0 or more`,
    money: (name) => `${name} must be a number, 0 or more`,
    order: "The city's lowest change must not exceed its highest",
    minmax: "A new programme's minimum class must not exceed its most seats",
    unknown: (kind, codes) => `Unknown ${kind} codes: ${codes}`,
  },
  schoolPart: 'This is your school’s part of the city’s plan. Re-solving needs the options of every school in the city, so a school account cannot re-solve here; ask the bureau’s analysts for changes.',
  compareTitle: 'Two plans side by side', compareNote: 'Left: the plan of the refresh; right: the plan re-solved with the changed settings.',
  compareOnly: 'Re-solve to compare two plans here.',
  differ: (n) => `${count(n)} programmes change differently`,
  download: 'Download the plan (xlsx)',
  workbook: {
    summary: 'Summary', gap: 'Future gap', constraints: 'Constraints', item: 'Item', value: 'Value',
    note: 'Note', message: 'Message', mipGap: 'Relative gap to the best bound', changed: 'Programmes changed', added: 'Seats added or opened', cut: 'Seats cut',
    kind: 'Kind', binding: 'binding', conflict: 'in conflict',
  },
  noPlan: 'The warehouse holds no enrolment plan (the planner stage did not run).',
  schoolTitle: (n) => (n ? `Proposed enrolment plan: ${count(n)} of this school's majors change` : 'Proposed enrolment plan: nothing changes here'),
  schoolUnchanged: "The plan leaves this school's intake unchanged.",
  columns: {
    school: 'School', schoolCode: 'School code', major: 'Major', majorCode: 'Major code', existing: 'Kind', existingYes: 'change', existingNo: 'open',
    plan: 'Plan this year', change: 'Change', proposed: 'Proposed plan', year: 'Graduation year', reason: 'Reason', industry: 'Industry',
    gapBefore: 'Gap unchanged', gapAfter: 'Gap with the plan', constraint: 'Constraint',
    gapBeforeSum: (first, last) => `Gap unchanged (${first}–${last}, summed over the years)`,
    gapAfterSum: (first, last) => `Gap with the plan (${first}–${last}, summed over the years)`,
    left: 'Plan of the refresh', right: 'Re-solved plan',
  },
};
