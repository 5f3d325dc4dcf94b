/// <reference types="google-apps-script" />
/**
 * State of a chunked run between server calls, in the user's CacheService cache.
 *
 * A job is its payload (the report's SheetSpecs and summary, written once by startSegment) and a
 * small head (how many payload pieces, the cursor into the write plan, the tabs opened so far),
 * rewritten by every continueSegment call. The payload's JSON is cut into pieces of at most
 * 90,000 UTF-8 bytes (a cache value holds 100 KB) and read back with one getAll. Entries live six
 * hours, the cache's maximum; a finished or cancelled job removes its entries.
 *
 * Storing beats recomputing: recomputing would read the source sheet and run the analysis again on
 * every call, while the payload of even a large report is a few megabytes of JSON.
 *
 * Worked example: a 250 KB payload → pieces `winback.job.<id>.0` … `.2` and the head
 * `winback.job.<id>` = {"pieces":3,"cursor":0,"opened":[]}.
 */
import type { CacheApi, CacheServiceApi, UtilitiesApi } from './gas-api.js';
import { splitUtf8 } from './chunks.js';
import type { OpenedTab } from './sheets-port.js';

export const PIECE_BYTES = 90_000;
/** A cache holds at most 1,000 entries; leave room for other jobs. */
export const MAX_PIECES = 900;
/** Pieces per putAll call. */
const PUT_GROUP = 10;
const LIFETIME_SECONDS = 21_600;
const PREFIX = 'winback.job.';

export interface JobHead {
  pieces: number;
  cursor: number;
  /** Tabs opened so far, indexed like the report's sheets. */
  opened: (OpenedTab | null)[];
}

function cache(): CacheApi {
  const service: CacheServiceApi = CacheService;
  return service.getUserCache();
}

function newId(): string {
  const utilities: UtilitiesApi = Utilities;
  return utilities.getUuid();
}

const pieceKey = (id: string, i: number) => `${PREFIX}${id}.${i}`;

/** Stores a payload; null when it is too large for the cache. */
export function createJob(payload: unknown, tabs: number): string | null {
  const pieces = splitUtf8(JSON.stringify(payload), PIECE_BYTES);
  if (pieces.length > MAX_PIECES) return null;
  const id = newId();
  const store = cache();
  for (let start = 0; start < pieces.length; start += PUT_GROUP) {
    const group: Record<string, string> = {};
    pieces.slice(start, start + PUT_GROUP).forEach((piece, i) => {
      group[pieceKey(id, start + i)] = piece;
    });
    store.putAll(group, LIFETIME_SECONDS);
  }
  saveHead(id, { pieces: pieces.length, cursor: 0, opened: Array.from({ length: tabs }, () => null) });
  return id;
}

/** The head and payload of a job; null when it expired or never existed. */
export function loadJob<T>(id: string): { head: JobHead; payload: T } | null {
  const store = cache();
  const headText = store.get(PREFIX + id);
  if (headText === null) return null;
  const head = JSON.parse(headText) as JobHead;
  const keys = Array.from({ length: head.pieces }, (_, i) => pieceKey(id, i));
  const found = store.getAll(keys);
  if (keys.some((key) => typeof found[key] !== 'string')) return null;
  return { head, payload: JSON.parse(keys.map((key) => found[key]).join('')) as T };
}

export function saveHead(id: string, head: JobHead): void {
  cache().put(PREFIX + id, JSON.stringify(head), LIFETIME_SECONDS);
}

export function dropJob(id: string, pieces: number): void {
  cache().removeAll([PREFIX + id, ...Array.from({ length: pieces }, (_, i) => pieceKey(id, i))]);
}

/** Removes a job whose head may or may not still be there (cancel). */
export function cancelJob(id: string): void {
  const headText = cache().get(PREFIX + id);
  const pieces = headText === null ? 0 : (JSON.parse(headText) as JobHead).pieces;
  dropJob(id, pieces);
}
