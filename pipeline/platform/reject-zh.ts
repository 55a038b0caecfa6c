/** A data folder's own column names: advice for whoever keeps the folder, not for a sender on the platform. */
const MAPPING_HINT = / ?\(name it in mapping\.json "columns"\)/g;

/** The same for the sheet to read: a sender puts the rows on one sheet instead. */
const SHEET_HINT = /, or name the sheet to read in mapping\.json "sheet"/g;

/** A whole file's refusal as a sender reads it: what to change in the file itself, rather than in a folder they cannot reach. */
export function refusalZh(message: string): string {
  return message.replace(MAPPING_HINT, '（请把该列的列名改为所列的中文名或字段名后重新上传 — rename the column as suggested and upload again）')
    .replace(SHEET_HINT, '（请把数据行放在同一个工作表后重新上传 — and upload it again）');
}
