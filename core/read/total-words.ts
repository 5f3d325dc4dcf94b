/**
 * Subtotal rows (SPEC §1): a row whose client cell — or first non-empty cell — is a total label
 * (read-rows.ts checks the row).
 *
 * A total word must be the whole label, or the label's start followed by a period or a colon; it
 * is never part of a name. Compared after normalizeWord (invisible characters dropped, trimmed,
 * lower case, ё as е):
 * - the whole label is `итого`, `итог`, `всего`, `общий итог`, `total`, `totals`, `grand total`,
 *   `subtotal`, `sub-total` or `sub total`, with or without a trailing `:` or `.`;
 * - or the label starts with one of these words followed by `:` or `.` (`Total: March`,
 *   `Итого: 1 234`);
 * - or it starts with `итого ` or `всего ` (1C writes `Итого по контрагенту …`, and no Russian name
 *   begins with these words).
 *
 * So `Grand Total Ltd`, `Subtotal Systems` and `Total Oil` are clients; a client named exactly
 * `Total` would be taken for a subtotal row and reported as one.
 *
 * Examples: `Итого` → true; `Итого по менеджеру Иванов` → true; `Total:` → true; `Grand total.` →
 * true; `Total Oil Ltd` → false; `Grand Total Ltd` → false; `ООО Итог` → false.
 */
import { hasInvisible, normalizeWord } from '../basics/words.js';

const WORDS = ['итого', 'итог', 'всего', 'общий итог', 'total', 'totals', 'grand total', 'subtotal', 'sub-total', 'sub total'];
const EXACT = new Set(WORDS);
const MARKED = WORDS.flatMap((word) => [`${word}:`, `${word}.`]);
const RUSSIAN_PREFIXES = ['итого ', 'всего '];
/** First letters of every word above, both cases: a cheap test before normalizing. */
const FIRST_LETTERS = new Set([...'иИвВоОtTgGsS'].map((letter) => letter.charCodeAt(0)));
const TRAILING_MARK = /\s*[:.]$/;
/** The first two letters of every word, lower case (ё needs no entry: no word starts with it). */
const FIRST_PAIRS = new Set(WORDS.map((word) => word.slice(0, 2)));

export function isTotalText(text: string): boolean {
  let first = 0;
  while (first < text.length && (text.charCodeAt(first) <= 32 || text.charCodeAt(first) === 160)) first++;
  const code = text.charCodeAt(first);
  if (!FIRST_LETTERS.has(code)) {
    if (!(code >= 0x7f && hasInvisible(String.fromCodePoint(text.codePointAt(first)!)))) return false;
  } else if (!FIRST_PAIRS.has(text.slice(first, first + 2).toLowerCase())) {
    // Every word starts with one of a few letter pairs: `ООО …` is decided here.
    if (!hasInvisible(text.slice(first, first + 2))) return false;
  }
  const lower = normalizeWord(text);
  if (EXACT.has(lower.replace(TRAILING_MARK, ''))) return true;
  return MARKED.some((prefix) => lower.startsWith(prefix)) || RUSSIAN_PREFIXES.some((prefix) => lower.startsWith(prefix));
}
