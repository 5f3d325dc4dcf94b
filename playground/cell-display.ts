/**
 * How the playground's workbook view shows a cell: a user's cell by its type (a Date as
 * `YYYY-MM-DD`, a boolean as TRUE / FALSE, a number as it is), a report cell by its column's
 * format as the Excel host would show it (money with two decimals and grouped thousands, percent
 * with one decimal, dates from day numbers as the tab's date code says: `yyyy-mm-dd`, or
 * `dd.mm.yyyy` on a Russian report; money with the text its code quotes around the digits, the
 * currency's sign: `"$"#,##0.00` → `$1,234.50`, `#,##0.00" ₽"` → `1,234.50 ₽`).
 *
 * Example: displayCell(1234.5, 'money') → `1,234.50`; displayCell(0.1234, 'percent') → `12.3%`;
 * displayCell(new Date(Date.UTC(2026, 2, 5))) → `2026-03-05`.
 */
import { dayOfDate, formatDay, NUMBER_FORMATS, type Cell, type CellFormat, type NumberFormats, type SpecValue } from '../core/index.js';

/** The text a money code quotes before and after its digits (core/layout moneyFormat writes them so). */
const MONEY_CODE = /^(?:"([^"]*)")?#,##0\.00(?:"([^"]*)")?$/;

export function displayCell(value: Cell | SpecValue, format?: CellFormat, formats: NumberFormats = NUMBER_FORMATS): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatDay(dayOfDate(value));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  switch (format) {
    case 'date':
      return formats.date === 'dd.mm.yyyy' ? formatDay(value).split('-').reverse().join('.') : formatDay(value);
    case 'money': {
      // As a one-section code shows a negative number: the minus first, then the sign (-$5.00).
      const [, before = '', after = ''] = MONEY_CODE.exec(formats.money) ?? [];
      const fixed = value.toFixed(2);
      const minus = fixed.startsWith('-') ? '-' : '';
      return `${minus}${before}${grouped(fixed.slice(minus.length))}${after}`;
    }
    case 'integer':
      return grouped(value.toFixed(0));
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'decimal':
      return String(Number(value.toFixed(4)));
    default:
      return String(value);
  }
}

function grouped(fixed: string): string {
  const [whole, fraction] = fixed.split('.');
  const digits = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? digits : `${digits}.${fraction}`;
}
