/**
 * How Russian writes numbers, counts and dates inside sentences — a decimal comma, a no-break
 * space grouping thousands and before %, dates as dd.mm.yyyy — and its plural rule, the one place
 * every Russian word file takes them from.
 *
 * Example: `format.count(12345)` → `12 345`; `format.percent(0.638)` → `63,8 %`;
 * `format.date(20517)` → `05.03.2026`; `format.amount(-1234.5)` → `-1 234,50`; `plural(21, 'строка', 'строки', 'строк')` → `строка`.
 */
import { formatDay, type Day } from '../../basics/calendar.js';
import type { Format } from '../en/format.js';

const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
const decimalComma = (x: number) => String(x).replace('.', ',');

export const format: Format = {
  number: (x: number) => decimalComma(Number(x.toFixed(4))),
  count: (n: number) => grouped(String(Math.round(n))),
  amount: (x: number) => {
    const [whole, cents] = Math.abs(x).toFixed(2).split('.');
    return `${x < 0 && Number(x.toFixed(2)) !== 0 ? '-' : ''}${grouped(whole!)},${cents}`;
  },
  percent: (fraction: number) => `${decimalComma(Number((fraction * 100).toFixed(1)))}\u00a0%`,
  date: (day: Day) => formatDay(day).split('-').reverse().join('.'),
  dateCode: 'dd.mm.yyyy',
  /** After the number, a no-break space between: 1 234,00 ₽ (CLDR ru `#,##0.00\u00a0¤`). */
  currencyPattern: 'n\u00a0¤',
  quarter: (year: number, quarter: number) => `${quarter} кв. ${year}`,
  quote: (text: string) => `«${text}»`,
};

/** The Russian noun form for a count: 1 строка, 2 строки, 5 строк, 21 строка, 11 строк. */
export function plural(n: number, one: string, few: string, many: string): string {
  const tens = Math.abs(n) % 100;
  const units = tens % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  return units >= 2 && units <= 4 ? few : many;
}
