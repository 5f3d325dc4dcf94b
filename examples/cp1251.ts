/**
 * Windows-1251, the encoding of 1C exports: a small encoder and a `;`-separated CSV writer.
 *
 * The encoder knows exactly: ASCII, the Russian alphabet А–я with Ё ё, the no-break space (0xA0),
 * № (0xB9), « » (0xAB, 0xBB) and the em dash — (0x97). Any other character (other Latin-1 letters,
 * ², ×, emoji, …) is written as `?`, one per character. The example data uses only characters it knows.
 *
 * Example: `encodeWindows1251('Цена № 1 — «ok»')` → bytes D6 E5 ED E0 20 B9 20 31 20 97 20 AB 6F 6B BB,
 * and `new TextDecoder('windows-1251')` turns them back into the same text.
 */
import { open } from 'node:fs/promises';
import type { Grid } from '../core/read/types.js';
import { csvText } from './csv-text.js';

const QUESTION_MARK = 0x3f;
const SPECIALS: ReadonlyMap<number, number> = new Map([
  [0x0401, 0xa8], // Ё
  [0x0451, 0xb8], // ё
  [0x00a0, 0xa0], // no-break space
  [0x2116, 0xb9], // №
  [0x00ab, 0xab], // «
  [0x00bb, 0xbb], // »
  [0x2014, 0x97], // —
]);

export function encodeWindows1251(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes[n++] = code;
    else if (code >= 0x0410 && code <= 0x044f) bytes[n++] = code - 0x0350;
    else {
      bytes[n++] = SPECIALS.get(code) ?? QUESTION_MARK;
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) i++;
    }
  }
  return bytes.subarray(0, n);
}

/** Rows are joined in blocks of this many before encoding and writing. */
const ROWS_PER_WRITE = 20_000;

/** The grid as a `;`-separated CSV file in Windows-1251, lines ending in CRLF as 1C writes them. */
export async function writeCsv1251(grid: Grid, path: string): Promise<void> {
  const file = await open(path, 'w');
  try {
    for (let from = 0; from < grid.length; from += ROWS_PER_WRITE) {
      await file.write(encodeWindows1251(csvText(grid.slice(from, from + ROWS_PER_WRITE), ';', '\r\n')));
    }
  } finally {
    await file.close();
  }
}
