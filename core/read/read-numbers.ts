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
 * The money columns (amount, profit, price) also say which currencies their cells write beside
 * the number (`12 345,67 ₽`, `$5`): `currencies` lists each one seen, in CURRENCIES order.
 *
 * Example: amounts `1,5`, `2,25`, `1,234` → a comma column; the third line is 1.234, not 1234.
 */
import { CURRENCIES, type CurrencyCode } from '../options/choices.js';
import type { NumberShape } from './parse-number.js';
import type { DecimalChoice } from './types.js';
import type { SourceRow } from './table-source.js';

export const NUMBER_FIELDS = ['amount', 'profit', 'quantity', 'price'] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

type Numbers = Record<NumberField, number>;
const SLOT: Record<NumberField, number> = { amount: 0, profit: 1, quantity: 2, price: 3 };
/** The fields that hold money: the currencies their cells write are counted. */
export const MONEY_FIELDS = ['amount', 'profit', 'price'] as const satisfies readonly NumberField[];
const MONEY = Object.fromEntries(NUMBER_FIELDS.map((field) => [field, (MONEY_FIELDS as readonly NumberField[]).includes(field)])) as Record<NumberField, boolean>;

/** What a column reader holds before its decisions: passed from the thread that read a file's rest (rest-of-file.ts). */
export interface NumberState {
  counts: Int32Array;
  seen: CurrencyCode[];
  pending: { line: number; values: Float64Array; alternatives: Float64Array }[];
}

interface Tally {
  comma: number;
  dot: number;
  ambiguous: number;
}

export class NumberColumns {
  /** Evidence counts by field slot: comma, point, ambiguous. */
  private readonly counts = new Int32Array(12);
  private readonly shape: NumberShape = { evidence: null, alternative: Number.NaN, currency: null };
  /** The currencies money cells wrote, as a set. */
  private readonly seen = new Set<CurrencyCode>();
  private readonly values = new Float64Array(4);
  private readonly alternatives = new Float64Array(4);
  private ambiguousRow = false;
  /** Lines with an ambiguous cell: the line, its numbers as read and their other readings. */
  private readonly pending: { line: number; values: Float64Array; alternatives: Float64Array }[] = [];

  constructor(private readonly fields: readonly NumberField[]) {}

  /** A new row: every field it reads overwrites its number. */
  startRow(): void {
    this.ambiguousRow = false;
  }

  /** The cell's number by its own rule; its evidence is counted for the column. */
  read(row: SourceRow, column: number, field: NumberField): number | null {
    const shape = this.shape;
    const value = row.number(column, shape);
    const slot = SLOT[field];
    if (shape.evidence !== null) this.counts[slot * 3 + (shape.evidence === 'comma' ? 0 : 1)]!++;
    if (shape.currency !== null && MONEY[field]) this.seen.add(shape.currency);
    this.values[slot] = value ?? Number.NaN;
    if (value !== null && shape.alternative === shape.alternative) {
      this.counts[slot * 3 + 2]!++;
      this.alternatives[slot] = shape.alternative;
      this.ambiguousRow = true;
    } else this.alternatives[slot] = Number.NaN;
    return value;
  }

  /** The row became line `line`; remember its numbers when one of them was ambiguous. */
  endRow(line: number): void {
    if (this.ambiguousRow) this.pending.push({ line, values: this.values.slice(), alternatives: this.alternatives.slice() });
  }

  /** The evidence, currencies and undecided lines so far. */
  state(): NumberState {
    return { counts: this.counts, seen: [...this.seen], pending: this.pending };
  }

  /** Takes in what another reader of the same columns read, its lines moved on by `lineOffset`. */
  absorb(state: NumberState, lineOffset: number): void {
    for (let k = 0; k < this.counts.length; k++) this.counts[k]! += state.counts[k]!;
    for (const code of state.seen) this.seen.add(code);
    for (const line of state.pending) this.pending.push({ line: line.line + lineOffset, values: line.values, alternatives: line.alternatives });
  }

  /** Each line whose numbers change under its columns' decisions, with its decided numbers. */
  *decided(): Generator<[number, Numbers]> {
    const flip = this.fields.filter((field) => markOf(this.tally(field)) === 'comma').map((field) => SLOT[field]);
    if (flip.length === 0) return;
    for (const { line, values, alternatives } of this.pending) {
      const slots = flip.filter((slot) => !Number.isNaN(alternatives[slot]!));
      if (slots.length === 0) continue;
      const decided = Float64Array.from(values);
      for (const slot of slots) decided[slot] = alternatives[slot]!;
      yield [line, { amount: decided[0]!, profit: decided[1]!, quantity: decided[2]!, price: decided[3]! }];
    }
  }

  /** The separator each column was read with, in field order. */
  choices(): DecimalChoice[] {
    return this.fields.map((field) => {
      const tally = this.tally(field);
      return { field, mark: markOf(tally), ambiguous: tally.ambiguous };
    });
  }

  /** The currencies the money cells wrote, in CURRENCIES order. */
  currencies(): CurrencyCode[] {
    return CURRENCIES.filter((code) => this.seen.has(code));
  }

  private tally(field: NumberField): Tally {
    const at = SLOT[field] * 3;
    return { comma: this.counts[at]!, dot: this.counts[at + 1]!, ambiguous: this.counts[at + 2]! };
  }
}

function markOf(tally: Tally): DecimalChoice['mark'] {
  if (tally.comma > 0 && tally.dot > 0) return 'mixed';
  if (tally.comma > 0) return 'comma';
  return tally.dot > 0 ? 'dot' : null;
}
