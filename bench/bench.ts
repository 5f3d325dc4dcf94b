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
 *    lines' factor: 1.00 is linear. Under each size, the CPU seconds of all threads beside the
 *    peer's and the wall no threading gets under (CPU ÷ cores); at 1,000,488 lines against the goal.
 * 2. Excel's largest sheet: a 1,048,576-row .xlsx to a report .xlsx (with the default heap).
 * 3. UCI Online Retail (541,909 lines) to report.xlsx + JSON, beside the peer on the same lines,
 *    with the same CPU line against its goal.
 * 4. The Excel port's round trips on the fake Excel API (bench/host-io.ts), and the Google Sheets
 *    add-on on its fakes (bench/sheets-io.ts).
 * 5. The whole model check on 10,000 clients (bench/model-check.ts), three runs in this process.
 * 6. Beyond one sheet: BENCH_WAREHOUSE_LINES (default 10,000,000) generated Parquet lines through
 *    `--engine duckdb` (bench/generate-parquet.ts), beside the in-memory engine on the 1M CSV.
 * 7. The playground in headless Chromium (bench/playground.ts): Online Retail opened through the
 *    page's file input, Segment, until the summary is shown — wall and renderer CPU seconds, the
 *    renderer's peak memory and its memory at the summary; BENCH_ROUNDS rounds, the median.
 * 8. The goals of issues 14, 15 and 16 beside what this run measured, each met or not.
 *
 * The peer needs /usr/bin/python3 with pandas; without it the comparison is skipped, never failed;
 * without /usr/bin/chromium the playground is skipped. BENCH_SIZES=100000,300000 limits the sizes.
 * BENCH_SECTIONS=playground,model (of csv, xlsx, retail, hosts, model, warehouse, playground)
 * runs only those sections, the goals after them; BENCH_PLAYGROUND=0 leaves the playground out.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, buildReport, csvSource } from '../core/index.js';
import { readSales } from '../core/read/read-sales.js';
import { peerShapeOfOnlineRetail, salesCsv, salesXlsx } from './generate-lines.js';
import { excelIoBenchmark } from './host-io.js';
import { MODEL_CHECK_CLIENTS, modelCheckBenchmark } from './model-check.js';
import { sheetsRunBenchmark } from './sheets-io.js';
import { salesParquet } from './generate-parquet.js';
import { playgroundRound, type PlaygroundRound } from './playground.js';
import { chromiumPresent, startPlayground } from '../test/e2e/browser.js';

