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
import { readSalesRest, runCountFitJob, SALE_TEXT_FIELDS, type RestPart } from '../core/index.js';
import { BLOCK_BYTES, fileChunks } from './read-file.js';
import { BLOCKS, DONE, packRejected, type FitAnswer, type FitRequest, type RestAnswer, type RestRequest } from './second-thread.js';

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
    const { rejected, ...table } = part.table;
    const answer: RestAnswer = { part: { ...part, table: { ...table, rejected: [] } }, rejected: packRejected(rejected) };
    port.postMessage(answer, [...columnBuffers(part), answer.rejected.row.buffer, answer.rejected.toRow.buffer, answer.rejected.reason.buffer]);
  } catch {
    // No answer: the main thread reads the rest itself, and meets (and words) any error there.
  } finally {
    Atomics.store(flags, DONE, 1);
    Atomics.notify(flags, DONE);
  }
}

/** The buffers of the part's columns (each once), handed over rather than copied. */
function columnBuffers(part: RestPart): ArrayBuffer[] {
  const { columns } = part.reader;
  const arrays = [columns.row, columns.day, columns.amount, columns.profit, columns.quantity, columns.client.ids];
  for (const field of SALE_TEXT_FIELDS) arrays.push(columns[field]?.ids ?? null);
  return [...new Set(arrays.filter((array) => array !== null).map((array) => array.buffer as ArrayBuffer))];
}
