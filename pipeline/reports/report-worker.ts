/**
 * A report worker thread: receives batches of schools with the report data they need (plain
 * values), writes each school's three files and answers with their index entries.
 */
import { parentPort } from 'node:worker_threads';
import { writeSchoolReport, type SchoolReportEntry } from './write-report.ts';
import { immediateWrites } from '../export/bounded-writes.ts';
import type { SchoolBatch, WorkerMessage } from './report-workers.ts';

const port = parentPort!;
const send = (message: WorkerMessage) => port.postMessage(message);

port.on('message', async (batch: SchoolBatch) => {
  try {
    const writes = immediateWrites();
    const entries: SchoolReportEntry[] = [];
    for (const school of batch.data.schools) {
      const entry = await writeSchoolReport(batch.outDir, batch.data, school, batch.context, writes);
      entries.push(entry);
      send({ type: 'progress', code: entry.code });
    }
    await writes.done();
    send({ type: 'done', id: batch.id, entries });
  } catch (error) {
    send({ type: 'failed', id: batch.id, message: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
