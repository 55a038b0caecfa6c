/**
 * When a build's warehouse is written from its WAL into the file. DuckDB checkpoints on its own at
 * every 16 MB of WAL: in a city run that falls within the models, and holds their commits for
 * about a second while one core works. A build instead sets the threshold out of reach
 * (NO_AUTOMATIC_CHECKPOINT) and checkpoints once the models are built, beside the tests, the export
 * and the reports, which only read; the close then checkpoints what was written after (the plan).
 */
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/** DuckDB `checkpoint_threshold` of a build: never reached, so only CHECKPOINT and the close write the file. */
export const NO_AUTOMATIC_CHECKPOINT = '1TB';

/** DuckDB's refusal while another connection has uncommitted writes (the planner writing its marts). */
const REFUSED = /Cannot CHECKPOINT/i;

/**
 * Checkpoints on a connection of its own. Refused because a write is under way, it leaves the work
 * to the close, which checkpoints everything then: the result is the same file, later.
 * Resolves true when it checkpointed.
 */
export async function checkpointBeside(instance: DuckDBInstance): Promise<boolean> {
  const conn: DuckDBConnection = await instance.connect();
  try {
    await conn.run('CHECKPOINT');
    return true;
  } catch (error) {
    if (REFUSED.test((error as Error).message)) return false;
    throw error;
  } finally {
    conn.closeSync();
  }
}
