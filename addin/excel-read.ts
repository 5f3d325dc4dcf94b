/**
 * Reading a worksheet's used range through the Excel API, in row blocks that keep every
 * response under Excel's 5 MB limit, one `sync` per block.
 *
 * The first request loads the used range's position and size and evaluates DATE(1904,1,1) to
 * learn the date system. Then blocks: the first is sized by a guess of 100 bytes a cell; after
 * each block the largest bytes-per-row seen so far sizes the next one to about 4 MB. A block that
 * Excel still refuses as too large is retried at half the rows. In a 1904 workbook each block also
 * loads `numberFormat`, and date cells are moved to the 1900 system (date-system.ts).
 *
 * The grid starts at A1 (row 0 = sheet row 1): rows above and columns left of the used range are
 * filled with empty strings, as Excel reports empty cells.
 *
 * Worked example: 1,000,000 rows × 8 columns at ~100 bytes a row (100 MB in all) → 1 metadata
 * request, a first block of 5,000 rows, then about 25 blocks of ~40,000 rows.
 */
import type { Cell } from '../core/index.js';
import type { ExcelContext, ExcelWorksheet } from './excel-api.js';
import { is1904System, to1900Serials } from './date-system.js';
import { isPayloadTooLarge, jsonBytes, rowsForBudget } from './payload.js';

/** The guess that sizes the first block, before any row has been measured. */
const FIRST_GUESS_BYTES_PER_CELL = 100;

interface Area {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** Reads the sheet called `sheetName`; `onProgress(done, total)` counts rows of the used range. */
export async function readUsedRange(
  context: ExcelContext,
  sheetName: string,
  onProgress?: (done: number, total: number) => void,
): Promise<Cell[][]> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
  const date1904Probe = context.workbook.functions.date(1904, 1, 1);
  date1904Probe.load('value');
  await context.sync();
  if (used.isNullObject) return [];
  const area: Area = { row: used.rowIndex, column: used.columnIndex, rows: used.rowCount, columns: used.columnCount };
  const rows = await readBlocks(context, sheet, area, is1904System(date1904Probe.value), onProgress);
  return fromA1(rows, area);
}

async function readBlocks(
  context: ExcelContext,
  sheet: ExcelWorksheet,
  area: Area,
  date1904: boolean,
  onProgress?: (done: number, total: number) => void,
): Promise<Cell[][]> {
  const rows: Cell[][] = [];
  let blockRows = rowsForBudget(area.columns * FIRST_GUESS_BYTES_PER_CELL);
  let bytesPerRow = 0;
  while (rows.length < area.rows) {
    const count = Math.min(blockRows, area.rows - rows.length);
    let block: { cells: Cell[][]; bytes: number };
    try {
      block = await readBlock(context, sheet, area, rows.length, count, date1904);
    } catch (error) {
      if (!isPayloadTooLarge(error) || count === 1) throw error;
      blockRows = Math.ceil(count / 2);
      continue;
    }
    for (const row of block.cells) rows.push(row);
    bytesPerRow = Math.max(bytesPerRow, block.bytes / count);
    blockRows = rowsForBudget(bytesPerRow);
    onProgress?.(rows.length, area.rows);
  }
  return rows;
}

async function readBlock(
  context: ExcelContext,
  sheet: ExcelWorksheet,
  area: Area,
  start: number,
  count: number,
  date1904: boolean,
): Promise<{ cells: Cell[][]; bytes: number }> {
  const range = sheet.getRangeByIndexes(area.row + start, area.column, count, area.columns);
  range.load(date1904 ? ['values', 'numberFormat'] : ['values']);
  await context.sync();
  // Excel's values are strings, numbers and booleans (errors arrive as text such as "#N/A").
  const values = range.values as Cell[][];
  if (!date1904) return { cells: values, bytes: jsonBytes(values) };
  return { cells: to1900Serials(values, range.numberFormat), bytes: jsonBytes(values) + jsonBytes(range.numberFormat) };
}

/** The used range placed at A1: empty rows above it, empty cells left of it. */
function fromA1(rows: Cell[][], area: Area): Cell[][] {
  const width = area.column + area.columns;
  const above = Array.from({ length: area.row }, () => new Array<Cell>(width).fill(''));
  if (area.column === 0) return above.length === 0 ? rows : [...above, ...rows];
  const left = new Array<Cell>(area.column).fill('');
  return [...above, ...rows.map((row) => [...left, ...row])];
}
