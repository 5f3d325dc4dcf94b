/**
 * The run, composed once (DESIGN data flow): read every source's grid into records and rejected
 * rows, analyze, and build the report's tabs and the panel's summary. Every host runs it — the
 * Excel task pane and the playground through `runPipeline` (asynchronous, with progress and
 * cancellation between stages), the Google Sheets server through `runPipelineSync`, the command
 * line through `runPipeline` over its files — and none composes the stages itself.
 *
 * The host supplies the grids (`SourceProvider`): it is asked first whether every named sheet is
 * there (cheap, so a missing companion sheet is refused before the large sales sheet is read),
 * then for each grid in source order. Every rejected row leaves the pipeline with its source key
 * and the user's name of its sheet or file, so the Data issues tab shows the user's own names.
 *
 * Stages: `read` (each source; the host reports rows read), `analyze`, `report`. Failures are
 * values (`PipelineFailure`), translated by `failureMessage`; nothing here throws on bad data.
 *
 * Example: sources {sales: 'Продажи', requests: 'Запросы'} with two bad request rows → the
 * analysis's rejected rows include {row: 5, reason: 'bad-date', source: 'requests', sheet: 'Запросы'}.
 */
import { analysisStages, type FitStep } from '../analyze/analyze.js';
import { runCountFitJob, type CountFitJob } from '../analyze/client-model.js';
import type { CountFitResult } from '../model/index.js';
import type { Analysis } from '../analyze/analysis.js';
import type { Lang } from '../i18n/index.js';
import { checkOptions, type OptionProblem } from '../options/check-options.js';
import type { OptionsInput } from '../options/options.js';
import type { SheetSpec } from '../report/spec.js';
import type { Progress } from './progress.js';
import type { TableSource } from '../read/table-source.js';
import type { ColumnMapping, Grid, ReadFailure, ReadOutcome, ReadProfile, RejectedRow, SalesField } from '../read/types.js';
import { rejectedWith } from '../read/types.js';
import { formatDay } from '../basics/calendar.js';
import { farFutureCut } from '../read/far-future.js';
import { selectLines, type SalesColumns } from '../read/sales-columns.js';
import { buildReport } from '../report/index.js';
import { summarize, type RunSummary } from '../report/run-summary.js';
import { SOURCE_KEYS, SOURCES, type SourceKey, type SourceRecords } from '../sources/sources.js';

export interface PipelineRequest {
  /** The user's name of each source's sheet (or file); `sales` is required. */
  sources: { sales: string } & Partial<Record<SourceKey, string>>;
  /** The sales mapping the user confirmed or corrected; detected when absent. */
  mapping?: ColumnMapping;
  /** Sales fields whose column the user named by its header (`--map client="Customer"`). */
  headers?: Partial<Record<SalesField, string>>;
  options?: OptionsInput;
  lang: Lang;
  /**
   * False when the host writes no report tabs (the command line with `--json` alone): the tabs are
   * then not built and the outcome's `sheets` is empty. Built when absent.
   */
  tabs?: boolean;
}

/** A grid a host read (or a table read straight from a file), with what the readers must know about its workbook. */
export interface SourceGrid {
  grid: Grid | TableSource;
  /** Numbers in date columns count from 1904 (a workbook in Excel's 1904 date system). */
  date1904?: boolean;
  /** The name the host actually read, when it differs from the one asked for (a file's first sheet). */
  name?: string;
}

/** Why a host cannot hand over a source: stable codes, worded by `failureMessage`. */
export type SourceProblem =
  | { code: 'no-sheet'; sheet?: string; sheets?: readonly string[] }
  | { code: 'no-file' }
  | { code: 'is-folder' }
  | { code: 'old-xls' }
  | { code: 'not-workbook'; detail: string }
  | { code: 'unreadable'; detail: string };

/**
 * A source an engine has already read and aggregated (warehouse/: DuckDB, or a warehouse's
 * result), handed over as the reader's outcome: the stages take it as they take readSales'.
 */
export interface SourceRead {
  read: ReadOutcome<SalesColumns, string>;
  name?: string;
}

export type SourceAnswer = SourceGrid | { problem: SourceProblem };

export type PipelineFailure =
  | { kind: 'options'; problem: OptionProblem }
  | { kind: 'unavailable'; source: SourceKey; sheet: string; problem: SourceProblem }
  | { kind: 'unusable'; source: SourceKey; sheet: string; code: ReadFailure['code']; missing: string[]; header?: string; headers?: string[] }
  | { kind: 'analysis'; code: 'no-sales' | 'no-measure' };

