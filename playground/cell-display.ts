/**
 * How the playground's workbook view shows a cell: a user's cell by its type (a Date as
 * `YYYY-MM-DD`, a boolean as TRUE / FALSE, a number as it is), a report cell by its column's
 * format as the Excel host would show it (money with two decimals and grouped thousands, percent
 * with one decimal, dates from day numbers as the tab's date code says: `yyyy-mm-dd`, or
 * `dd.mm.yyyy` on a Russian report).
 *
 * Example: displayCell(1234.5, 'money') → `1,234.50`; displayCell(0.1234, 'percent') → `12.3%`;
 * displayCell(new Date(Date.UTC(2026, 2, 5))) → `2026-03-05`.
 */
import { dayOfDate, formatDay, type Cell, type CellFormat, type SpecValue } from '../core/index.js';

export function displayCell(value: Cell | SpecValue, format?: CellFormat, dateCode = 'yyyy-mm-dd'): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatDay(dayOfDate(value));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  switch (format) {
    case 'date':
      return dateCode === 'dd.mm.yyyy' ? formatDay(value).split('-').reverse().join('.') : formatDay(value);
    case 'money':
      return grouped(value.toFixed(2));
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
