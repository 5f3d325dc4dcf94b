/**
 * Where a SheetSpec's parts go on an Excel worksheet, and what each cell holds — pure, so the
 * layout is tested without Excel. The writer (excel-write.ts) only replays it.
 *
 * Layout, top to bottom in column A onwards: one row per note, a blank row, then each table as
 * [title row] + header row + data rows, tables separated by a blank row. Charts sit to the right
 * of the widest table, one under another.
 *
 * Cells: every string is written with the Text number format (`@`), so a client called
 * `=HYPERLINK("x")`, `+7 Строй`, `-5` or `@x` stays text and never becomes a formula or a number;
 * numbers get their column's format; `date` numbers (day numbers) become Excel serials of the
 * workbook's date system; empty cells are written as "" (Excel's "clear").
 *
 * Worked example: notes ["As of 2026-03-31"] and one table with 2 rows → note at row 0, header
 * at row 2, data at rows 3–4; frozen rows 3 when the spec freezes its header.
 */
import { NUMBER_FORMATS, type CellFormat, type ChartSpec, type SheetSpec, type SpecValue, type TableSpec } from '../core/index.js';

export { NUMBER_FORMATS };
import { serialForWorkbook } from './date-system.js';

export const TEXT_FORMAT = NUMBER_FORMATS.text;

/** A rectangle of cells to write, each with its number format. */
export interface CellBlock {
  row: number;
  column: number;
  values: (string | number)[][];
  formats: string[][];
  /** Titles and the headers of plain blocks are bold (native tables style their own header). */
  boldFirstRow: boolean;
}

export interface PlacedTable {
  spec: TableSpec;
  /** 0-based sheet row of the header; data rows follow it. */
  headerRow: number;
}

export interface PlacedChart {
  spec: ChartSpec;
  table: PlacedTable;
  categoryColumn: number;
  seriesColumns: number[];
  /** A1 addresses of the cells the chart covers. */
  from: string;
  to: string;
}

export interface SheetLayout {
  blocks: CellBlock[];
  tables: PlacedTable[];
  charts: PlacedChart[];
  /** Rows to freeze (through the first table's header), 0 for none. */
  frozenRows: number;
  /** Width in characters of each sheet column: the widest column spec placed there. */
  columnWidths: number[];
}

const CHART_ROWS = 18;
const CHART_COLUMNS = 8;

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A1 address of a 0-based row and column. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** Tables written as native Excel tables; an empty table stays a plain block (a table needs a data row). */
export function isNativeTable(table: TableSpec): boolean {
  return table.asTable && table.rows.length > 0;
}

/** The value and number format written for one cell. */
export function excelCell(value: SpecValue | undefined, format: CellFormat, date1904: boolean): { value: string | number; format: string } {
  if (typeof value === 'string') return { value, format: TEXT_FORMAT };
  if (typeof value !== 'number' || !Number.isFinite(value)) return { value: '', format: NUMBER_FORMATS[format] };
  return { value: format === 'date' ? serialForWorkbook(value, date1904) : value, format: NUMBER_FORMATS[format] };
}

function textBlock(row: number, lines: readonly string[], boldFirstRow: boolean): CellBlock {
  return { row, column: 0, values: lines.map((line) => [line]), formats: lines.map(() => [TEXT_FORMAT]), boldFirstRow };
}

function tableBlock(row: number, table: TableSpec, date1904: boolean): CellBlock {
  const header = table.columns.map((c) => c.header);
  const cells = table.rows.map((values) => table.columns.map((column, i) => excelCell(values[i], column.format, date1904)));
  return {
    row,
    column: 0,
    values: [header, ...cells.map((row) => row.map((c) => c.value))],
    formats: [header.map(() => TEXT_FORMAT), ...cells.map((row) => row.map((c) => c.format))],
    boldFirstRow: !isNativeTable(table),
  };
}

function placeChart(spec: ChartSpec, tables: readonly PlacedTable[], index: number, left: number, top: number): PlacedChart {
  const table = tables.find((t) => t.spec.id === spec.table);
  if (!table) throw new Error(`chart "${spec.title}" refers to a table "${spec.table}" that the sheet does not have`);
  const column = (key: string): number => {
    const found = table.spec.columns.findIndex((c) => c.key === key);
    if (found < 0) throw new Error(`chart "${spec.title}" refers to a column "${key}" that table "${spec.table}" does not have`);
    return found;
  };
  const row = top + index * (CHART_ROWS + 1);
  return {
    spec,
    table,
    categoryColumn: column(spec.categories),
    seriesColumns: spec.series.map(column),
    from: cellAddress(row, left),
    to: cellAddress(row + CHART_ROWS - 1, left + CHART_COLUMNS - 1),
  };
}

function widths(tables: readonly TableSpec[]): number[] {
  const result: number[] = [];
  for (const table of tables) table.columns.forEach((c, i) => (result[i] = Math.max(result[i] ?? 0, c.width)));
  return result;
}

/** The layout of one report tab. `date1904`: the workbook counts dates from 1904. */
export function layoutSheet(spec: SheetSpec, date1904: boolean): SheetLayout {
  const blocks: CellBlock[] = [];
  const tables: PlacedTable[] = [];
  let row = 0;
  if (spec.notes.length > 0) {
    blocks.push(textBlock(0, spec.notes, false));
    row = spec.notes.length + 1;
  }
  for (const table of spec.tables) {
    if (table.title !== undefined) blocks.push(textBlock(row++, [table.title], true));
    blocks.push(tableBlock(row, table, date1904));
    tables.push({ spec: table, headerRow: row });
    row += table.rows.length + 2;
  }
  const columnWidths = widths(spec.tables);
  const chartTop = tables[0]?.headerRow ?? 0;
  const charts = spec.charts.map((chart, i) => placeChart(chart, tables, i, columnWidths.length + 1, chartTop));
  const frozenRows = spec.freezeHeader && tables.length > 0 ? tables[0].headerRow + 1 : 0;
  return { blocks, tables, charts, frozenRows, columnWidths };
}
