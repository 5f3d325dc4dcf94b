/**
 * The Web Worker the task pane runs its pipeline in (worker-pipeline.ts says why and how): the
 * entry of dist/excel/pipeline-worker.js, a bundle of its own (webpack.config.js).
 */
import { servePipeline, type Endpoint, type FromWorker, type ToWorker } from './worker-pipeline.js';

servePipeline(self as unknown as Endpoint<ToWorker, FromWorker>);
