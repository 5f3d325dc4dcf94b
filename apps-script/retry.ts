/// <reference types="google-apps-script" />
/**
 * Retrying a step that a transient service error interrupted, with exponential backoff
 * (Utilities.sleep between tries). Apps Script's Spreadsheet service fails now and then with
 * errors that go away when the call is repeated — "Service Spreadsheets failed while accessing
 * document with id …", "… timed out …", "We're sorry, a server error occurred. Please wait a bit
 * and try again.", "Service invoked too many times in a short time" (collected from public threads
 * at https://ramblings.mcpher.com/database-abstraction-and-google-apps-script/backing-off-on-rate-limiting/;
 * Google's advice for such errors is exponential backoff,
 * https://developers.google.com/workspace/sheets/api/limits#exponential). Only such errors are
 * retried, and only around steps that are idempotent (repeating one leaves the sheet as one run of
 * it would); any other error goes to the caller at once.
 *
 * Example: an action that fails twice with "Service Spreadsheets failed …" and then succeeds →
 * sleeps 500 ms and 1000 ms, returns its value; "Range not found" → thrown at once.
 */
import type { UtilitiesApi } from './gas-api.js';

/** Pauses before the 2nd, 3rd, 4th and 5th try. */
export const RETRY_DELAYS_MS = [500, 1000, 2000, 4000];

const TRANSIENT = [
  /^Service Spreadsheets (?:failed|timed out)\b/i,
  /^Service error\b/i,
  /server error occurred/i,
  /invoked too many times/i,
  /^(?:Internal error|Service unavailable|Address unavailable)\b/i,
];

/**
 * The message of something thrown: a service's exception is an object with a message (not always an
 * Error of this script's realm); anything else is its text.
 */
export function messageOf(error: unknown): string {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(error);
}

export function isTransient(error: unknown): boolean {
  const message = messageOf(error).replace(/^(?:Exception|Error):\s*/, '');
  return TRANSIENT.some((pattern) => pattern.test(message));
}

export function withRetry<T>(action: () => T): T {
  const utilities: UtilitiesApi = Utilities;
  for (let attempt = 0; ; attempt++) {
    try {
      return action();
    } catch (error) {
      if (attempt >= RETRY_DELAYS_MS.length || !isTransient(error)) throw error;
      utilities.sleep(RETRY_DELAYS_MS[attempt]);
    }
  }
}
