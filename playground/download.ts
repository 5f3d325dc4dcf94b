/**
 * The playground's workbook as an .xlsx file: the user's sheets with their cells as they are
 * (dates as date cells, strings always as text; a sheet opened from a file with all its rows, read
 * again from its bytes) and the report tabs exactly as the command line writes them
 * (xlsx/write-xlsx.ts: tables, number formats, colours, frozen headers, print setup), in the
 * workbook's own tab order and under the names the tabs got (`Clients (2)` when a user's sheet was
 * called Clients).
 *
 * Works in Node and, bundled for the page, in the browser (fflate underneath, no exceljs).
 */
import { rowCells, type Cell } from '../core/index.js';
import { workbookXlsxBytes, type WorkbookSheet } from '../xlsx/write-xlsx.js';
import type { MemorySheet, MemoryWorkbook } from './memory-port.js';

/** The .xlsx bytes of the workbook. */
export async function resultBytes(workbook: MemoryWorkbook): Promise<Uint8Array> {
  const sheets: WorkbookSheet[] = workbook.sheets.map((sheet) =>
    sheet.report ? { report: { ...sheet.report.spec, name: sheet.name } } : { cells: { name: sheet.name, rows: rowsOf(sheet) } },
  );
  return workbookXlsxBytes(sheets);
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
