/**
 * SheetSpec values → what Range.setValues and Range.setNumberFormats take, for a block of a
 * table's lines (title, header, data rows; see layout.ts).
 *
 * Rules:
 * - every string cell gets the plain-text format `@` before its value is written, so text that
 *   begins with `= + - @` (or looks like a number or a date) stays text and never becomes a formula;
 * - `date` columns hold day numbers; Sheets counts days from 1899-12-30 like Excel, so the cell
 *   value is the day + 25569 with a date format;
 * - `null` is an empty cell.
 *
 * Worked example: a `money` column cell 1234.5 → value 1234.5, format `#,##0.00`; a `date` cell
 * 20517 (2026-03-05) → value 46086, format `yyyy-mm-dd`; the text `=1+1` → value `=1+1`, format `@`.
 */
import { NUMBER_FORMATS, serialFromDay, type CellFormat, type SpecValue, type TableSpec } from '../core/index.js';

export { NUMBER_FORMATS };
import { hasTitle } from './layout.js';

export const TEXT_FORMAT = NUMBER_FORMATS.text;

export type SheetValue = string | number;

export interface CellBlock {
  values: SheetValue[][];
  formats: string[][];
}

/** Lines `from` (inclusive) to `to` (exclusive) of a table, padded to the table's width. */
export function tableLines(table: TableSpec, from: number, to: number): CellBlock {
  const header = hasTitle(table) ? 1 : 0;
  const values: SheetValue[][] = [];
  const formats: string[][] = [];
  for (let line = from; line < to; line++) {
    if (line < header) pushText(values, formats, [table.title ?? ''], table.columns.length);
    else if (line === header) pushText(values, formats, table.columns.map((c) => c.header), table.columns.length);
    else pushRow(values, formats, table, table.rows[line - header - 1]);
  }
  return { values, formats };
}

/** The notes of a tab as a one-column text block. */
export function noteLines(notes: readonly string[]): CellBlock {
  return { values: notes.map((note) => [note]), formats: notes.map(() => [TEXT_FORMAT]) };
}

function pushText(values: SheetValue[][], formats: string[][], texts: string[], width: number): void {
  values.push(Array.from({ length: width }, (_, i) => texts[i] ?? ''));
  formats.push(Array.from({ length: width }, () => TEXT_FORMAT));
}

function pushRow(values: SheetValue[][], formats: string[][], table: TableSpec, row: readonly SpecValue[]): void {
  values.push(table.columns.map((column, i) => sheetValue(row[i] ?? null, column.format)));
  formats.push(table.columns.map((column, i) => (typeof row[i] === 'string' ? TEXT_FORMAT : NUMBER_FORMATS[column.format])));
}

function sheetValue(value: SpecValue, format: CellFormat): SheetValue {
  if (value === null) return '';
  if (format === 'date' && typeof value === 'number') return serialFromDay(value);
  return value;
}
