/**
 * A run in the page (Excel task pane, playground): the pipeline over the host's WorkbookPort,
 * then the tabs written through the port. Between stages it lets the page paint (the host's
 * `pause`) and stops when the user has cancelled; reading stops between row blocks as well. Once
 * writing has started the run is no longer cancelled (half-written tabs would be worse than a
 * finished run).
 *
 * Every outcome the user can cause is a RunResult with a sentence in the user's language; an
 * unexpected error of the host is thrown on to the panel, which says so.
 */
import { words } from '../i18n/index.js';
import { failureMessage } from '../pipeline/failure-message.js';
import { runPipeline, type SourceProvider } from '../pipeline/pipeline.js';
import type { Progress } from '../pipeline/progress.js';
import type { WorkbookPort } from './workbook-port.js';
import type { RunRequest, RunResult } from './bridge.js';

/** Whether the user has cancelled: an AbortSignal, or anything with its `aborted` flag. */
export interface Cancellation {
  readonly aborted: boolean;
}

export async function runLocally(
  port: WorkbookPort,
  request: RunRequest,
  onProgress: (p: Progress) => void,
  signal: Cancellation,
  pause: () => Promise<void>,
): Promise<RunResult> {
  const outcome = await runPipeline(request, portProvider(port), { onProgress, cancelled: () => signal.aborted, pause });
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

/** The port's sheets as the pipeline asks for them (the sheet names are asked for once a run). */
function portProvider(port: WorkbookPort): SourceProvider {
  let names: Promise<string[]> | undefined;
  return {
    has: async (_source, sheet) => (await (names ??= port.sheetNames())).includes(sheet),
    read: async (_source, sheet, onRows) => ({ grid: await port.readSheet(sheet, onRows) }),
  };
}
