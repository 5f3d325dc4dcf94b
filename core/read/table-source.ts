/**
 * A table as the readers walk it: rows in order, each row's cells read on demand. A host that has
 * cells hands over a Grid (Excel blocks, Sheets `getValues`, tests) and the readers walk it through
 * `gridSource`; a file read straight from its bytes (csv-source.ts, the command line's xlsx reader)
 * is a TableSource of its own and never builds a grid.
 *
 * The contract every source keeps, so the readers give the same records and rejections whatever
 * the source: each accessor of a row equals the function of the same rule applied to `cell(c)` —
 * `text` is cellText, `blank` is isBlankCell, `day` is parseDay, `number` is
 * parseNumber, `total` is "a text cell that isTotalText". A source may answer faster (from bytes,
 * from a cache) but never differently; `test/read/sources.test.ts` holds every source to it.
 *
 * Rows come in sheet order with their 0-based index (sheet row − 1); a source may skip rows that
 * hold nothing at all (an xlsx sheet lists only rows with cells), which the readers count as blank.
 * A row object is valid until the next call of `next`.
 */
import { cellText, isBlankCell } from './cell-text.js';
import { parseDay, type DateOptions, type DateShape } from './parse-date.js';
import { parseNumber, type NumberShape } from './parse-number.js';
import { isTotalText } from './total-words.js';
import type { RestPart, RestPlan } from './rest-of-file.js';
import type { Cell, Day, FileProfile, Grid, RowProblem } from './types.js';

export interface SourceRow {
  /** 0-based row index: sheet row − 1. */
  readonly index: number;
  /** Cells the row holds (trailing cells beyond it are empty). */
  readonly width: number;
  /** Why the row as a whole cannot be read (a broken quote, a repeated xlsx row), or null. */
  readonly problem: RowProblem | null;
  /** The text shown with the problem (the start of the broken field). */
  readonly problemValue: string;
  cell(c: number): Cell;
  text(c: number): string;
  blank(c: number): boolean;
  day(c: number, options: DateOptions, shape?: DateShape): Day | null;
  number(c: number, shape?: NumberShape): number | null;
  total(c: number): boolean;
  /**
   * A number standing for the cell's text (`text(c)`) in this column, all through the source:
   * never one number for two different texts (one text may have several: the same name written
   * with other spaces, or shared and inline in a workbook); −1 when the source has none for this
   * cell. Lets a reader keep what it made of a text once (a client's number) instead of
   * looking the text up on every row. Optional: a grid row has none.
   */
  textKey?(c: number): number;
}

export interface TableSource {
  /** The next row, or null after the last one. */
  next(): SourceRow | null;
  /** What the bytes of a text file said (encoding, delimiter), once the rows have been read. */
  fileProfile?(): FileProfile;
  /**
   * The header being known, starts reading the rest of the file in another thread, when the source
   * has one to read it (a large text file: rest-of-file.ts); `next` then stops where the rest starts.
   */
  beginRest?(plan: Omit<RestPlan, 'delimiter'>): void;
  /**
   * Once `next` gave null: the rest of the file as the other thread read it; or null, and then
   * `next` reads on here from where it stopped (null again at the end of the file).
   */
  takeRest?(): RestPart | null;
}

/** The table of a grid or of a source. */
export function tableSource(input: Grid | TableSource): TableSource {
  return isGrid(input) ? gridSource(input) : input;
}

export function isGrid(input: Grid | TableSource): input is Grid {
  return Array.isArray(input);
}

/** A grid's rows through the reference rules (every accessor is the rule itself). */
export function gridSource(grid: Grid, problems: ReadonlyMap<number, { problem: RowProblem; value: string }> = NO_PROBLEMS): TableSource {
  const row = new GridRow();
  let r = -1;
  return {
    next() {
      if (++r >= grid.length) return null;
      const known = problems.get(r);
      row.reset(r, grid[r] ?? NO_CELLS, known?.problem ?? null, known?.value ?? '');
      return row;
    },
  };
}

const NO_CELLS: readonly Cell[] = [];
const NO_PROBLEMS: ReadonlyMap<number, { problem: RowProblem; value: string }> = new Map();

/** One row of cells as a SourceRow. */
export class GridRow implements SourceRow {
  index = 0;
  problem: RowProblem | null = null;
  problemValue = '';
  private cells: readonly Cell[] = NO_CELLS;

  reset(index: number, cells: readonly Cell[], problem: RowProblem | null = null, problemValue = ''): this {
    this.index = index;
    this.cells = cells;
    this.problem = problem;
    this.problemValue = problemValue;
    return this;
  }

  get width(): number {
    return this.cells.length;
  }

  cell(c: number): Cell {
    return this.cells[c];
  }

  text(c: number): string {
    return cellText(this.cells[c]);
  }

  blank(c: number): boolean {
    return isBlankCell(this.cells[c]);
  }

  day(c: number, options: DateOptions, shape?: DateShape): Day | null {
    return parseDay(this.cells[c], options, shape);
  }

  number(c: number, shape?: NumberShape): number | null {
    return parseNumber(this.cells[c], shape);
  }

  total(c: number): boolean {
    const cell = this.cells[c];
    return typeof cell === 'string' && isTotalText(cell);
  }
}

/** The row's cells as a host would hand them over (for titles, headers, previews). */
export function rowCells(row: SourceRow): Cell[] {
  return Array.from({ length: row.width }, (_, c) => row.cell(c));
}
