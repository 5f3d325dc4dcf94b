/**
 * A run in the page (Excel task pane, playground): the pipeline over the host's WorkbookPort,
 * then the tabs written through the port. Between stages it lets the page paint (the host's
 * `pause`) and stops when the user has cancelled; reading stops between row blocks as well. Once
 * writing has started the run is no longer cancelled (half-written tabs would be worse than a
 * finished run).
 *
 * A host may run the pipeline elsewhere — the Excel task pane runs it in a Web Worker, so the
 * page never blocks for long — by giving its own `PipelineRunner`; it must answer as
 * `runPipeline` over the port would, without the analysis (which only the worker holds).
 *
 * Every outcome the user can cause is a RunResult with a sentence in the user's language; an
 * unexpected error of the host is thrown on to the panel, which says so.
 */
import { words } from '../i18n/index.js';
import { failureMessage } from '../pipeline/failure-message.js';
import { runPipeline, type PipelineOutcome, type PipelineRequest, type RunControl, type SourceProvider } from '../pipeline/pipeline.js';
import type { SheetSpec } from '../report/spec.js';
import type { RunSummary } from '../report/run-summary.js';
import type { Progress } from '../pipeline/progress.js';
import type { SalesColumns } from '../read/sales-columns.js';
import type { ReadOutcome } from '../read/types.js';
import type { WorkbookPort } from './workbook-port.js';
import type { RunRequest, RunResult } from './bridge.js';

/** Whether the user has cancelled: an AbortSignal, or anything with its `aborted` flag. */
export interface Cancellation {
  readonly aborted: boolean;
}

/** What a run of the pipeline gives the panel: the tabs and the summary, or why there are none. */
export type RunnerOutcome = { ok: true; sheets: SheetSpec[]; summary: RunSummary } | Extract<PipelineOutcome, { ok: false }>;

/** Runs read → analyze → report for a request, asking the host for sheets, as `runPipeline` does. */
export type PipelineRunner = (request: PipelineRequest, control: RunControl) => Promise<RunnerOutcome>;

/**
 * The pipeline in this thread, over the port's sheets; `kept`: the sales sheet already read with
 * the request's mapping (the panel's inspection of a whole sheet), taken instead of reading it.
 */
export function portRunner(port: WorkbookPort, kept?: KeptRead): PipelineRunner {
  return (request, control) => runPipeline(request, portProvider(port, kept), control);
}

/** A sheet's rows already read into the sales reader's outcome. */
export interface KeptRead {
  sheet: string;
  read: ReadOutcome<SalesColumns>;
}

export async function runLocally(
  port: WorkbookPort,
  request: RunRequest,
  onProgress: (p: Progress) => void,
  signal: Cancellation,
  pause: () => Promise<void>,
  run: PipelineRunner,
): Promise<RunResult> {
  const outcome = await run(request, { onProgress, cancelled: () => signal.aborted, pause });
  if (!outcome.ok) {
    if (outcome.cancelled) return { ok: false, cancelled: true, message: words(request.lang).panel.run.cancelled };
    return { ok: false, message: failureMessage(request.lang, outcome.failure, 'panel') };
  }
  onProgress({ stage: 'write', done: 0, total: 0 });
  await pause();
  const sources = Object.values(request.sources).filter((name): name is string => typeof name === 'string');
  const tabs = await port.writeReport(outcome.sheets, (done, total) => onProgress({ stage: 'write', done, total }), sources);
  return { ok: true, summary: outcome.summary, tabs };
}

/**
 * The port's sheets as the pipeline asks for them (the sheet names are asked for once a run). A
 * kept read is handed over with a profile of its own: the run completes the profile's dates.
 */
function portProvider(port: WorkbookPort, kept: KeptRead | undefined): SourceProvider {
  let names: Promise<string[]> | undefined;
  return {
    has: async (_source, sheet) => (await (names ??= port.sheetNames())).includes(sheet),
    read: async (source, sheet, onRows) => {
      if (kept && source === 'sales' && sheet === kept.sheet) return { read: kept.read.ok ? { ...kept.read, profile: { ...kept.read.profile } } : kept.read };
      return { grid: port.readRows?.(sheet) ?? (await port.readSheet(sheet, onRows)) };
    },
  };
}
