/**
 * The existing reader tests run over every reader (issue 14): a grid goes through readSales as a
 * grid (the hosts' path), as the bytes of a CSV file through csvSource when every cell is text,
 * and as an .xlsx written by exceljs through the streaming xlsx reader — which must give exactly
 * what readSales gives on the grid exceljs itself reads back from the same file (the reference
 * of today's xlsx reading). `readEverywhere` asserts those agree and returns the grid's outcome.
 */
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { csvSource } from '../../core/read/csv.js';
import { readSales } from '../../core/read/read-sales.js';
import { saleLines, type SalesColumns } from '../../core/read/sales-columns.js';
import type { Cell, Grid, ReadOptions, ReadOutcome } from '../../core/read/types.js';
import { worksheetGrid } from '../helpers/exceljs-grid.js';
import { openXlsx } from '../../xlsx/read-xlsx.js';

/** The outcome with its columns as SaleLine objects and without the file part of the profile. */
export function comparable(outcome: ReadOutcome<SalesColumns>) {
  if (!outcome.ok) return outcome;
  const { file: _file, ...profile } = outcome.profile;
  return { ...outcome, records: saleLines(outcome.records), profile };
}

/** The grid as the bytes of a UTF-8 CSV file (every field quoted), or null when a cell is not text. */
export function csvBytes(grid: Grid, delimiter = ','): Uint8Array | null {
  const lines: string[] = [];
  for (const row of grid) {
    if (!row.every((cell) => cell === null || cell === undefined || typeof cell === 'string')) return null;
    lines.push(row.map((cell) => `"${String(cell ?? '').replace(/"/g, '""')}"`).join(delimiter));
  }
  return new TextEncoder().encode(lines.join('\r\n') + (lines.length > 0 ? '\r\n' : ''));
}

/** The grid written by exceljs as an .xlsx with one sheet `S`. */
export async function xlsxBytes(grid: Grid, date1904 = false): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  if (date1904) book.properties.date1904 = true;
  const sheet = book.addWorksheet('S');
  grid.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell === null || cell === undefined) return;
      const target = sheet.getCell(r + 1, c + 1);
      target.value = cell as ExcelJS.CellValue;
      if (cell instanceof Date) target.numFmt = 'dd.mm.yyyy';
    });
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** What exceljs reads back from the bytes, as the grid readers take it. */
export async function exceljsGrid(bytes: Uint8Array): Promise<Cell[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return worksheetGrid(book.worksheets[0]!);
}

export async function readEverywhere(grid: Grid, options: ReadOptions = {}): Promise<ReadOutcome<SalesColumns>> {
  const byGrid = readSales(grid, options);
  const csv = csvBytes(grid);
  if (csv) expect(comparable(readSales(csvSource(csv), options)), 'the CSV reader').toEqual(comparable(byGrid));
  const xlsx = await xlsxBytes(grid, options.date1904);
  const reference = readSales(await exceljsGrid(xlsx), options);
  expect(comparable(readSales(openXlsx(xlsx).rows('S'), options)), 'the xlsx reader').toEqual(comparable(reference));
  return byGrid;
}
