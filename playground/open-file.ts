/**
 * A file the user opens or drops → sheets of cells, in the page: .xlsx through exceljs (in the page
 * its browser build, loaded from the playground's own server), .csv / .tsv / .txt through the
 * core's decodeText and parseCsv (UTF-8, UTF-16 LE or Windows-1251; delimiter detected).
 *
 * Cells as the other hosts hand them over: numbers, text and booleans as they are, date cells as
 * UTC-midnight Dates, formulas as their cached result, rich text as its plain text, hyperlinks as
 * their text, errors as their text (`#N/A`). A CSV becomes one sheet named after the file.
 *
 * Example: `sales.csv` with `Client;Date;Amount` → [{name: 'sales', grid: [['Client', 'Date', 'Amount'], …]}].
 */
import ExcelJS from 'exceljs';
import { decodeText, parseCsv, type Cell, tabName } from '../core/index.js';
import { worksheetGrid } from '../xlsx/worksheet-grid.js';

export interface OpenedSheet {
  name: string;
  grid: Cell[][];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export async function openFile(name: string, bytes: Uint8Array): Promise<OpenedSheet[]> {
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return openWorkbook(bytes);
  const { text } = decodeText(bytes);
  return [{ name: sheetNameOf(name), grid: parseCsv(text).map((row) => [...row]) }];
}

async function openWorkbook(bytes: Uint8Array): Promise<OpenedSheet[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return book.worksheets.map((sheet) => ({ name: sheet.name, grid: worksheetGrid(sheet) }));
}


/** `sales 2026.csv` → `sales 2026`, made a valid tab name (core/layout's rules). */
function sheetNameOf(fileName: string): string {
  return tabName(fileName.replace(/\.[^.]*$/, ''), 'Sheet1');
}
