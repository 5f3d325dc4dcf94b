/**
 * A run of the segmentation split into server calls that each end well inside Apps Script's
 * 6-minute limit, driven by the sidebar (sidebar-bridge.ts):
 *
 * - `startSegment(request)` runs the core's pipeline (read → analyze → report) over the sheets
 *   (one getValues per block of rows), stores the report's SheetSpecs in the cache (job-store.ts) and
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
import {
  failureMessage,
  layoutTab,
  runPipelineSync,
  words,
  type Lang,
  type Progress,
  type RunRequest,
  type RunResult,
  type RunSummary,
  type SheetSpec,
} from '../core/index.js';
import { cancelJob, createJob, dropJob, loadJob, saveHead } from './job-store.js';
import { planWrites } from './plan.js';
import { activateSheet, hasSheet, readSheet, type OpenedTab } from './sheets-port.js';
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
  const outcome = runPipelineSync(request, {
    has: (_source, sheet) => hasSheet(sheet),
    read: (_source, sheet) => {
      const read = readSheet(sheet);
      return read ? { grid: read.grid } : { problem: { code: 'no-sheet' } };
    },
  });
  if (!outcome.ok) return { ok: false, message: outcome.cancelled ? words(request.lang).panel.run.cancelled : failureMessage(request.lang, outcome.failure, 'panel') };
  const payload: JobPayload = {
    sheets: outcome.sheets,
    summary: outcome.summary,
    sources: Object.values(request.sources).filter((name): name is string => Boolean(name)),
  };
  const jobId = createJob(payload, payload.sheets.length);
  if (jobId === null) return { ok: false, message: words(request.lang).sheets.reportTooLarge };
  return { ok: true, jobId, totalSteps: planWrites(payload.sheets.map(layoutTab)).length };
}

export function continueSegment(jobId: string, lang: Lang): ContinueOutcome {
  const started = Date.now();
  const job = loadJob<JobPayload>(jobId);
  if (!job) return { finished: true, result: { ok: false, message: words(lang).sheets.jobExpired } };
  const { head, payload } = job;
  const layouts = payload.sheets.map(layoutTab);
  const steps = planWrites(layouts);
  let cursor = head.cursor;
  while (cursor < steps.length && Date.now() - started < CALL_BUDGET_MS) {
    writeStep(steps[cursor], layouts, head.opened, payload.sources);
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
