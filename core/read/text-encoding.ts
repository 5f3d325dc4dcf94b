/**
 * Which encoding a text file is in, decided from the evidence of its bytes (SPEC §9 "CSV": UTF-8
 * with or without a byte-order mark, UTF-16, and Windows-1251, the encoding of 1C exports).
 *
 * - A byte-order mark decides: EF BB BF UTF-8, FF FE UTF-16 LE, FE FF UTF-16 BE.
 * - Without one, a file whose first kilobyte has zero bytes in most odd positions and almost none
 *   in even ones is UTF-16 LE (Excel's "Unicode text"), the other way round UTF-16 BE; so is one
 *   whose odd (even) bytes are all 00 or 04 — the high bytes of ASCII and Cyrillic (a Russian
 *   header has zeros only at its delimiters).
 * - Otherwise ASCII is the same in UTF-8 and Windows-1251, so nothing is decided while the bytes
 *   are ASCII. At the first byte above 0x7F the next megabyte (or what is there) is weighed: the
 *   multi-byte sequences that are valid UTF-8 against the bytes that cannot be UTF-8. Mostly valid
 *   (at least four valid sequences per invalid byte) → UTF-8, and each invalid byte later found is
 *   a stray: its row is rejected (`bad-bytes`), the rest is read. Else Windows-1251, where every
 *   byte is a letter.
 * - The reader is sure when the evidence was one-sided: UTF-8 with no stray byte, Windows-1251
 *   with no run of bytes that looked like UTF-8 Cyrillic (D0/D1 followed by 80–BF), or ASCII only.
 *
 * Example: `Клиент;Сумма` in Windows-1251 (CA EB E8 E5 ED F2 …) → no valid UTF-8 sequence →
 * windows-1251, sure; the same words in UTF-8 with one 0xE9 byte in a later name → utf-8, not sure,
 * one stray byte, that row rejected.
 */
import type { TextEncodingName } from './types.js';

/** How many bytes after the first non-ASCII byte are weighed. */
export const EVIDENCE_BYTES = 1 << 20;

/** The encoding a byte-order mark names, and the mark's length; null without a mark. */
export function byteOrderMark(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 without a mark, told by the high bytes of its units; else null. A unit of ASCII has the
 * high byte 00 and one of Cyrillic 04 (U+0400–U+04FF); a dash, a typographic quote or an invisible
 * character 20 (U+2000–U+20FF) and № 21 (U+2116). Zero bytes in most odd positions and almost
 * none in even ones is UTF-16 LE, the other way round UTF-16 BE; and a first kilobyte whose odd
 * (even) bytes all are such high bytes, with some zeros among them and none at the other
 * positions, is LE (BE) too — a Russian header of "Контрагент,Дата,Сумма" has zeros only at its
 * commas. Text of one byte per character never holds a zero byte (a control character there).
 */
export function unmarkedUtf16(bytes: Uint8Array): TextEncodingName | null {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  let evenHigh = 0;
  let oddHigh = 0;
  for (let i = 0; i < n; i += 2) {
    const even = bytes[i]!;
    const odd = bytes[i + 1]!;
    if (even === 0) evenZeros++;
    if (odd === 0) oddZeros++;
    if (isTextPage(even)) evenHigh++;
    if (isTextPage(odd)) oddHigh++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  if (oddHigh === pairs && oddZeros > 0 && evenZeros === 0) return 'utf-16le';
  if (evenHigh === pairs && evenZeros > 0 && oddZeros === 0) return 'utf-16be';
  return null;
}

/** A high byte of the UTF-16 units a sales table writes: Latin, Cyrillic, punctuation, letterlike symbols. */
function isTextPage(high: number): boolean {
  return high === 0 || high === 4 || high === 0x20 || high === 0x21;
}

/**
 * The length of the valid UTF-8 sequence starting at `i` (a byte above 0x7F): 2–4; −1 when the
 * bytes there are not UTF-8; 0 when the sequence runs past `end` (more bytes are needed).
 */
export function utf8Sequence(bytes: Uint8Array, i: number, end: number): number {
  const b = bytes[i]!;
  let length: number;
  let min = 0x80;
  let max = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) length = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    length = 3;
    if (b === 0xe0) min = 0xa0;
    else if (b === 0xed) max = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    length = 4;
    if (b === 0xf0) min = 0x90;
    else if (b === 0xf4) max = 0x8f;
  } else return -1;
  for (let k = 1; k < length; k++) {
    if (i + k >= end) return 0;
    const c = bytes[i + k]!;
    if (c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return -1;
  }
  return length;
}

/** UTF-8 or Windows-1251 for the bytes from the first non-ASCII byte at `from` (see the file comment). */
export function weighEncoding(bytes: Uint8Array, from: number, end: number): { encoding: 'utf-8' | 'windows-1251'; mixed: boolean } {
  const last = Math.min(end, from + EVIDENCE_BYTES);
  let valid = 0;
  let invalid = 0;
  for (let i = from; i < last; ) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const length = utf8Sequence(bytes, i, last);
    if (length > 0) {
      valid++;
      i += length;
    } else {
      if (length < 0) invalid++;
      i++;
    }
  }
  const utf8 = valid > 0 && invalid * 4 <= valid;
  return { encoding: utf8 ? 'utf-8' : 'windows-1251', mixed: utf8 ? invalid > 0 : valid > 0 && valid * 4 > invalid };
}
