/**
 * One taker in the lock race test: waits for the agreed moment, tries the refresh lock and, when it
 * wins, holds it a while, checking that no one else holds it meanwhile. Prints "won <from> <until>" (ms) or "locked".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { acquireLock, LockedError, LOCK_FILE } from '../../pipeline/refresh/lock.ts';

const [dir, at, hold] = process.argv.slice(2);
while (Date.now() < Number(at)); // start together: the race is within microseconds
try {
  const release = acquireLock(dir, () => {});
  const won = Date.now();
  for (const until = Date.now() + Number(hold); Date.now() < until;) {
    const holder = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'));
    if (holder.pid !== process.pid) throw new Error(`lock taken from ${process.pid} by ${holder.pid}`);
  }
  const end = Date.now();
  release();
  console.log(`won ${won} ${end}`);
} catch (error) {
  if (!(error instanceof LockedError)) throw error;
  console.log('locked');
}
