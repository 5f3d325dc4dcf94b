/**
 * The bridge between Sheets custom functions and the function catalog (core/functions): date
 * arguments arrive as Date objects and are turned into serials in the spreadsheet's time zone, the
 * catalog runs, and an error result becomes a thrown Error — Sheets shows its message in the cell's
 * #ERROR! tooltip, in the language of the spreadsheet's locale. Empty results become empty cells (Sheets has no null).
 *
 * Custom functions may only read: this asks the spreadsheet for its locale, and for its time zone
 * only when an argument holds a date.
 *
 * Example: CHURNSIGNAL([[Date 2026-01-05], [Date 2026-02-04]], [[100], [120]], Date 2026-03-06) →
 * runFunction('CHURNSIGNAL', [[[46027], [46057]], [[100], [120]], 46087]) → "active".
 */
import { langOfLocale, runFunction, type Cell, type FunctionValue, type Matrix } from '../core/index.js';
import { plainCell, serialReader } from './dates.js';
import { spreadsheetLocale, spreadsheetTimeZone } from './sheets-port.js';

type SheetsResult = string | number | boolean | (string | number | boolean)[][];

export function callFunction(name: string, args: readonly unknown[]): SheetsResult {
  const toSerial = serialReader(spreadsheetTimeZone);
  const result = runFunction(name, args.map((arg) => plainArgument(arg, toSerial)), langOfLocale(spreadsheetLocale()));
  if (!result.ok) throw new Error(result.message);
  return Array.isArray(result.value) ? result.value.map((row) => row.map(sheetsValue)) : sheetsValue(result.value);
}

/** A range (rows of cells) or a single value, with dates as serials. */
function plainArgument(arg: unknown, toSerial: (date: Date) => number): Matrix | Cell {
  if (!Array.isArray(arg)) return plainCell(arg, toSerial);
  return arg.map((row: unknown) => (Array.isArray(row) ? row : [row]).map((cell: unknown) => plainCell(cell, toSerial)));
}

function sheetsValue(value: FunctionValue): string | number | boolean {
  return value ?? '';
}

