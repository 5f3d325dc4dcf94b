/**
 * Host I/O counts for `npm run bench`: how many round trips and how many bytes the Excel port needs
 * to read a 1,000,000-row sheet and to write the report, measured on the typed fake of the Excel
 * API that the tests use (it counts syncs and request/response bytes like Excel's 5 MB limit).
 */
import { ExcelWorkbookPort } from '../addin/excel-port.js';
import type { SheetSpec } from '../core/report/spec.js';
import { FakeWorkbook } from '../test/addin/fake-excel.js';

const MB = 1024 * 1024;

function salesCell(row: number, column: number): string | number {
  if (row === 0) return ['Client', 'Date', 'Amount', 'Product', 'Document', 'Manager', 'Region', 'Qty'][column];
  return [`Клиент ${row % 10_000}`, 45_658 + (row % 1_000), ((row * 37) % 100_000) / 100, `Товар ${row % 300}`, `РТ-${row >> 2}`, `Менеджер ${row % 8}`, 'Москва', (row % 40) + 1][column];
}

function ioLine(label: string, book: FakeWorkbook, from: number, seconds: number): void {
  const syncs = book.syncs.slice(from);
  const bytes = syncs.reduce((sum, s) => sum + s.requestBytes + s.responseBytes, 0);
  const largest = Math.max(0, ...syncs.map((s) => Math.max(s.requestBytes, s.responseBytes)));
  console.log(`  ${label.padEnd(34)} ${String(syncs.length).padStart(5)} syncs, ${(bytes / MB).toFixed(1)} MB in all, largest request ${(largest / MB).toFixed(2)} MB, ${seconds.toFixed(2)} s`);
}

export async function excelIoBenchmark(report: SheetSpec[]): Promise<void> {
  console.log('Excel port on the fake Excel API (5 MB request limit):');
  const book = new FakeWorkbook();
  book.addGeneratedSheet('Sales', 1_000_001, 8, salesCell);
  const port = new ExcelWorkbookPort(book);
  let started = performance.now();
  await port.readSheet('Sales');
  ioLine('read 1,000,000 rows × 8 columns', book, 0, (performance.now() - started) / 1000);
  const before = book.syncs.length;
  started = performance.now();
  await port.writeReport(report);
  const rows = report.reduce((n, s) => n + s.tables.reduce((m, t) => m + t.rows.length, 0), 0);
  ioLine(`write the report (${rows.toLocaleString('en')} rows)`, book, before, (performance.now() - started) / 1000);
}
