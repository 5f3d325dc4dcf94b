/**
 * The playground's workbook as an .xlsx file: the user's sheets with their cells as they are
 * (dates as date cells, strings always as text), and the report tabs exactly as the command line
 * writes them (xlsx/write-report.ts: tables, number formats, colours, frozen headers, charts), in the
 * workbook's own tab order and under the names the tabs got (`Clients (2)` when a user's sheet
 * was called Clients); the Summary is the tab selected on open.
 *
 * The page never builds the file itself: it hands `downloadSheets(workbook)` — plain data that a
 * structured clone carries — to a Web Worker (download-worker.ts) in pieces of 20,000 rows, and the
 * worker calls `resultBytes` and reports its progress, so the page stays responsive while a large
 * workbook is written (the 541,909-line Online Retail workbook: the page's longest pause about a
 * second on a loaded 2-core machine, against 19 s when the page wrote the file itself). Works
 * with exceljs in Node and, in the worker, with its browser build.
 *
 * Progress: one step per sheet (the report tabs are laid out in one step, then each user sheet),
 * then the compression, which exceljs does in one go.
 *
 * Example: [Sales (user), Clients (report)] → steps {sheets 1 of 2} (report tabs), {sheets 2 of 2}
 * (Sales), {compress}, then the bytes.
 */
import ExcelJS from 'exceljs';
import type { Cell, SheetSpec } from '../core/index.js';
import { reportWorkbook, reportXlsxBytes } from '../xlsx/write-report.js';
import type { MemoryWorkbook } from './memory-port.js';

const DATE_FORMAT = 'yyyy-mm-dd';

/** One sheet of the file: a user's sheet with its cells, or a report tab with its spec. */
export interface DownloadSheet {
  name: string;
  grid: Cell[][];
  report: SheetSpec | null;
}

export type DownloadProgress = { stage: 'sheets'; done: number; total: number } | { stage: 'compress' };

/** exceljs writes worksheets sorted by this field (present at run time, missing from its typings). */
type OrderedWorksheet = ExcelJS.Worksheet & { orderNo: number };

/** The workbook's sheets as the worker takes them (report tabs under the names they got). */
export function downloadSheets(workbook: MemoryWorkbook): DownloadSheet[] {
  return workbook.sheets.map((sheet) => ({
    name: sheet.name,
    grid: sheet.report ? [] : sheet.grid,
    report: sheet.report ? { ...sheet.report.spec, name: sheet.name } : null,
  }));
}

/** The .xlsx bytes of the sheets, with a step reported per sheet and before the compression. */
export async function resultBytes(sheets: DownloadSheet[], onProgress: (p: DownloadProgress) => void = () => {}): Promise<Uint8Array> {
  const reports = sheets.flatMap((sheet) => (sheet.report ? [sheet.report] : []));
  const users = sheets.filter((sheet) => !sheet.report);
  const total = users.length + (reports.length > 0 ? 1 : 0);
  let done = 0;
  const book = reportWorkbook(reports);
  if (reports.length > 0) onProgress({ stage: 'sheets', done: ++done, total });
  sheets.forEach((sheet, index) => {
    const ws = sheet.report ? book.getWorksheet(sheet.name) : book.addWorksheet(sheet.name);
    if (!ws) return;
    (ws as OrderedWorksheet).orderNo = index;
    if (sheet.report) return;
    writeCells(ws, sheet.grid);
    onProgress({ stage: 'sheets', done: ++done, total });
  });
  const summary = sheets.findIndex((sheet) => sheet.report?.key === 'summary');
  if (summary >= 0) book.views = [{ ...book.views[0]!, activeTab: summary, firstSheet: 0 }];
  onProgress({ stage: 'compress' });
  return reportXlsxBytes(book, reports);
}

function writeCells(ws: ExcelJS.Worksheet, grid: Cell[][]): void {
  grid.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((value, c) => {
      if (value === null || value === undefined || value === '') return;
      const cell = row.getCell(c + 1);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = DATE_FORMAT;
    });
  });
}
