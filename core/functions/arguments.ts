/**
 * Turning spreadsheet-function arguments into typed values, with errors that name the argument
 * and the position. Ranges arrive as rows of cells; a single cell may arrive as a bare value.
 * Numbers in date arguments are Excel serial dates; text dates are read as in SPEC §1. Blank
 * cells at the same position of every paired range are skipped (a selection often runs past the
 * data); a blank in one range and a value in another is an error.
 */
import type { Cell, Day } from '../read/types.js';
import { parseDay, parseNumber } from '../read/index.js';
import type { FunctionResult, Matrix } from './types.js';

export class ArgumentError extends Error {}

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
  if (day === null) throw new ArgumentError(`${what}, item ${position + 1}: "${String(cell)}" is not a date`);
  return day;
}

export function toNumber(cell: Cell, what: string, position: number): number {
  const value = parseNumber(cell);
  if (value === null) throw new ArgumentError(`${what}, item ${position + 1}: "${String(cell)}" is not a number`);
  return value;
}

/** An optional single-value argument: undefined when omitted or blank. */
export function optionalValue(arg: Matrix | Cell | undefined): Cell | undefined {
  const cells = flatten(arg);
  if (cells.length > 1) throw new ArgumentError('expected a single value, got a range');
  return cells.length === 0 || isBlank(cells[0]) ? undefined : cells[0];
}

/** Columns of equal length with the positions where every column is blank removed. */
export function pairedColumns(args: readonly { name: string; arg: Matrix | Cell | undefined }[]): Cell[][] {
  const columns = args.map((a) => flatten(a.arg));
  const length = columns[0].length;
  columns.forEach((column, i) => {
    if (column.length !== length)
      throw new ArgumentError(`${args[i].name} has ${column.length} cells but ${args[0].name} has ${length}: select ranges of the same size`);
  });
  const keep = Array.from({ length }, (_, k) => k).filter((k) => !columns.every((column) => isBlank(column[k])));
  return columns.map((column) => keep.map((k) => column[k]));
}

/** Runs an implementation, turning ArgumentError into a `bad-argument` result. */
export function guarded(run: () => FunctionResult): FunctionResult {
  try {
    return run();
  } catch (error) {
    if (error instanceof ArgumentError) return { ok: false, code: 'bad-argument', message: error.message };
    throw error;
  }
}
