/**
 * The command line's second thread: fits count models (core's runCountFitJob) for the analysis
 * running in the main thread (cli/model-fits.ts). Each message is `{ jobs }`; the answer is
 * `{ results }` in job order, structured-cloned (plain numbers, arrays and typed arrays).
 */
import { parentPort } from 'node:worker_threads';
import { runCountFitJob, type CountFitJob } from '../core/index.js';

parentPort!.on('message', ({ jobs }: { jobs: readonly CountFitJob[] }) => {
  parentPort!.postMessage({ results: jobs.map(runCountFitJob) });
});
