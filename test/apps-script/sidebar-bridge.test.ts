/**
 * The sidebar's side of a run (apps-script/sidebar-bridge.ts) over a google.script.run that fails
 * the way a real one does: a continueSegment whose execution was killed, or whose answer the
 * network lost, reaches the failure handler. The bridge makes the call again after a pause (the
 * server saved the run after every step), gives up after CALL_RETRIES failures in a row with the
 * vocabulary's sentence and releases the run, and cancels between calls.
 */
import { describe, expect, it } from 'vitest';
import { CALL_RETRIES, createSheetsBridge, RETRY_PAUSE_MS, type ScriptRunner } from '../../apps-script/sidebar-bridge.js';
import { words } from '../../core/i18n/index.js';
import type { Progress } from '../../core/pipeline/progress.js';

type Handler = (...args: unknown[]) => unknown;

/** google.script.run over plain functions; a function that throws reaches the failure handler. */
function runner(server: Record<string, Handler>, calls: string[]): ScriptRunner {
  const make = (ok?: (v: never) => void, fail?: (e: Error) => void): ScriptRunner =>
    new Proxy({} as ScriptRunner, {
      get(_, name: string) {
        if (name === 'withSuccessHandler') return (f: (v: never) => void) => make(f, fail);
        if (name === 'withFailureHandler') return (f: (e: Error) => void) => make(ok, f);
        return (...args: unknown[]) => {
          calls.push(name);
          queueMicrotask(() => {
            try {
              ok?.(server[name](...args) as never);
            } catch (error) {
              fail?.(error as Error);
            }
          });
        };
      },
    });
  return make();
}

const request = { sources: { sales: 'Sales' }, options: {}, lang: 'en' as const };
const summaryResult = { ok: true, summary: { clients: 3 }, tabs: [{ key: 'clients', name: 'Clients' }] };

function server(continues: (() => unknown)[]): Record<string, Handler> {
  return {
    startSegment: () => ({ ok: true, jobId: 'run-1', progress: { stage: 'read', done: 0, total: 10 } }),
    continueSegment: () => continues.shift()!(),
    cancelSegment: () => null,
  };
}

describe('the sidebar bridge', () => {
  it('has no switch for opening with the document: Sheets opens the sidebar from the menu only, so the panel shows none', () => {
    expect(createSheetsBridge(runner({}, []), 'en-US').autoOpen).toBeUndefined();
  });

  it('makes a failed continueSegment call again after a pause, and the run goes on to its result', async () => {
    const calls: string[] = [];
    const pauses: number[] = [];
    const bridge = createSheetsBridge(
      runner(
        server([
          () => ({ finished: false, progress: { stage: 'write', done: 3, total: 9 } }),
          () => {
            throw new Error('Exceeded maximum execution time');
          },
          () => ({ finished: true, result: summaryResult }),
        ]),
        calls,
      ),
      'en',
      async (ms) => void pauses.push(ms),
    );
    const progress: Progress[] = [];
    const result = await bridge.segment(request, (p) => progress.push(p), { aborted: false });
    expect(result).toEqual(summaryResult);
    expect(pauses).toEqual([RETRY_PAUSE_MS]);
    expect(calls).toEqual(['startSegment', 'continueSegment', 'continueSegment', 'continueSegment']);
    expect(progress.at(-1)).toEqual({ stage: 'write', done: 3, total: 9 });
  });

  it(`gives up after ${CALL_RETRIES} failures in a row with a sentence, and releases the run`, async () => {
    const calls: string[] = [];
    const fail = () => {
      throw new Error('NetworkError: Connection failure due to HTTP 0');
    };
    const bridge = createSheetsBridge(runner(server(Array.from({ length: CALL_RETRIES + 1 }, () => fail)), calls), 'en', async () => {});
    const result = await bridge.segment(request, () => {}, { aborted: false });
    expect(result).toEqual({ ok: false, message: words('en').sheets.connectionLost });
    expect(calls.filter((c) => c === 'continueSegment')).toHaveLength(CALL_RETRIES + 1);
    expect(calls.at(-1)).toBe('cancelSegment');
  });

  it('cancels between calls: before anything was written, and after', async () => {
    const signal = { aborted: false };
    const calls: string[] = [];
    const bridge = createSheetsBridge(
      runner(
        server([
          () => ({ finished: false, progress: { stage: 'write', done: 2, total: 9 } }),
          () => ({ finished: false, progress: { stage: 'write', done: 4, total: 9 } }),
        ]),
        calls,
      ),
      'ru',
    );
    const result = await bridge.segment({ ...request, lang: 'ru' }, (p) => (signal.aborted = p.stage === 'write' && p.done === 2), signal);
    expect(result).toEqual({ ok: false, cancelled: true, message: words('ru').sheets.cancelledWhileWriting });
    expect(calls).toEqual(['startSegment', 'continueSegment', 'cancelSegment']);
  });
});
