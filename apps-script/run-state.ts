/// <reference types="google-apps-script" />
/**
 * The state of a run between its server calls, kept small and where it is not evicted: one JSON
 * value in the spreadsheet's document properties (at most 9 KB), which is also the marker that a
 * run is active. It holds the request, the cursors (which rows of which source are read, which
 * write step is next), the tabs opened so far, the fingerprint of the plan being written and how
 * many cache pieces each stored block, step and the summary took. The bulky part — the cells read,
 * the steps not yet written, the summary — lives compressed in the cache (cache-store.ts) and is
 * recomputed when the cache has dropped it.
 *
 * Example: a run reading `Sales` → {"id":"…","phase":"read","sources":[{"source":"sales",
 * "sheet":"Sales","rows":200001,"columns":3,"next":66693,"span":3,"blocks":[1,6]}],"write":{…}, …}.
 */
import type { Progress, RunRequest } from '../core/index.js';
import { putValue, removeValues } from './cache-store.js';
import type { UtilitiesApi } from './gas-api.js';
import { deleteDocumentProperty, readDocumentProperty, writeDocumentProperty } from './properties.js';
import type { OpenedTab } from './sheets-port.js';
import type { SourceCursor } from './source-read.js';

const RUN_KEY = 'winback.run';

export interface WriteCursor {
  /** The next write step. */
  cursor: number;
  total: number;
  /** Fingerprint of the plan (plan.ts); null until the first analysis. */
  fingerprint: string | null;
  /** Pieces of each step stored in the cache, by step number (absent: not stored). */
  stored: Record<number, number>;
}

export interface RunHead {
  id: string;
  request: RunRequest;
  phase: 'read' | 'write' | 'done';
  /** When a call last worked on the run (Date.now()); a run untouched for STALE_MS is abandoned. */
  touched: number;
  /** The sheet the user was on when the run started. */
  view: number | null;
  sources: SourceCursor[];
  write: WriteCursor;
  opened: (OpenedTab | null)[];
  /** Pieces of the stored summary, 0 when it is not stored. */
  summary: number;
  /** Calls in a row that failed on the same step. */
  failures: number;
  /** Recomputations since the last step written. */
  recomputes: number;
}

export function newRunId(): string {
  const utilities: UtilitiesApi = Utilities;
  return utilities.getUuid();
}

export function loadHead(): RunHead | null {
  const text = readDocumentProperty(RUN_KEY);
  return text === null ? null : (JSON.parse(text) as RunHead);
}

export function saveHead(head: RunHead): void {
  writeDocumentProperty(RUN_KEY, JSON.stringify(head));
}

export function deleteHead(): void {
  deleteDocumentProperty(RUN_KEY);
}

export const blockKey = (head: RunHead, source: number, block: number) => `winback.${head.id}.b${source}.${block}`;
export const stepKey = (head: RunHead, step: number) => `winback.${head.id}.s${step}`;
export const summaryKey = (head: RunHead) => `winback.${head.id}.summary`;

/** Stores a block a source was read in, and counts it on the cursor. */
export function storeBlock(head: RunHead, source: number, cells: unknown): void {
  const cursor = head.sources[source];
  cursor.blocks.push(putValue(blockKey(head, source, cursor.blocks.length), cells));
}

/** Forgets every block read so far (after the analysis, or to read again from the top). */
export function dropBlocks(head: RunHead): void {
  removeValues(head.sources.flatMap((cursor, s) => cursor.blocks.map((pieces, b) => ({ key: blockKey(head, s, b), pieces }))));
  head.sources.forEach((cursor) => (cursor.blocks = []));
}

/** Forgets the stored steps. */
export function dropSteps(head: RunHead): void {
  removeValues(Object.entries(head.write.stored).map(([step, pieces]) => ({ key: stepKey(head, Number(step)), pieces })));
  head.write.stored = {};
}

/** Forgets everything a run keeps in the cache. */
export function dropCached(head: RunHead): void {
  dropBlocks(head);
  dropSteps(head);
  if (head.summary > 0) removeValues([{ key: summaryKey(head), pieces: head.summary }]);
  head.summary = 0;
}

/** Where a run stands, for the panel's progress bar. */
export function progressOf(head: RunHead): Progress {
  if (head.phase === 'read') {
    const total = head.sources.reduce((sum, cursor) => sum + cursor.rows, 0);
    const done = head.sources.reduce((sum, cursor) => sum + Math.min(cursor.rows, cursor.next - 1), 0);
    return done >= total ? { stage: 'analyze', done: 0, total: 1 } : { stage: 'read', done, total };
  }
  return { stage: 'write', done: head.write.cursor, total: head.write.total };
}
