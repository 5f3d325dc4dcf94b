/**
 * The playground's download worker: takes the workbook's sheets, writes the .xlsx off the page's
 * thread and posts back each progress step, then the bytes (their buffer transferred, not
 * copied), or `failed`. The writer is xlsx/write-xlsx.ts, bundled into the worker.
 *
 * The page hands the sheets over in pieces (`WorkerInput`): each sheet, then its rows in blocks,
 * then `write` — so no single structured clone of a half-million-row sheet holds the page's thread.
 *
 * Messages out: {stage: 'sheets', done, total} · {stage: 'compress'} · {stage: 'done', bytes} ·
 * {stage: 'failed', message}.
 */
import { resultBytes, type DownloadProgress, type DownloadSheet } from './download.js';
import type { Cell } from '../core/index.js';

export type WorkerInput = { stage: 'sheet'; sheet: DownloadSheet } | { stage: 'rows'; rows: Cell[][] } | { stage: 'write' };

export type WorkerMessage = DownloadProgress | { stage: 'done'; bytes: Uint8Array } | { stage: 'failed'; message: string };

/** The worker's global scope, as much of it as this file uses (the DOM typings describe a window). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerInput>) => void) | null;
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
};

const sheets: DownloadSheet[] = [];

scope.onmessage = ({ data }) => {
  if (data.stage === 'sheet') sheets.push(data.sheet);
  else if (data.stage === 'rows') sheets.at(-1)!.grid.push(...data.rows);
  else {
    resultBytes(sheets, (p) => scope.postMessage(p)).then(
      (bytes) => scope.postMessage({ stage: 'done', bytes }, [bytes.buffer as ArrayBuffer]),
      (error: unknown) => scope.postMessage({ stage: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  }
};
