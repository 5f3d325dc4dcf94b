/**
 * The decimal separator of each numeric column, decided from all its cells (SPEC §1: never
 * guessed cell by cell).
 *
 * Most number texts prove their separator (parse-number.ts): `1,5`, `12 345,67`, `1.234,56` a
 * comma; `1.5`, `1,234.50`, `1,234,567` a point. Only `1,234` and `1.234` — one separator, three
 * digits after it, one to three before — could be either. The column decides them:
 * - its cells prove a comma and never a point → a comma column: `1,234` is 1.234 and `1.234` is
 *   1234 (the point groups thousands there, as in `1.234,56`);
 * - they prove a point and never a comma → a point column: `1,234` is 1234 and `1.234` is 1.234;
 * - they prove both (`mixed`) or neither → the cell's own rule (`1,234` → 1234, `1.234` → 1.234),
 *   and the profile says the column is ambiguous, with how many cells were read that way.
 *
 * A reader reads each row's numbers through `read`, then `endRow` with the line's index; after
 * the last row `decided` gives the lines whose numbers change under their column's decision.
 *
 * Example: amounts `1,5`, `2,25`, `1,234` → a comma column; the third line is 1.234, not 1234.
 */
import type { NumberShape } from './parse-number.js';
import type { DecimalChoice } from './types.js';
import type { SourceRow } from './table-source.js';

export type NumberField = 'amount' | 'profit' | 'quantity' | 'price';

type Numbers = Record<NumberField, number>;

interface Tally {
  comma: number;
  dot: number;
  ambiguous: number;
}

export class NumberColumns {
  private readonly tallies = new Map<NumberField, Tally>();
  private readonly shape: NumberShape = { evidence: null, alternative: Number.NaN };
  private readonly values: Numbers = blank();
  private readonly alternatives: Numbers = blank();
  private ambiguousRow = false;
  /** Lines with an ambiguous cell: the line, its numbers as read and their other readings. */
  private readonly pending: { line: number; values: Numbers; alternatives: Numbers }[] = [];

  constructor(fields: readonly NumberField[]) {
    for (const field of fields) this.tallies.set(field, { comma: 0, dot: 0, ambiguous: 0 });
  }

  /** A new row: every field it reads overwrites its number. */
  startRow(): void {
    this.ambiguousRow = false;
  }

  /** The cell's number by its own rule; its evidence is counted for the column. */
  read(row: SourceRow, column: number, field: NumberField): number | null {
    const value = row.number(column, this.shape);
    const tally = this.tallies.get(field)!;
    if (this.shape.evidence === 'comma') tally.comma++;
    else if (this.shape.evidence === 'dot') tally.dot++;
    this.values[field] = value ?? Number.NaN;
    if (value !== null && !Number.isNaN(this.shape.alternative)) {
      tally.ambiguous++;
      this.alternatives[field] = this.shape.alternative;
      this.ambiguousRow = true;
    } else this.alternatives[field] = Number.NaN;
    return value;
  }

  /** The row became line `line`; remember its numbers when one of them was ambiguous. */
  endRow(line: number): void {
    if (this.ambiguousRow) this.pending.push({ line, values: { ...this.values }, alternatives: { ...this.alternatives } });
  }

  /** Each line whose numbers change under its columns' decisions, with its decided numbers. */
  *decided(): Generator<[number, Numbers]> {
    const flip = [...this.tallies].filter(([, tally]) => markOf(tally) === 'comma').map(([field]) => field);
    if (flip.length === 0) return;
    for (const { line, values, alternatives } of this.pending) {
      const fields = flip.filter((field) => !Number.isNaN(alternatives[field]));
      if (fields.length === 0) continue;
      const decided = { ...values };
      for (const field of fields) decided[field] = alternatives[field];
      yield [line, decided];
    }
  }

  /** The separator each column was read with, in field order. */
  choices(): DecimalChoice[] {
    return [...this.tallies].map(([field, tally]) => ({ field, mark: markOf(tally), ambiguous: tally.ambiguous }));
  }
}

function markOf(tally: Tally): DecimalChoice['mark'] {
  if (tally.comma > 0 && tally.dot > 0) return 'mixed';
  if (tally.comma > 0) return 'comma';
  return tally.dot > 0 ? 'dot' : null;
}

function blank(): Numbers {
  return { amount: Number.NaN, profit: Number.NaN, quantity: Number.NaN, price: Number.NaN };
}
