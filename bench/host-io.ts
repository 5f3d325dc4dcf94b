/**
 * Host I/O for `npm run bench`, measured on the typed fake of the Excel API the tests use (it counts
 * syncs and modelled request/response bytes against Excel's 5 MB limit): how many round trips and
 * bytes the Excel port needs to read a 1,000,000-row sheet and to write the report, and a whole
 * panel run over that sheet — with the pipeline in the page and in a worker — with the longest time
 * the page was blocked (Excel restarts an add-in that stops answering for about 5 s; the aim is
 * under 200 ms). The fake Excel itself runs in the page here (in Excel it is another process), so
 * besides the longest block the benchmark prints the longest block of the page's own work: each
 * block (a gap between two ticks of a 1 ms timer) less the time the fake spent in it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { createExcelBridgeOver } from '../addin/excel-bridge.js';
import { ExcelWorkbookPort } from '../addin/excel-port.js';
import type { WorkerLike } from '../addin/worker-pipeline.js';
import type { SheetSpec } from '../core/report/spec.js';
import { FakeWorkbook } from '../test/addin/fake-excel.js';

const MB = 1024 * 1024;
const ROWS = Number(process.env.BENCH_EXCEL_ROWS ?? 1_000_000);

function salesCell(row: number, column: number): string | number {
  if (row === 0) return ['Client', 'Date', 'Amount', 'Product', 'Document', 'Manager', 'Region', 'Qty'][column];
  return [`Клиент ${row % 10_000}`, 45_658 + (row % 1_000), ((row * 37) % 100_000) / 100, `Товар ${row % 300}`, `РТ-${row >> 2}`, `Менеджер ${row % 8}`, 'Москва', (row % 40) + 1][column];
}

function salesBook(): FakeWorkbook {
  const book = new FakeWorkbook();
  book.addGeneratedSheet('Sales', ROWS + 1, 8, salesCell);
  return book;
}

/** The longest blocks of the page while `run` runs: in all, and less the fake's own time in them. */
async function blocksDuring<T>(book: FakeWorkbook, run: () => Promise<T>): Promise<{ result: T; longest: number; own: number }> {
  const gaps: [number, number][] = [];
  let last = performance.now();
  const tick = setInterval(() => {
    const now = performance.now();
    if (now - last > 2) gaps.push([last, now]);
    last = now;
  }, 1);
  const result = await run();
  clearInterval(tick);
  const fakeIn = (from: number, to: number) =>
    book.syncs.reduce((sum, s) => sum + Math.max(0, Math.min(to, s.ranTo) - Math.max(from, s.ranFrom)), 0);
  return {
    result,
    longest: Math.max(0, ...gaps.map(([from, to]) => to - from)),
    own: Math.max(0, ...gaps.map(([from, to]) => to - from - fakeIn(from, to))),
  };
}

function ioLine(label: string, book: FakeWorkbook, from: number, seconds: number, blocks?: { longest: number; own: number }): void {
  const syncs = book.syncs.slice(from);
  const bytes = syncs.reduce((sum, s) => sum + s.requestBytes + s.responseBytes, 0);
  const largest = Math.max(0, ...syncs.filter((s) => !s.failed).map((s) => Math.max(s.requestBytes, s.responseBytes)));
  const refused = syncs.filter((s) => s.failed).length;
  const blocked = blocks ? `; longest block of the page ${Math.round(blocks.longest)} ms, of its own work ${Math.round(blocks.own)} ms` : '';
  console.log(
    `  ${label.padEnd(40)} ${String(syncs.length).padStart(5)} syncs (${refused} refused), ${(bytes / MB).toFixed(1)} MB in all, largest request ${(largest / MB).toFixed(2)} MB, ${seconds.toFixed(2)} s${blocked}`,
  );
}

/** The page's pipeline worker as a Node worker thread (bench/excel-worker.ts, bundled for the run). */
async function workerFactory(): Promise<() => WorkerLike> {
  const bundled = await build({ entryPoints: ['bench/excel-worker.ts'], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning' });
  const file = join(mkdtempSync(join(tmpdir(), 'winback-worker-')), 'excel-worker.mjs');
  writeFileSync(file, bundled.outputFiles[0].text);
  return () => {
    const thread = new Worker(file);
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage: (message) => thread.postMessage(message),
      terminate: () => void thread.terminate(),
    };
    thread.on('message', (data) => worker.onmessage?.({ data }));
    thread.on('error', (error) => worker.onerror?.({ message: error.message }));
    return worker;
  };
}

/** A panel run (read, analyze, report, write) over the sheet, with the page's longest blocks. */
async function panelRun(label: string, createWorker?: () => WorkerLike): Promise<void> {
  const book = salesBook();
  const bridge = createExcelBridgeOver(book, () => 'en-US', createWorker);
  const started = performance.now();
  const blocks = await blocksDuring(book, () => bridge.segment({ sources: { sales: 'Sales' }, options: {}, lang: 'en' }, () => {}, { aborted: false }));
  if (!blocks.result.ok) throw new Error(blocks.result.message);
  ioLine(label, book, 0, (performance.now() - started) / 1000, blocks);
}

export async function excelIoBenchmark(report: SheetSpec[]): Promise<void> {
  console.log(`Excel port on the fake Excel API (5 MB request limit, payload = cells' JSON × 1.3 + 200 bytes an operation), ${ROWS.toLocaleString('en')} rows × 8:`);
  const book = salesBook();
  const port = new ExcelWorkbookPort(book);
  let started = performance.now();
  await port.readSheet('Sales');
  ioLine(`read ${ROWS.toLocaleString('en')} rows × 8 columns`, book, 0, (performance.now() - started) / 1000);
  const before = book.syncs.length;
  started = performance.now();
  await port.writeReport(report);
  const rows = report.reduce((n, s) => n + s.tables.reduce((m, t) => m + t.rows.length, 0), 0);
  ioLine(`write the report (${rows.toLocaleString('en')} rows)`, book, before, (performance.now() - started) / 1000);
  await panelRun('panel run, pipeline in the page');
  await panelRun('panel run, pipeline in a worker', await workerFactory());
}
