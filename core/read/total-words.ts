/**
 * Subtotal rows (SPEC §1): a row whose client cell — or first non-empty cell — is a total word.
 *
 * A text is a total word when, trimmed, lower-cased, ё as е and without a trailing `:` or `.`, it is
 * one of `итого`, `итог`, `всего`, `общий итог`, `total`, `totals`, `grand total`, `subtotal`,
 * `sub-total`, `sub total`; or begins with `итого `, `всего `, `итого:`, `всего:` (1C writes
 * `Итого по контрагенту …`), `общий итог`, `grand total`, `subtotal`, `sub-total`, `sub total`,
 * `total:`, `total for `, `total of `.
 *
 * English `Total …` followed by other words is not a total (a client may be called `Total Oil`);
 * a client named exactly `Total` would be taken for a subtotal row and reported as one.
 *
 * Examples: `Итого` → true; `Итого по менеджеру Иванов` → true; `Total:` → true;
 * `Total Oil Ltd` → false; `ООО Итог` → false.
 */
import type { Cell } from './types.js';
import { normalizeWord } from '../basics/words.js';
import { isBlankCell } from './cell-text.js';

const EXACT = new Set([
  'итого', 'итог', 'всего', 'общий итог',
  'total', 'totals', 'grand total', 'subtotal', 'sub-total', 'sub total',
]);
const PREFIXES = [
  'итого ', 'всего ', 'итого:', 'всего:', 'общий итог',
  'grand total', 'subtotal', 'sub-total', 'sub total', 'total:', 'total for ', 'total of ',
];
/** First letters of every word above, both cases: a cheap test before normalizing. */
const FIRST_LETTERS = new Set([...'иИвВоОtTgGsS'].map((letter) => letter.charCodeAt(0)));
const TRAILING_MARK = /\s*[:.]$/;

export function isTotalText(text: string): boolean {
  let first = 0;
  while (first < text.length && (text.charCodeAt(first) <= 32 || text.charCodeAt(first) === 160)) first++;
  if (!FIRST_LETTERS.has(text.charCodeAt(first))) return false;
  const lower = normalizeWord(text);
  if (EXACT.has(lower.replace(TRAILING_MARK, ''))) return true;
  return PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** True when the client cell, or the first non-empty cell of the row, is a total word. */
export function isSubtotalRow(row: readonly Cell[], clientColumn: number): boolean {
  const client = row[clientColumn];
  if (typeof client === 'string' && isTotalText(client)) return true;
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    if (isBlankCell(cell)) continue;
    return typeof cell === 'string' && i !== clientColumn && isTotalText(cell);
  }
  return false;
}
