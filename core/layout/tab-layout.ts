/**
 * Where every part of a report tab lands — decided once, host-neutral, so the Excel port, the
 * Google Sheets port, the xlsx writer and the playground only replay it (DESIGN "a host never
 * decides layout"). Rows and columns are 0-based.
 *
 * Top to bottom in column A onwards: the notes, one per row; a blank row; then each table as its
 * title row (when the title is not empty), its header row, its data rows and its link line (when
 * it links to another tab), followed by a blank row. A tab whose spec puts its notes below
 * (`notesBelow`, the long lists) has only its lead line above the first table, with no blank row
 * between, and its notes one per row after the last table's blank row; with no table its notes stay
 * on top. Charts sit right of the widest table with one empty column between, CHART_ROWS × CHART_COLUMNS
 * each, stacked with CHART_GAP_ROWS empty rows between them, the first level with the first
 * table's header.
 *
 * Frozen rows: a tab that asks for it (a long list) freezes through its first table's header row
 * when that row is one of the top MAX_FROZEN_ROWS — the header alone, or the header under a title,
 * a single note or the lead line — and freezes nothing when more stands above it: the notes would
 * stay on screen for good, and on a laptop with the task pane open 8 frozen rows leave the list a
 * handful of rows. The long lists put their notes below so that their header freezes
 * (docs/analytics.md, "Frozen rows").
 *
 * Printing, the same on every tab: landscape, as many pages as it takes down but one page wide;
 * a long list repeats its header row at the top of every page, frozen or not.
 *
 * Widths, in characters: each column as wide as the widest of its tables asks, widened so a header
 * word fits (bold letters run about 15 % wider; a native table's filter button takes 3 more) and
 * so the widest number shows in its format without ####, at most 80.
 *
 * Worked example: notes ["As of 2026-03-31"] and one table titled "Clients per cell" with 2 rows
 * and 4 columns → note row 0, blank row 1, title row 2, header row 3, data rows 4–5; 6 rows × 4
 * columns of cells; a chart at row 3, column 5; no frozen rows (the header is the 4th row), and the
 * header row 3 repeated on printed pages when the tab is a long list. Without the note the title
 * is row 0 and the header row 1: frozen rows 2. A long list of 600 clients, untitled, with notes
 * ["As of 2026-03-31.", "One row per client."] below and the lead "As of 2026-03-31 · notes under
 * the list ↓" → lead row 0, header row 1, data rows 2–601, blank row 602, notes rows 603–604;
 * frozen rows 2; row 1 repeated on printed pages.
 */
import type { CellFormat, ChartSpec, SheetSpec, TableSpec } from '../report/spec.js';
import { fitted, NUMBER_FORMATS, sheetCell, TEXT_FORMAT, type NumberFormats, type SheetCell } from './cells.js';
import type { Day } from '../basics/calendar.js';

export const CHART_ROWS = 18;
export const CHART_COLUMNS = 8;
export const CHART_GAP_ROWS = 2;
export const MAX_COLUMN_WIDTH = 80;
const BOLD_WIDTH = 1.15;
const FILTER_BUTTON = 3;
/** The most rows a tab freezes: its header row and at most two rows above it. */
export const MAX_FROZEN_ROWS = 3;

export interface PlacedTable {
  spec: TableSpec;
  /** Its index among the tab's tables. */
  index: number;
  /** The title row, or null when the table has no (or an empty) title. */
  titleRow: number | null;
  headerRow: number;
  firstDataRow: number;
  /** Data rows. */
  rowCount: number;
  columnCount: number;
  /** Written as a native table with filter buttons: asked for, and it has a data row. */
  native: boolean;
  /** The row of the line pointing to another tab, right under the data, or null. */
  linkRow: number | null;
  /** The number format code of each cell format on this tab. */
  numberFormats: NumberFormats;
}

/** How a tab prints (the xlsx page setup; the spreadsheet hosts' print dialogs offer the same). */
export interface PrintSetup {
  orientation: 'landscape';
  /** Pages across: the whole width on one page; pages down as many as needed. */
  fitToWidth: 1;
  /** The 0-based row repeated at the top of every printed page, or null. */
  repeatRow: number | null;
}

