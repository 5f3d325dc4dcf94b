/// <reference types="google-apps-script" />
/**
 * The spreadsheet's document lock: the only file that calls LockService. Every sidebar call is its
 * own execution, and executions run in parallel — two Segment clicks, or two users of one
 * spreadsheet — so a call that reads or writes a run's state or the report tabs holds the document
 * lock: "a code section guarded by a document lock can be executed … by no more than one execution
 * for any given document" (https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()).
 * A call that cannot get the lock within LOCK_WAIT_MS does nothing and says so; the lock is released
 * when the guarded section ends, or at the latest when the execution does.
 *
 * Example: withDocumentLock(() => 42) → {ok: true, value: 42}; while another execution holds the
 * lock for more than 10 s → {ok: false}.
 */
import type { LockApi, LockServiceApi } from './gas-api.js';

/** How long a call waits for another execution to finish its step. */
export const LOCK_WAIT_MS = 10_000;

function documentLock(): LockApi {
  const service: LockServiceApi = LockService;
  const lock = service.getDocumentLock();
  if (!lock) throw new Error('Winback runs only inside a spreadsheet.');
  return lock;
}

export function withDocumentLock<T>(body: () => T): { ok: true; value: T } | { ok: false } {
  const lock = documentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return { ok: false };
  try {
    return { ok: true, value: body() };
  } finally {
    lock.releaseLock();
  }
}
