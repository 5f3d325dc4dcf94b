/**
 * Reading a worksheet's table through the Excel API, in row blocks that keep every response under
 * Excel's 5 MB limit, one `sync` per block.
 *
 * A stray cell far from the data (something typed in XFD1, or in row 1,048,576) makes the used
 * range enormous, so the port reads the head of the sheet first and decides from it which columns
 * are the table's (table-extent.ts), then asks Excel for the used range of those columns alone and
 * reads only its rows:
 * 1. one request: the used range's position and size (values only), and DATE(1904,1,1) for the
 *    date system;
 * 2. the head: the first `HEAD_ROWS` rows of the used range, its first 256 columns (doubled
 *    while the table reaches the edge of what was read);
 * 3. when the table is narrower than the used range: the used range of the table's columns, whose
 *    last row ends the table;
 * 4. the remaining rows of the table, in blocks.
 * Blocks are sized by the port's payload estimate (payload.ts): the first by a guess of 100 bytes a
 * cell, the next by the largest bytes-per-row seen so far. A block Excel still refuses as too large
 * teaches the estimate and is read again smaller. In a 1904 workbook each block also loads
 * `numberFormat`, and date cells are moved to the 1900 system (date-system.ts).
 *
 * The grid starts at A1 (row 0 = sheet row 1): rows above and columns left of the table are
 * filled with empty strings, as Excel reports empty cells.
 *
 * Worked example: 1,000,000 rows × 8 columns at ~100 bytes a row (100 MB in all) → 1 metadata
 * request, a head of 36 rows, then about 25–35 blocks of 30,000–40,000 rows (the estimate learns
 * from Excel's first refusal).
 */
import { INSPECT_ROWS, type Cell } from '../core/index.js';
import type { ExcelContext, ExcelWorksheet } from './excel-api.js';
import { is1904System, to1900Serials } from './date-system.js';
import { blockBytes, isPayloadTooLarge, type PayloadEstimate } from './payload.js';
import { MAX_BLANK_COLUMNS, tableColumns } from './table-extent.js';

/** The guess that sizes the first block, before any row has been measured. */
const FIRST_GUESS_BYTES_PER_CELL = 100;
/** Rows read before the table's columns are decided: the core's header search and preview. */
export const HEAD_ROWS = INSPECT_ROWS;
/** Columns of the head read at first; more (doubling) only while the table reaches their edge. */
const HEAD_COLUMNS = 256;

interface Area {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** A sheet's table as far as it has been read. */
export interface TableHead {
  sheet: ExcelWorksheet;
  /** The table's rows and columns on the sheet. */
  area: Area;
  /** Its first rows (up to HEAD_ROWS), as rows of the table's cells. */
  head: Cell[][];
  date1904: boolean;
}

/** What reading needs besides the context: the payload estimate, and where progress goes. */
export interface ReadOptions {
  payload: PayloadEstimate;
  onProgress?: (done: number, total: number) => void;
}

/** The head of the sheet called `sheetName` and the extent of its table, or null when the sheet is empty. */
export async function readHead(context: ExcelContext, sheetName: string, options: ReadOptions): Promise<TableHead | null> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
  const date1904Probe = context.workbook.functions.date(1904, 1, 1);
  date1904Probe.load('value');
  await context.sync();
  if (used.isNullObject) return null;
  const date1904 = is1904System(date1904Probe.value);
  const usedArea: Area = { row: used.rowIndex, column: used.columnIndex, rows: used.rowCount, columns: used.columnCount };
  let headArea = { ...usedArea, rows: Math.min(HEAD_ROWS, usedArea.rows), columns: Math.min(HEAD_COLUMNS, usedArea.columns) };
  let wide = await readRows(context, sheet, headArea, date1904, options.payload);
  let { first, count } = tableColumns(wide);
  while (first + count + MAX_BLANK_COLUMNS >= headArea.columns && headArea.columns < usedArea.columns) {
    headArea = { ...headArea, columns: Math.min(headArea.columns * 2, usedArea.columns) };
    wide = await readRows(context, sheet, headArea, date1904, options.payload);
    ({ first, count } = tableColumns(wide));
  }
  const area: Area = { row: usedArea.row, column: usedArea.column + first, rows: usedArea.rows, columns: count };
  if (count < usedArea.columns) area.rows = (await lastRowOf(context, sheet, area)) - area.row + 1;
  return { sheet, area, head: wide.slice(0, area.rows).map((row) => row.slice(first, first + count)), date1904 };
}