export type PipelineOutcome =
  | { ok: true; analysis: Analysis; sheets: SheetSpec[]; summary: RunSummary }
  | { ok: false; cancelled?: false; failure: PipelineFailure }
  | { ok: false; cancelled: true };

/** What the stages ask of their driver. */
export type PipelineStep =
  | { kind: 'check'; source: SourceKey; sheet: string }
  | { kind: 'read'; source: SourceKey; sheet: string }
  | { kind: 'progress'; progress: Progress }
  | FitStep;

/**
 * What the driver answers: a check → whether the sheet is there, a read → the grid, progress and
 * fit → nothing, fitted → the fits' results in job order.
 */
export type StepAnswer = boolean | SourceAnswer | SourceRead | readonly CountFitResult[] | undefined;

/** The stages as a generator, so one composition serves a synchronous and an asynchronous driver. */
export function* pipelineStages(request: PipelineRequest): Generator<PipelineStep, PipelineOutcome, StepAnswer> {
  const checked = checkOptions(request.options);
  if (!checked.ok) return failed({ kind: 'options', problem: checked.problem });
  const named = SOURCE_KEYS.filter((key) => request.sources[key]).map((key) => ({ key, sheet: request.sources[key]! }));
  for (const { key, sheet } of named) {
    const present = yield { kind: 'check', source: key, sheet };
    if (present === false) return failed({ kind: 'unavailable', source: key, sheet, problem: { code: 'no-sheet' } });
  }
  const records: Partial<SourceRecords> = {};
  const sheets: Partial<Record<SourceKey, string>> = {};
  const rejected: RejectedRow[] = [];
  let salesRows = 0;
  let salesRequests: SourceRecords['requests'] | undefined;
  let profile: ReadProfile | undefined;
  for (const { key, sheet } of named) {
    yield { kind: 'progress', progress: { stage: 'read', done: 0, total: 0 } };
    const answer = (yield { kind: 'read', source: key, sheet }) as SourceAnswer | SourceRead;
    if ('problem' in answer) return failed({ kind: 'unavailable', source: key, sheet, problem: answer.problem });
    const name = answer.name ?? sheet;
    const corrections = key === 'sales' ? { ...(request.mapping ? { mapping: request.mapping } : {}), ...(request.headers ? { headers: request.headers } : {}) } : {};
    const outcome = 'read' in answer ? answer.read : SOURCES[key].read(answer.grid, { date1904: answer.date1904, ...corrections });
    if (!outcome.ok) {
      const { code, missing, header, headers } = outcome;
      return failed({ kind: 'unusable', source: key, sheet: name, code, missing, ...(header === undefined ? {} : { header, headers }) });
    }
    (records as Record<SourceKey, unknown>)[key] = outcome.records;
    sheets[key] = name;
    for (const row of outcome.rejected) rejected.push(rejectedWith(row, { source: key, sheet: name }));
    if (key === 'sales') {
      salesRows = outcome.dataRows;
      salesRequests = outcome.requests;
      profile = outcome.profile;
    }
  }
  const sales = withoutFarFuture(records.sales!, checked.options.asOf, sheets.sales!, rejected, profile);
  yield { kind: 'progress', progress: { stage: 'analyze', done: 0, total: sales.length } };
  const analysed = yield* analysisStages(
    {
      sales,
      requests: records.requests,
      contacts: records.contacts,
      complaints: records.complaints,
      rows: salesRows,
      salesRequests,
      rejected,
      sheets,
      profile,
    },
    checked.options,
  );
  if (!analysed.ok) return failed(analysed.code === 'bad-option' ? { kind: 'options', problem: analysed.problem } : { kind: 'analysis', code: analysed.code });
  yield { kind: 'progress', progress: { stage: 'analyze', done: sales.length, total: sales.length } };
  yield { kind: 'progress', progress: { stage: 'report', done: 0, total: 1 } };
  const analysis = analysed.analysis;
  return { ok: true, analysis, sheets: request.tabs === false ? [] : buildReport(analysis, request.lang), summary: summarize(analysis) };
}

/**
 * Without an analysis date given, lines dated far after all the others (a mistyped year:
 * read/far-future.ts) are rejected as `far-future`, so they never become the analysis date.
 */
