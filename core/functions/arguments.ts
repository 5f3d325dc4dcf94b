/**
 * Turning spreadsheet-function arguments into typed values, with errors that name the argument
 * and the position. Ranges arrive as rows of cells; a single cell may arrive as a bare value.
 * Numbers in date arguments are Excel serial dates; text dates are read as in SPEC §1; money is
 * rounded to exact cents as the readers round it (SPEC §2). Blank cells at the same position of
 * every paired range are skipped (a selection often runs past the data); a blank in one range and
 * a value in another is an error.
 *
 * An error is thrown as an ArgumentError holding its sentence as a function of the vocabulary, so
 * `guarded` words it in the caller's language.
 */
import type { FunctionWords } from '../i18n/en/functions.js';
import { ruleText, words, type Lang } from '../i18n/index.js';
import { satisfies, type OptionRule } from '../options/check-options.js';
import { cellShown } from '../read/cell-text.js';
import { toCents } from '../read/exact-units.js';
import { parseDay } from '../read/parse-date.js';
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

export function toDay(cell: Cell, what: string, position: number): Day {
  const day = parseDay(cell);
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

/** Columns of equal length with the positions where every column is blank removed. */
export function pairedColumns(args: readonly { name: string; arg: Matrix | Cell | undefined }[]): Cell[][] {
  const columns = args.map((a) => flatten(a.arg));
  const length = columns[0].length;
  columns.forEach((column, i) => {
    if (column.length !== length) throw new ArgumentError((w) => w.errors.sizeMismatch(args[i].name, column.length, args[0].name, length));
  });
  const keep = Array.from({ length }, (_, k) => k).filter((k) => !columns.every((column) => isBlank(column[k])));
  return columns.map((column) => keep.map((k) => column[k]));
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
