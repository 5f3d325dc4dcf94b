/**
 * The part every reader shares: find the header, then give every data row exactly one outcome.
 *
 * The header is searched in the first rows (detect-header.ts); rows above it are titles, not data.
 * Below it, rows are checked in this order, and the first failing check is the row's reason:
 * 1. the row's own problem, found by its source (`unclosed-quote`, `bad-bytes`, `bad-cell`), or a
 *    row number the sheet already listed (`duplicate-row`: an xlsx sheet repeating `<row r="3">`,
 *    or going back; the first copy is read, every later one rejected);
 * 2. `blank` — every cell empty, whitespace or invisible characters. A run of blank rows is one
 *    entry, `{row, toRow}`; blank rows after the last non-blank row are not data at all;
 * 3. `subtotal` — the client cell or the first non-empty cell is a total word (total-words.ts);
 * 4. the reader's own checks (`no-client`, `bad-date`, `bad-amount`, `bad-answered`), in the
 *    reader's order; a row that passes them is a record.
 *
 * Row numbers are 1-based sheet rows: row index + 1. `dataRows` counts the rows from the one below
 * the header to the last non-blank row, plus repeated copies: records (+ requests) + rejected rows,
 * a blank run counting every row it stands for. Nothing is kept per blank row, so a sheet with one
 * value in A1048576 or a file of a million empty lines costs no memory.
 */
import type { Cell, Grid, ReadOptions, ReadOutcome, ReadProfile, RejectReason, RejectedRow, RequestLine } from './types.js';
import { cellShown, visibleText } from './cell-text.js';
import { detectHeader, HEADER_SEARCH_ROWS, type Header, type SheetKind } from './detect-header.js';
import { columnChoices } from './header-words.js';
import type { DateOptions } from './parse-date.js';
import { GridRow, rowCells, tableSource, type SourceRow, type TableSource } from './table-source.js';

/** What a reader knows about the rows it read, for the profile. */
export type ReaderProfile = Partial<Pick<ReadProfile, 'decimals' | 'currencies' | 'dates' | 'twoDigitYears' | 'invisibleNames' | 'lookAlikes'>>;

/** A reader of one kind of sheet, made once the header is known. */
export interface RowReader<R> {
  /** Reads a row that has data and is no subtotal: adds a record or rejects the row. */
  read(row: SourceRow, sheetRow: number): void;
  /** The records, and what the reader learned about them, once every row is read. */
  finish(): { records: R; profile?: ReaderProfile; requests?: RequestLine[] };
}

/** Where a reader rejects a row; `cell` is the offending cell, shown as its text when it has one. */
export type Reject = (row: number, reason: RejectReason, cell?: Cell) => void;

interface HeadRow {
  index: number;
  cells: Cell[];
  problem: SourceRow['problem'];
  problemValue: string;
}

/**
 * Detect the header, then read every row below it. `makeReader` is called once with the header
 * (so the per-row code holds plain column numbers).
 */