function withoutFarFuture(sales: SalesColumns, asOf: number | undefined, sheet: string, rejected: RejectedRow[], profile: ReadProfile | undefined): SalesColumns {
  const cut = asOf === undefined ? farFutureCut(sales.day, sales.lines) : null;
  if (cut === null) return sales;
  for (let i = 0; i < sales.length; i++) {
    if (sales.day[i] >= cut) rejected.push({ row: sales.row[i], reason: 'far-future', value: formatDay(sales.day[i]), source: 'sales', sheet });
  }
  const kept = selectLines(sales, (i) => sales.day[i] < cut);
  if (profile?.dates) {
    let to = profile.dates.from;
    for (let i = 0; i < kept.length; i++) if (kept.day[i] > to) to = kept.day[i];
    profile.dates = { from: profile.dates.from, to };
  }
  return kept;
}

function failed(failure: PipelineFailure): PipelineOutcome {
  return { ok: false, failure };
}

/** How a synchronous host (the Google Sheets server) hands over its sheets. */
export interface SyncSourceProvider {
  has(source: SourceKey, sheet: string): boolean;
  read(source: SourceKey, sheet: string): SourceAnswer;
}

export function runPipelineSync(request: PipelineRequest, provider: SyncSourceProvider, onProgress?: (p: Progress) => void): PipelineOutcome {
  const stages = pipelineStages(request);
  let answer: StepAnswer;
  for (;;) {
    const next = stages.next(answer);
    if (next.done) return next.value;
    const step = next.value;
    if (step.kind === 'check') answer = provider.has(step.source, step.sheet);
    else if (step.kind === 'read') answer = provider.read(step.source, step.sheet);
    else if (step.kind === 'fitted') answer = step.jobs.map(runCountFitJob);
    else if (step.kind === 'fit') answer = undefined;
    else {
      onProgress?.(step.progress);
      answer = undefined;
    }
  }
}

/** How an asynchronous host (the panel's hosts, the command line) hands over its sheets. */
export interface SourceProvider {
  has(source: SourceKey, sheet: string): Promise<boolean>;
  /** Reads a grid; `onRows(done, total)` reports rows read so far. */
  read(source: SourceKey, sheet: string, onRows: (done: number, total: number) => void): Promise<SourceAnswer | SourceRead>;
}

/** What an asynchronous driver needs from its host besides the sheets. */
export interface RunControl {
  onProgress(p: Progress): void;
  /** True once the user has cancelled. */
  cancelled(): boolean;
  /** Resolves when the host has had a chance to paint and to take input (between stages). */
  pause(): Promise<void>;
  /**
   * Fits the count models elsewhere (the command line: a worker thread), called when the analysis
   * starts and awaited when it needs the results; without it they are fitted in this thread.
   * A rejected promise is not fatal: the jobs are then fitted here, to the same results.
   */
  fit?(jobs: readonly CountFitJob[]): Promise<readonly CountFitResult[]>;
}

/** Thrown out of a host's read loop when the user cancels mid-sheet; caught by `runPipeline` only. */
class ReadCancelled extends Error {}

export async function runPipeline(request: PipelineRequest, provider: SourceProvider, control: RunControl): Promise<PipelineOutcome> {
  const stages = pipelineStages(request);
  const cancelled: PipelineOutcome = { ok: false, cancelled: true };
  let answer: StepAnswer;
  let fitting: Promise<readonly CountFitResult[]> | null = null;
  for (;;) {
    if (control.cancelled()) return cancelled;
    const next = stages.next(answer);
    if (next.done) return next.value;
    const step = next.value;
    if (step.kind === 'check') answer = await provider.has(step.source, step.sheet);
    else if (step.kind === 'read') {
      try {
        answer = await provider.read(step.source, step.sheet, (done, total) => {
          if (control.cancelled()) throw new ReadCancelled();
          control.onProgress({ stage: 'read', done, total });
        });
      } catch (error) {
        if (error instanceof ReadCancelled) return cancelled;
        throw error;
      }
    } else if (step.kind === 'fit') {
      fitting = control.fit && step.jobs.length > 0 ? control.fit(step.jobs) : null;
      // Awaited at 'fitted', where a failure falls back to fitting here.
      fitting?.catch(() => {});
      answer = undefined;
    } else if (step.kind === 'fitted') {
      const fitHere = () => step.jobs.map(runCountFitJob);
      answer = fitting ? await fitting.catch(fitHere) : fitHere();
    } else {
      control.onProgress(step.progress);
      await control.pause();
      answer = undefined;
    }
  }
}
