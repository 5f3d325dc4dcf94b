/**
 * A run of the segmentation split into server calls that each end well inside Apps Script's
 * 6-minute limit, driven by the sidebar (sidebar-bridge.ts):
 *
 * - `startSegment(request)` reads the sheets (one getValues per block of rows), runs the core
 *   (read → analyze → report), stores the report's SheetSpecs in the cache (job-store.ts) and
 *   returns the job id and the number of write steps;
 * - `continueSegment(jobId)` performs write steps (plan.ts) until about 20 seconds have passed,
 *   saves the cursor and returns the progress; the call that performs the last step returns the
 *   RunSummary and the tabs written.
 *
 * Only JSON-safe values cross (no Dates): day numbers and `YYYY-MM-DD` strings.
 *
 * Example: a 200,000-line sheet → startSegment reads it in 3 getValues, analyses it and returns
 * {jobId, totalSteps: 26}; three continueSegment calls later the last one returns the summary.
 */
import type { Lang } from '../core/i18n/index.js';
import { panelText } from '../core/i18n/panel.js';
import type { Progress, SheetSpec } from '../core/ports.js';
import { segment, type SegmentOutcome } from '../core/pipeline/segment.js';
import { summarize } from '../core/report/run-summary.js';
import type { Grid } from '../core/read/types.js';
import type { RunRequest, RunResult, RunSummary } from '../core/panel/bridge.js';
import { analysisFailureMessage, readFailureMessage, sourceFailureMessage } from '../core/panel/messages.js';
import { cancelJob, createJob, dropJob, loadJob, saveHead } from './job-store.js';
import { layoutTab } from './layout.js';
import { planWrites } from './plan.js';
import { activateSheet, readSheet, type OpenedTab } from './sheets-port.js';
import { sheetsWords } from './words.js';
import { writeStep } from './write-step.js';

/** Work per continueSegment call: steps start while less than this has passed. */
export const CALL_BUDGET_MS = 20_000;

export type StartOutcome = { ok: true; jobId: string; totalSteps: number } | { ok: false; message: string };

export type ContinueOutcome = { finished: false; progress: Progress } | { finished: true; result: RunResult };

interface JobPayload {
  sheets: SheetSpec[];
  summary: RunSummary;
  /** The sheets the run read: never written. */
  sources: string[];
}

export function startSegment(request: RunRequest): StartOutcome {
  const sources = sourceSheets(request);
  const grids = new Map<SourceKind, Grid>();
  for (const [kind, name] of sources) {
    const read = readSheet(name);
    if (!read) return { ok: false, message: missingSheetMessage(request.lang, kind, name) };
    grids.set(kind, read.grid);
  }
  const outcome = segment({
    sales: grids.get('sales') ?? [],
    requests: grids.get('requests'),
    contacts: grids.get('contacts'),
    complaints: grids.get('complaints'),
    mapping: request.mapping,
    options: request.options,
    lang: request.lang,
  });
  if (!outcome.ok) return { ok: false, message: failureMessage(outcome, request) };
  const payload: JobPayload = {
    sheets: outcome.sheets,
    summary: summarize(outcome.analysis, request.lang),
    sources: sources.map(([, name]) => name),
  };
  const jobId = createJob(payload, payload.sheets.length);
  if (jobId === null) return { ok: false, message: sheetsWords(request.lang).reportTooLarge };
  return { ok: true, jobId, totalSteps: planWrites(payload.sheets).length };
}

export function continueSegment(jobId: string, lang: Lang): ContinueOutcome {
  const started = Date.now();
  const job = loadJob<JobPayload>(jobId);
  if (!job) return { finished: true, result: { ok: false, message: sheetsWords(lang).jobExpired } };
  const { head, payload } = job;
  const steps = planWrites(payload.sheets);
  const layouts = payload.sheets.map(layoutTab);
  let cursor = head.cursor;
  while (cursor < steps.length && Date.now() - started < CALL_BUDGET_MS) {
    writeStep(steps[cursor], payload.sheets, layouts, head.opened, payload.sources);
    cursor++;
  }
  if (cursor < steps.length) {
    saveHead(jobId, { ...head, cursor });
    return { finished: false, progress: { stage: 'write', done: cursor, total: steps.length } };
  }
  dropJob(jobId, head.pieces);
  const tabs = head.opened.filter((tab): tab is OpenedTab => tab !== null).map(({ key, name }) => ({ key, name }));
  if (tabs.length > 0) activateSheet(tabs[0].name);
  return { finished: true, result: { ok: true, summary: payload.summary, tabs } };
}

/** The sidebar's Cancel: forget the job (tabs already written stay, and are replaced next run). */
export function cancelSegment(jobId: string): void {
  cancelJob(jobId);
}

type SourceKind = 'sales' | 'requests' | 'contacts' | 'complaints';

/** The sheets a request reads, by kind. */
function sourceSheets(request: RunRequest): [SourceKind, string][] {
  const named: [SourceKind, string | undefined][] = [
    ['sales', request.salesSheet],
    ['requests', request.requestsSheet],
    ['contacts', request.contactsSheet],
    ['complaints', request.complaintsSheet],
  ];
  return named.filter((entry): entry is [SourceKind, string] => typeof entry[1] === 'string' && entry[1] !== '');
}

function missingSheetMessage(lang: Lang, kind: SourceKind, name: string): string {
  const errors = panelText(lang).errors;
  return kind === 'sales' ? errors.noSheet(name) : errors.sourceMissing(errors.sourceNames[kind], name);
}

function failureMessage(outcome: Exclude<SegmentOutcome, { ok: true }>, request: RunRequest): string {
  if (outcome.source === 'analysis') return analysisFailureMessage(request.lang, outcome.code);
  if (outcome.source === 'sales') return readFailureMessage(request.lang, outcome.failure);
  const sheet = sourceSheets(request).find(([kind]) => kind === outcome.source)?.[1] ?? '';
  return sourceFailureMessage(request.lang, outcome.source, sheet);
}
