/**
 * How English writes numbers, counts and dates inside sentences (cells carry their own number
 * formats), and its plural rule — the one place every English word file takes them from.
 *
 * Example: `format.count(12345)` → `12,345`; `format.percent(0.638)` → `63.8%`;
 * `format.date(20517)` → `2026-03-05`; `format.amount(-1234.5)` → `-1,234.50`;
 * `plural(1, 'row', 'rows')` → `row`.
 */
import { formatDay, type Day } from '../../basics/calendar.js';

const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const format = {
  /** A plain number with at most four decimals: 1.5, 0.25. */
  number: (x: number) => String(Number(x.toFixed(4))),
  /** A whole count with thousands grouped: 12,345. */
  count: (n: number) => grouped(String(Math.round(n))),
  /** A value of the measure with two decimals and thousands grouped (never “-0.00”): 28,609.01. */
  amount: (x: number) => {
    const [whole, cents] = Math.abs(x).toFixed(2).split('.');
    return `${x < 0 && Number(x.toFixed(2)) !== 0 ? '-' : ''}${grouped(whole!)}.${cents}`;
  },
  /** A share as a percentage with one decimal: 63.8%. */
  percent: (fraction: number) => `${Number((fraction * 100).toFixed(1))}%`,
  /** A calendar date: 2026-03-05. */
  date: (day: Day) => formatDay(day),
  /** How date cells are shown: the number format code of a date. */
  dateCode: 'yyyy-mm-dd',
  /**
   * How money cells place a currency's sign `¤` beside the number `n` (core/layout moneyFormat):
   * before it with no gap, $1,234.00 (CLDR en `¤#,##0.00`).
   */
  currencyPattern: '¤n',
  /** A calendar quarter: Q4 2024. */
  quarter: (year: number, quarter: number) => `Q${quarter} ${year}`,
  /** A name quoted inside a sentence, so commas in it cannot be misread: “Pipe, 20 mm”. */
  quote: (text: string) => `\u201c${text}\u201d`,
};

/** The English noun form for a count: 1 row, 0 rows, 2 rows. */
export function plural(n: number, one: string, other: string): string {
  return Math.abs(n) === 1 ? one : other;
}

/** The shape every language's format has. */
export type Format = typeof format;
