/**
 * The currency a report writes money in: what the user chose, or else what the input showed.
 *
 * Rule: `currency` given (`--currency RUB`, an option) → that code, or no currency for `none`.
 * Not given → the one currency the reader saw in the sales money (ReadProfile.currencies: cells
 * such as `12 345,67 ₽` or a header `Сумма, руб.`) when it saw exactly one; none when it saw none,
 * or two and more (a sheet mixing `$` and `₽` says nothing about the sums of its clients — and
 * the amounts are never converted). Number cells carry no currency the reader sees.
 *
 * Each currency is written with its sign (CURRENCY_SIGNS), before or after the number as the
 * report's language writes money (i18n `format.currencyPattern`, core/layout moneyFormat).
 *
 * Example: reportCurrency(undefined, ['RUB']) → 'RUB'; reportCurrency(undefined, ['RUB', 'USD'])
 * → null; reportCurrency('none', ['RUB']) → null; reportCurrency('EUR', []) → 'EUR'.
 */
import type { CurrencyChoice, CurrencyCode } from './choices.js';

/** The sign of each currency, as the reader also recognises it in cells. */
export const CURRENCY_SIGNS: Readonly<Record<CurrencyCode, string>> = { RUB: '₽', USD: '$', EUR: '€', GBP: '£' };

export function reportCurrency(choice: CurrencyChoice | undefined, seen: readonly CurrencyCode[]): CurrencyCode | null {
  if (choice === 'none') return null;
  if (choice !== undefined) return choice;
  return seen.length === 1 ? seen[0]! : null;
}

/** The currency an analysis shows money in: its decided `currency` option (absent or `none`: no currency). */
export function moneyCurrency(options: { currency?: CurrencyChoice }): CurrencyCode | null {
  return reportCurrency(options.currency ?? 'none', []);
}
