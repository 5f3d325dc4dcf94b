/**
 * An exceljs worksheet → a Grid, as the command line and the playground read .xlsx files before
 * the streaming reader (xlsx/read-xlsx.ts): the reference the tests hold that reader to. Cells: numbers, text and booleans as they are; date cells as the
 * UTC-midnight Dates exceljs makes; formulas → their cached result; rich text → its plain text;
 * hyperlinks → their text; errors → the error text (`#N/A`).
 */
import type ExcelJS from 'exceljs';
import type { Cell } from '../../core/index.js';

/**
 * The sheet's rows from row 1 to its last row with a value (exceljs skips rows that only carry
 * formatting; a skipped row inside the table becomes an empty row, so row numbers stay the sheet's).
 */
export function worksheetGrid(worksheet: ExcelJS.Worksheet): Cell[][] {
  const grid: Cell[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, number) => {
    while (grid.length < number - 1) grid.push([]);
    const values = row.values as ExcelJS.CellValue[];
    const cells: Cell[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellValue(values[c]));
    grid.push(cells);
  });
  return grid;
}

/** An exceljs cell value → a grid cell. */
function cellValue(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return String(value.error);
  if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
  if ('hyperlink' in value) return cellValue(value.text as ExcelJS.CellValue);
  return null;
}
