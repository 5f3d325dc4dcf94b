/**
 * Which columns of a sheet's head are the table: from the first column that holds anything to
 * the last one before a run of more than `MAX_BLANK_COLUMNS` columns that are blank in every head
 * row. A table with a few empty columns between its fields stays whole; a stray cell typed far to
 * the right (XFD1) is not part of it, so its 16,000 empty columns are never read. Data beyond such
 * a gap could not be the sales table's anyway: the header search and the column picker see only
 * the table's columns.
 *
 * Worked example: a head whose rows hold A–C and, in row 1 only, XFD → columns A–C (first 0, count 3).
 */
import { cellText, type Cell } from '../core/index.js';

/** Blank columns a table may have between two of its columns. */
export const MAX_BLANK_COLUMNS = 32;

export function tableColumns(head: readonly (readonly Cell[])[]): { first: number; count: number } {
  const width = Math.max(0, ...head.map((row) => row.length));
  const filled = (column: number) => head.some((row) => cellText(row[column]) !== '');
  let first = 0;
  while (first < width && !filled(first)) first++;
  if (first === width) return { first: 0, count: Math.max(1, width) };
  let last = first;
  for (let column = first + 1; column < width && column - last <= MAX_BLANK_COLUMNS + 1; column++) if (filled(column)) last = column;
  return { first, count: last - first + 1 };
}
