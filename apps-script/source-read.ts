/**
 * Reading a source sheet in blocks across server calls, and only the columns its reader uses.
 *
 * The first block is the top of the sheet at full width (INSPECT_ROWS rows: the header search and
 * more): the source's own reader (core/sources) finds the header and the mapping there — the
 * user's sales mapping when the panel sent one — or the run fails now with the reason the whole
 * sheet would give. Below it, each block is one getValues of at most READ_BLOCK_CELLS cells over
 * the columns from A to the last mapped one: the mapped columns, and the columns left of them, where
 * the reader looks for the first non-empty cell of a row (a `Итого` in column A). A row that is
 * empty in all of those may still hold something further right — then the reader calls it a row
 * without a client, not a blank one — so such rows (in runs, one getValues per run, or one for the
 * whole block when there are many runs) are read at full width too. The grids the core gets are
 * therefore, cell for cell, what reading everything would give, except that cells right of the
 * mapped columns in rows that have data there are never read.
 *
 * The end of the table: Sheet.getLastRow counts a row whose only content is a formula showing ""
 * (a helper formula filled down to row 100,000), so rows after the last row in which any cell
 * reads as something are not part of the table and are not handed to the core — 5,000 sales and
 * 95,000 formula rows are 5,000 data rows. An empty row inside the table is still a row, and the
 * core reports it as blank.
 *
 * Example: a sheet of 100,000 rows × 20 columns whose sales mapping is {client: 0, date: 1,
 * amount: 4} → the top 26 rows at 20 columns, then blocks of 40,000 rows × 5 columns (A–E).
 */
import { INSPECT_ROWS, SOURCES, type Cell, type ColumnMapping, type Grid, type PipelineFailure, type SourceKey } from '../core/index.js';
import { readCells, READ_BLOCK_CELLS } from './sheets-port.js';

/** Runs of rows read again at full width, before the whole block is read again instead. */
const MAX_RUNS = 8;

/** Where the reading of one source sheet stands. */
export interface SourceCursor {
  source: SourceKey;
  sheet: string;
  /** Rows and columns with content when the run started. */
  rows: number;
  columns: number;
  /** The next sheet row to read (1-based); past `rows` when the sheet is read. */
  next: number;
  /** Columns read below the top block (A to the last mapped one); 0 until the top is read. */
  span: number;
  /** Pieces of each stored block, in order (the top block first). */
  blocks: number[];
}

/** Why a source's reader cannot use the sheet (worded by failureMessage). */
export type Unusable = Pick<Extract<PipelineFailure, { kind: 'unusable' }>, 'code' | 'missing'>;

export type BlockOutcome = { ok: true; cells: Cell[][] } | { ok: false; failure: Unusable };

export function newCursor(source: SourceKey, sheet: string, size: { rows: number; columns: number }): SourceCursor {
  return { source, sheet, rows: size.rows, columns: size.columns, next: 1, span: 0, blocks: [] };
}

export function isRead(cursor: SourceCursor): boolean {
  return cursor.next > cursor.rows;
}

/** Reads the next block of a source: the top (and its mapping), or the next rows below it. Advances the cursor. */
export function readBlock(cursor: SourceCursor, mapping: ColumnMapping | undefined, toSerial: (date: Date) => number): BlockOutcome {
  if (cursor.next === 1) return readTop(cursor, mapping, toSerial);
  const rows = Math.min(Math.max(1, Math.floor(READ_BLOCK_CELLS / cursor.span)), cursor.rows - cursor.next + 1);
  const block = readCells(cursor.sheet, cursor.next, rows, 1, cursor.span, toSerial);
  if (cursor.columns > cursor.span) readRestOfEmptyRows(cursor, block, toSerial);
  cursor.next += rows;
  return { ok: true, cells: block };
}

function readTop(cursor: SourceCursor, mapping: ColumnMapping | undefined, toSerial: (date: Date) => number): BlockOutcome {
  const rows = Math.min(INSPECT_ROWS, cursor.rows);
  const top = rows > 0 && cursor.columns > 0 ? readCells(cursor.sheet, 1, rows, 1, cursor.columns, toSerial) : [];
  const read = SOURCES[cursor.source].read(top, cursor.source === 'sales' && mapping ? { mapping } : {});
  if (!read.ok) return { ok: false, failure: { code: read.code, missing: read.missing } };
  const columns = Object.values(read.mapping).filter((column): column is number => typeof column === 'number');
  cursor.span = Math.min(cursor.columns, Math.max(1, ...columns.map((column) => column + 1)));
  cursor.next = rows + 1;
  return { ok: true, cells: top };
}

/** Rows of a block empty in every column read: their cells to the right are read too. */
function readRestOfEmptyRows(cursor: SourceCursor, block: Cell[][], toSerial: (date: Date) => number): void {
  const runs: [number, number][] = [];
  block.forEach((row, i) => {
    if (!row.every(isEmpty)) return;
    const last = runs.at(-1);
    if (last && last[1] === i) last[1] = i + 1;
    else runs.push([i, i + 1]);
  });
  if (runs.length === 0) return;
  const wide = runs.length > MAX_RUNS ? [[runs[0][0], runs.at(-1)![1]] as [number, number]] : runs;
  for (const [from, to] of wide) {
    const rest = readCells(cursor.sheet, cursor.next + from, to - from, cursor.span + 1, cursor.columns - cursor.span, toSerial);
    rest.forEach((cells, i) => {
      const row = block[from + i];
      if (row.every(isEmpty)) row.push(...cells);
    });
  }
}

/**
 * A source's grid from its stored blocks, without the rows after the last one in which any cell
 * reads as something.
 */
export function assembleGrid(blocks: readonly Cell[][][]): Grid {
  const grid = blocks.flat();
  let end = grid.length;
  while (end > 0 && grid[end - 1].every(isEmpty)) end--;
  return end === grid.length ? grid : grid.slice(0, end);
}

/** A cell that reads as nothing: empty, or a formula showing "". */
function isEmpty(cell: Cell): boolean {
  return cell === '' || cell === null || cell === undefined;
}
