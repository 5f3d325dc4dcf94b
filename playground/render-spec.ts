/**
 * A report tab (SheetSpec) laid out as rows of cells, the way the Excel and Sheets hosts lay it out:
 * the notes one per row in column A, a blank row, then each table — its title row when it has one,
 * the header row, the data rows — followed by a blank row.
 *
 * Each row keeps what the playground's view and its .xlsx download need to format it: the kind of
 * row, each cell's number format, and the fill of status / tier cells (ValueColours) and of heat-map
 * cells (a 3-colour scale from the smallest through the median to the largest number of the
 * table's heat-map columns). Dates stay day numbers (`date` format), strings stay strings.
 *
 * Example: notes ['As of 2026-03-31.'] and a table titled 'Clients per cell' with columns ABC, X and
 * one row ['A', 3] → rows: note ['As of 2026-03-31.'], blank [], title ['Clients per cell'],
 * header ['ABC', 'X'], data ['A', 3], blank [].
 */
import { scaleColour, type CellFormat, type HeatMap, type SheetSpec, type SpecValue, type TableSpec } from '../core/index.js';

export type RenderedRowKind = 'note' | 'blank' | 'title' | 'header' | 'data';

export interface RenderedRow {
  kind: RenderedRowKind;
  cells: SpecValue[];
  /** Per cell, for data rows. */
  formats?: CellFormat[];
  /** Per cell `#RRGGBB`, where a colour applies. */
  fills?: (string | undefined)[];
}

export interface RenderedSheet {
  rows: RenderedRow[];
  /** Column widths in characters. */
  widths: number[];
  /** Rows to freeze at the top (0 when none): down to the first table's header. */
  frozenRows: number;
}

export function renderSpec(spec: SheetSpec): RenderedSheet {
  const rows: RenderedRow[] = spec.notes.map((note) => ({ kind: 'note', cells: [note] }));
  if (rows.length > 0) rows.push({ kind: 'blank', cells: [] });
  const widths: number[] = [];
  let frozenRows = 0;
  spec.tables.forEach((table, index) => {
    if (table.title) rows.push({ kind: 'title', cells: [table.title] });
    rows.push({ kind: 'header', cells: table.columns.map((c) => c.header) });
    if (index === 0 && spec.freezeHeader) frozenRows = rows.length;
    const formats = table.columns.map((c) => c.format);
    const fills = tableFills(table);
    table.rows.forEach((cells, r) => rows.push({ kind: 'data', cells: [...cells], formats, fills: fills[r] }));
    rows.push({ kind: 'blank', cells: [] });
    table.columns.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 8, c.width)));
  });
  return { rows, widths: Array.from(widths, (w) => w ?? 8), frozenRows };
}

/** Fills per data row and column of a table, from its value colours and heat map. */
function tableFills(table: TableSpec): (string | undefined)[][] {
  const fills = table.rows.map(() => new Array<string | undefined>(table.columns.length).fill(undefined));
  for (const rule of table.valueColours ?? []) {
    const column = table.columns.findIndex((c) => c.key === rule.column);
    if (column < 0) continue;
    table.rows.forEach((cells, r) => {
      const colour = rule.colours[String(cells[column] ?? '')];
      if (colour) fills[r]![column] = colour;
    });
  }
  if (table.heatMap) applyHeatMap(table, table.heatMap, fills);
  return fills;
}

function applyHeatMap(table: TableSpec, heat: HeatMap, fills: (string | undefined)[][]): void {
  const columns = heat.columns.map((key) => table.columns.findIndex((c) => c.key === key)).filter((i) => i >= 0);
  const numbers = table.rows.flatMap((cells) => columns.map((i) => cells[i]).filter((v): v is number => typeof v === 'number'));
  if (numbers.length === 0) return;
  const sorted = [...numbers].sort((a, b) => a - b);
  const low = sorted[0]!;
  const high = sorted[sorted.length - 1]!;
  const mid = median(sorted);
  table.rows.forEach((cells, r) => {
    for (const i of columns) {
      const v = cells[i];
      if (typeof v === 'number') fills[r]![i] = scaleColour(v, low, mid, high, heat);
    }
  });
}

function median(sorted: number[]): number {
  const m = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}
