/**
 * A run of the segmentation split into server calls that each stay inside a stated budget, driven
 * by the sidebar (sidebar-bridge.ts):
 *
 * - `startSegment(request)` checks the options and that every named sheet is there, refuses while
 *   another run is active, and records the run (run-state.ts); it reads nothing yet.
 * - `continueSegment(jobId)` carries out steps while less than CALL_BUDGET_MS has passed since the
 *   call began: a read step is one block of one source (source-read.ts; at most READ_BLOCK_CELLS
 *   cells), the blocks a call read stored (compressed) with the cursor when the call ends; the
 *   analysis step — the core's pipeline over the blocks read, the cell budget check, the write
 *   plan — runs right after a read that all fit in the same call (then nothing read is ever
 *   stored), or else as the first step of a call; a write step is one step of the plan (plan.ts; at
 *   most BLOCK_CELLS cells), flushed before the clock is read, the run saved after it. The call
 *   after the last step returns the RunSummary and the tabs written.
 *
 * What can go wrong, and what happens:
 * - A transient service error: the step is tried again with backoff (retry.ts); every step is
 *   idempotent. A step that still fails ends the call; the next call tries it again, and after
 *   MAX_STEP_FAILURES calls in a row the run stops with a sentence naming the tab.
 * - The execution is killed (6 minutes): the next call resumes at the step after the last one saved
 *   (reading: at the first block the killed call had not stored).
 * - The cache dropped something the next step needs (the blocks read, the step's data, the
 *   summary): the sources are read and analysed again; when the recomputed plan has the same
 *   fingerprint the run goes on at its cursor, otherwise it writes every tab again. A cache that
 *   drops the state MAX_RECOMPUTES times in a row, with nothing written between, stops the run with
 *   a sentence instead of reading for ever.
 * - The answer of the last call is lost: calling again gives the same result (the finished run is
 *   kept until the next run starts).
 * - Two runs at once (two Segment clicks, two users): every call holds the document lock
 *   (lock.ts), and a run that is not done and was touched less than STALE_MS ago is active — a
 *   second start gets a sentence. A run left unfinished longer is taken over and its state cleaned.
 * - The report needs more cells than the spreadsheet has left (10,000,000 in all): nothing is
 *   written and the sentence says how many are needed and what to do.
 *
 * Only JSON-safe values cross (no Dates): day numbers and `YYYY-MM-DD` strings.
 *
 * Example: a 200,000-line sheet of 3 columns → startSegment {ok, jobId, progress read 0/200001};
 * the first continue reads the top and 3 blocks of 66,666 rows and analyses them, storing a plan of
 * 30 steps; it writes steps until its 20 s are up, and a later call writes the rest and returns the
 * summary.
 */
import {
  checkOptions,
  failureMessage,
  layoutTab,
  runPipelineSync,
  SOURCE_KEYS,
  words,
  type Cell,
  type Grid,
  type Lang,
  type PipelineFailure,
  type Progress,
  type RunRequest,
  type RunResult,
  type RunSummary,
  type SourceKey,
} from '../core/index.js';
import { getValue, putJson, putValue, removeValues } from './cache-store.js';
import { serialReader } from './dates.js';
import { withDocumentLock } from './lock.js';
import { fingerprint, planWrites, stepData, type StepData } from './plan.js';
import { messageOf, withRetry } from './retry.js';
import {
  blockKey,
  deleteHead,
  dropBlocks,
  dropCached,
  loadHead,
  newRunId,
  progressOf,
  saveHead,
  stepKey,
  storeBlock,
  summaryKey,
  type RunHead,
} from './run-state.js';
import {
  activateSheet,
  activeSheetId,
  cellInventory,
  hasSheet,
  NEW_SHEET_CELLS,
  sheetSize,
  SourceGone,
  SPREADSHEET_CELLS,
  spreadsheetTimeZone,
  TabDeleted,
  type OpenedTab,
} from './sheets-port.js';
import { assembleGrid, isRead, newCursor, readBlock } from './source-read.js';
import { writeStep } from './write-step.js';

