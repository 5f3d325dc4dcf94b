/**
 * The command line's second thread (cli/worker.ts), started with the command so its start-up
 * hides behind the opening of the files. It takes two jobs of a run off the main thread, each while
 * the main thread is busy with another part of the same work:
 * - `restOfFile`: the second half of a large text file, read while the main thread reads the first
 *   (core/read/rest-of-file.ts), by a worker of its own (the same script) that ends after it. The
 *   main thread waits for it synchronously (the readers are synchronous): the worker raises a flag
 *   in shared memory when its answer is on the port (Atomics.wait, then receiveMessageOnPort —
 *   the synchronous hand-over that function was added to Node for, nodejs/node#27294), and counts
 *   the blocks it reads, so a worker that falls silent for STALL_MS is given up on;
 * - `fit`: the count-model fits, while the main thread makes the rest of the analysis
 *   (core/analyze/analyze.ts, FitStep); once the main thread waits for them it fits the jobs the
 *   worker has not started (each thread takes the next job through a shared count).
 * Nothing depends on it: when it cannot start, fails, exits or falls silent, the main thread does
 * the job itself, to the same results.
 *
 * Measured on the 1,000,488-line file (178 MB; six fits of about 1 s in all): docs/performance.md.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { REJECT_REASONS, runCountFitJob, SALE_TEXT_FIELDS, type CountFitJob, type CountFitResult, type RejectedRow, type RestOfFile, type RestPart, type RestPlan } from '../core/index.js';

export interface SecondThread {
  fit(jobs: readonly CountFitJob[]): Promise<readonly CountFitResult[]>;
  /** The rest of the text file at `path` (`size` bytes), read by a worker of its own; undefined for a small file or one without a line break after its middle. */
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
  plan: RestPlan;
  flags: Int32Array;
  port: MessagePort;
}