export interface PlacedChart {
  spec: ChartSpec;
  table: PlacedTable;
  categoryColumn: number;
  seriesColumns: number[];
  /** The top-left cell it covers, and how many rows and columns. */
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/** Lines of text in column A, one a row from `row`: notes, or a long list's lead line. */
export interface NoteBlock {
  row: number;
  texts: string[];
  /** Above the first table, or under the last one (a writer that must write rows in order needs to know). */
  place: 'above' | 'below';
}

export interface TabLayout {
  spec: SheetSpec;
  /**
   * The lines of text outside the tables, top to bottom, each block at its rows: the notes at rows
   * 0 … n − 1; or, when the spec puts them below, its lead line at row 0 and the notes after the
   * last table. No block is empty.
   */
  notes: NoteBlock[];
  tables: PlacedTable[];
  charts: PlacedChart[];
  /** Rows to freeze at the top, 0 for none; never more than MAX_FROZEN_ROWS. */
  frozenRows: number;
  print: PrintSetup;
  columnWidths: number[];
  /** Rows and columns the cells take. */
  rowCount: number;
  columnCount: number;
  /** Rows and columns the cells and the charts take together. */
  extentRows: number;
  extentColumns: number;
}

export function layoutTab(spec: SheetSpec): TabLayout {
  const numberFormats: NumberFormats = { ...NUMBER_FORMATS, ...spec.numberFormats };
  const below = spec.notesBelow !== undefined && spec.tables.length > 0;
  const above = below ? [spec.notesBelow!.lead] : spec.notes;
  let row = below ? 1 : above.length > 0 ? above.length + 1 : 0;
  const tables = spec.tables.map((table, index): PlacedTable => {
    const titleRow = table.title ? row++ : null;
    const headerRow = row;
    const linkRow = table.link ? headerRow + 1 + table.rows.length : null;
    row += table.rows.length + (table.link ? 3 : 2);
    return {
      spec: table,
      index,
      titleRow,
      headerRow,
      firstDataRow: headerRow + 1,
      rowCount: table.rows.length,
      columnCount: table.columns.length,
      native: table.asTable && table.rows.length > 0,
      linkRow,
      numberFormats,
    };
  });
  const notes: NoteBlock[] = [];
  if (above.length > 0) notes.push({ row: 0, texts: above, place: 'above' });
  if (below && spec.notes.length > 0) notes.push({ row, texts: spec.notes, place: 'below' });
  const columnWidths = widths(tables);
  const columnCount = Math.max(1, ...tables.map((t) => t.columnCount));
  const rowCount = Math.max(1, ...notes.map((n) => n.row + n.texts.length), ...tables.map((t) => t.firstDataRow + t.rowCount + (t.linkRow === null ? 0 : 1)));
  const chartTop = tables[0]?.headerRow ?? 0;
  const charts = spec.charts.map((chart, i) => placeChart(chart, tables, chartTop + i * (CHART_ROWS + CHART_GAP_ROWS), columnCount + 1));
  return {
    spec,
    notes,
    tables,
    charts,
    frozenRows: frozenRows(spec, tables),
    print: { orientation: 'landscape', fitToWidth: 1, repeatRow: spec.freezeHeader && tables.length > 0 ? tables[0].headerRow : null },
    columnWidths,
    rowCount,
    columnCount,
    extentRows: Math.max(rowCount, ...charts.map((c) => c.top + c.rows)),
    extentColumns: Math.max(columnCount, ...charts.map((c) => c.left + c.columns)),
  };
}

/** Through the first table's header row when the tab asks and that is few rows, else none. */
function frozenRows(spec: SheetSpec, tables: readonly PlacedTable[]): number {
  if (!spec.freezeHeader || tables.length === 0) return 0;
  const throughHeader = tables[0].headerRow + 1;
  return throughHeader <= MAX_FROZEN_ROWS ? throughHeader : 0;
}

/** The column of a table by its key; a key the table does not have is a bug of the report. */
export function columnOf(table: PlacedTable, key: string): number {
  const column = table.spec.columns.findIndex((c) => c.key === key);
  if (column < 0) throw new Error(`table "${table.spec.id}" has no column "${key}"`);
  return column;
}

function placeChart(spec: ChartSpec, tables: readonly PlacedTable[], top: number, left: number): PlacedChart {
  const table = tables.find((t) => t.spec.id === spec.table);
  if (!table) throw new Error(`chart "${spec.title}" refers to a table "${spec.table}" that the sheet does not have`);
  return {
    spec,
    table,
    categoryColumn: columnOf(table, spec.categories),
    seriesColumns: spec.series.map((key) => columnOf(table, key)),
    top,
    left,
    rows: CHART_ROWS,
    columns: CHART_COLUMNS,
  };
}

// ── the lines of a table, as written ─────────────────────────────────────────────────────────

/** Lines of a table in writing order: its title (when it has one), its header, its data rows, its link line (when it has one). */
export function tableLineCount(table: PlacedTable): number {
  return (table.titleRow === null ? 1 : 2) + table.rowCount + (table.linkRow === null ? 0 : 1);
}

/** The sheet row of a table's first line. */
export function firstLineRow(table: PlacedTable): number {
  return table.titleRow ?? table.headerRow;
}

/** Cells of lines `from` (inclusive) to `to` (exclusive) of a table, each line as wide as the table. */
export function tableLines(table: PlacedTable, from: number, to: number, serialOf: (day: Day) => number): SheetCell[][] {
  const { spec } = table;
  const width = table.columnCount;
  const titled = table.titleRow === null ? 0 : 1;
  const lines: SheetCell[][] = [];
  for (let line = from; line < to; line++) {
    if (line < titled) lines.push(textLine([spec.title ?? ''], width));
    else if (line === titled) lines.push(textLine(spec.columns.map((c) => c.header), width));
    else if (line === titled + 1 + table.rowCount) lines.push(textLine([spec.link!.text], width));
    else {
      const values = spec.rows[line - titled - 1]!;
      lines.push(spec.columns.map((column, i) => sheetCell(values[i], column.format, serialOf, table.numberFormats)));
    }
  }
  return lines;
}

/** A block of notes as one-cell text lines, from its row down. */
export function noteLines(block: NoteBlock): SheetCell[][] {
  return block.texts.map((note) => [{ value: fitted(note), format: TEXT_FORMAT }]);
}

function textLine(texts: readonly string[], width: number): SheetCell[] {
  return Array.from({ length: width }, (_, i) => ({ value: fitted(texts[i] ?? ''), format: TEXT_FORMAT }));
}

// ── widths ───────────────────────────────────────────────────────────────────────────────────

function widths(tables: readonly PlacedTable[]): number[] {
  const result: number[] = [];
  for (const table of tables) {
    table.spec.columns.forEach((_, c) => {
      result[c] = Math.min(MAX_COLUMN_WIDTH, Math.max(result[c] ?? 0, columnWidth(table, c)));
    });
  }
  return result;
}

/** The spec's width, widened to the longest header word and to the widest number shown. */
function columnWidth(table: PlacedTable, c: number): number {
  const column = table.spec.columns[c]!;
  const longestWord = Math.max(0, ...column.header.split(/\s+/).map((w) => w.length));
  let width = Math.max(column.width, Math.ceil(longestWord * BOLD_WIDTH) + 2 + (table.native ? FILTER_BUTTON : 0));
  if (column.format !== 'text') {
    const literal = literalLength(table.numberFormats[column.format]);
    for (const row of table.spec.rows) {
      const value = row[c];
      if (typeof value === 'number' && Number.isFinite(value)) width = Math.max(width, shownLength(value, column.format) + literal + 2);
    }
  }
  return width;
}

/** Characters a format code shows as they are: its quoted text (a currency's sign: `"$"#,##0.00` → 1). */
function literalLength(code: string): number {
  let length = 0;
  for (const quoted of code.match(/"[^"]*"/g) ?? []) length += quoted.length - 2;
  return length;
}

/** Characters a number takes in its format (an estimate good enough to avoid ####). */
function shownLength(value: number, format: Exclude<CellFormat, 'text'>): number {
  const sign = value < 0 ? 1 : 0;
  const digits = (n: number) => String(Math.trunc(Math.abs(n))).length;
  const grouped = (n: number) => digits(n) + Math.floor((digits(n) - 1) / 3);
  switch (format) {
    case 'date':
      return 10;
    case 'money':
      return sign + grouped(value) + 3;
    case 'integer':
      return sign + grouped(value);
    case 'percent':
      return sign + digits(value * 100) + 3;
    case 'decimal':
      return sign + digits(value) + 3;
  }
}
