/**
 * The playground's download worker: takes the workbook's sheets (download.ts `DownloadSheet[]`),
 * writes the .xlsx off the page's thread and posts back each progress step, then the bytes (their
 * buffer transferred, not copied), or `failed`. exceljs is its browser build, loaded into the
 * worker by the bundle's first line (playground/server.mjs).
 *
 * Messages out: {stage: 'sheets', done, total} · {stage: 'compress'} · {stage: 'done', bytes} ·
 * {stage: 'failed', message}.
 */
import { resultBytes, type DownloadProgress, type DownloadSheet } from './download.js';

export type WorkerMessage = DownloadProgress | { stage: 'done'; bytes: Uint8Array } | { stage: 'failed'; message: string };

/** The worker's global scope, as much of it as this file uses (the DOM typings describe a window). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<DownloadSheet[]>) => void) | null;
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
};

scope.onmessage = (event) => {
  resultBytes(event.data, (p) => scope.postMessage(p)).then(
    (bytes) => scope.postMessage({ stage: 'done', bytes }, [bytes.buffer as ArrayBuffer]),
    (error: unknown) => scope.postMessage({ stage: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
};
