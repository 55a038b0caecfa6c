// Entry of the planner's worker thread. The pipeline is TypeScript run by tsx (or by vitest, which does
// not pass its loader to threads), so the thread registers tsx's loader itself before loading it.
import { register } from 'tsx/esm/api';

register();
await import('./solve-worker.ts');
