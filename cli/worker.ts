/**
 * The command line's second thread (cli/second-thread.ts). Two kinds of message:
 * - `{ rest }`: reads the rest of a text file from `rest.from` (core's readSalesRest), posts
 *   the part on `rest.port` as a RestAnswer (its columns' buffers transferred, not copied, its
 *   rejected rows packed into arrays), or nothing when the reading fails, then raises the DONE
 *   flag; it counts each block it reads (the main thread ends it when it read past the seam or
 *   gave up waiting).
 * - `{ fits }`: fits count models (core's runCountFitJob), taking each next job by raising the
 *   batch's shared claim count (the main thread takes jobs the same way when it is idle), and
 *   answering each with its index.
 */
import { parentPort } from 'node:worker_threads';
import { readSalesRest, runCountFitJob } from '../core/index.js';
import { BLOCK_BYTES, fileChunks } from './read-file.js';
import { BLOCKS, DONE, restAnswer, type FitAnswer, type FitRequest, type RestRequest } from './second-thread.js';

parentPort!.on('message', (message: { fits: FitRequest } | { rest: RestRequest }) => {
  if ('fits' in message) fit(message.fits);
  else readRest(message.rest);
});

/** Fits the batch's jobs this thread claims first, answering each as it is fitted. */
function fit({ batch, jobs, claims }: FitRequest): void {
  for (let index = Atomics.add(claims, 0, 1); index < jobs.length; index = Atomics.add(claims, 0, 1)) {
    const answer: FitAnswer = { batch, index, result: runCountFitJob(jobs[index]!) };
    parentPort!.postMessage(answer);
  }
}

function readRest({ path, from, plan, flags, port }: RestRequest): void {
  try {
    const chunks = fileChunks(path, BLOCK_BYTES, from);
    const part = readSalesRest(() => {
      Atomics.add(flags, BLOCKS, 1);
      return chunks();
    }, plan);
    const { answer, transfer } = restAnswer(part);
    port.postMessage(answer, transfer);
  } catch {
    // No answer: the main thread reads the rest itself, and meets (and words) any error there.
  } finally {
    Atomics.store(flags, DONE, 1);
    Atomics.notify(flags, DONE);
  }
}
