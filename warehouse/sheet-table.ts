/**
 * A sheet as the in-memory engine reads it, poured into a DuckDB table for `--engine duckdb`: a
 * text file read by the core's own CSV reader (core/read/csv.ts: its encodings — UTF-8, UTF-16,
 * Windows-1251 —, its delimiter, quotes and row numbers, empty lines counted as rows) or a
 * workbook's sheet read by xlsx/read-xlsx.ts. DuckDB's CSV reader and its excel extension are not
 * used: the first skips empty lines, refuses what its sniffer cannot place and reads quotes its own
 * way; the second is a download.
 *
 * The header is found in the first rows as the reader finds it (detect-header.ts); every row below
 * it becomes one row of the table, in sheet order:
 * - `wb_row`: its sheet row; the rows a workbook does not list (no cells) are poured as empty rows,
 *   as the reader counts them blank;
 * - `wb_problem`, `wb_problem_value`: the row's own problem, found by the source (`unclosed-quote`,
 *   `bad-bytes`, `bad-cell`), or `duplicate-row` for a row number listed again; NULL otherwise;
 * - `c0` … one column per column of the header row: each cell as its trimmed text (below), NULL
 *   when empty — the text the reader reads and shows (cell-text.ts);
 * - `c_rest`: the first cell beyond the header's columns that is not blank, or NULL — all the
 *   blank and total checks need to see of the cells beyond the header.
 *
 * A text file's cells are text already. A workbook's typed cells become the text the SQL reads as
 * the reader reads the cell, by the role of its column:
 * - in the date column a number is an Excel serial or YYYYMMDD (parse-date.ts): its ISO day, or
 *   its own digits when it is no date;
 * - in a number column (amount, profit, quantity, price) a number keeps its value in a form
 *   that proves no decimal separator — an integer as it is, a fraction in exponent notation
 *   (12.345 → `12345e-3`) — as a number cell proves none to the reader (read-numbers.ts);
 * - elsewhere a number is its shortest text (17850 → `17850`); a Date is its ISO day and a
 *   boolean `TRUE` / `FALSE` everywhere (cell-text.ts).
 *
 * Example: rows [`Отчёт`], [], [`Client`, `Date`, `Amount`], [17850, 46086, 1234.5] → header at
 * index 2; one table row (wb_row 4, c0 `17850`, c1 `2026-03-05`, c2 `12345e-1`, c_rest NULL).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { formatDay } from '../core/basics/calendar.js';
import { cellText } from '../core/read/cell-text.js';
import { detectHeader, HEADER_SEARCH_ROWS, type Header } from '../core/read/detect-header.js';
import { parseDay } from '../core/read/parse-date.js';
import { SALES_SHEET } from '../core/read/read-sales.js';
import { GridRow, rowCells, tableSource, type SourceRow, type TableSource } from '../core/read/table-source.js';
import type { Cell, Grid, ReadFailure, RowProblem, SalesField } from '../core/read/types.js';
import { NUMBER_FIELDS } from '../core/read/read-numbers.js';

export interface SheetRequest {
  rows: Grid | TableSource;
  /** Numbers in the date column count from 1904 (the workbook's date system). */
  date1904?: boolean;
  /**
   * Every cell is text (a text file): each is poured as its trimmed text, the text every reader of
   * a text file reads (decoded once here: the source's cache of decoded texts is slower for
   * columns of distinct texts, such as document numbers).
   */
  textCells?: boolean;
  headers?: Partial<Record<SalesField, string>>;
}

/** The poured table, as the aggregation reads it. */
export interface PouredSheet {
  found: Header<SalesField>;
  table: string;
  /** The table's cell columns, in sheet order (the header's columns, then `c_rest`). */
  columns: string[];
  /** Each mapped field's column name. */
  mapping: Partial<Record<SalesField, string>>;
}

export const SHEET_TABLE = 'winback_sheet';
export const SHEET_ROW = 'wb_row';
export const SHEET_PROBLEM = { reason: 'wb_problem', value: 'wb_problem_value' } as const;
const REST = 'c_rest';

type Role = 'date' | 'number' | 'text';

interface HeadRow {
  index: number;
  cells: Cell[];
  problem: RowProblem | null;
  problemValue: string;
}

