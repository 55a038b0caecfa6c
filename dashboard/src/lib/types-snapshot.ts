/**
 * Files of a snapshot besides the marts, typed by the pipeline modules that write them (type-only
 * imports: nothing of the pipeline reaches the bundle), so a change there fails the type check here.
 */
/** One refresh (history.json, newest first). */
export type { RunRecord } from '../../../pipeline/refresh/history.ts';
/** reports/index.json: the reports of the snapshot's latest year. */
export type { ReportIndex } from '../../../pipeline/reports/generate-reports.ts';
/** One entry of marts/split.json, e.g. `schools/mart_school_programme` or `provinces/mart_overview`. */
export type { SplitExport as SplitEntry } from '../../../pipeline/export/split-marts.ts';
