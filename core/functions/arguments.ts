/**
 * Turning spreadsheet-function arguments into typed values, with errors that name the argument
 * and the position. Ranges arrive as rows of cells; a single cell may arrive as a bare value.
 * Numbers in date arguments are Excel serial dates (of the 1900 system, or of the 1904 one when the
 * host says the workbook uses it); text dates are read as in SPEC §1; money is rounded to exact
 * cents as the readers round it (SPEC §2). Blank cells at the same position of every paired range
 * are skipped (a selection often runs past the data); a blank in one range and a value in another
 * is an error.
 *
 * Blank cells that arrive as 0: older Excel builds pass 0 for an empty cell of a range argument
 * (office-js#4702, office-js#5262). A 0 where a date belongs is therefore read as blank — serial
 * 0 is "1900-01-00", a date no one enters — and a paired row is blank when it holds a 0 date and
 * nothing but blanks or 0s besides. A 0 date beside a real amount is still an error.
 * Example: CHURNSIGNALS over A2:C5000 with 4,000 empty rows passed as [0, 0, 0] reads 999 lines.
 *
 * An error is thrown as an ArgumentError holding its sentence as a function of the vocabulary, so
 * `guarded` words it in the caller's language.
 */
import { EXCEL_1904_OFFSET, serialFromDay } from '../basics/calendar.js';
import type { FunctionWords } from '../i18n/en/functions.js';
import { ruleText, words, type Lang } from '../i18n/index.js';
import { satisfies, type OptionRule } from '../options/check-options.js';
import { cellShown } from '../read/cell-text.js';
import { toCents } from '../read/exact-units.js';
import { parseDay, type DateOptions } from '../read/parse-date.js';
import { parseNumber } from '../read/parse-number.js';
import type { Cell, Day } from '../read/types.js';
import type { FunctionResult, Matrix } from './types.js';

/** A refusal, worded later in the caller's language. */
export class ArgumentError extends Error {
  constructor(readonly sentence: (w: FunctionWords, lang: Lang) => string) {
    super('argument error');
  }
}

/** A result that is not an error of an argument but of the data: `not-enough-history`. */
export function notEnoughHistory(lang: Lang, sentence: (w: FunctionWords) => string): FunctionResult {
  return { ok: false, code: 'not-enough-history', message: sentence(words(lang).functions) };
}

/** Row-major flat list of a range's cells. */
export function flatten(arg: Matrix | Cell | undefined): Cell[] {
  if (arg === undefined || arg === null) return [];
  if (Array.isArray(arg)) return (arg as readonly (readonly Cell[] | Cell)[]).flatMap((row) => (Array.isArray(row) ? [...row] : [row as Cell]));
  return [arg as Cell];
}

export function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** Blank, or a 0 where a date belongs (how older Excel builds pass an empty cell). */
export function isBlankDate(cell: Cell): boolean {
  return cell === 0 || isBlank(cell);
}

export function toDay(cell: Cell, what: string, position: number, dates: DateOptions = {}): Day {
  const day = parseDay(cell, dates);
  if (day === null) throw new ArgumentError((w) => w.errors.notADate(what, position + 1, cellShown(cell)));
  return day;
}

export function toNumber(cell: Cell, what: string, position: number): number {
  const value = parseNumber(cell);
  if (value === null) throw new ArgumentError((w) => w.errors.notANumber(what, position + 1, cellShown(cell)));
  return value;
}

/** Money in exact integer cents, rounded as the readers round it (1.005 → 101). */
export function toMoneyCents(cell: Cell, what: string, position: number): number {
  const cents = toCents(toNumber(cell, what, position));
  if (cents === null) throw new ArgumentError((w) => w.errors.notANumber(what, position + 1, cellShown(cell)));
  return cents;
}

/** An optional single-value argument: undefined when omitted or blank. */
export function optionalValue(arg: Matrix | Cell | undefined, what: string): Cell | undefined {
  const cells = flatten(arg);
  if (cells.length > 1) throw new ArgumentError((w) => w.errors.singleValue(what));
  return cells.length === 0 || isBlank(cells[0]) ? undefined : cells[0];
}

/** An optional number argument that must follow a rule of checkOptions; `fallback` when omitted. */
export function ruledNumber(arg: Matrix | Cell | undefined, what: string, rule: OptionRule, fallback: number): number {
  const cell = optionalValue(arg, what);
  if (cell === undefined) return fallback;
  const value = toNumber(cell, what, 0);
  if (!satisfies(value, rule)) throw new ArgumentError((w, lang) => w.errors.outOfRange(what, ruleText(lang, rule)));
  return value;
}

/**
 * Columns of equal length with the blank positions removed: where every column is blank, or where
 * a `date` column holds 0 and every other column is blank or 0 (an empty row from an older Excel).
 */
export function pairedColumns(args: readonly { name: string; arg: Matrix | Cell | undefined; date?: boolean }[]): Cell[][] {
  const columns = args.map((a) => flatten(a.arg));
  const length = columns[0].length;
  columns.forEach((column, i) => {
    if (column.length !== length) throw new ArgumentError((w) => w.errors.sizeMismatch(args[i].name, column.length, args[0].name, length));
  });
  const blankAt = (k: number) =>
    columns.every((column) => isBlank(column[k])) ||
    (args.some((a, i) => a.date && columns[i][k] === 0) && columns.every((column) => isBlankDate(column[k])));
  const keep = Array.from({ length }, (_, k) => k).filter((k) => !blankAt(k));
  return columns.map((column) => keep.map((k) => column[k]));
}

/** The serial a day is in a workbook of the given date system (what a date result is written as). */
export function serialIn(day: Day, dates: DateOptions): number {
  return serialFromDay(day) - (dates.date1904 ? EXCEL_1904_OFFSET : 0);
}

/** Runs an implementation, turning an ArgumentError into a `bad-argument` result in `lang`. */
export function guarded(lang: Lang, run: () => FunctionResult): FunctionResult {
  try {
    return run();
  } catch (error) {
    if (error instanceof ArgumentError) return { ok: false, code: 'bad-argument', message: error.sentence(words(lang).functions, lang) };
    throw error;
  }
}