/** Steps start while less than this has passed since the call began. */
export const CALL_BUDGET_MS = 20_000;
/** A run no call has worked on for this long is abandoned: longer than one execution may last (6 min). */
export const STALE_MS = 7 * 60 * 1000;
/** Calls in a row a step may fail before the run stops. */
export const MAX_STEP_FAILURES = 3;
/** Recomputations in a row, without a step written between them, before the run stops (a cache that keeps dropping its state). */
export const MAX_RECOMPUTES = 3;
/** Steps stored per analysis, and cache pieces they may take (the cache keeps about 900 entries in all). */
export const MAX_STORED_STEPS = 300;
export const MAX_STORED_PIECES = 500;

export type StartOutcome = { ok: true; jobId: string; progress: Progress } | { ok: false; message: string };

export type ContinueOutcome = { finished: false; progress: Progress } | { finished: true; result: RunResult };

export function startSegment(request: RunRequest): StartOutcome {
  const sheets = words(request.lang).sheets;
  const locked = withDocumentLock((): StartOutcome => {
    const checked = checkOptions(request.options);
    if (!checked.ok) return { ok: false, message: failureMessage(request.lang, { kind: 'options', problem: checked.problem }, 'panel') };
    const now = Date.now();
    const current = loadHead();
    if (current && current.phase !== 'done' && now - current.touched < STALE_MS) return { ok: false, message: sheets.runInProgress };
    const named = SOURCE_KEYS.filter((key) => request.sources[key]).map((key) => ({ key, sheet: request.sources[key]! }));
    for (const { key, sheet } of named) {
      if (!hasSheet(sheet)) return { ok: false, message: failureMessage(request.lang, { kind: 'unavailable', source: key, sheet, problem: { code: 'no-sheet' } }, 'panel') };
    }
    if (current) dropCached(current);
    const head: RunHead = {
      id: newRunId(),
      request,
      phase: 'read',
      touched: now,
      view: activeSheetId(),
      sources: named.map(({ key, sheet }) => newCursor(key, sheet, sheetSize(sheet) ?? { rows: 0, columns: 0 })),
      write: { cursor: 0, total: 0, fingerprint: null, stored: {} },
      opened: [],
      summary: 0,
      failures: 0,
      recomputes: 0,
    };
    saveHead(head);
    return { ok: true, jobId: head.id, progress: progressOf(head) };
  });
  return locked.ok ? locked.value : { ok: false, message: sheets.busy };
}

export function continueSegment(jobId: string, lang: Lang): ContinueOutcome {
  const started = Date.now();
  const locked = withDocumentLock(() => {
    const head = loadHead();
    if (!head || head.id !== jobId) return failed(head ? words(lang).sheets.runReplaced : words(lang).sheets.jobExpired);
    return advance(head, started);
  });
  if (locked.ok) return locked.value;
  const head = loadHead();
  return head && head.id === jobId ? { finished: false, progress: progressOf(head) } : failed(words(lang).sheets.runReplaced);
}

/** The sidebar's Cancel: forget the run (tabs already written stay, and are replaced next run). */
export function cancelSegment(jobId: string): void {
  withDocumentLock(() => {
    const head = loadHead();
    if (!head || head.id !== jobId) return;
    dropCached(head);
    deleteHead();
  });
}

type StepOutcome = { done: false; endCall: boolean } | { done: true; result: RunResult };

/**
 * The blocks read in this call, by source, not yet in the cache: a read that ends within one call
 * goes straight on to the analysis and is never stored; otherwise they are stored (and the cursor
 * saved with them) when the call ends, so a killed execution loses at most one call's reading.
 */
type Unstored = Map<number, Cell[][][]>;

function advance(head: RunHead, started: number): ContinueOutcome {
  const unstored: Unstored = new Map();
  const end = (outcome: ContinueOutcome): ContinueOutcome => {
    if (unstored.size > 0) storeReads(head, unstored);
    return outcome;
  };
  for (let first = true; ; first = false) {
    let outcome: StepOutcome;
    if (head.phase === 'done') {
      const result = finishedResult(head);
      if (result) return end({ finished: true, result });
      outcome = readAgain(head);
    } else {
      if (Date.now() - started >= CALL_BUDGET_MS) return end({ finished: false, progress: progressOf(head) });
      try {
        outcome = step(head, first, unstored);
      } catch (error) {
        if (unstored.size > 0) storeReads(head, unstored);
        return stepFailed(head, error);
      }
    }
    if (outcome.done) {
      unstored.clear();
      if (!outcome.result.ok) {
        dropCached(head);
        deleteHead();
      }
      return { finished: true, result: outcome.result };
    }
    if (outcome.endCall) return end({ finished: false, progress: progressOf(head) });
  }
}

