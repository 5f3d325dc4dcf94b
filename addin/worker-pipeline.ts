/**
 * The pipeline of a panel run in a Web Worker, so the task pane never blocks for long: Excel
 * restarts an add-in whose runtime stops answering for about 5 seconds, and reading and analysing a
 * million lines takes longer than that. The core's `runPipeline` runs in the worker; the page
 * answers its questions — whether a sheet is there, the sheet's rows — from Excel (Office.js cannot
 * run in a worker) and posts each block of rows on as Excel sends it (5,000 rows a message, the
 * page getting a turn between them), so neither side holds the sheet twice and no message is
 * large. The worker posts progress and, at the end, the report's tabs and the summary (not the
 * analysis, which only it needs), each tab's rows in messages of 5,000 too — the page decodes a
 * message in one task, and a report of 20,000 rows in one message would block it for a few hundred
 * milliseconds; the page writes the tabs.
 *
 * Page → worker: `start` {request}; `answer` {id, present} to a check; `rows` {id, rows} (any
 * number) then `end` {id} to a read.
 * Worker → page: `ask` {id, step: check | read}; `progress` {progress}; `tab` {spec without rows}
 * and `tabRows` {tab, table, rows} for each tab of the report; `done` {outcome, without the tabs};
 * `failed` {message}.
 * Cancelling terminates the worker (it may be in the middle of the analysis); a read stops at the
 * next block. Everything that crosses is plain data (structured clone): cells, specs, summaries.
 *
 * When the worker cannot be had — the page may not create one (a SecurityError), or its script
 * does not load, which fires `error` at the Worker before it has posted anything (HTML Standard,
 * "run a worker"; MDN "Worker: error event") — the run falls back to the pipeline in the page: the
 * same answer, only the pane is busy while it works, so every progress of the fallback says
 * `inPage` (the first one at once) and the panel tells the user. When a worker that ran fails — an uncaught
 * exception (`error` after its first message), or its pipeline threw (`failed`) — the run stops
 * with `WorkerFailed`, which the bridge words as `excel.errors.workerFailed`; nothing has been
 * written, as writing starts only after the worker's answer.
 *
 * Example: a run over "Sales" → ask {1, check Sales} → answer {1, true} → ask {2, read Sales} →
 * rows {2, 5,000 rows} … rows {2, 1,200 rows} → end {2} → progress analyze … → tab {Clients} →
 * tabRows {0, 0, 5,000 rows} … → done.
 */
import { pacer } from './pace.js';
import {
  runPipeline,
  type Cell,
  type Grid,
  type PipelineRequest,
  type PipelineRunner,
  type Progress,
  type RunControl,
  type RunnerOutcome,
  type SheetSpec,
  type SourceKey,
} from '../core/index.js';

type Ask = { kind: 'check' | 'read'; source: SourceKey; sheet: string };

export type ToWorker =
  | { type: 'start'; request: PipelineRequest }
  | { type: 'answer'; id: number; value: boolean }
  | { type: 'rows'; id: number; rows: Grid }
  | { type: 'end'; id: number };

export type FromWorker =
  | { type: 'ask'; id: number; step: Ask }
  | { type: 'progress'; progress: Progress }
  | { type: 'tab'; spec: SheetSpec }
  | { type: 'tabRows'; tab: number; table: number; rows: SheetSpec['tables'][number]['rows'] }
  | { type: 'done'; outcome: RunnerOutcome }
  | { type: 'failed'; message: string };

/** One end of a worker's channel: `self` in the worker, the Worker object in the page. */
export interface Endpoint<In, Out> {
  postMessage(message: Out): void;
  onmessage: ((event: { data: In }) => void) | null;
}

/** The page's Worker object: its channel, its `error` event (a script that did not load, an uncaught exception) and `terminate`. */
export interface WorkerLike extends Endpoint<FromWorker, ToWorker> {
  onerror: ((event: { message?: string }) => void) | null;
  terminate(): void;
}

// ── the worker's side ────────────────────────────────────────────────────────────────────────

/**
 * Serves runs over `endpoint` (the worker's global scope): the core's `runPipeline`, its sheets
 * asked of the page. It is never cancelled from inside — the page terminates it — and has no page
 * to let paint, so its pause is none.
 */
