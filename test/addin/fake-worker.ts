/**
 * A Web Worker in the same thread, as strict as a real one about what crosses and how it fails:
 * - every message is structured-cloned (a function or a class instance would fail, or lose its
 *   class, as with postMessage) and delivered after a macrotask, in order;
 * - a worker whose script cannot load (a 404, a CSP refusal, a syntax its webview does not know)
 *   never runs and fires `error` at the page's Worker object (HTML Standard, "run a worker": a
 *   failed fetch queues a task to fire `error` at the worker; MDN "Worker: error event");
 * - an exception the worker's code does not catch fires `error` at the Worker object too, and the
 *   worker keeps running (HTML Standard, "report an exception" in a worker; "JavaScript: The
 *   Definitive Guide", ErrorEvent); `crashAt(n)` throws in the worker as it takes its n-th message
 *   (a fault injected: the worker ran out of memory, say);
 * - after `terminate()` nothing more is delivered in either direction.
 * `sent` records what the page sent, `received` what the worker posted, for the tests.
 */
import type { Endpoint, FromWorker, ToWorker, WorkerLike } from '../../addin/worker-pipeline.js';

export interface FakeWorker extends WorkerLike {
  terminated: boolean;
  readonly sent: ToWorker[];
  readonly received: FromWorker[];
}

export interface FakeWorkerFaults {
  /** The worker's script does not load. */
  unloadable?: boolean;
  /** The worker throws as it takes its n-th message (1 = the first). */
  crashAt?: number;
}

export function inProcessWorker(serve: (endpoint: Endpoint<ToWorker, FromWorker>) => void, faults: FakeWorkerFaults = {}): FakeWorker {
  let taken = 0;
  const inside: Endpoint<ToWorker, FromWorker> = {
    onmessage: null,
    postMessage: (message) => {
      const copy = structuredClone(message);
      page.received.push(message);
      later(() => page.onmessage?.({ data: copy }));
    },
  };
  const page: FakeWorker = {
    onmessage: null,
    onerror: null,
    terminated: false,
    sent: [],
    received: [],
    postMessage: (message) => {
      page.sent.push(message);
      const copy = structuredClone(message);
      if (faults.unloadable) return;
      later(() => {
        try {
          taken += 1;
          if (taken === faults.crashAt) throw new RangeError('Array buffer allocation failed');
          inside.onmessage?.({ data: copy });
        } catch (error) {
          page.onerror?.({ message: error instanceof Error ? `Uncaught ${error.name}: ${error.message}` : String(error) });
        }
      });
    },
    terminate: () => void (page.terminated = true),
  };
  const later = (deliver: () => void) =>
    void setTimeout(() => {
      if (!page.terminated) deliver();
    }, 0);
  if (faults.unloadable) later(() => page.onerror?.({}));
  else serve(inside);
  return page;
}
