/**
 * A cell as text, the way a reader shows and stores it.
 *
 * - strings are trimmed; their content is kept exactly (`=HYPERLINK(...)`, `+7 Строй` stay text);
 * - numbers are written the shortest way JavaScript writes them: 17850 → `17850` (no `.0`),
 *   2.5 → `2.5`; NaN and ±Infinity are not values and give '';
 * - booleans give `TRUE` / `FALSE` as a spreadsheet shows them;
 * - a Date gives its UTC calendar date `YYYY-MM-DD` ('' for an invalid Date);
 * - null and undefined give ''.
 *
 * A name (client, product, manager, …) is the cell's text without invisible characters
 * (basics/words.ts): `Acme\u200b` is `Acme`, and a cell of zero-width spaces is an empty name. A
 * blank cell is one whose name would be empty: nothing, whitespace or invisible characters only.
 */
import { dayOfDate, formatDay } from '../basics/calendar.js';
import { hasInvisible, withoutInvisible } from '../basics/words.js';
import type { Cell } from './types.js';

export function cellText(cell: Cell): string {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) {
    const time = cell.getTime();
    return Number.isNaN(time) ? '' : formatDay(dayOfDate(cell));
  }
  return '';
}

/** The cell as the user typed it, for messages: like cellText, but NaN shows as `NaN`. */
export function cellShown(cell: Cell): string {
  return typeof cell === 'number' ? String(cell) : cellText(cell);
}

/** A name read from a text: trimmed, without invisible characters. */
export function visibleText(text: string): string {
  const trimmed = text.trim();
  return hasInvisible(trimmed) ? withoutInvisible(trimmed).trim() : trimmed;
}

/** The cell as a name: its text without invisible characters ('' when nothing visible is left). */
export function cellName(cell: Cell): string {
  return typeof cell === 'string' ? visibleText(cell) : cellText(cell);
}

/** True for null, undefined, '' and text of whitespace and invisible characters only. */
export function isBlankCell(cell: Cell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  if (cell.length === 0) return true;
  const first = cell.charCodeAt(0);
  if (first > 32 && first < 0x7f) return false;
  return visibleText(cell).length === 0;
}

/** True when every cell of the row is blank (an empty row is blank). */
export function isBlankRow(row: readonly Cell[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlankCell(row[i])) return false;
  return true;
}
