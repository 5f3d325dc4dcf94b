/**
 * `npm run bench`: throughput and memory of read → analyze → report on 1,000,000 generated sales
 * lines (10,000+ clients, 3 years), the model fit alone, and the command line end to end on
 * UCI Online Retail. Prints; asserts nothing (timings stay out of pass/fail tests).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../core/analyze/analyze.js';
import { serialFromDay, dayFromYmd } from '../core/basics/calendar.js';
import { bgnbd } from '../core/model/index.js';
import { buildReport } from '../core/report/index.js';
import { readSales, saleLines } from '../core/read/index.js';
import type { Cell } from '../core/read/types.js';
import { generateDistributor } from '../examples/distributor.js';
import { excelIoBenchmark } from './host-io.js';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const ONLINE_RETAIL = '../shared/data/online_retail_uci/online_retail.csv';

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(0)} MB`;
}

function timed<T>(label: string, run: () => T, lines?: number): T {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const result = run();
  const seconds = (performance.now() - started) / 1000;
  const heapAfter = process.memoryUsage().heapUsed;
  const rate = lines ? `, ${Math.round(lines / seconds).toLocaleString('en')} lines/s` : '';
  console.log(`  ${label.padEnd(28)} ${seconds.toFixed(3).padStart(7)} s${rate}; heap +${mb(heapAfter - heapBefore)} (heap ${mb(heapAfter)})`);
  return result;
}

function generatedGrid(): Cell[][] {
  const data = generateDistributor({ seed: 7, clients: 10_000, years: 3, endDay: dayFromYmd(2026, 10, 31), linesTarget: LINES });
  const grid: Cell[][] = [['Client', 'Date', 'Document', 'Product', 'Category', 'Quantity', 'Amount', 'Profit', 'Manager', 'Region']];
  for (const s of data.sales) {
    grid.push([s.client, serialFromDay(s.day), s.document, s.product, s.group, s.quantity / 1000, s.amount / 100, s.profit / 100, s.manager, s.region]);
  }
  return grid;
}

function coreBenchmark() {
  console.log(`Core on generated sales (target ${LINES.toLocaleString('en')} lines):`);
  const grid = timed('generate example data', generatedGrid);
  const lines = grid.length - 1;
  const started = performance.now();
  const read = timed('read (readSales)', () => readSales(grid), lines);
  if (!read.ok) throw new Error(`readSales failed: ${read.code}`);
  const clients = read.records.client.texts.length;
  console.log(`    ${lines.toLocaleString('en')} lines, ${clients.toLocaleString('en')} clients, ${read.rejected.length} rejected`);
  const outcome = timed('analyze (incl. BG/NBD fit)', () => analyze({ sales: read.records, rows: read.dataRows, rejected: read.rejected }), lines);
  if (!outcome.ok) throw new Error(`analyze refused: ${outcome.code}`);
  const noModel = timed('analyze without the model', () => analyze({ sales: read.records }, { model: 'none' }), lines);
  if (!noModel.ok) throw new Error(`analyze refused: ${noModel.code}`);
  const report = timed('report (buildReport, en)', () => buildReport(outcome.analysis, 'en'));
  const total = (performance.now() - started) / 1000;
  console.log(`  read → analyze → report total ${total.toFixed(2)} s; peak RSS of this process ${mb(process.resourceUsage().maxRSS * 1024)}`);
  modelBenchmark(saleLines(read.records));
  return report;
}

function modelBenchmark(records: { client: string; day: number; amount: number }[]): void {
  const days = new Map<string, Set<number>>();
  for (const r of records) if (r.amount > 0) (days.get(r.client) ?? days.set(r.client, new Set()).get(r.client)!).add(r.day);
  const asOf = dayFromYmd(2026, 10, 31);
  const rows = [...days.values()].slice(0, 10_000).map((set) => [...set].sort((a, b) => a - b));
  const data = {
    x: Float64Array.from(rows, (d) => d.length - 1),
    tx: Float64Array.from(rows, (d) => d[d.length - 1] - d[0]),
    T: Float64Array.from(rows, (d) => asOf - d[0]),
  };
  const fit = timed(`BG/NBD fit, ${rows.length.toLocaleString('en')} clients`, () => bgnbd.fit(data));
  if (fit.ok) console.log(`    r ${fit.params.r.toFixed(4)}, alpha ${fit.params.alpha.toFixed(3)}/day, a ${fit.params.a.toFixed(4)}, b ${fit.params.b.toFixed(4)}, ${fit.iterations} iterations, converged ${fit.converged}`);
}

function cliBenchmark(): void {
  console.log('Command line end to end on Online Retail (541,909 lines):');
  if (!existsSync(ONLINE_RETAIL)) {
    console.log(`  skipped: ${ONLINE_RETAIL} not found`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'winback-bench-'));
  const started = performance.now();
  const run = spawnSync(process.execPath, ['bin/winback.mjs', 'segment', ONLINE_RETAIL, '--out', join(dir, 'report.xlsx'), '--json', join(dir, 'report.json')], {
    encoding: 'utf8',
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(run.stderr.trim().split('\n').map((l) => `    ${l}`).join('\n'));
  console.log(`  exit ${run.status}, ${seconds.toFixed(2)} s wall clock`);
}

const report = coreBenchmark();
await excelIoBenchmark(report);
cliBenchmark();
