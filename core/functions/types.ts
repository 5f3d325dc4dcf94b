/**
 * The spreadsheet-function catalog's shape (DESIGN "One definition per spreadsheet function"):
 * name, arguments and a pure implementation. Hosts wrap each entry in one line with the JSDoc
 * they need; errors come back as values with a symbolic code that each host translates
 * (`CustomFunctions.Error` in Excel, a thrown Error in Apps Script).
 */
import type { Cell } from '../read/types.js';

/** What a range argument arrives as: rows of cells (a single cell is [[value]]). */
export type Matrix = readonly (readonly Cell[])[];

/** A function's result: one value or a table that spills. */
export type FunctionValue = string | number | boolean | null;
export type FunctionResult =
  | { ok: true; value: FunctionValue | FunctionValue[][] }
  | { ok: false; code: 'bad-argument' | 'not-enough-history'; message: string };

export interface FunctionArgument {
  name: string;
  /** `range`: a column or row of cells; `value`: one cell. */
  kind: 'range' | 'value';
  optional: boolean;
  description: { en: string; ru: string };
}

export interface FunctionDefinition {
  /** Upper-case name without namespace: Excel shows WINBACK.NAME, Sheets NAME. */
  name: string;
  description: { en: string; ru: string };
  arguments: readonly FunctionArgument[];
  /** Whether the result spills (a table) or is one value. */
  spills: boolean;
  /** Column keys of a spilled result, in order. */
  columns?: readonly string[];
  run(args: readonly (Matrix | Cell | undefined)[]): FunctionResult;
}