export function servePipeline(endpoint: Endpoint<ToWorker, FromWorker>): void {
  const checks = new Map<number, (present: boolean) => void>();
  const reads = new Map<number, { rows: (readonly Cell[])[]; resolve: () => void }>();
  let asked = 0;

  const has = (source: SourceKey, sheet: string) =>
    new Promise<boolean>((resolve) => {
      const id = ++asked;
      checks.set(id, resolve);
      endpoint.postMessage({ type: 'ask', id, step: { kind: 'check', source, sheet } });
    });
  const read = (source: SourceKey, sheet: string) =>
    new Promise<{ grid: Grid }>((resolve) => {
      const id = ++asked;
      const rows: (readonly Cell[])[] = [];
      reads.set(id, { rows, resolve: () => resolve({ grid: rows }) });
      endpoint.postMessage({ type: 'ask', id, step: { kind: 'read', source, sheet } });
    });

  const run = async (request: PipelineRequest) => {
    try {
      const outcome = await runPipeline(request, { has, read }, {
        onProgress: (progress) => endpoint.postMessage({ type: 'progress', progress }),
        cancelled: () => false,
        pause: () => Promise.resolve(),
      });
      if (!outcome.ok) return endpoint.postMessage({ type: 'done', outcome });
      for (const [tab, spec] of outcome.sheets.entries()) {
        endpoint.postMessage({ type: 'tab', spec: { ...spec, tables: spec.tables.map((table) => ({ ...table, rows: [] })) } });
        for (const [table, { rows }] of spec.tables.entries()) {
          for (let from = 0; from < rows.length; from += ROWS_PER_MESSAGE) {
            endpoint.postMessage({ type: 'tabRows', tab, table, rows: rows.slice(from, from + ROWS_PER_MESSAGE) });
          }
        }
      }
      endpoint.postMessage({ type: 'done', outcome: { ok: true, sheets: [], summary: outcome.summary } });
    } catch (error) {
      endpoint.postMessage({ type: 'failed', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
  };

  endpoint.onmessage = ({ data }) => {
    if (data.type === 'start') void run(data.request);
    else if (data.type === 'answer') {
      checks.get(data.id)!(data.value);
      checks.delete(data.id);
    } else if (data.type === 'rows') {
      const into = reads.get(data.id)!.rows;
      for (const row of data.rows) into.push(row);
    } else {
      reads.get(data.id)!.resolve();
      reads.delete(data.id);
    }
  };
}

// ── the page's side ──────────────────────────────────────────────────────────────────────────

/** What the page reads for the worker: the sheet names, and a sheet block by block. */
export interface StreamingPort {
  sheetNames(): Promise<string[]>;
  streamSheet(name: string, onRows: (rows: Grid) => void | Promise<void>, onProgress?: (done: number, total: number) => void): Promise<void>;
}

/** How often the page looks whether the user cancelled while the worker analyses. */
const CANCEL_POLL_MS = 100;
/** Rows in one message: posting copies them, so a block of Excel's is posted a few thousand rows at a time. */
const ROWS_PER_MESSAGE = 5_000;

class Cancelled extends Error {}

/** A worker that ran stopped before it answered: it crashed, or its pipeline threw (`detail` says how). */
export class WorkerFailed extends Error {
  constructor(readonly detail: string) {
    super(`the pipeline worker failed: ${detail}`);
    this.name = 'WorkerFailed';
  }
}

/** Why a worker gave no answer: it could not be had (run in the page instead) or it failed. */
type NoWorker = { unavailable: true };

/**
 * A PipelineRunner that runs the stages in a worker made by `createWorker`, reading through `port`;
 * `inPage` runs them when no worker can be had.
 */
export function workerRunner(port: StreamingPort, createWorker: () => WorkerLike, inPage: PipelineRunner): PipelineRunner {
  const fallBack: PipelineRunner = (request, control) => {
    const onProgress = (progress: Progress) => control.onProgress({ ...progress, inPage: true });
    onProgress({ stage: 'read', done: 0, total: 0 });
    return inPage(request, { ...control, onProgress });
  };
  return async (request, control) => {
    let worker: WorkerLike;
    try {
      worker = createWorker();
    } catch {
      return fallBack(request, control);
    }
    const outcome = await inWorker(worker, port, request, control);
    return 'unavailable' in outcome ? fallBack(request, control) : outcome;
  };
}

function inWorker(worker: WorkerLike, port: StreamingPort, request: PipelineRequest, control: RunControl): Promise<RunnerOutcome | NoWorker> {
  return new Promise((resolve, reject) => {
    let names: Promise<string[]> | undefined;
    const tabs: SheetSpec[] = [];
    let heard = false;
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      worker.terminate();
      settle();
    };
    const cancelled = () => finish(() => resolve({ ok: false, cancelled: true }));
    const failed = (detail: string) => finish(() => reject(new WorkerFailed(detail)));
    const watch = setInterval(() => {
      if (control.cancelled()) cancelled();
    }, CANCEL_POLL_MS);

    const answer = async (id: number, step: Ask) => {
      if (step.kind === 'check') {
        worker.postMessage({ type: 'answer', id, value: (await (names ??= port.sheetNames())).includes(step.sheet) });
        return;
      }
      const pace = pacer();
      await port.streamSheet(
        step.sheet,
        async (rows) => {
          for (let from = 0; from < rows.length; from += ROWS_PER_MESSAGE) {
            if (control.cancelled() || settled) throw new Cancelled();
            worker.postMessage({ type: 'rows', id, rows: rows.slice(from, from + ROWS_PER_MESSAGE) });
            await pace();
          }
        },
        (done, total) => control.onProgress({ stage: 'read', done, total }),
      );
      worker.postMessage({ type: 'end', id });
    };

    worker.onerror = (event) => {
      if (!heard) finish(() => resolve({ unavailable: true }));
      else failed(event.message ?? 'an error without a message');
    };
    worker.onmessage = ({ data }) => {
      heard = true;
      if (settled) return;
      if (data.type === 'progress') control.onProgress(data.progress);
      // Each message is a moment to see a cancel, not only the poll: a worker that analyses faster than
      // the poll's interval would otherwise deliver its report after the user pressed Cancel.
      if (control.cancelled()) return cancelled();
      if (data.type === 'tab') tabs.push(data.spec);
      else if (data.type === 'tabRows') tabs[data.tab].tables[data.table].rows.push(...data.rows);
      else if (data.type === 'done') finish(() => resolve(data.outcome.ok ? { ...data.outcome, sheets: tabs } : data.outcome));
      else if (data.type === 'failed') failed(data.message);
      else if (data.type === 'ask') answer(data.id, data.step).catch((error: unknown) => (error instanceof Cancelled ? cancelled() : finish(() => reject(error))));
    };
    if (control.cancelled()) return cancelled();
    worker.postMessage({ type: 'start', request });
  });
}
