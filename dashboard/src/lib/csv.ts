/** Chart and table downloads as CSV for Excel users, with the project's one cell rule (pipeline/shared/csv.ts). */
export { csvCell, excelCsv as buildCsv } from '../../../pipeline/shared/csv.ts';
