/**
 * The panel's HostBridge in the Google Sheets sidebar: every call goes to a server function of
 * apps-script/index.ts through google.script.run, turned into a promise. A run is driven from here:
 * startSegment (checks, records the run), then continueSegment until it reports the result, feeding
 * the progress bar after each call and stopping between calls when the user cancels. A
 * continueSegment call that fails — its execution was killed, the connection dropped — is made
 * again after a pause (the server saved the run after every step, so it resumes where it was);
 * after CALL_RETRIES such failures in a row the run is given up and its state released.
 *
 * Arguments are passed through JSON first: google.script.run rejects Dates and turns undefined
 * into null, so only plain JSON values (day numbers, `YYYY-MM-DD` strings) ever cross.
 *
 * Example: segment(request) → startSegment → {ok, jobId, progress: read 0/200001} →
 * continueSegment → {finished: false, progress: analyze} → … → {finished: true, result}.
 */
import { words, type Cancellation, type HostBridge, type Progress, type RunRequest, type RunResult } from '../core/index.js';
import type * as Server from './index.js';
import type { ContinueOutcome } from './segment-job.js';

/** The part of google.script.run the bridge uses. */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: never) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
}

type ServerApi = typeof Server;
type ServerCall = keyof ServerApi;

/** Tries of a continueSegment call that did not come back (the execution died, the network dropped). */
export const CALL_RETRIES = 3;
/** Pause before the first retry; each later one waits one more such pause. */
export const RETRY_PAUSE_MS = 2000;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createSheetsBridge(runner: ScriptRunner, locale: string, pause: (ms: number) => Promise<void> = wait): HostBridge {
  const call = <K extends ServerCall>(name: K, ...args: Parameters<ServerApi[K]>): Promise<ReturnType<ServerApi[K]>> =>
    new Promise((resolve, reject) => {
      const ready = runner.withSuccessHandler(resolve).withFailureHandler(reject) as unknown as Record<K, (...a: unknown[]) => void>;
      ready[name](...args.map(plainJson));
    });
  const forget = (jobId: string) => call('cancelSegment', jobId).catch(() => undefined);

  async function drive(request: RunRequest, onProgress: (p: Progress) => void, signal: Cancellation): Promise<RunResult> {
    const sheets = words(request.lang).sheets;
    const nothingWritten: RunResult = { ok: false, cancelled: true, message: words(request.lang).panel.run.cancelled };
    if (signal.aborted) return nothingWritten;
    onProgress({ stage: 'read', done: 0, total: 1 });
    const start = await call('startSegment', request);
    if (!start.ok) return { ok: false, message: start.message };
    onProgress(start.progress);
    let wrote = false;
    let failures = 0;
    for (;;) {
      if (signal.aborted) {
        await forget(start.jobId);
        return wrote ? { ok: false, cancelled: true, message: sheets.cancelledWhileWriting } : nothingWritten;
      }
      let next: ContinueOutcome;
      try {
        next = await call('continueSegment', start.jobId, request.lang);
        failures = 0;
      } catch {
        failures++;
        if (failures > CALL_RETRIES) {
          await forget(start.jobId);
          return { ok: false, message: sheets.connectionLost };
        }
        await pause(RETRY_PAUSE_MS * failures);
        continue;
      }
      if (next.finished) return next.result;
      wrote ||= next.progress.stage === 'write' && next.progress.done > 0;
      onProgress(next.progress);
    }
  }

  return {
    host: 'sheets',
    locale: () => locale,
    listSheets: () => call('listSheets'),
    inspect: (sheet, mapping) => call('inspect', sheet, mapping),
    segment: (request, onProgress, signal) =>
      drive(request, onProgress, signal).catch((error: unknown) => ({ ok: false as const, message: messageOf(error) })),
    loadSettings: () => call('loadSettings'),
    saveSettings: (settings) => call('saveSettings', settings),
    openSheet: (name) => call('openSheet', name),
    makeTemplate: (lang) => call('makeTemplate', lang),
  };
}

/** A value as JSON carries it: no Dates, no undefined fields. */
function plainJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
