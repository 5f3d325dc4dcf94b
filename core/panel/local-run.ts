/**
 * A run in the page (Excel task pane, playground): read the sheets through the WorkbookPort, then
 * the core's three calls (readSales → analyze → buildReport), then write the tabs through the port
 * and summarize. Between stages it yields to the event loop so the progress bar paints, and checks
 * the AbortSignal; reading can be cancelled between row blocks as well. Once writing has started
 * the run is no longer cancelled (half-written tabs would be worse than a finished run).
 *
 * Never throws: every outcome is a RunResult with a sentence in the user's language.
 */
import { analyze } from '../analyze/analyze.js';
import { panelText } from '../i18n/panel.js';
import type { Progress, WorkbookPort } from '../ports.js';
import { buildReport } from '../report/index.js';
import { summarize } from '../report/run-summary.js';
import { readComplaints, readContacts, readRequests, readSales } from '../read/index.js';
import type { Grid, ReadOutcome, RejectedRow } from '../read/types.js';
import type { RunRequest, RunResult } from './bridge.js';
import { analysisFailureMessage, readFailureMessage, sourceFailureMessage } from './messages.js';

type SourceKind = 'requests' | 'contacts' | 'complaints';

const SOURCE_SHEETS = { requests: 'requestsSheet', contacts: 'contactsSheet', complaints: 'complaintsSheet' } as const;

/** Thrown inside a run when the user cancels; caught by `runLocally` only. */
class RunCancelled extends Error {}

/** A sentence that ends the run without writing (caught by `runLocally` only). */
class RunRefused extends Error {}

export async function runLocally(
  port: WorkbookPort,
  request: RunRequest,
  onProgress: (p: Progress) => void,
  signal: AbortSignal,
): Promise<RunResult> {
  const text = panelText(request.lang);
  try {
    return await run(port, request, onProgress, signal);
  } catch (error) {
    if (error instanceof RunCancelled || signal.aborted) return { ok: false, cancelled: true, message: text.run.cancelled };
    if (error instanceof RunRefused) return { ok: false, message: error.message };
    console.error('Winback run failed', error);
    return { ok: false, message: text.errors.unexpected };
  }
}

async function run(port: WorkbookPort, request: RunRequest, onProgress: (p: Progress) => void, signal: AbortSignal): Promise<RunResult> {
  const { lang } = request;
  await checkSheets(port, request);
  const salesGrid = await readWithProgress(port, request.salesSheet, onProgress, signal);
  const sales = readSales(salesGrid, request.mapping ? { mapping: request.mapping } : {});
  if (!sales.ok) throw new RunRefused(readFailureMessage(lang, sales));
  const requests = await readSource(port, request, 'requests', onProgress, signal, readRequests);
  const contacts = await readSource(port, request, 'contacts', onProgress, signal, readContacts);
  const complaints = await readSource(port, request, 'complaints', onProgress, signal, readComplaints);

  await stage(onProgress, signal, { stage: 'analyze', done: 0, total: sales.records.length });
  const outcome = analyze(
    {
      sales: sales.records,
      requests: requests?.records ?? sales.requests,
      contacts: contacts?.records,
      complaints: complaints?.records,
      rows: sales.dataRows,
      rejected: [...sales.rejected, ...[requests, contacts, complaints].flatMap((s) => s?.rejected ?? [])],
    },
    request.options,
  );
  if (!outcome.ok) throw new RunRefused(analysisFailureMessage(lang, outcome.code));
  onProgress({ stage: 'analyze', done: sales.records.length, total: sales.records.length });

  await stage(onProgress, signal, { stage: 'report', done: 0, total: 1 });
  const sheets = buildReport(outcome.analysis, lang);
  await stage(onProgress, signal, { stage: 'write', done: 0, total: 0 });
  const tabs = await port.writeReport(sheets, (done, total) => onProgress({ stage: 'write', done, total }));
  return { ok: true, summary: summarize(outcome.analysis, lang), tabs };
}

/** Every sheet the request names must still be in the workbook. */
async function checkSheets(port: WorkbookPort, request: RunRequest): Promise<void> {
  const errors = panelText(request.lang).errors;
  const names = new Set(await port.sheetNames());
  if (!names.has(request.salesSheet)) throw new RunRefused(errors.noSheet(request.salesSheet));
  for (const kind of Object.keys(SOURCE_SHEETS) as SourceKind[]) {
    const sheet = request[SOURCE_SHEETS[kind]];
    if (sheet && !names.has(sheet)) throw new RunRefused(errors.sourceMissing(errors.sourceNames[kind], sheet));
  }
}

async function readWithProgress(port: WorkbookPort, sheet: string, onProgress: (p: Progress) => void, signal: AbortSignal): Promise<Grid> {
  await stage(onProgress, signal, { stage: 'read', done: 0, total: 0 });
  const grid = await port.readSheet(sheet, (done, total) => {
    if (signal.aborted) throw new RunCancelled();
    onProgress({ stage: 'read', done, total });
  });
  if (signal.aborted) throw new RunCancelled();
  return grid;
}

/** An optional source's records, with its rejected rows labelled with the sheet's name. */
async function readSource<T, F extends string>(
  port: WorkbookPort,
  request: RunRequest,
  kind: SourceKind,
  onProgress: (p: Progress) => void,
  signal: AbortSignal,
  read: (grid: Grid) => ReadOutcome<T, F>,
): Promise<{ records: T[]; rejected: RejectedRow[] } | undefined> {
  const sheet = request[SOURCE_SHEETS[kind]];
  if (!sheet) return undefined;
  const outcome = read(await readWithProgress(port, sheet, onProgress, signal));
  if (!outcome.ok) throw new RunRefused(sourceFailureMessage(request.lang, kind, sheet));
  return { records: outcome.records, rejected: outcome.rejected.map((r) => ({ ...r, sheet })) };
}

/** Announce a stage, let the page paint, and stop here when the user has cancelled. */
async function stage(onProgress: (p: Progress) => void, signal: AbortSignal, progress: Progress): Promise<void> {
  if (signal.aborted) throw new RunCancelled();
  onProgress(progress);
  await nextPaint();
  if (signal.aborted) throw new RunCancelled();
}

/**
 * Resolves after the page has had a chance to paint: after the next animation frame where there
 * is one (with a timer as a fallback, since hidden pages get no frames), else after a timer.
 */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    const hasFrames = typeof requestAnimationFrame === 'function';
    if (hasFrames) requestAnimationFrame(finish);
    setTimeout(finish, hasFrames ? 50 : 0);
  });
}
