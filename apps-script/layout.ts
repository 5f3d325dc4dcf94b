/**
 * Where each part of a SheetSpec lands on a Google sheet (1-based rows and columns), decided once
 * so that every chunked write call agrees on it.
 *
 * Layout, top to bottom: one row per note, a blank row, then each table as an optional title row,
 * a header row and its data rows, with a blank row between tables. Charts float to the right of
 * the widest table, stacked one under another.
 *
 * Worked example: 2 notes, a titled table of 3 rows and 4 columns, then an untitled table of 1 row:
 * notes on rows 1–2, blank row 3, title row 4, header row 5, data rows 6–8, blank row 9, header
 * row 10, data row 11; the sheet needs 11 rows and 4 columns; charts anchor at column 6.
 */
import type { SheetSpec, TableSpec } from '../core/index.js';

export interface TableLayout {
  id: string;
  /** The title row, when the table has a title. */
  titleRow: number | null;
  headerRow: number;
  /** First data row (header row + 1). */
  firstDataRow: number;
  rows: number;
  columns: number;
}

export interface TabLayout {
  notesRows: number;
  tables: TableLayout[];
  /** Rows and columns the sheet must have. */
  height: number;
  width: number;
  /** Rows to freeze (0 when the spec does not freeze its header). */
  frozenRows: number;
  /** Column where charts are anchored. */
  chartColumn: number;
}

/** Rows between the anchors of two stacked charts. */
export const CHART_ROWS = 20;

export function layoutTab(spec: SheetSpec): TabLayout {
  const notesRows = spec.notes.length;
  let next = notesRows > 0 ? notesRows + 2 : 1;
  const tables = spec.tables.map((table) => {
    const titleRow = hasTitle(table) ? next : null;
    const headerRow = titleRow === null ? next : titleRow + 1;
    next = headerRow + table.rows.length + 2;
    return { id: table.id, titleRow, headerRow, firstDataRow: headerRow + 1, rows: table.rows.length, columns: table.columns.length };
  });
  const width = Math.max(1, ...tables.map((t) => t.columns));
  const height = Math.max(1, notesRows, ...tables.map((t) => t.headerRow + t.rows));
  const frozenRows = spec.freezeHeader && tables.length > 0 ? tables[0].headerRow : 0;
  return { notesRows, tables, height, width, frozenRows, chartColumn: width + 2 };
}

/** A table gets a title row when its title is a non-empty text. */
export function hasTitle(table: TableSpec): boolean {
  return Boolean(table.title);
}

/** The first sheet row of a table's lines (its title row, or its header row when it has none). */
export function topRow(table: TableLayout): number {
  return table.titleRow ?? table.headerRow;
}

/** Lines of a table: the title line (when present), the header line, then one line per data row. */
export function lineCount(table: TableLayout): number {
  return (table.titleRow === null ? 1 : 2) + table.rows;
}