export async function pourSheet(connection: DuckDBConnection, request: SheetRequest): Promise<PouredSheet | { failure: ReadFailure }> {
  const source = tableSource(request.rows);
  const head: HeadRow[] = [];
  let pending = source.next();
  for (; pending && pending.index < HEADER_SEARCH_ROWS; pending = source.next()) {
    head.push({ index: pending.index, cells: rowCells(pending), problem: pending.problem, problemValue: pending.problemValue });
  }
  const grid: Cell[][] = [];
  for (const row of head) {
    while (grid.length < row.index) grid.push([]);
    grid[row.index] = row.cells;
  }
  const found = detectHeader(grid, SALES_SHEET, request.headers ? { headers: request.headers } : {});
  if (!found.ok) {
    if (found.code === 'empty' && hasData(pending, source)) return { failure: { ...found, code: 'no-header' } };
    return { failure: found };
  }

  const width = found.headers.length;
  const columns = [...Array.from({ length: width }, (_, c) => `c${c}`), REST];
  const roles: Role[] = Array.from({ length: width }, () => 'text');
  for (const field of NUMBER_FIELDS) if (found.mapping[field] !== undefined) roles[found.mapping[field]!] = 'number';
  roles[found.mapping.date!] = 'date';
  await connection.run(
    `CREATE TABLE ${SHEET_TABLE} (${SHEET_ROW} INTEGER, ${SHEET_PROBLEM.reason} VARCHAR, ${SHEET_PROBLEM.value} VARCHAR, ${columns.map((c) => `${c} VARCHAR`).join(', ')})`,
  );
  const appender = await connection.createAppender(SHEET_TABLE);
  const date1904 = request.date1904 === true;
  const textCells = request.textCells === true;
  let next = found.headerRow + 1;
  const pour = (row: SourceRow): void => {
    const duplicate = row.index < next;
    for (; next < row.index; next++) {
      appender.appendInteger(next + 1);
      for (let c = 0; c < columns.length + 2; c++) appender.appendNull();
      appender.endRow();
    }
    if (!duplicate) next = row.index + 1;
    appender.appendInteger(row.index + 1);
    const problem = duplicate ? 'duplicate-row' : row.problem;
    appendText(problem);
    appendText(problem ? row.problemValue : null);
    const shown = Math.min(row.width, width);
    if (textCells) for (let c = 0; c < width; c++) appendText(c < shown ? (row.cell(c) as string).trim() : null);
    else for (let c = 0; c < width; c++) appendText(c < shown ? cellAs(row.cell(c), roles[c]!, date1904) : null);
    let rest: string | null = null;
    for (let c = width; c < row.width && rest === null; c++) if (!row.blank(c)) rest = textCells ? (row.cell(c) as string).trim() : cellAs(row.cell(c), 'text', date1904);
    appendText(rest);
    appender.endRow();
  };
  const appendText = (text: string | null): void => {
    if (text === null || text === '') appender.appendNull();
    else appender.appendVarchar(text);
  };
  const headRow = new GridRow();
  for (const row of head) if (row.index > found.headerRow) pour(headRow.reset(row.index, row.cells, row.problem, row.problemValue));
  for (; pending; pending = source.next()) pour(pending);
  appender.closeSync();

  const mapping: Partial<Record<SalesField, string>> = {};
  for (const [field, column] of Object.entries(found.mapping) as [SalesField, number][]) mapping[field] = columns[column]!;
  return { found, table: SHEET_TABLE, columns, mapping };
}

/** True when a row at or after `row` is not blank (read-rows.ts: an empty head over data is no header, not an empty sheet). */
function hasData(row: SourceRow | null, source: TableSource): boolean {
  for (; row; row = source.next()) {
    if (row.problem !== null) return true;
    for (let c = 0; c < row.width; c++) if (!row.blank(c)) return true;
  }
  return false;
}

/** A cell as the text the SQL reads the way the reader reads the cell in a column of this role (see the file comment). */
export function cellAs(cell: Cell, role: Role, date1904: boolean): string | null {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell !== 'number') return cellText(cell);
  if (!Number.isFinite(cell)) return String(cell);
  if (role === 'date') {
    const day = parseDay(cell, { date1904 });
    return day === null ? String(cell) : formatDay(day);
  }
  return role === 'number' ? machineNumber(cell) : String(cell);
}

/** A finite number as text without a decimal separator: `12345e-3` for 12.345, `-7` for −7, `1e+21` as JavaScript writes it. */
export function machineNumber(value: number): string {
  const text = String(value);
  const point = text.indexOf('.');
  if (point < 0 || text.includes('e')) return text;
  return `${text.slice(0, point)}${text.slice(point + 1)}e-${text.length - point - 1}`;
}
