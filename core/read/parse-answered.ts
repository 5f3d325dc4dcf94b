/**
 * The `answered` cell of a contact attempt (SPEC §1 "Contacts") → true / false, or null when it
 * says neither (the row is then rejected as `bad-answered`).
 *
 * Booleans as they are; numbers 1 and 0; text (trimmed, any case, ё as е): yes / no, y / n,
 * true / false, 1 / 0, да / нет, д / н, истина / ложь (Russian Excel's TRUE / FALSE), answered /
 * not answered, no answer, reached / not reached, ответил / не ответил, дозвонился / не дозвонился,
 * дозвон / недозвон.
 *
 * Examples: `Да` → true; `0` → false; `maybe` → null; 2 → null.
 */
import { normalizeWord } from '../basics/words.js';
import type { Cell } from './types.js';

const YES = new Set(['yes', 'y', 'true', '1', 'да', 'д', 'истина', 'answered', 'reached', 'ответил', 'дозвонился', 'дозвон']);
const NO = new Set([
  'no', 'n', 'false', '0', 'нет', 'н', 'ложь', 'not answered', 'no answer', 'not reached',
  'не ответил', 'не дозвонился', 'недозвон',
]);

export function parseAnswered(cell: Cell): boolean | null {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : null;
  if (typeof cell !== 'string') return null;
  const word = normalizeWord(cell);
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return null;
}
