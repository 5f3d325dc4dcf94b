/**
 * The panel's HostBridge in the Google Sheets sidebar: every call goes to a server function of
 * apps-script/index.ts through google.script.run, turned into a promise. A run is driven from here:
 * startSegment (read, analyse, plan), then continueSegment until it reports the result, feeding the
 * progress bar after each call and stopping between calls when the user cancels.
 *
 * Arguments are passed through JSON first: google.script.run rejects Dates and turns undefined
 * into null, so only plain JSON values (day numbers, `YYYY-MM-DD` strings) ever cross.
 *
 * Example: segment(request) → startSegment → {ok, jobId, totalSteps: 26} → progress write 0/26 →
 * continueSegment → {finished: false, progress: 9/26} → … → {finished: true, result}.
 */
import { words, type Cancellation, type HostBridge, type Progress, type RunRequest, type RunResult } from '../core/index.js';
import type * as Server from './index.js';

/** The part of google.script.run the bridge uses. */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: never) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
}

type ServerApi = typeof Server;
type ServerCall = keyof ServerApi;

export function createSheetsBridge(runner: ScriptRunner, locale: string): HostBridge {
  const call = <K extends ServerCall>(name: K, ...args: Parameters<ServerApi[K]>): Promise<ReturnType<ServerApi[K]>> =>
    new Promise((resolve, reject) => {
      const ready = runner.withSuccessHandler(resolve).withFailureHandler(reject) as unknown as Record<K, (...a: unknown[]) => void>;
      ready[name](...args.map(plainJson));
    });

  async function drive(request: RunRequest, onProgress: (p: Progress) => void, signal: Cancellation): Promise<RunResult> {
    const nothingWritten: RunResult = { ok: false, cancelled: true, message: words(request.lang).panel.run.cancelled };
    if (signal.aborted) return nothingWritten;
    onProgress({ stage: 'read', done: 0, total: 1 });
    const start = await call('startSegment', request);
    if (!start.ok) return { ok: false, message: start.message };
    let done = 0;
    onProgress({ stage: 'write', done, total: start.totalSteps });
    for (;;) {
      if (signal.aborted) {
        await call('cancelSegment', start.jobId);
        return done === 0 ? nothingWritten : { ok: false, cancelled: true, message: words(request.lang).sheets.cancelledWhileWriting };
      }
      const next = await call('continueSegment', start.jobId, request.lang);
      if (next.finished) return next.result;
      done = next.progress.done;
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
