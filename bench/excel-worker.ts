/**
 * The task pane's pipeline worker (addin/worker-pipeline.ts) as a Node worker thread, for the
 * benchmark: the same `servePipeline`, over worker_threads' port instead of a Web Worker's `self`.
 */
import { parentPort } from 'node:worker_threads';
import { servePipeline, type Endpoint, type FromWorker, type ToWorker } from '../addin/worker-pipeline.js';

const port = parentPort!;
const endpoint: Endpoint<ToWorker, FromWorker> = {
  postMessage: (message) => port.postMessage(message),
  set onmessage(handler: ((event: { data: ToWorker }) => void) | null) {
    port.removeAllListeners('message');
    if (handler) port.on('message', (data: ToWorker) => handler({ data }));
  },
  get onmessage() {
    return null;
  },
};
servePipeline(endpoint);
