/**
 * CSV and text files → a Grid (SPEC §9 "CSV").
 *
 * decodeText: bytes → text. A UTF-8 byte-order mark, or bytes that are valid UTF-8, give UTF-8;
 * a UTF-16 LE mark gives UTF-16 LE (Excel's "Unicode text" export); anything else is read as
 * Windows-1251, the encoding of 1C and Russian Excel CSV exports. The mark is not part of the text.
 *
 * parseCsv: RFC 4180 — fields separated by the delimiter, records by CRLF, LF or CR; a field in
 * double quotes may hold delimiters, line breaks and doubled quotes (`""` → `"`); text after a
 * closing quote is kept as it is. Every cell is a string ('' when empty; the readers parse them).
 * A line break at the very end does not start another row; an empty line in the middle is a row
 * with one empty cell (a blank row, so row numbers stay those of the file). A record that spans
 * lines counts as one row, as a spreadsheet shows it. A leading U+FEFF (a mark left in the text) is
 * skipped.
 *
 * detectDelimiter: among `,` `;` and tab, the one found the same number of times (outside quotes)
 * in the most of the first 50 records — title lines of a 1C export do not disturb it; on a tie the
 * larger count, then the order `,` `;` tab. No candidate at all → `,`.
 *
 * Example: `Клиент;Дата;Сумма\r\nООО "Ромашка";05.03.2026;"1 234,50"\r\n` →
 * [['Клиент', 'Дата', 'Сумма'], ['ООО "Ромашка"', '05.03.2026', '1 234,50']].
 */
import type { Grid } from './types.js';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'windows-1251';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const BOM = 0xfeff;
const DELIMITERS = [',', ';', '\t'] as const;
const SAMPLE_RECORDS = 50;

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeAs(bytes, 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes, 'utf-16le');
  const utf8 = strictUtf8(bytes);
  return utf8 === null ? decodeAs(bytes, 'windows-1251') : { text: utf8, encoding: 'utf-8' };
}

function decodeAs(bytes: Uint8Array, encoding: TextEncodingName): DecodedText {
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

/** The text when the bytes are valid UTF-8, else null. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function parseCsv(text: string, delimiter: string = detectDelimiter(text)): Grid {
  const rows: string[][] = [];
  const n = text.length;
  const sep = delimiter.charCodeAt(0);
  let row: string[] = [];
  let i = text.charCodeAt(0) === BOM ? 1 : 0;
  if (i >= n) return rows;
  for (;;) {
    // One field: an optional quoted part (doubled quotes kept once), then plain text up to the
    // delimiter or the end of the line.
    let field = '';
    let start = i;
    if (text.charCodeAt(i) === QUOTE) {
      start = i + 1;
      let close = text.indexOf('"', start);
      while (close >= 0 && text.charCodeAt(close + 1) === QUOTE) {
        field += text.slice(start, close + 1);
        start = close + 2;
        close = text.indexOf('"', start);
      }
      field += text.slice(start, close < 0 ? n : close);
      i = start = close < 0 ? n : close + 1;
    }
    for (let c = text.charCodeAt(i); i < n && c !== sep && c !== LF && c !== CR; c = text.charCodeAt(++i));
    row.push(i > start ? field + text.slice(start, i) : field);
    // Then a delimiter (next field), a line break (next row) or the end of the text.
    if (i >= n) break;
    if (text.charCodeAt(i) === sep) {
      i++;
      continue;
    }
    i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) return rows;
  }
  rows.push(row);
  return rows;
}

export function detectDelimiter(text: string): string {
  const counts = sampleCounts(text);
  let best: string = DELIMITERS[0];
  let bestRecords = 0;
  let bestCount = 0;
  for (let d = 0; d < DELIMITERS.length; d++) {
    const [count, records] = modalCount(counts.map((record) => record[d]!));
    if (records > bestRecords || (records === bestRecords && count > bestCount)) {
      best = DELIMITERS[d]!;
      bestRecords = records;
      bestCount = count;
    }
  }
  return best;
}

/** Per record of the first SAMPLE_RECORDS: how many of each delimiter lie outside quotes. */
function sampleCounts(text: string): number[][] {
  const records: number[][] = [];
  let current = [0, 0, 0];
  let quoted = false;
  for (let i = 0; i < text.length && records.length < SAMPLE_RECORDS; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      records.push(current);
      current = [0, 0, 0];
    } else if (c === ',') current[0]!++;
    else if (c === ';') current[1]!++;
    else if (c === '\t') current[2]!++;
  }
  if (records.length < SAMPLE_RECORDS && current.some((count) => count > 0)) records.push(current);
  return records;
}

/** The most frequent non-zero value and how many times it occurs ([0, 0] when all are zero). */
function modalCount(values: readonly number[]): [number, number] {
  const frequency = new Map<number, number>();
  let mode = 0;
  let times = 0;
  for (const value of values) {
    if (value === 0) continue;
    const seen = (frequency.get(value) ?? 0) + 1;
    frequency.set(value, seen);
    if (seen > times || (seen === times && value > mode)) {
      mode = value;
      times = seen;
    }
  }
  return [mode, times];
}