/** The whole table of the sheet as a grid from A1; `onProgress(done, total)` counts the table's rows. */
export async function readTable(context: ExcelContext, sheetName: string, options: ReadOptions): Promise<Cell[][]> {
  const grid: Cell[][] = [];
  await streamTable(context, sheetName, options, (rows) => {
    for (const row of rows) grid.push(row);
  });
  return grid;
}

/**
 * The table of the sheet as `readTable` gives it, handed to `sink` block by block as Excel sends
 * them (the rows above the table first), so a caller can pass them on without holding the sheet;
 * the next block is asked for once the sink is done with one.
 */
export async function streamTable(
  context: ExcelContext,
  sheetName: string,
  options: ReadOptions,
  sink: (rows: Cell[][]) => void | Promise<void>,
): Promise<void> {
  const table = await readHead(context, sheetName, options);
  if (!table) return;
  const { sheet, area, head, date1904 } = table;
  const place = placer(area);
  if (area.row > 0) await sink(Array.from({ length: area.row }, () => new Array<Cell>(area.column + area.columns).fill('')));
  await sink(head.map(place));
  options.onProgress?.(head.length, area.rows);
  const rest = { ...area, row: area.row + head.length, rows: area.rows - head.length };
  if (rest.rows === 0) return;
  let done = head.length;
  await readBlocks(context, sheet, rest, date1904, options.payload, async (rows) => {
    await sink(rows.map(place));
    done += rows.length;
    options.onProgress?.(done, area.rows);
  });
}

/** The head of the table as a grid from A1, and the number of sheet rows the table reaches. */
export function headGrid(table: TableHead): { grid: Cell[][]; rows: number } {
  return { grid: fromA1(table.head, table.area), rows: table.area.row + table.area.rows };
}

/** The last row holding a value within the table's columns (the used range of those columns alone). */
async function lastRowOf(context: ExcelContext, sheet: ExcelWorksheet, area: Area): Promise<number> {
  const used = sheet.getRangeByIndexes(area.row, area.column, area.rows, area.columns).getUsedRangeOrNullObject(true);
  used.load(['rowIndex', 'rowCount']);
  await context.sync();
  return used.isNullObject ? area.row : used.rowIndex + used.rowCount - 1;
}

/** The rows of an area, read in blocks. */
async function readRows(context: ExcelContext, sheet: ExcelWorksheet, area: Area, date1904: boolean, payload: PayloadEstimate): Promise<Cell[][]> {
  const rows: Cell[][] = [];
  await readBlocks(context, sheet, area, date1904, payload, (block) => {
    for (const row of block) rows.push(row);
  });
  return rows;
}

/** Reads an area in blocks sized by the payload estimate, handing each block to `onBlock`. */
async function readBlocks(
  context: ExcelContext,
  sheet: ExcelWorksheet,
  area: Area,
  date1904: boolean,
  payload: PayloadEstimate,
  onBlock: (rows: Cell[][]) => void | Promise<void>,
): Promise<void> {
  let read = 0;
  let bytesPerRow = area.columns * FIRST_GUESS_BYTES_PER_CELL;
  let measured = false;
  while (read < area.rows) {
    const count = Math.min(payload.rowsFor(bytesPerRow), area.rows - read);
    let block: { cells: Cell[][]; bytes: number };
    try {
      block = await readBlock(context, sheet, area, read, count, date1904);
    } catch (error) {
      if (!isPayloadTooLarge(error) || count === 1) throw error;
      payload.refused(count * bytesPerRow);
      continue;
    }
    read += count;
    bytesPerRow = measured ? Math.max(bytesPerRow, block.bytes / count) : block.bytes / count;
    measured = true;
    await onBlock(block.cells);
  }
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
  if (!date1904) return { cells: values, bytes: blockBytes(values) };
  return { cells: to1900Serials(values, range.numberFormat), bytes: blockBytes(values) + blockBytes(range.numberFormat) };
}

/** Rows of the table moved right of the empty columns left of it, so row 0 column 0 is A1. */
function placer(area: Area): (row: Cell[]) => Cell[] {
  if (area.column === 0) return (row) => row;
  const left = new Array<Cell>(area.column).fill('');
  return (row) => [...left, ...row];
}

/** The table's rows placed at A1: empty rows above them, empty cells left of them. */
function fromA1(rows: Cell[][], area: Area): Cell[][] {
  const above = Array.from({ length: area.row }, () => new Array<Cell>(area.column + area.columns).fill(''));
  return [...above, ...rows.map(placer(area))];
}
