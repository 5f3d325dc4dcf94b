/**
 * The command line's second thread (cli/worker.ts), started with the command so its start-up
 * hides behind the opening of the files. It takes two jobs of a run off the main thread, each while
 * the main thread is busy with another part of the same work:
 * - `restOfFile`: the second half of a large text file, read while the main thread reads the first
 *   (core/read/rest-of-file.ts), by a worker of its own (the same script) that ends after it. The
 *   main thread waits for it synchronously (the readers are synchronous): the worker raises a flag
 *   in shared memory when its answer is on the port, and counts the blocks it reads, so a worker
 *   that falls silent for STALL_MS is given up on;
 * - `fit`: the count-model fits, while the main thread makes the rest of the analysis
 *   (core/analyze/analyze.ts, FitStep).
 * Nothing depends on it: when it cannot start, fails, exits or falls silent, the main thread does
 * the job itself, to the same results.
 *
 * Measured on the 1,000,488-line file (178 MB; six fits of about 1 s in all): docs/performance.md.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { CountFitJob, CountFitResult, RestOfFile, RestPart } from '../core/index.js';

export interface SecondThread {
  fit(jobs: readonly CountFitJob[]): Promise<readonly CountFitResult[]>;
  /** The rest of the text file at `path` (`size` bytes) to read in this thread; undefined for a small file or a failed thread. */
  restOfFile(path: string, size: number): RestOfFile | undefined;
  /** Ends the worker (after the run). */
  close(): void;
}

/** The built worker beside the built command line (dist/cli/worker.js). */
export const WORKER_SCRIPT = new URL('./worker.js', import.meta.url);
/** Files smaller than this are read in one pass (the halves would save less than the hand-over costs). */
export const SPLIT_BYTES = 16 << 20;
/** A worker reading the rest that reads no block for this long is given up on. */
export const STALL_MS = 10_000;
/** The slots of the shared flags: the answer is on the port; blocks read. */
export const DONE = 0;
export const BLOCKS = 1;

/** What the main thread asks the worker for the rest of a file (cli/worker.ts). */
export interface RestRequest {
  path: string;
  from: number;
  plan: Parameters<RestOfFile['begin']>[0];
  flags: Int32Array;
  port: MessagePort;
}

/** The second thread started now from `script`; null when there is no such script (the command line run from its sources). */
export function startSecondThread(script: URL = WORKER_SCRIPT, { stallMs = STALL_MS, splitBytes = SPLIT_BYTES } = {}): SecondThread | null {
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
  worker.on('exit', (code) => fail(new Error(`the second thread exited (code ${code})`)));
  worker.on('message', ({ results }: { results: readonly CountFitResult[] }) => waiting.shift()?.resolve(results));
  return {
    fit(jobs) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        worker.postMessage({ jobs });
      });
    },
    restOfFile(path, size) {
      if (size < splitBytes) return undefined;
      const from = lineStartAfter(path, Math.floor(size / 2));
      return from === null ? undefined : restInWorker(script, path, from, stallMs);
    },
    close() {
      void worker.terminate();
    },
  };
}

/**
 * The rest read by a worker of its own, started now (while this thread reads the top of the file)
 * and ended once it answered or was dropped, so the memory it read with is given back before the
 * analysis.
 */
function restInWorker(script: URL, path: string, from: number, stallMs: number): RestOfFile {
  const worker = new Worker(script);
  worker.unref();
  const flags = new Int32Array(new SharedArrayBuffer(8));
  let port: MessagePort | null = null;
  const drop = () => {
    void worker.terminate();
    port?.close();
    port = null;
  };
  return {
    from,
    begin(plan) {
      const channel = new MessageChannel();
      port = channel.port1;
      const request: RestRequest = { path, from, plan, flags, port: channel.port2 };
      worker.postMessage({ rest: request }, [channel.port2]);
    },
    take() {
      if (!port) return null;
      let blocks = Atomics.load(flags, BLOCKS);
      while (Atomics.load(flags, DONE) === 0) {
        if (Atomics.wait(flags, DONE, 0, stallMs) !== 'timed-out') continue;
        const now = Atomics.load(flags, BLOCKS);
        if (now === blocks) {
          drop();
          return null;
        }
        blocks = now;
      }
      const answer = receiveMessageOnPort(port)?.message as { part?: RestPart } | undefined;
      drop();
      return answer?.part ?? null;
    },
    drop,
  };
}

/** The offset just after the first line break at or after `at` (within 1 MB), or null. */
export function lineStartAfter(path: string, at: number): number | null {
  const fd = openSync(path, 'r');
  try {
    const bytes = new Uint8Array(1 << 20);
    const read = readSync(fd, bytes, 0, bytes.length, at);
    const lf = bytes.subarray(0, read).indexOf(10);
    return lf < 0 || lf + 1 >= read ? null : at + lf + 1;
  } finally {
    closeSync(fd);
  }
}