export function readTable<R, F extends string>(
  input: Grid | TableSource,
  kind: SheetKind<F>,
  options: ReadOptions<F>,
  makeReader: (found: Header<F>, reject: Reject) => RowReader<R>,
): ReadOutcome<R, F> {
  const source = tableSource(input);
  const headLimit = Math.max(HEADER_SEARCH_ROWS, (options.headerRow ?? -1) + 1);
  const head: HeadRow[] = [];
  let pending: SourceRow | null = source.next();
  for (; pending && pending.index < headLimit; pending = source.next()) {
    head.push({ index: pending.index, cells: rowCells(pending), problem: pending.problem, problemValue: pending.problemValue });
  }
  const headGrid: Cell[][] = [];
  for (const row of head) {
    while (headGrid.length < row.index) headGrid.push([]);
    headGrid[row.index] = row.cells;
  }
  const found = detectHeader(headGrid, kind, options);
  if (!found.ok) {
    if (found.code === 'empty' && hasData(pending, source)) return { ...found, code: 'no-header' };
    return found;
  }

  const rejected: RejectedRow[] = [];
  const reject: Reject = (row, reason, cell) => {
    const value = cell === undefined ? '' : cellShown(cell);
    rejected.push(value ? { row, reason, value } : { row, reason });
  };
  const reader = makeReader(found, reject);
  const clientColumn = found.mapping[kind.clientField]!;
  let nextIndex = found.headerRow + 1;
  let blankFrom = -1;
  let lastData = found.headerRow;
  let repeated = 0;
  const visit = (row: SourceRow): void => {
    if (row.index < nextIndex) {
      repeated++;
      rejected.push({ row: row.index + 1, reason: 'duplicate-row' });
      return;
    }
    if (row.index > nextIndex && blankFrom < 0) blankFrom = nextIndex;
    nextIndex = row.index + 1;
    if (row.problem === null && isBlankRow(row)) {
      if (blankFrom < 0) blankFrom = row.index;
      return;
    }
    if (blankFrom >= 0) {
      rejected.push(blankRun(blankFrom, row.index - 1));
      blankFrom = -1;
    }
    lastData = row.index;
    const sheetRow = row.index + 1;
    if (row.problem !== null) rejected.push(row.problemValue ? { row: sheetRow, reason: row.problem, value: row.problemValue } : { row: sheetRow, reason: row.problem });
    else if (isSubtotalRow(row, clientColumn)) rejected.push({ row: sheetRow, reason: 'subtotal' });
    else reader.read(row, sheetRow);
  };
  const headRow = new GridRow();
  for (const row of head) if (row.index > found.headerRow) visit(headRow.reset(row.index, row.cells, row.problem, row.problemValue));
  for (; pending; pending = source.next()) visit(pending);

  const done = reader.finish();
  const profile: ReadProfile = {
    ...(source.fileProfile ? { file: source.fileProfile() } : {}),
    headerRow: found.headerRow + 1,
    columns: columnChoices(found.headers, kind.words, found.mapping),
    decimals: done.profile?.decimals ?? [],
    currencies: done.profile?.currencies ?? [],
    dates: done.profile?.dates ?? null,
    twoDigitYears: done.profile?.twoDigitYears ?? 0,
    invisibleNames: done.profile?.invisibleNames ?? 0,
    lookAlikes: done.profile?.lookAlikes ?? [],
  };
  const outcome: ReadOutcome<R, F> = {
    ok: true,
    records: done.records,
    rejected,
    headerRow: found.headerRow,
    mapping: found.mapping,
    headers: found.headers,
    dataRows: lastData - found.headerRow + repeated,
    profile,
  };
  if (done.requests) outcome.requests = done.requests;
  return outcome;
}

/** True when a row at or after `row` has a non-blank cell (the rest of the source is walked, nothing kept). */
function hasData(row: SourceRow | null, source: TableSource): boolean {
  for (; row; row = source.next()) if (row.problem !== null || !isBlankRow(row)) return true;
  return false;
}

function blankRun(from: number, to: number): RejectedRow {
  return to > from ? { row: from + 1, toRow: to + 1, reason: 'blank' } : { row: from + 1, reason: 'blank' };
}

/** True when every cell of the row is blank. */
function isBlankRow(row: SourceRow): boolean {
  for (let c = 0; c < row.width; c++) if (!row.blank(c)) return false;
  return true;
}

/** True when the client cell, or the first non-empty cell of the row, is a total word. */
function isSubtotalRow(row: SourceRow, clientColumn: number): boolean {
  if (row.total(clientColumn)) return true;
  for (let c = 0; c < row.width; c++) {
    if (row.blank(c)) continue;
    return c !== clientColumn && row.total(c);
  }
  return false;
}

/** The date options of the read options, made once per read. */
export function dateOptionsOf(options: ReadOptions<string>): DateOptions {
  return { slashDates: options.slashDates, date1904: options.date1904 };
}

/** The name in an optional column, or undefined when unmapped or empty. */
export function optionalName(row: SourceRow, column: number | undefined): string | undefined {
  if (column === undefined) return undefined;
  const name = visibleText(row.text(column));
  return name ? name : undefined;
}

/**
 * The client and the day of a row, the first two checks of every companion reader: an empty
 * client is `no-client`, an unreadable date `bad-date` (with the cell text); null when rejected.
 */
export function clientAndDay(
  row: SourceRow,
  sheetRow: number,
  columns: { client: number; date: number },
  dateOptions: DateOptions,
  reject: Reject,
): { client: string; day: number } | null {
  const client = visibleText(row.text(columns.client));
  if (!client) {
    reject(sheetRow, 'no-client');
    return null;
  }
  const day = row.day(columns.date, dateOptions);
  if (day === null) {
    reject(sheetRow, 'bad-date', row.cell(columns.date));
    return null;
  }
  return { client, day };
}
