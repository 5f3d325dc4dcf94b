/**
 * A report tab (SheetSpec) as rows of cells for the playground's view, replaying the core's layout
 * (core/layout) row for row — the same rows the Excel and Sheets hosts write: the notes, a blank
 * row, then each table's title row (when it has one), header row, data rows and link line (when
 * it links to another tab), a blank row after; a long list with its notes below has only its lead
 * line above the table and the notes after it.
 *
 * Each row keeps what the view needs to format it: the kind of row, each cell's format, and the
 * fills the report colours (core/layout/fills: status and tier colours, the heat-map scale).
 * Dates stay day numbers (`date` format), strings stay strings, cut as every host cuts a text too
 * long for a cell (core/layout's `fitted`).
 *
 * Example: notes ['As of 2026-03-31.'] and a table titled 'Clients per cell' with columns ABC, X
 * and one row ['A', 3] → rows: note ['As of 2026-03-31.'], blank [], title ['Clients per cell'],
 * header ['ABC', 'X'], data ['A', 3].
 */
import { fitted, layoutTab, NUMBER_FORMATS, tableFills, type CellFormat, type NumberFormats, type SheetKey, type SheetSpec, type SpecValue } from '../core/index.js';

export type RenderedRowKind = 'note' | 'blank' | 'title' | 'header' | 'data' | 'link';

export interface RenderedRow {
  kind: RenderedRowKind;
  cells: SpecValue[];
  /** Per cell, for data rows. */
  formats?: CellFormat[];
  /** Per cell `#RRGGBB`, where a colour applies. */
  fills?: (string | undefined)[];
  /** For a link row: the tab it opens. */
  target?: SheetKey;
}

export interface RenderedSheet {
  /** One entry per sheet row, from row 1. */
  rows: RenderedRow[];
  /** Column widths in characters. */
  widths: number[];
  /** Rows frozen at the top (0 when none). */
  frozenRows: number;
  /** The number format code of each cell format, as the hosts write them (dates per language). */
  numberFormats: NumberFormats;
}

export function renderSpec(spec: SheetSpec): RenderedSheet {
  const layout = layoutTab(spec);
  const rows: RenderedRow[] = Array.from({ length: layout.rowCount }, () => ({ kind: 'blank', cells: [] }));
  for (const block of layout.notes) block.texts.forEach((note, i) => (rows[block.row + i] = { kind: 'note', cells: [fitted(note)] }));
  for (const table of layout.tables) {
    if (table.titleRow !== null) rows[table.titleRow] = { kind: 'title', cells: [fitted(table.spec.title!)] };
    rows[table.headerRow] = { kind: 'header', cells: table.spec.columns.map((c) => fitted(c.header)) };
    const formats = table.spec.columns.map((c) => c.format);
    const fills = tableFills(table.spec);
    table.spec.rows.forEach((cells, r) => (rows[table.firstDataRow + r] = { kind: 'data', cells: cells.map(cut), formats, fills: fills[r] }));
    if (table.linkRow !== null) rows[table.linkRow] = { kind: 'link', cells: [fitted(table.spec.link!.text)], target: table.spec.link!.sheet };
  }
  return { rows, widths: layout.columnWidths, frozenRows: layout.frozenRows, numberFormats: { ...NUMBER_FORMATS, ...spec.numberFormats } };
}

function cut(value: SpecValue): SpecValue {
  return typeof value === 'string' ? fitted(value) : value;
}
