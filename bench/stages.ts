/**
 * One file through the stages in this process, for `npm run bench`: read (straight from the
 * bytes, as the command line reads), analyze (with the model), report (the JSON text, as
 * `--json` alone makes it: no tabs), the file's second half read and the models fitted in the command
 * line's second thread (its worker beside this file's bundle: dist/cli/worker.js),
 * each timed, the JavaScript heap in use once the analysis is made (what cli/memory.ts's
 * HEAP_PER_LINE budgets for) and the process's peak memory. Prints one line of JSON for bench.ts.
 *
 * Run: `node dist/bench/stages.js FILE`.
 */
import { openFile } from '../cli/read-file.js';
import { jsonReportText, runPipeline, type SourceAnswer } from '../core/index.js';
import { startSecondThread } from '../cli/second-thread.js';

const path = process.argv[2]!;
const marks: Record<string, number> = {};
let last = performance.now();
const mark = (stage: string) => {
  const now = performance.now();
  marks[stage] = (marks[stage] ?? 0) + (now - last) / 1000;
  last = now;
};

const thread = startSecondThread(new URL('../cli/worker.js', import.meta.url));
const file = await openFile(path, thread ? (file, size) => thread.restOfFile(file, size) : undefined);
if ('problem' in file) throw new Error(`${path}: ${file.problem.code}`);
let lines = 0;
let heapMB = 0;
const outcome = await runPipeline(
  { sources: { sales: file.sheetNames[0]! }, lang: 'en', tabs: false },
  { has: async () => true, read: async () => file.read() as SourceAnswer },
  {
    onProgress: (p) => {
      if (p.stage === 'analyze' && p.done === 0) {
        lines = p.total;
        mark('read');
      }
      if (p.stage === 'report' && p.done === 0) {
        mark('analyze');
        heapMB = process.memoryUsage().heapUsed / 1048576;
      }
    },
    cancelled: () => false,
    pause: async () => {},
    ...(thread ? { fit: (jobs) => thread.fit(jobs) } : {}),
  },
);
thread?.close();
if (!outcome.ok) throw new Error('the pipeline refused the file');
let characters = 0;
for (const piece of jsonReportText(outcome.analysis, 'en')) characters += piece.length;
mark('report');
process.stdout.write(`${JSON.stringify({ lines, ...marks, heapMB, peakMB: process.resourceUsage().maxRSS / 1024, characters })}\n`);
