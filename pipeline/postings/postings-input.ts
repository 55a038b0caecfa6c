/**
 * The postings feed's entry in the manifest's inputs: one entry for the whole feed, since the drift
 * checks compare inputs table by table and a year holds hundreds of daily files. `rows` counts
 * postings after de-duplication, `sha256` pins the set of daily files (names and contents), and
 * `files` / `latest_file` say how far the feed goes; `uploads` names the days delivered on the platform.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { InputReport } from '../load/load-table.ts';
import { POSTINGS_FOLDER } from './daily-files.ts';
import type { Ledger } from './ledger.ts';
import type { UploadSource } from '../config/accepted-inputs.ts';

export interface PostingsInput extends InputReport {
  files: number;
  latest_file: string | null;
}

export function postingsInput(dataDir: string, ledger: Ledger, postings: number, uploads: { file: string; upload: UploadSource }[] = []): PostingsInput {
  const names = Object.keys(ledger.files).sort();
  const hash = createHash('sha256');
  for (const name of names) hash.update(`${name} ${ledger.files[name].sha256}\n`);
  return {
    table: 'postings',
    file: join(dataDir, POSTINGS_FOLDER),
    sha256: hash.digest('hex'),
    rows: postings,
    rejected: names.reduce((n, name) => n + ledger.files[name].rejected, 0),
    files: names.length,
    latest_file: names.at(-1) ?? null,
    ...(uploads.length > 0 ? { uploads } : {}),
  };
}
