/**
 * The spreadsheet-function catalog's shape (DESIGN "One definition per spreadsheet function"):
 * name, arguments and a pure implementation. Hosts wrap each entry in one line with the JSDoc
 * they need; errors come back as values with a symbolic code and a sentence in the user's
 * language that each host shows its way (`CustomFunctions.Error` in Excel, a thrown Error in Apps
 * Script). What a function and each argument is, in words, is the vocabulary's `functions`.
 */
import type { FunctionWords } from '../i18n/en/functions.js';
import type { Lang } from '../i18n/index.js';
import type { Cell } from '../read/types.js';
import type { FunctionName } from './names.js';

/** What a range argument arrives as: rows of cells (a single cell is [[value]]). */
export type Matrix = readonly (readonly Cell[])[];

/** A function's result: one value or a table that spills. */
export type FunctionValue = string | number | boolean | null;
export type FunctionResult =
  | { ok: true; value: FunctionValue | FunctionValue[][] }
  | { ok: false; code: 'bad-argument' | 'not-enough-history'; message: string };

/** What a function run needs to know of its caller: the language of its messages, the workbook's date system. */
export interface FunctionContext {
  lang: Lang;
  /** Serial dates of the workbook count from 1904 (Excel's 1904 date system): 1,462 less for the same day. */
  date1904: boolean;
}

export interface FunctionArgument {
  name: string;
  /** `range`: a column or row of cells; `value`: one cell. */
  kind: 'range' | 'value';
  optional: boolean;
  /** Its description in the vocabulary's `functions.argument`. */
  word: keyof FunctionWords['argument'];
}

export interface FunctionDefinition {
  /** Upper-case name without namespace: Excel shows WINBACK.NAME, Sheets NAME. */
  name: FunctionName;
  arguments: readonly FunctionArgument[];
  /** Whether the result spills (a table) or is one value. */
  spills: boolean;
  /** Column keys of a spilled result, in order. */
  columns?: readonly string[];
  run(args: readonly (Matrix | Cell | undefined)[], context: FunctionContext): FunctionResult;
}
