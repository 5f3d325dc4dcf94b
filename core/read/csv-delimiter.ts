/**
 * The delimiter of a text file — `,` `;` or tab — decided from the evidence of its first records.
 *
 * The first megabyte (at most 1,000 records) is split with each candidate by the real rules (a
 * quote opens a quoted field only at the start of a field, so `12" pipe` or `ООО "Ромашка"` inside a
 * field change nothing). A candidate's score is the number of records it splits into its most
 * common field count, when that count is at least 2. The highest score wins; on a tie, tab before
 * semicolon before comma — commas are the ones that also occur inside numbers (`1,234.50`,
 * `1234,5`). Title lines of a 1C export do not disturb the count. No candidate splitting anything
 * → comma (a one-column file).
 *
 * The choice is sure unless another candidate scored as high (then the profile says so).
 *
 * Example: `Client\tAmount\nAcme\t1,234.50\nBeta\t2,000.00\n` → tab (3 records of 2 fields; the
 * comma splits only 2 records).
 */
import type { FileProfile } from './types.js';

type Delimiter = FileProfile['delimiter'];

/** In order of preference on a tie. */
const CANDIDATES: readonly Delimiter[] = ['\t', ';', ','];
const SAMPLE_BYTES = 1 << 20;
const SAMPLE_RECORDS = 1000;
const QUOTE = 34;
const LF = 10;
const CR = 13;

export function detectDelimiter(bytes: Uint8Array, from = 0, end = bytes.length): { delimiter: Delimiter; sure: boolean } {
  const last = Math.min(end, from + SAMPLE_BYTES);
  const scores = CANDIDATES.map((delimiter) => score(bytes, from, last, delimiter.charCodeAt(0)));
  let best = -1;
  for (let k = 0; k < CANDIDATES.length; k++) if (scores[k]! > 0 && (best < 0 || scores[k]! > scores[best]!)) best = k;
  if (best < 0) return { delimiter: ',', sure: scores.every((s) => s === 0) };
  const sure = scores.every((s, k) => k === best || s < scores[best]!);
  return { delimiter: CANDIDATES[best]!, sure };
}

/** Records split into the most common field count (≥ 2) by this separator. */
function score(bytes: Uint8Array, from: number, end: number, sep: number): number {
  const counts = new Map<number, number>();
  let fields = 1;
  let records = 0;
  let i = from;
  let fieldStart = true;
  const close = () => {
    if (fields >= 2) counts.set(fields, (counts.get(fields) ?? 0) + 1);
    records++;
    fields = 1;
    fieldStart = true;
  };
  while (i < end && records < SAMPLE_RECORDS) {
    const b = bytes[i]!;
    if (fieldStart && b === QUOTE) {
      i++;
      while (i < end) {
        if (bytes[i] === QUOTE) {
          if (bytes[i + 1] === QUOTE) i += 2;
          else break;
        } else i++;
      }
      i++;
      fieldStart = false;
      continue;
    }
    fieldStart = false;
    if (b === sep) {
      fields++;
      fieldStart = true;
    } else if (b === LF || b === CR) {
      if (b === CR && bytes[i + 1] === LF) i++;
      close();
    }
    i++;
  }
  if (!fieldStart || fields > 1) close();
  let best = 0;
  for (const times of counts.values()) if (times > best) best = times;
  return best;
}