// 1,000,488 is the size of the 1M-line job in the goals table of issue 14.
const SIZES = (process.env.BENCH_SIZES ?? '100000,300000,1000488,3000000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PEER = '../shared/bench/peer_pandas.py';
const PYTHON = '/usr/bin/python3';
const TIME = '/usr/bin/time';
const ONLINE_RETAIL = '../shared/data/online_retail_uci/online_retail.csv';
const EXCEL_ROWS = 1_048_575;
const out = mkdtempSync(join(tmpdir(), 'winback-bench-out-'));
const SECTIONS = ['csv', 'xlsx', 'retail', 'hosts', 'model', 'warehouse', 'playground'] as const;
const chosen = process.env.BENCH_SECTIONS ? process.env.BENCH_SECTIONS.split(',').map((name) => name.trim()) : [...SECTIONS];
for (const name of chosen) if (!(SECTIONS as readonly string[]).includes(name)) throw new Error(`BENCH_SECTIONS: no section "${name}" (sections: ${SECTIONS.join(', ')})`);
/** Whether this run measures a section (BENCH_SECTIONS, BENCH_PLAYGROUND=0). */
const wanted = (section: (typeof SECTIONS)[number]) => chosen.includes(section) && !(section === 'playground' && process.env.BENCH_PLAYGROUND === '0');

interface Run {
  seconds: number;
  peakMB: number | null;
  /** CPU seconds of all its threads (user + system), through /usr/bin/time. */
  cpu: number | null;
  ok: boolean;
  output: string;
}

/** A command's wall seconds and, through /usr/bin/time, its peak memory and CPU seconds. */
function timed(command: string, args: string[]): Run {
  const withTime = existsSync(TIME);
  const started = performance.now();
  const run = withTime ? spawnSync(TIME, ['-f', '@@%M %U %S', command, ...args], { encoding: 'utf8' }) : spawnSync(command, args, { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  const measured = /@@(\d+) ([\d.]+) ([\d.]+)/.exec(run.stderr ?? '');
  return {
    seconds,
    peakMB: measured ? Number(measured[1]) / 1024 : null,
    cpu: measured ? Number(measured[2]) + Number(measured[3]) : null,
    ok: run.status === 0,
    output: `${run.stdout ?? ''}${(run.stderr ?? '').replace(/@@[\d. ]+\s*$/, '')}`,
  };
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

/**
 * The runs' CPU seconds (all threads, user + system; medians) beside the peer's, and the wall no
 * arrangement of threads gets under on this machine's cores: CPU ÷ cores. When that floor is above
 * the goal, only less work per line can meet it, not more threads.
 */
function cpuLine(ours: Run[], theirs: Run[], goalShare: number | null): string {
  const cpu = ours.map((r) => r.cpu).filter((v): v is number => v !== null);
  if (cpu.length === 0) return '';
  const ourCpu = median(cpu);
  const peerCpu = theirs.map((r) => r.cpu).filter((v): v is number => v !== null);
  const goalWall = theirs.length && goalShare !== null ? goalShare * median(theirs.map((r) => r.seconds)) : null;
  const floor = ourCpu / CORES;
  return (
    `CPU ${s(ourCpu)} in all threads${peerCpu.length ? ` (peer ${s(median(peerCpu))})` : ''}; on ${CORES} cores the wall cannot go below ${s(floor)}` +
    (goalWall === null ? '' : ` (goal ${s(goalWall)}: ${floor <= goalWall ? 'within reach of threads' : `needs ${(floor / goalWall).toFixed(1)}× less CPU`})`)
  );
}
const CORES = availableParallelism();
/** Issue 14's wall goals, as shares of the peer's wall: the 1,000,488-line CSV, Online Retail. */
const MILLION_GOAL_SHARE = 0.5;
const RETAIL_GOAL_SHARE = 1.5;
const GOAL_LINES = 1_000_488;

function stageLine(file: string): string {
  const run = spawnSync(process.execPath, ['dist/bench/stages.js', file], { encoding: 'utf8' });
  if (run.status !== 0) return `stages failed: ${run.stderr.trim().split('\n')[0]}`;
  const stages = JSON.parse(run.stdout) as { lines: number; read: number; analyze: number; report: number; heapMB: number; peakMB: number };
  const perLine = Math.round((stages.heapMB * 1048576) / Math.max(1, stages.lines));
  return `read ${s(stages.read)}, analyze ${s(stages.analyze)}, report ${s(stages.report)}, heap after analyze ${mb(stages.heapMB)} (${perLine} B/line), peak ${mb(stages.peakMB)}`;
}

interface Case {
  wall: number;
  peakMB: number | null;
  peerWall: number | null;
  peerPeakMB: number | null;
  ratio: number | null;
  ok: boolean;
}
const cases = new Map<number, Case>();
if (wanted('csv')) {
  console.log('\n1. Generated sales CSV → --json (end to end, the command line as a user runs it)');
  console.log(`${pad('lines', 10)} ${pad('winback', 9)} ${pad('peak', 8)} ${pad('lines/s', 10)} ${pad('growth', 6)} ${pad('peer', 9)} ${pad('peak', 8)} ${pad('ratio', 6)}   stages (one run)`);
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
    const cpu = cpuLine(ours, theirs, size === GOAL_LINES ? MILLION_GOAL_SHARE : null);
    if (cpu) console.log(`${' '.repeat(11)}${cpu}`);
  }
}

let bigRun: Run | null = null;
if (wanted('xlsx')) {
  console.log(`\n2. Excel's largest sheet: ${(EXCEL_ROWS + 1).toLocaleString('en')} rows of .xlsx → report .xlsx (default heap)`);
  const xlsx = salesXlsx(EXCEL_ROWS);
  bigRun = winback([xlsx, '--out', join(out, 'big-report.xlsx')]);
  console.log(`  ${bigRun.ok ? 'completed' : `FAILED: ${bigRun.output.trim().split('\n').at(-1)}`} in ${s(bigRun.seconds)}, peak ${mb(bigRun.peakMB)}; stages: ${stageLine(xlsx)}`);
}

let retail: Case | null = null;
if (wanted('retail')) {
  console.log('\n3. UCI Online Retail (541,909 lines) → report.xlsx + JSON');
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
    const cpu = cpuLine(ours, theirs, RETAIL_GOAL_SHARE);
    if (cpu) console.log(`  ${cpu}`);
  }
}

if (wanted('hosts')) {
  console.log('\n4. Model fit, the Excel port and the Google Sheets add-on');
  const sample = readSales(csvSource(readFileSync(salesCsv(SIZES[0]!))));
  if (sample.ok) {
    const started = performance.now();
    const analysed = analyze({ sales: sample.records });
    console.log(`  analyze of ${sample.records.length.toLocaleString('en')} lines in this process: ${s((performance.now() - started) / 1000)} (BG/NBD ${analysed.ok && analysed.analysis.model.bgnbd ? 'fitted' : 'not fitted'})`);
    if (analysed.ok) await excelIoBenchmark(buildReport(analysed.analysis, 'en'));
  }
  await sheetsRunBenchmark();
}

let checkSeconds: number | null = null;
if (wanted('model')) {
  console.log(`\n5. The whole model check on ${MODEL_CHECK_CLIENTS.toLocaleString('en')} clients (3 models × 2 periods, scoring, the choice, Gamma-Gamma, the intervals)`);
  const checkTiming = modelCheckBenchmark(3);
  checkSeconds = median(checkTiming.seconds);
  console.log(
    `  ${checkTiming.clients.toLocaleString('en')} clients, ${checkTiming.lines.toLocaleString('en')} lines: ${checkTiming.seconds.map(s).join(', ')} (median ${s(checkSeconds)}); model used: ${checkTiming.used ?? 'none'}`,
  );
}

const WAREHOUSE_LINES = Number(process.env.BENCH_WAREHOUSE_LINES ?? 10_000_000);
let warehouse: Run | null = null;
if (wanted('warehouse')) {
  console.log(`\n6. Beyond one sheet: ${WAREHOUSE_LINES.toLocaleString('en')} Parquet lines through --engine duckdb`);
  const parquet = await salesParquet(WAREHOUSE_LINES, out);
  warehouse = winback([parquet, '--engine', 'duckdb', '--json', join(out, 'warehouse.json')]);
  const inMemory = cases.get(GOAL_LINES) ?? [...cases.values()].at(-1);
  console.log(
    `  --engine duckdb: ${warehouse.ok ? '' : 'FAILED, '}${s(warehouse.seconds)}, peak ${mb(warehouse.peakMB)}, ${Math.round(WAREHOUSE_LINES / warehouse.seconds).toLocaleString('en')} lines/s; ` +
      `in memory on the largest CSV above: ${inMemory ? `${s(inMemory.wall)}, peak ${mb(inMemory.peakMB)}` : '—'}`,
  );
}

let browserRun: { wall: number; peakMB: number } | null = null;
if (wanted('playground')) {
  console.log('\n7. The playground in headless Chromium: Online Retail (541,909 lines) through the file input → Segment → the summary');
  if (!chromiumPresent()) console.log('  skipped: no /usr/bin/chromium (apt-get install chromium)');
  else if (!existsSync(ONLINE_RETAIL)) console.log(`  skipped: ${ONLINE_RETAIL} not found`);
  else {
    const server = await startPlayground();
    try {
      const rounds: PlaygroundRound[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const r = await playgroundRound(server, ONLINE_RETAIL);
        rounds.push(r);
        console.log(
          `  round ${round + 1}: ${s(r.wall)} (open ${s(r.open)}, run ${s(r.run)}), renderer CPU ${s(r.cpu)}; renderer memory peak ${mb(r.peakMB)}, at the summary ${mb(r.summaryMB)} (private ${mb(r.privateMB)}, JS heap ${mb(r.heapMB)})`,
        );
      }
      const m = (key: keyof PlaygroundRound) => median(rounds.map((r) => r[key]));
      browserRun = { wall: m('wall'), peakMB: Math.max(...rounds.map((r) => r.peakMB)) };
      console.log(
        `  median of ${rounds.length}: ${s(m('wall'))} (open ${s(m('open'))}, run ${s(m('run'))}), renderer CPU ${s(m('cpu'))}; memory peak ${mb(m('peakMB'))} (largest ${mb(browserRun.peakMB)}), at the summary ${mb(m('summaryMB'))} (private ${mb(m('privateMB'))}, JS heap ${mb(m('heapMB'))})`,
      );
    } catch (error) {
      console.log(`  FAILED: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      server.stop();
    }
  }
}

console.log('\n8. The goals of issues 14, 15 and 16 in this run');
const verdict = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : 'NOT met');
const goal = (job: string, measured: string, target: string, met: boolean | null) => console.log(`  ${job.padEnd(34)} ${measured.padEnd(40)} ${target.padEnd(36)} ${verdict(met)}`);
const million = cases.get(GOAL_LINES);
goal(
  `${GOAL_LINES.toLocaleString('en')}-line CSV → JSON`,
  million ? `${s(million.wall)}, ${mb(million.peakMB)}, ratio ${million.ratio === null ? '—' : million.ratio.toFixed(2)}` : '—',
  `≤ ${MILLION_GOAL_SHARE} × peer wall, ≤ 500 MB`,
  million && million.ratio !== null && million.peakMB !== null ? million.ok && million.ratio <= MILLION_GOAL_SHARE && million.peakMB <= 500 : null,
);
goal(
  'Online Retail → report.xlsx + JSON',
  retail ? `${s(retail.wall)}, ${mb(retail.peakMB)}, ratio ${retail.ratio === null ? '—' : retail.ratio.toFixed(2)}` : '—',
  `≤ ${RETAIL_GOAL_SHARE} × peer wall, ≤ 600 MB`,
  retail && retail.ratio !== null && retail.peakMB !== null ? retail.ok && retail.ratio <= RETAIL_GOAL_SHARE && retail.peakMB <= 600 : null,
);
goal(
  '1,048,576-row .xlsx → report',
  bigRun ? `${bigRun.ok ? 'completed' : 'failed'}, ${s(bigRun.seconds)}, ${mb(bigRun.peakMB)}` : '—',
  'default heap, ≤ 1.5 GB',
  bigRun && bigRun.peakMB !== null ? bigRun.ok && bigRun.peakMB <= 1536 : null,
);
goal(
  '541,909 lines in the playground',
  browserRun ? `${s(browserRun.wall)} (median), renderer peak ${mb(browserRun.peakMB)}` : '—',
  '≤ 2 s, page ≤ 400 MB',
  browserRun ? browserRun.wall <= 2 && browserRun.peakMB <= 400 : null,
);
goal(`Model check, ${MODEL_CHECK_CLIENTS.toLocaleString('en')} clients`, checkSeconds === null ? '—' : `${s(checkSeconds)} (median of 3)`, '≤ 1 s', checkSeconds === null ? null : checkSeconds <= 1);
goal(
  `${WAREHOUSE_LINES.toLocaleString('en')} Parquet lines, --engine duckdb`,
  warehouse ? `${warehouse.ok ? 'completed' : 'failed'}, ${s(warehouse.seconds)}, ${mb(warehouse.peakMB)}` : '—',
  '≤ 2 GB',
  warehouse && warehouse.peakMB !== null ? warehouse.ok && warehouse.peakMB <= 2048 : null,
);