/**
 * One step of the run. The analysis runs right after a read that all happened in this call, or else
 * as a call's first step, so it never starts late in a call.
 */
function step(head: RunHead, first: boolean, unstored: Unstored): StepOutcome {
  if (head.phase === 'read') {
    const index = head.sources.findIndex((cursor) => !isRead(cursor));
    if (index >= 0) return readStep(head, index, unstored);
    const readHere = head.sources.every((cursor) => cursor.blocks.length === 0);
    return first || readHere ? analyseStep(head, unstored) : { done: false, endCall: true };
  }
  return writeNext(head);
}

function readStep(head: RunHead, index: number, unstored: Unstored): StepOutcome {
  const cursor = head.sources[index];
  const mapping = cursor.source === 'sales' ? head.request.mapping : undefined;
  const toSerial = serialReader(spreadsheetTimeZone);
  const { block, next } = withRetry(() => {
    const moved = { ...cursor };
    return { block: readBlock(moved, mapping, toSerial), next: moved };
  });
  if (!block.ok) {
    const failure: PipelineFailure = { kind: 'unusable', source: cursor.source, sheet: cursor.sheet, ...block.failure };
    return { done: true, result: { ok: false, message: failureMessage(head.request.lang, failure, 'panel') } };
  }
  unstored.set(index, [...(unstored.get(index) ?? []), block.cells]);
  cursor.next = next.next;
  cursor.span = next.span;
  head.failures = 0;
  return { done: false, endCall: false };
}

/** Stores the blocks read in this call and saves the cursor that goes with them. */
function storeReads(head: RunHead, unstored: Unstored): void {
  for (const [index, blocks] of unstored) for (const cells of blocks) storeBlock(head, index, cells);
  unstored.clear();
  touch(head);
}

/** The pipeline over the blocks read (stored ones, then this call's), the cell budget, and the plan stored from the cursor on. */
function analyseStep(head: RunHead, unstored: Unstored): StepOutcome {
  const grids = new Map<SourceKey, Grid>();
  for (const [s, cursor] of head.sources.entries()) {
    const stored = cursor.blocks.map((pieces, b) => getValue<Cell[][]>(blockKey(head, s, b), pieces));
    if (stored.some((block) => block === null)) {
      unstored.clear();
      return readAgain(head);
    }
    grids.set(cursor.source, assembleGrid([...(stored as Cell[][][]), ...(unstored.get(s) ?? [])]));
  }
  unstored.clear();
  const { request } = head;
  const outcome = runPipelineSync(request, { has: () => true, read: (source) => ({ grid: grids.get(source) ?? [] }) });
  if (!outcome.ok) {
    const message = outcome.cancelled ? words(request.lang).panel.run.cancelled : failureMessage(request.lang, outcome.failure, 'panel');
    return { done: true, result: { ok: false, message } };
  }
  const layouts = outcome.sheets.map(layoutTab);
  const steps = planWrites(layouts);
  const data = steps.map((s) => stepData(s, layouts));
  const tooMany = cellShortage(data, head);
  if (tooMany) return { done: true, result: { ok: false, message: words(request.lang).sheets.tooManyCells(tooMany.needed, tooMany.free) } };
  const texts = data.map((d) => JSON.stringify(d));
  const print = fingerprint(texts);
  if (head.write.fingerprint !== print) {
    head.write.cursor = 0;
    head.opened = layouts.map(() => null);
  }
  head.write = { cursor: head.write.cursor, total: steps.length, fingerprint: print, stored: {} };
  let pieces = 0;
  for (let i = head.write.cursor; i < texts.length && i < head.write.cursor + MAX_STORED_STEPS && pieces < MAX_STORED_PIECES; i++) {
    head.write.stored[i] = putJson(stepKey(head, i), texts[i]);
    pieces += head.write.stored[i];
  }
  head.summary = putValue(summaryKey(head), outcome.summary);
  dropBlocks(head);
  head.phase = head.write.cursor < head.write.total ? 'write' : 'done';
  touch(head);
  return { done: false, endCall: false };
}

