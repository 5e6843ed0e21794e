// A worker thread running the TypeScript module named by workerData.source, when the core runs
// from source (tsx, vitest): Node 20 does not hand the parent's `--import tsx` to a worker, so
// the thread registers tsx's loader itself.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.source);
