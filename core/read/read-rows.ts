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
import type { RestPlan, TablePart } from './rest-of-file.js';
import type { SalesPart } from './read-sales.js';
import { GridRow, rowCells, tableSource, type SourceRow, type TableSource } from './table-source.js';

/** What a reader knows about the rows it read, for the profile. */
export type ReaderProfile = Partial<Pick<ReadProfile, 'decimals' | 'currencies' | 'dates' | 'twoDigitYears' | 'invisibleNames' | 'lookAlikes'>>;

/** A reader of one kind of sheet, made once the header is known. */
export interface RowReader<R> {
  /** Reads a row that has data and is no subtotal: adds a record or rejects the row. */
  read(row: SourceRow, sheetRow: number): void;
  /** The records, and what the reader learned about them, once every row is read. */
  finish(): { records: R; profile?: ReaderProfile; requests?: RequestLine[] };
  /**
   * A reader that can read a file in two halves (the sales reader: rest-of-file.ts): what it read,
   * unfinished, to be taken in by the reader of the other half.
   */
  part?(): SalesPart;
  /** Takes in the part read elsewhere, its rows moved on by `rowOffset`, before `finish`. */
  absorb?(part: SalesPart, rowOffset: number): void;
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
  const reader = makeReader(found, rejecter(rejected));
  const rows = new RowVisitor(found.headerRow, found.mapping[kind.clientField]!, reader, rejected);
  const headRow = new GridRow();
  for (const row of head) if (row.index > found.headerRow) rows.visit(headRow.reset(row.index, row.cells, row.problem, row.problemValue));
  if (reader.absorb && source.beginRest) source.beginRest({ mapping: found.mapping as RestPlan['mapping'], headers: found.headers, options: options as RestPlan['options'] });
  for (;;) {
    for (; pending; pending = source.next()) rows.visit(pending);
    const rest = source.takeRest?.() ?? null;
    if (rest) {
      reader.absorb!(rest.reader, rows.nextIndex);
      rows.absorb(rest.table);
      break;
    }
    pending = source.next();
    if (!pending) break;
  }

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
    dataRows: rows.lastData - found.headerRow + rows.repeated,
    profile,
  };
  if (done.requests) outcome.requests = done.requests;
  return outcome;
}

/**
 * The rows of a file's rest (rest-of-file.ts) below the header the top of the file found: each row
 * its outcome as readTable gives it, numbered from the rest's first row, and the reader's part.
 */
export function readTablePart<R>(source: TableSource, clientColumn: number, makeReader: (reject: Reject) => RowReader<R>): { table: TablePart; reader: SalesPart } {
  const rejected: RejectedRow[] = [];
  const reader = makeReader(rejecter(rejected));
  const rows = new RowVisitor(-1, clientColumn, reader, rejected);
  for (let row = source.next(); row; row = source.next()) rows.visit(row);
  return { table: { rows: rows.nextIndex, lastData: rows.lastData, repeated: rows.repeated, rejected }, reader: reader.part!() };
}

function rejecter(rejected: RejectedRow[]): Reject {
  return (row, reason, cell) => {
    const value = cell === undefined ? '' : cellShown(cell);
    rejected.push(value ? { row, reason, value } : { row, reason });
  };
}

/** Each row below the header its one outcome, in order (the checks of this file's comment). */
class RowVisitor<R> {
  /** The index the next row should have. */
  nextIndex: number;
  /** The index of the last row that is not blank (the header's while there is none). */
  lastData: number;
  /** Rows that repeated an earlier row number. */
  repeated = 0;
  /** Where the run of blank rows being read started, −1 outside one. */
  private blankFrom = -1;

  constructor(
    headerRow: number,
    private readonly clientColumn: number,
    private readonly reader: RowReader<R>,
    private readonly rejected: RejectedRow[],
  ) {
    this.nextIndex = headerRow + 1;
    this.lastData = headerRow;
  }

  visit(row: SourceRow): void {
    if (row.index < this.nextIndex) {
      this.repeated++;
      this.rejected.push({ row: row.index + 1, reason: 'duplicate-row' });
      return;
    }
    if (row.index > this.nextIndex && this.blankFrom < 0) this.blankFrom = this.nextIndex;
    this.nextIndex = row.index + 1;
    if (row.problem === null && isBlankRow(row)) {
      if (this.blankFrom < 0) this.blankFrom = row.index;
      return;
    }
    if (this.blankFrom >= 0) {
      this.rejected.push(blankRun(this.blankFrom, row.index - 1));
      this.blankFrom = -1;
    }
    this.lastData = row.index;
    const sheetRow = row.index + 1;
    if (row.problem !== null) this.rejected.push(row.problemValue ? { row: sheetRow, reason: row.problem, value: row.problemValue } : { row: sheetRow, reason: row.problem });
    else if (isSubtotalRow(row, this.clientColumn)) this.rejected.push({ row: sheetRow, reason: 'subtotal' });
    else this.reader.read(row, sheetRow);
  }

  /**
   * The rows of the rest (read elsewhere, numbered from 0) as the rows after these: their rejected
   * rows moved on, a blank run this half ended in joined to one the rest starts with. A rest with
   * no data is blank to the end of the file: nothing to add.
   */
  absorb(part: TablePart): void {
    const offset = this.nextIndex;
    this.nextIndex = offset + part.rows;
    this.repeated += part.repeated;
    if (part.lastData < 0) return;
    let first = 0;
    if (this.blankFrom >= 0) {
      const head = part.rejected[0];
      const joined = head !== undefined && head.reason === 'blank' && head.row === 1;
      this.rejected.push(blankRun(this.blankFrom, joined ? offset + (head.toRow ?? head.row) - 1 : offset - 1));
      if (joined) first = 1;
      this.blankFrom = -1;
    }
    for (let k = first; k < part.rejected.length; k++) {
      const row = part.rejected[k]!;
      row.row += offset;
      if (row.toRow !== undefined) row.toRow += offset;
      this.rejected.push(row);
    }
    this.lastData = offset + part.lastData;
  }
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
