/**
 * The playground's workbook as an .xlsx file: the user's sheets with their cells as they are
 * (dates as date cells, strings always as text), and the report tabs exactly as the command line
 * writes them (xlsx/write-report.ts: tables, number formats, colours, frozen headers, charts), in the
 * workbook's own tab order and under the names the tabs got (`Clients (2)` when a user's sheet
 * was called Clients); the Summary is the tab selected on open.
 *
 * Works with exceljs in Node and, bundled for the page, with its browser build.
 */
import ExcelJS from 'exceljs';
import { reportWorkbook, reportXlsxBytes } from '../xlsx/write-report.js';
import type { MemoryWorkbook } from './memory-port.js';
import type { SheetSpec } from '../core/index.js';

const DATE_FORMAT = 'yyyy-mm-dd';

/** exceljs writes worksheets sorted by this field (present at run time, missing from its typings). */
type OrderedWorksheet = ExcelJS.Worksheet & { orderNo: number };

function resultWorkbook(workbook: MemoryWorkbook): { book: ExcelJS.Workbook; reports: SheetSpec[] } {
  const reports = workbook.sheets.flatMap((sheet) => (sheet.report ? [{ ...sheet.report.spec, name: sheet.name }] : []));
  const book = reportWorkbook(reports);
  workbook.sheets.forEach((sheet, index) => {
    const ws = sheet.report ? book.getWorksheet(sheet.name) : book.addWorksheet(sheet.name);
    if (!ws) return;
    (ws as OrderedWorksheet).orderNo = index;
    if (!sheet.report) writeCells(ws, sheet.grid);
  });
  const summary = workbook.sheets.findIndex((sheet) => sheet.report?.spec.key === 'summary');
  if (summary >= 0) book.views = [{ ...book.views[0]!, activeTab: summary, firstSheet: 0 }];
  return { book, reports };
}

/** The .xlsx bytes of the workbook. */
export async function resultBytes(workbook: MemoryWorkbook): Promise<Uint8Array> {
  const { book, reports } = resultWorkbook(workbook);
  return reportXlsxBytes(book, reports);
}

function writeCells(ws: ExcelJS.Worksheet, grid: MemoryWorkbook['sheets'][number]['grid']): void {
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
