/**
 * Driving a run of the built add-on the way the sidebar does (apps-script/sidebar-bridge.ts):
 * startSegment, then continueSegment until the result, a failed call made again. Every call's
 * simulated time (the fakes' cost model, writes applied at the end of the execution included) and
 * its time in Node are recorded, and a test may act between calls (evict the cache, start another
 * run, let time pass).
 */
import type { Progress } from '../../core/pipeline/progress.js';
import type { RunRequest, RunResult } from '../../core/panel/bridge.js';
import { assertPlainJson, type ServerGlobals } from './bundle.js';
import type { FakeHost } from './fakes.js';

export interface CallRecord {
  simulatedMs: number;
  realMs: number;
  progress: Progress | null;
  /** The error the call ended with (a killed execution), when it did not answer. */
  error: string | null;
}

export interface Driven {
  start: { ok: boolean; jobId?: string; progress?: Progress; message?: string };
  calls: CallRecord[];
  result: RunResult | null;
}

export interface DriveOptions {
  /** Called before each continueSegment call with its number (0-based). */
  between?: (call: number) => void;
  maxCalls?: number;
}

export function drive(server: ServerGlobals, host: FakeHost, request: RunRequest, options: DriveOptions = {}): Driven {
  const start = timed(host, () => server.startSegment(JSON.parse(JSON.stringify(request)))).value as Driven['start'];
  assertPlainJson(start);
  const calls: CallRecord[] = [];
  if (!start.ok) return { start, calls, result: null };
  for (let call = 0; call < (options.maxCalls ?? 200); call++) {
    options.between?.(call);
    const { value, record } = timed(host, () => server.continueSegment(start.jobId, request.lang));
    calls.push(record);
    if (record.error) continue;
    assertPlainJson(value);
    const next = value as { finished: boolean; progress?: Progress; result?: RunResult };
    record.progress = next.progress ?? null;
    if (next.finished) return { start, calls, result: next.result! };
  }
  return { start, calls, result: null };
}

function timed(host: FakeHost, call: () => unknown): { value: unknown; record: CallRecord } {
  const before = host.log.now;
  const real = performance.now();
  let value: unknown = null;
  let error: string | null = null;
  try {
    value = call();
  } catch (e) {
    error = (e as Error).message;
  }
  return { value, record: { simulatedMs: host.log.now - before, realMs: performance.now() - real, progress: null, error } };
}
