/** SQL string literal: file paths and reject texts may contain quotes. */
export const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** SQL identifier: field names come from the schema files, not from code. */
export const sqlName = (s: string) => `"${s.replaceAll('"', '""')}"`;
