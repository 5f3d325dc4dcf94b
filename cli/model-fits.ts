/**
 * The count-model fits of a run in a worker thread, so they use the machine's second core while
 * the main thread makes the rest of the analysis (core/analyze/analyze.ts, FitStep). The worker is
 * started with the command, so its start-up hides behind the reading; one batch of jobs goes to
 * it per run. Nothing depends on the worker: when it cannot start, fails or exits, the promise is
 * rejected and the pipeline fits the jobs in the main thread to the same results.
 *
 * Measured on the 1,000,488-line file (16,500 clients, six fits of about 1 s in all): see
 * docs/performance.md.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CountFitJob, CountFitResult } from '../core/index.js';

export interface ModelFitter {
  fit(jobs: readonly CountFitJob[]): Promise<readonly CountFitResult[]>;
  /** Ends the worker (a run that asked for no fit, or after its answer). */
  close(): void;
}

/** The built worker beside the built command line (dist/cli/fit-worker.js). */
export const FIT_WORKER = new URL('./fit-worker.js', import.meta.url);

/** A fitter over a worker started now from `script`; null when there is no such script (the command line run from its sources). */
export function startModelFitter(script: URL = FIT_WORKER): ModelFitter | null {
  if (!existsSync(fileURLToPath(script))) return null;
  const worker = new Worker(script);
  // The worker never keeps the command alive: an unused one ends with the process.
  worker.unref();
  let failure: Error | null = null;
  const waiting: { resolve(results: readonly CountFitResult[]): void; reject(error: Error): void }[] = [];
  const fail = (error: Error) => {
    failure ??= error;
    for (const next of waiting.splice(0)) next.reject(failure);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the fit worker exited (code ${code})`)));
  worker.on('message', ({ results }: { results: readonly CountFitResult[] }) => waiting.shift()?.resolve(results));
  return {
    fit(jobs) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        worker.postMessage({ jobs });
      });
    },
    close() {
      void worker.terminate();
    },
  };
}
