/**
 * The part every reader shares: find the header, then give every row below it exactly one outcome.
 *
 * Rows are checked in this order, and the first failing check is the row's reason:
 * 1. `blank` — every cell empty or whitespace;
 * 2. `subtotal` — the client cell or the first non-empty cell is a total word (total-words.ts);
 * 3. the reader's own checks (`no-client`, `bad-date`, `bad-amount`, `bad-answered`), in the
 *    reader's order; a row that passes them is a record.
 *
 * Row numbers are 1-based sheet rows: grid row index + 1. Rows above the header are not data.
 * `dataRows` = rows below the header = records (+ requests) + rejected.
 */
import type { Cell, ColumnMapping, Grid, ReadOptions, ReadOutcome, RejectReason, RejectedRow } from './types.js';
import { cellShown, cellText, isBlankRow } from './cell-text.js';
import { detectHeader, type SheetKind } from './detect-header.js';
import { parseDay, type DateOptions } from './parse-date.js';
import { isSubtotalRow } from './total-words.js';

/** Reads one non-blank, non-subtotal row: pushes a record or a rejection. */
export type RowReader = (row: readonly Cell[], sheetRow: number) => void;

/** Where a row reader puts what it reads. */
export interface RowSink<T> {
  records: T[];
  rejected: RejectedRow[];
}

const NO_CELLS: readonly Cell[] = [];

/**
 * Detect the header, then read every row below it. `makeReader` is called once with the mapping
 * (so the per-row closure holds plain column numbers).
 */
export function readTable<T, F extends string>(
  grid: Grid,
  kind: SheetKind<F>,
  options: ReadOptions<F>,
  makeReader: (mapping: ColumnMapping<F>, sink: RowSink<T>) => RowReader,
): ReadOutcome<T, F> {
  const found = detectHeader(grid, kind, options);
  if (!found.ok) return found;
  const sink: RowSink<T> = { records: [], rejected: [] };
  const readRow = makeReader(found.mapping, sink);
  const clientColumn = found.mapping[kind.clientField]!;
  for (let r = found.headerRow + 1; r < grid.length; r++) {
    const row = grid[r] ?? NO_CELLS;
    const sheetRow = r + 1;
    if (isBlankRow(row)) sink.rejected.push({ row: sheetRow, reason: 'blank' });
    else if (isSubtotalRow(row, clientColumn)) sink.rejected.push({ row: sheetRow, reason: 'subtotal' });
    else readRow(row, sheetRow);
  }
  return {
    ok: true,
    records: sink.records,
    rejected: sink.rejected,
    headerRow: found.headerRow,
    mapping: found.mapping,
    headers: found.headers,
    dataRows: Math.max(0, grid.length - found.headerRow - 1),
  };
}

/** Record a rejected row; `cell` is the offending cell, shown as its text when it has one. */
export function reject(sink: RowSink<unknown>, row: number, reason: RejectReason, cell?: Cell): void {
  const value = cell === undefined ? '' : cellShown(cell);
  sink.rejected.push(value ? { row, reason, value } : { row, reason });
}

/** The text of an optional column, or undefined when unmapped or empty. */
export function optionalText(row: readonly Cell[], column: number | undefined): string | undefined {
  if (column === undefined) return undefined;
  const text = cellText(row[column]);
  return text ? text : undefined;
}

/**
 * The client and the day of a row, the first two checks of every reader: an empty client is
 * `no-client`, an unreadable date `bad-date` (with the cell text); null when the row was rejected.
 */
export function clientAndDay(
  sink: RowSink<unknown>,
  row: readonly Cell[],
  sheetRow: number,
  columns: { client: number; date: number },
  dateOptions: DateOptions,
): { client: string; day: number } | null {
  const client = cellText(row[columns.client]);
  if (!client) {
    reject(sink, sheetRow, 'no-client');
    return null;
  }
  const day = parseDay(row[columns.date], dateOptions);
  if (day === null) {
    reject(sink, sheetRow, 'bad-date', row[columns.date]);
    return null;
  }
  return { client, day };
}

/** The date options of the read options, made once per read. */
export function dateOptionsOf(options: ReadOptions<string>): DateOptions {
  return { slashDates: options.slashDates, date1904: options.date1904 };
}