/** Cells the report needs against what the spreadsheet has left; null when it fits. */
function cellShortage(data: readonly StepData[], head: RunHead): { needed: number; free: number } | null {
  const opens = data.flatMap((d) => (d.kind === 'open' ? [d.open] : []));
  const sources = head.sources.map((cursor) => cursor.sheet);
  const inventory = cellInventory(opens.map((open) => open.key), sources);
  const own = opens.reduce((sum, open) => sum + (inventory.own[open.key] ?? 0), 0);
  const needed = opens.reduce((sum, open) => sum + open.rows * open.columns, 0);
  const peak = opens.reduce((sum, open) => sum + Math.max(open.rows * open.columns, inventory.own[open.key] ?? 0), 0);
  const transient = opens.some((open) => inventory.own[open.key] === undefined) ? NEW_SHEET_CELLS : 0;
  const free = SPREADSHEET_CELLS - (inventory.total - own) - transient;
  return peak <= free ? null : { needed, free: Math.max(0, free) };
}

function writeNext(head: RunHead): StepOutcome {
  const index = head.write.cursor;
  const pieces = head.write.stored[index];
  const data = pieces === undefined ? null : getValue<StepData>(stepKey(head, index), pieces);
  if (!data) return readAgain(head);
  try {
    withRetry(() => writeStep(data, { opened: head.opened, sources: head.sources.map((cursor) => cursor.sheet), view: head.view }));
  } catch (error) {
    throw new StepError(data.kind === 'open' ? data.open.name : (head.opened[data.tab]?.name ?? ''), error);
  }
  head.write.cursor++;
  head.failures = 0;
  head.recomputes = 0;
  delete head.write.stored[index];
  if (head.write.cursor >= head.write.total) {
    head.phase = 'done';
    const first = head.opened.find((tab): tab is OpenedTab => tab !== null);
    if (first) activateSheet(first.name);
  }
  touch(head);
  removeValues([{ key: stepKey(head, index), pieces }]);
  return { done: false, endCall: false };
}

/** The cache dropped what the next step needs: read the sources again (the write cursor is kept). */
function readAgain(head: RunHead): StepOutcome {
  head.recomputes++;
  if (head.recomputes > MAX_RECOMPUTES) return { done: true, result: { ok: false, message: words(head.request.lang).sheets.stateLost } };
  dropCached(head);
  head.phase = 'read';
  head.sources.forEach((cursor) => Object.assign(cursor, newCursor(cursor.source, cursor.sheet, sheetSize(cursor.sheet) ?? { rows: 0, columns: 0 })));
  touch(head);
  return { done: false, endCall: false };
}

/** The result of a finished run; null when the cache dropped its summary. */
function finishedResult(head: RunHead): RunResult | null {
  const summary = head.summary > 0 ? getValue<RunSummary>(summaryKey(head), head.summary) : null;
  if (!summary) return null;
  const tabs = head.opened.filter((tab): tab is OpenedTab => tab !== null).map(({ key, name }) => ({ key, name }));
  return { ok: true, summary, tabs };
}

/** A write step that failed, with the name of the tab it was writing. */
class StepError extends Error {
  constructor(
    readonly tab: string,
    readonly reason: unknown,
  ) {
    super(messageOf(reason));
  }
}

function stepFailed(head: RunHead, error: unknown): ContinueOutcome {
  const sheets = words(head.request.lang).sheets;
  if (error instanceof StepError && error.reason instanceof TabDeleted) return stop(head, sheets.tabDeleted(error.tab));
  if (error instanceof SourceGone) {
    const cursor = head.sources.find((c) => c.sheet === error.sheet) ?? head.sources[0];
    return stop(head, failureMessage(head.request.lang, { kind: 'unavailable', source: cursor.source, sheet: error.sheet, problem: { code: 'no-sheet' } }, 'panel'));
  }
  head.failures++;
  if (head.failures < MAX_STEP_FAILURES) {
    touch(head);
    return { finished: false, progress: progressOf(head) };
  }
  const reason = messageOf(error);
  if (error instanceof StepError) return stop(head, sheets.writeFailed(error.tab, reason));
  return stop(head, sheets.readFailed(head.sources.find((cursor) => !isRead(cursor))?.sheet ?? head.request.sources.sales, reason));
}

function stop(head: RunHead, message: string): ContinueOutcome {
  dropCached(head);
  deleteHead();
  return failed(message);
}

function touch(head: RunHead): void {
  head.touched = Date.now();
  saveHead(head);
}

function failed(message: string): ContinueOutcome {
  return { finished: true, result: { ok: false, message } };
}
