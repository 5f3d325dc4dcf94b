/// <reference types="google-apps-script" />
/**
 * Values kept between the calls of a run, in the spreadsheet's document cache: the only file that
 * calls CacheService, and the one that compresses (Utilities.gzip / base64). A value is JSON,
 * gzipped and base64-encoded (plain ASCII, so a character is a byte), cut into pieces of at most
 * PIECE_CHARS (a cache value holds 100 KB) stored under `<key>.0`, `<key>.1`, … and read back with
 * one getAll. The document cache is shared by every user of the spreadsheet, so a run left
 * unfinished by one user can be cleaned by the next.
 *
 * The cache may drop anything at any time: "data stored … is not guaranteed to persist and may
 * return null" (https://developers.google.com/apps-script/reference/cache/cache-service). A value
 * with a missing piece reads as null, and the caller recomputes it; nothing that cannot be
 * recomputed lives here.
 *
 * Example: putValue('winback.run-1.summary', {clients: 3}) → 1 (one piece, `….summary.0`);
 * getValue('winback.run-1.summary', 1) → {clients: 3}; after eviction → null.
 */
import type { CacheApi, CacheServiceApi, UtilitiesApi } from './gas-api.js';

/** Characters per cache piece: under the 100 KB a value may hold. */
export const PIECE_CHARS = 90_000;
/** Pieces per putAll call. */
const PUT_GROUP = 10;
/** Six hours, the longest the cache keeps anything. */
const LIFETIME_SECONDS = 21_600;

function cache(): CacheApi {
  const service: CacheServiceApi = CacheService;
  const store = service.getDocumentCache();
  if (!store) throw new Error('Winback runs only inside a spreadsheet.');
  return store;
}

function utilities(): UtilitiesApi {
  return Utilities;
}

const pieceKey = (key: string, i: number) => `${key}.${i}`;

/** A JSON text, gzipped and base64-encoded. */
export function packJson(json: string): string {
  const u = utilities();
  return u.base64Encode(u.gzip(u.newBlob(json)).getBytes());
}

export function unpackJson<T>(packed: string): T {
  const u = utilities();
  return JSON.parse(u.ungzip(u.newBlob(u.base64Decode(packed), 'application/x-gzip')).getDataAsString()) as T;
}

/** Stores a value; returns how many pieces it took (what getValue and removeValues need). */
export function putValue(key: string, value: unknown): number {
  return putJson(key, JSON.stringify(value));
}

/** Stores a value already written as JSON. */
export function putJson(key: string, json: string): number {
  const packed = packJson(json);
  const pieces = Math.max(1, Math.ceil(packed.length / PIECE_CHARS));
  const store = cache();
  for (let start = 0; start < pieces; start += PUT_GROUP) {
    const group: Record<string, string> = {};
    for (let i = start; i < Math.min(pieces, start + PUT_GROUP); i++) group[pieceKey(key, i)] = packed.slice(i * PIECE_CHARS, (i + 1) * PIECE_CHARS);
    store.putAll(group, LIFETIME_SECONDS);
  }
  return pieces;
}

/** A stored value; null when any piece is gone. */
export function getValue<T>(key: string, pieces: number): T | null {
  const keys = Array.from({ length: pieces }, (_, i) => pieceKey(key, i));
  const found = cache().getAll(keys);
  if (keys.some((k) => typeof found[k] !== 'string')) return null;
  return unpackJson<T>(keys.map((k) => found[k]).join(''));
}

/** Forgets stored values (pieces already gone are fine). */
export function removeValues(values: readonly { key: string; pieces: number }[]): void {
  const keys = values.flatMap(({ key, pieces }) => Array.from({ length: pieces }, (_, i) => pieceKey(key, i)));
  for (let start = 0; start < keys.length; start += 100) cache().removeAll(keys.slice(start, start + 100));
}
