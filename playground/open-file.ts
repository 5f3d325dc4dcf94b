/**
 * A file the user opens or drops → sheets, in the page, read straight from its bytes as the
 * command line reads them: .xlsx through xlsx/read-xlsx.ts (each sheet's XML inflated and scanned
 * when it is read), .csv / .tsv / .txt through the core's csvSource (UTF-8, UTF-16 or
 * Windows-1251; delimiter detected). A sheet keeps its bytes, not a grid: the view shows its first
 * rows (`fileRows`, which reads only those) and the run reads it from the start (`rows`), so a
 * 540,000-line file never becomes a grid of strings in the page.
 *
 * Cells as the other hosts hand them over: numbers, text and booleans as they are, date cells as
 * UTC-midnight Dates, formulas as their cached result, rich text as its plain text, errors as their
 * text (`#N/A`). A CSV becomes one sheet named after the file.
 *
 * Example: `sales.csv` with `Client;Date;Amount` → [{name: 'sales', rows: () => a TableSource}];
 * fileRows(it, 200) → {preview: [['Client', 'Date', 'Amount'], …], rowCount: null (more than 200 rows), rows}.
 */
import { csvSource, rowCells, tabName, type Cell, type TableSource } from '../core/index.js';
import { openXlsx } from '../xlsx/read-xlsx.js';
import type { FileRows } from './memory-port.js';

export interface OpenedSheet {
  name: string;
  /** The sheet's rows, from the first (a new pass each call). */
  rows(): TableSource;
  /** Whether the workbook counts dates from 1904. */
  date1904: boolean;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function openFile(name: string, bytes: Uint8Array): OpenedSheet[] {
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
    const book = openXlsx(bytes);
    return book.sheetNames.map((sheet) => ({ name: sheet, rows: () => book.rows(sheet), date1904: book.date1904 }));
  }
  return [{ name: sheetNameOf(name), rows: () => csvSource(bytes), date1904: false }];
}

/**
 * The sheet as the playground's workbook holds it: its first `limit` rows as cells (row 0 = sheet
 * row 1; rows the sheet skips are empty), read no further than the row after them, and its rows.
 * Its row count is known when those were all its rows; else null until a whole pass over the rows
 * counts them (the panel's inspection makes one: memory-port.ts), so opening a large file costs
 * its first rows, not a pass over all of them.
 */
export function fileRows(sheet: OpenedSheet, limit: number): FileRows {
  const source = sheet.rows();
  const preview: Cell[][] = [];
  let rowCount: number | null = 0;
  for (let row = source.next(); row; row = source.next()) {
    if (row.index >= limit) {
      rowCount = null;
      break;
    }
    while (preview.length < row.index) preview.push([]);
    preview[row.index] = rowCells(row);
    rowCount = row.index + 1;
  }
  return { rows: sheet.rows, preview, rowCount };
}

/** `sales 2026.csv` → `sales 2026`, made a valid tab name (core/layout's rules). */
function sheetNameOf(fileName: string): string {
  return tabName(fileName.replace(/\.[^.]*$/, ''), 'Sheet1');
}