/** The second thread started now from `script`; null when there is no such script (the command line run from its sources). */
export function startSecondThread(script: URL = WORKER_SCRIPT, { stallMs = STALL_MS, splitBytes = SPLIT_BYTES } = {}): SecondThread | null {
  if (!existsSync(fileURLToPath(script))) return null;
  const worker = new Worker(script);
  // The worker never keeps the command alive: an unused one ends with the process.
  worker.unref();
  let failed = false;
  const batches = new Map<number, FitBatch>();
  let batchCount = 0;
  const fail = () => {
    failed = true;
    for (const batch of batches.values()) batch.orphaned();
  };
  worker.on('error', fail);
  worker.on('exit', fail);
  worker.on('message', ({ batch, index, result }: FitAnswer) => batches.get(batch)?.answered(index, result));
  return {
    fit(jobs) {
      if (jobs.length === 0) return Promise.resolve([]);
      const id = batchCount++;
      const claims = new Int32Array(new SharedArrayBuffer(4));
      return new Promise((resolve) => {
        const batch = fitBatch(jobs, claims, (results) => {
          batches.delete(id);
          resolve(results);
        });
        batches.set(id, batch);
        if (failed) batch.orphaned();
        else worker.postMessage({ fits: { batch: id, jobs, claims } });
        batch.help();
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

/** A fit the worker answered: `index` of batch `batch`. */
export interface FitAnswer {
  batch: number;
  index: number;
  result: CountFitResult;
}

/** What the main thread asks the worker to fit (cli/worker.ts): it takes the jobs by raising `claims`. */
export interface FitRequest {
  batch: number;
  jobs: readonly CountFitJob[];
  claims: Int32Array;
}

interface FitBatch {
  answered(index: number, result: CountFitResult): void;
  /** The worker is gone: what it claimed and did not answer is fitted here. */
  orphaned(): void;
  /** Fits the next unclaimed job here whenever this thread is idle, until none is left. */
  help(): void;
}

/**
 * One batch of fits shared by the two threads: each takes the next job by raising the shared claim
 * count, so this thread, idle once it waits for the results, fits jobs the worker has not started.
 */
function fitBatch(jobs: readonly CountFitJob[], claims: Int32Array, done: (results: CountFitResult[]) => void): FitBatch {
  const results: (CountFitResult | undefined)[] = new Array(jobs.length);
  let answers = 0;
  let finished = false;
  let orphan = false;
  const record = (index: number, result: CountFitResult) => {
    if (finished || results[index] !== undefined) return;
    results[index] = result;
    if (++answers === jobs.length) {
      finished = true;
      done(results as CountFitResult[]);
    }
  };
  const help = () => {
    if (finished) return;
    const index = Atomics.add(claims, 0, 1);
    if (index < jobs.length) {
      record(index, runCountFitJob(jobs[index]!));
      // Between two fits, the worker's answers are taken in.
      setImmediate(help);
    } else if (orphan) {
      for (let k = 0; k < jobs.length; k++) if (results[k] === undefined) record(k, runCountFitJob(jobs[k]!));
    }
  };
  return {
    answered: record,
    orphaned() {
      orphan = true;
      setImmediate(help);
    },
    help: () => setImmediate(help),
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
      const answer = receiveMessageOnPort(port)?.message as Partial<RestAnswer> | undefined;
      drop();
      return answer?.part && answer.rejected ? restPartOf({ part: answer.part, rejected: answer.rejected }) : null;
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

/** What the worker posts for the rest of a file: the part without its rejected rows, and those packed. */
export interface RestAnswer {
  part: RestPart;
  rejected: PackedRejected;
}

/** The worker's answer for a part it read, and the buffers to hand over with it rather than copy. */
export function restAnswer(part: RestPart): { answer: RestAnswer; transfer: ArrayBuffer[] } {
  const { rejected, ...table } = part.table;
  const answer: RestAnswer = { part: { ...part, table: { ...table, rejected: [] } }, rejected: packRejected(rejected) };
  return { answer, transfer: [...columnBuffers(part), answer.rejected.row.buffer, answer.rejected.toRow.buffer, answer.rejected.reason.buffer] };
}

/** The part as the worker read it, its rejected rows unpacked. */
export function restPartOf({ part, rejected }: RestAnswer): RestPart {
  return { ...part, table: { ...part.table, rejected: unpackRejected(rejected) } };
}

/** The buffers of the part's columns (each once). */
function columnBuffers(part: RestPart): ArrayBuffer[] {
  const { columns } = part.reader;
  const arrays = [columns.row, columns.day, columns.amount, columns.profit, columns.quantity, columns.client.ids];
  for (const field of SALE_TEXT_FIELDS) arrays.push(columns[field]?.ids ?? null);
  return [...new Set(arrays.filter((array) => array !== null).map((array) => array.buffer as ArrayBuffer))];
}

/**
 * Rejected rows as a few arrays instead of one object each, for the hand-over between the threads:
 * the structured clone of Online Retail's second half (67,540 small objects) took the receiving
 * thread 42–87 ms, the arrays 7–25 ms with the objects rebuilt (docs/performance.md). `toRow` 0
 * is absent (rows count from 1); `indexedValues` holds the index and then the text of each row
 * that has one, in row order. The readers' rejected rows carry no `source` or `sheet` (the
 * pipeline adds those later), so neither is packed.
 *
 * Example: [{row: 3, reason: 'bad-date', value: '31.02'}, {row: 5, toRow: 8, reason: 'blank'}] →
 * row [3, 5], toRow [0, 8], reason [index of bad-date, of blank], indexedValues [0, '31.02'];
 * unpacked, the same objects with their fields in the same order.
 */
export interface PackedRejected {
  row: Int32Array<ArrayBuffer>;
  toRow: Int32Array<ArrayBuffer>;
  reason: Uint8Array<ArrayBuffer>;
  indexedValues: (number | string)[];
}

/** A reader's rejected rows: what it sets of a RejectedRow. */
type ReadRejectedRow = Pick<RejectedRow, 'row' | 'toRow' | 'reason' | 'value'>;

export function packRejected(rows: readonly ReadRejectedRow[]): PackedRejected {
  const n = rows.length;
  const packed: PackedRejected = { row: new Int32Array(n), toRow: new Int32Array(n), reason: new Uint8Array(n), indexedValues: [] };
  for (let k = 0; k < n; k++) {
    const { row, toRow, reason, value } = rows[k]!;
    const index = REASON_INDEX.get(reason);
    if (index === undefined) throw new Error(`packRejected: no such reason "${reason}"`);
    packed.row[k] = row;
    packed.toRow[k] = toRow ?? 0;
    packed.reason[k] = index;
    if (value !== undefined) packed.indexedValues.push(k, value);
  }
  return packed;
}

export function unpackRejected({ row, toRow, reason, indexedValues }: PackedRejected): RejectedRow[] {
  const rows: RejectedRow[] = new Array(row.length);
  let next = 0;
  for (let k = 0; k < row.length; k++) {
    const base: RejectedRow = toRow[k] !== 0 ? { row: row[k]!, toRow: toRow[k]!, reason: REJECT_REASONS[reason[k]!]! } : { row: row[k]!, reason: REJECT_REASONS[reason[k]!]! };
    if (indexedValues[next] === k) {
      base.value = indexedValues[next + 1] as string;
      next += 2;
    }
    rows[k] = base;
  }
  return rows;
}

const REASON_INDEX = new Map(REJECT_REASONS.map((reason, index) => [reason, index]));
