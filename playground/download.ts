/**
 * The playground's workbook as an .xlsx file: the user's sheets with their cells as they are
 * (dates as date cells, strings always as text; a sheet opened from a file with all its rows, read
 * again from its bytes) and the report tabs exactly as the command line writes them
 * (xlsx/write-xlsx.ts: tables, number formats, colours, frozen headers, charts, links, print
 * setup), in the workbook's own tab order and under the names the tabs got (`Clients (2)` when a
 * user's sheet was called Clients); the Summary is the tab selected on open.
 *
 * The page never builds the file itself: it hands `downloadSheets(workbook)` to a Web Worker
 * (download-worker.ts) — each sheet, then its rows in pieces of 20,000 (a file's sheet read lazily
 * from its bytes, so the page never holds it as cells) — and the worker calls `resultBytes` and
 * reports its progress, so the page stays responsive while a large workbook is written. Works in
 * Node and, in the worker, in the browser (fflate underneath, no exceljs).
 *
 * Progress: one step per sheet as the streaming writer finishes it (laid out and deflated), then
 * the end of the package.
 *
 * Example: [Sales (user), Clients (report)] → steps {sheets 1 of 2}, {sheets 2 of 2}, {compress},
 * then the bytes.
 */
import { rowCells, type Cell, type SheetSpec } from '../core/index.js';
import { workbookXlsxBytes, type WorkbookSheet } from '../xlsx/write-xlsx.js';
import type { MemorySheet, MemoryWorkbook } from './memory-port.js';

/** One sheet of the file as the worker takes it: a user's sheet with its cells, or a report tab with its spec. */
export interface DownloadSheet {
  name: string;
  grid: Cell[][];
  report: SheetSpec | null;
}

export type DownloadProgress = { stage: 'sheets'; done: number; total: number } | { stage: 'compress' };

/** The workbook's sheets for the worker (report tabs under the names they got), each with its rows to hand over. */
export function downloadSheets(workbook: MemoryWorkbook): { sheet: DownloadSheet; rows: Iterable<readonly Cell[]> }[] {
  return workbook.sheets.map((sheet) => ({
    sheet: { name: sheet.name, grid: [], report: sheet.report ? { ...sheet.report.spec, name: sheet.name } : null },
    rows: sheet.report ? [] : rowsOf(sheet),
  }));
}

/** The .xlsx bytes of the sheets, with a step reported per sheet written and the last as the package's end. */
export async function resultBytes(sheets: DownloadSheet[], onProgress: (p: DownloadProgress) => void = () => {}): Promise<Uint8Array> {
  const book: WorkbookSheet[] = sheets.map((sheet) => (sheet.report ? { report: sheet.report } : { cells: { name: sheet.name, rows: sheet.grid } }));
  return workbookXlsxBytes(book, { onSheet: (done, total) => onProgress(done < total ? { stage: 'sheets', done, total } : { stage: 'compress' }) });
}

/** A user's sheet's rows: a file's sheet read again from its bytes (rows it skips are empty), else its cells. */
function* rowsOf(sheet: MemorySheet): Iterable<readonly Cell[]> {
  if (!sheet.file) {
    yield* sheet.grid;
    return;
  }
  const source = sheet.file.rows();
  let next = 0;
  for (let row = source.next(); row; row = source.next()) {
    for (; next < row.index; next++) yield [];
    yield rowCells(row);
    next = row.index + 1;
  }
}
