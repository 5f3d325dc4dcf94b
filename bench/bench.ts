/**
 * `npm run bench`: speed and memory of Winback beside the pandas peer (../shared/bench), measured
 * in the same run, alternating, several rounds (the machine is shared: only ratios measured side by
 * side mean anything). Prints; asserts nothing (timings stay out of pass/fail tests).
 *
 * 1. Generated sales CSVs of 100k, 300k, 1M and 3M lines (bench/generate-lines.ts): per size the
 *    read, analyze and report seconds (one run of bench/stages.ts), then `winback segment --json`
 *    end to end and the peer, alternating, BENCH_ROUNDS rounds (default 3): wall seconds, peak
 *    memory (from /usr/bin/time when the system has it), lines per second, and the median of the
 *    ratios Winback ÷ peer. Growth is the wall time's factor over the previous size divided by the
 *    lines' factor: 1.00 is linear.
 * 2. Excel's largest sheet: a 1,048,576-row .xlsx to a report .xlsx (with the default heap).
 * 3. UCI Online Retail (541,909 lines) to report.xlsx + JSON, beside the peer on the same lines.
 * 4. The Excel port's round trips on the fake Excel API (bench/host-io.ts), and the Google Sheets
 *    add-on on its fakes (bench/sheets-io.ts).
 * 5. The whole model check on 10,000 clients (bench/model-check.ts), three runs in this process.
 * 6. Beyond one sheet: BENCH_WAREHOUSE_LINES (default 10,000,000) generated Parquet lines through
 *    `--engine duckdb` (bench/generate-parquet.ts), beside the in-memory engine on the 1M CSV.
 * 7. The goals of issues 14, 15 and 16 beside what this run measured, each met or not.
 *
 * The peer needs /usr/bin/python3 with pandas; without it the comparison is skipped, never failed.
 * BENCH_SIZES=100000,300000 limits the sizes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, buildReport, csvSource } from '../core/index.js';
import { readSales } from '../core/read/read-sales.js';
import { peerShapeOfOnlineRetail, salesCsv, salesXlsx } from './generate-lines.js';
import { excelIoBenchmark } from './host-io.js';
import { MODEL_CHECK_CLIENTS, modelCheckBenchmark } from './model-check.js';
import { sheetsRunBenchmark } from './sheets-io.js';
import { salesParquet } from './generate-parquet.js';

// 1,000,488 is the size of the 1M-line job in the goals table of issue 14.
const SIZES = (process.env.BENCH_SIZES ?? '100000,300000,1000488,3000000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PEER = '../shared/bench/peer_pandas.py';
const PYTHON = '/usr/bin/python3';
const TIME = '/usr/bin/time';
const ONLINE_RETAIL = '../shared/data/online_retail_uci/online_retail.csv';
const EXCEL_ROWS = 1_048_575;
const out = mkdtempSync(join(tmpdir(), 'winback-bench-out-'));

interface Run {
  seconds: number;
  peakMB: number | null;
  ok: boolean;
  output: string;
}

/** A command's wall seconds and, through /usr/bin/time, its peak memory. */
function timed(command: string, args: string[]): Run {
  const withTime = existsSync(TIME);
  const started = performance.now();
  const run = withTime ? spawnSync(TIME, ['-f', '@@%M', command, ...args], { encoding: 'utf8' }) : spawnSync(command, args, { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  const kb = /@@(\d+)/.exec(run.stderr ?? '')?.[1];
  return { seconds, peakMB: kb ? Number(kb) / 1024 : null, ok: run.status === 0, output: `${run.stdout ?? ''}${(run.stderr ?? '').replace(/@@\d+\s*$/, '')}` };
}

const peerPresent = existsSync(PEER) && existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0;
const peer = (csv: string) => timed(PYTHON, [PEER, csv]);
const winback = (args: string[]) => timed(process.execPath, ['bin/winback.mjs', 'segment', ...args, '--quiet']);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const m = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
};
const mb = (value: number | null) => (value === null ? '—' : `${Math.round(value)} MB`);
const s = (value: number) => `${value.toFixed(2)} s`;
const pad = (text: string | number, width: number) => String(text).padStart(width);

console.log(`Winback benchmark — ${ROUNDS} alternating rounds per case; peer: ${peerPresent ? 'pandas (../shared/bench/peer_pandas.py)' : 'not available (needs /usr/bin/python3 with pandas): comparison skipped'}`);
console.log(`Node ${process.version}; peak memory by ${existsSync(TIME) ? '/usr/bin/time' : '— (no /usr/bin/time)'}; machine load at start ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);

function stageLine(file: string): string {
  const run = spawnSync(process.execPath, ['dist/bench/stages.js', file], { encoding: 'utf8' });
  if (run.status !== 0) return `stages failed: ${run.stderr.trim().split('\n')[0]}`;
  const stages = JSON.parse(run.stdout) as { lines: number; read: number; analyze: number; report: number; heapMB: number; peakMB: number };
  const perLine = Math.round((stages.heapMB * 1048576) / Math.max(1, stages.lines));
  return `read ${s(stages.read)}, analyze ${s(stages.analyze)}, report ${s(stages.report)}, heap after analyze ${mb(stages.heapMB)} (${perLine} B/line), peak ${mb(stages.peakMB)}`;
}

console.log('\n1. Generated sales CSV → --json (end to end, the command line as a user runs it)');
console.log(`${pad('lines', 10)} ${pad('winback', 9)} ${pad('peak', 8)} ${pad('lines/s', 10)} ${pad('growth', 6)} ${pad('peer', 9)} ${pad('peak', 8)} ${pad('ratio', 6)}   stages (one run)`);
interface Case {
  wall: number;
  peakMB: number | null;
  peerWall: number | null;
  peerPeakMB: number | null;
  ratio: number | null;
  ok: boolean;
}
const cases = new Map<number, Case>();
let previous: { size: number; wall: number } | null = null;
for (const size of SIZES) {
  const csv = salesCsv(size);
  const ours: Run[] = [];
  const theirs: Run[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (peerPresent) theirs.push(peer(csv));
    ours.push(winback([csv, '--json', join(out, `r-${size}.json`)]));
  }
  const wall = median(ours.map((r) => r.seconds));
  const ratios = theirs.length ? ours.map((r, i) => r.seconds / theirs[i]!.seconds) : [];
  const peak = Math.max(...ours.map((r) => r.peakMB ?? 0)) || null;
  const peerWall = theirs.length ? median(theirs.map((r) => r.seconds)) : null;
  const peerPeak = theirs.length ? Math.max(...theirs.map((r) => r.peakMB ?? 0)) || null : null;
  const ratio = ratios.length ? median(ratios) : null;
  const growth = previous ? (wall / previous.wall / (size / previous.size)).toFixed(2) : '—';
  const ok = ours.every((r) => r.ok);
  cases.set(size, { wall, peakMB: peak, peerWall, peerPeakMB: peerPeak, ratio, ok });
  previous = { size, wall };
  console.log(
    `${pad(size.toLocaleString('en'), 10)} ${pad(s(wall), 9)} ${pad(mb(peak), 8)} ${pad(Math.round(size / wall).toLocaleString('en'), 10)} ${pad(growth, 6)} ${pad(peerWall === null ? '—' : s(peerWall), 9)} ${pad(mb(peerPeak), 8)} ${pad(ratio === null ? '—' : ratio.toFixed(2), 6)}   ${stageLine(csv)}${ok ? '' : `  (a run failed: ${ours.find((r) => !r.ok)!.output.trim().split('\n').at(-1)})`}`,
  );
}

console.log(`\n2. Excel's largest sheet: ${(EXCEL_ROWS + 1).toLocaleString('en')} rows of .xlsx → report .xlsx (default heap)`);
const xlsx = salesXlsx(EXCEL_ROWS);
const bigRun = winback([xlsx, '--out', join(out, 'big-report.xlsx')]);
console.log(`  ${bigRun.ok ? 'completed' : `FAILED: ${bigRun.output.trim().split('\n').at(-1)}`} in ${s(bigRun.seconds)}, peak ${mb(bigRun.peakMB)}; stages: ${stageLine(xlsx)}`);

console.log('\n3. UCI Online Retail (541,909 lines) → report.xlsx + JSON');
let retail: Case | null = null;
if (!existsSync(ONLINE_RETAIL)) console.log(`  skipped: ${ONLINE_RETAIL} not found`);
else {
  const shaped = peerPresent ? peerShapeOfOnlineRetail(readFileSync(ONLINE_RETAIL, 'utf8')) : '';
  const ours: Run[] = [];
  const theirs: Run[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (peerPresent) theirs.push(peer(shaped));
    ours.push(winback([ONLINE_RETAIL, '--out', join(out, 'retail.xlsx'), '--json', join(out, 'retail.json')]));
  }
  retail = {
    wall: median(ours.map((r) => r.seconds)),
    peakMB: Math.max(...ours.map((r) => r.peakMB ?? 0)) || null,
    peerWall: theirs.length ? median(theirs.map((r) => r.seconds)) : null,
    peerPeakMB: theirs.length ? Math.max(...theirs.map((r) => r.peakMB ?? 0)) || null : null,
    ratio: theirs.length ? median(ours.map((r, i) => r.seconds / theirs[i]!.seconds)) : null,
    ok: ours.every((r) => r.ok),
  };
  console.log(
    `  winback ${s(retail.wall)}, peak ${mb(retail.peakMB)}; peer ${retail.peerWall === null ? '—' : s(retail.peerWall)}, peak ${mb(retail.peerPeakMB)} on the same lines; ratio ${retail.ratio === null ? '—' : retail.ratio.toFixed(2)}${retail.ok ? '' : ' (a run failed!)'}`,
  );
}

console.log('\n4. Model fit, the Excel port and the Google Sheets add-on');
const sample = readSales(csvSource(readFileSync(salesCsv(SIZES[0]!))));
if (sample.ok) {
  const started = performance.now();
  const analysed = analyze({ sales: sample.records });
  console.log(`  analyze of ${sample.records.length.toLocaleString('en')} lines in this process: ${s((performance.now() - started) / 1000)} (BG/NBD ${analysed.ok && analysed.analysis.model.bgnbd ? 'fitted' : 'not fitted'})`);
  if (analysed.ok) await excelIoBenchmark(buildReport(analysed.analysis, 'en'));
}

await sheetsRunBenchmark();

console.log(`\n5. The whole model check on ${MODEL_CHECK_CLIENTS.toLocaleString('en')} clients (3 models × 2 periods, scoring, the choice, Gamma-Gamma, the intervals)`);
const checkTiming = modelCheckBenchmark(3);
const checkSeconds = median(checkTiming.seconds);
console.log(
  `  ${checkTiming.clients.toLocaleString('en')} clients, ${checkTiming.lines.toLocaleString('en')} lines: ${checkTiming.seconds.map(s).join(', ')} (median ${s(checkSeconds)}); model used: ${checkTiming.used ?? 'none'}`,
);

const WAREHOUSE_LINES = Number(process.env.BENCH_WAREHOUSE_LINES ?? 10_000_000);
console.log(`\n6. Beyond one sheet: ${WAREHOUSE_LINES.toLocaleString('en')} Parquet lines through --engine duckdb`);
const parquet = await salesParquet(WAREHOUSE_LINES, out);
const warehouse = winback([parquet, '--engine', 'duckdb', '--json', join(out, 'warehouse.json')]);
const inMemory = cases.get(1_000_488) ?? [...cases.values()].at(-1);
console.log(
  `  --engine duckdb: ${warehouse.ok ? '' : 'FAILED, '}${s(warehouse.seconds)}, peak ${mb(warehouse.peakMB)}, ${Math.round(WAREHOUSE_LINES / warehouse.seconds).toLocaleString('en')} lines/s; ` +
    `in memory on the largest CSV above: ${inMemory ? `${s(inMemory.wall)}, peak ${mb(inMemory.peakMB)}` : '—'}`,
);

console.log('\n7. The goals of issues 14, 15 and 16 in this run');
const verdict = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : 'NOT met');
const goal = (job: string, measured: string, target: string, met: boolean | null) => console.log(`  ${job.padEnd(34)} ${measured.padEnd(40)} ${target.padEnd(36)} ${verdict(met)}`);
const million = cases.get(1_000_488);
goal(
  '1,000,488-line CSV → JSON',
  million ? `${s(million.wall)}, ${mb(million.peakMB)}, ratio ${million.ratio === null ? '—' : million.ratio.toFixed(2)}` : '—',
  '≤ 0.5 × peer wall, ≤ 500 MB',
  million && million.ratio !== null && million.peakMB !== null ? million.ok && million.ratio <= 0.5 && million.peakMB <= 500 : null,
);
goal(
  'Online Retail → report.xlsx + JSON',
  retail ? `${s(retail.wall)}, ${mb(retail.peakMB)}, ratio ${retail.ratio === null ? '—' : retail.ratio.toFixed(2)}` : '—',
  '≤ 1.5 × peer wall, ≤ 600 MB',
  retail && retail.ratio !== null && retail.peakMB !== null ? retail.ok && retail.ratio <= 1.5 && retail.peakMB <= 600 : null,
);
goal(
  '1,048,576-row .xlsx → report',
  `${bigRun.ok ? 'completed' : 'failed'}, ${s(bigRun.seconds)}, ${mb(bigRun.peakMB)}`,
  'default heap, ≤ 1.5 GB',
  bigRun.peakMB === null ? null : bigRun.ok && bigRun.peakMB <= 1536,
);
goal('541,909 lines in the playground', 'not measured here (a browser)', '≤ 2 s, ≤ 400 MB', null);
goal(`Model check, ${MODEL_CHECK_CLIENTS.toLocaleString('en')} clients`, `${s(checkSeconds)} (median of 3)`, '≤ 1 s', checkSeconds <= 1);
goal(
  `${WAREHOUSE_LINES.toLocaleString('en')} Parquet lines, --engine duckdb`,
  `${warehouse.ok ? 'completed' : 'failed'}, ${s(warehouse.seconds)}, ${mb(warehouse.peakMB)}`,
  '≤ 2 GB',
  warehouse.peakMB === null ? null : warehouse.ok && warehouse.peakMB <= 2048,
);
