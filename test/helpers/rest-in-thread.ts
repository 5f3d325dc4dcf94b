/**
 * The rest of a file read in this thread (core/read/rest-of-file.ts), as the command line's second
 * thread reads it: readSalesRest over the bytes from `from`, in chunks, its plan and answer passed
 * through structuredClone as a worker's messages are. Counts what the reader asked of it;
 * `answer: false` is a thread that failed (take gives null).
 */
import { readSalesRest } from '../../core/read/read-sales.js';
import type { RestOfFile, RestPlan } from '../../core/read/rest-of-file.js';

export function restInThread(bytes: Uint8Array, from: number, { answer = true, chunk = 7 }: { answer?: boolean; chunk?: number } = {}) {
  const calls = { begun: 0, taken: 0, dropped: 0 };
  let plan: RestPlan | undefined;
  const rest: RestOfFile = {
    from,
    begin(given) {
      calls.begun++;
      plan = structuredClone(given);
    },
    take() {
      calls.taken++;
      return answer ? structuredClone(readSalesRest(chunks(bytes.subarray(from), chunk), plan!)) : null;
    },
    drop() {
      calls.dropped++;
    },
  };
  return { rest, calls };
}

/** The offsets of the bytes that start a line (after an LF), past the first `after`. */
export function lineStarts(bytes: Uint8Array, after = 0): number[] {
  const starts: number[] = [];
  for (let i = Math.max(1, after); i < bytes.length; i++) if (bytes[i - 1] === 10) starts.push(i);
  return starts;
}

/** The bytes handed over `size` at a time, as views (a reader must not keep them). */
export function chunks(bytes: Uint8Array, size: number): () => Uint8Array | null {
  let at = 0;
  return () => {
    if (at >= bytes.length) return null;
    const chunk = bytes.subarray(at, at + size);
    at += size;
    return chunk;
  };
}
