/**
 * CSV text of a grid: cells joined by a separator, a cell quoted (`"…"`, inner quotes doubled) when it
 * contains the separator, a quote or a line break. A cell is written as `String(cell)`; null,
 * undefined and '' as nothing.
 *
 * Example: `csvText([['ООО "Альфа"', '1 234,50 руб.']], ';', '\r\n')` → `"ООО ""Альфа""";1 234,50 руб.` + CRLF
 */
import type { Cell } from '../core/read/types.js';

/** Every row ends with `eol`; built in flat blocks so a million lines stay cheap to hold. */
export function csvText(rows: Iterable<readonly Cell[]>, separator: string, eol: string): string {
  const specials = specialsOf(separator);
  const blocks: string[] = [];
  let block: string[] = [];
  for (const row of rows) {
    block.push(lineOf(row, separator, specials));
    if (block.length === LINES_PER_BLOCK) {
      blocks.push(block.join(eol) + eol);
      block = [];
    }
  }
  if (block.length > 0) blocks.push(block.join(eol) + eol);
  return blocks.join('');
}

/** `12345` with scale 100 → `123.45`; 1250 with scale 1000 → `1.25`; −5 with scale 100 → `-0.05`. */
export function decimalText(units: number, scale: number): string {
  const abs = Math.abs(units);
  const whole = Math.floor(abs / scale);
  const fraction = abs - whole * scale;
  const sign = units < 0 ? '-' : '';
  if (fraction === 0) return `${sign}${whole}`;
  const digits = String(scale).length - 1;
  return `${sign}${whole}.${String(fraction).padStart(digits, '0').replace(/0+$/, '')}`;
}

const LINES_PER_BLOCK = 10_000;

function lineOf(cells: readonly Cell[], separator: string, specials: RegExp): string {
  const texts = new Array<string>(cells.length);
  for (let i = 0; i < cells.length; i++) texts[i] = cellText(cells[i], specials);
  return texts.join(separator);
}

function cellText(cell: Cell, specials: RegExp): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  const text = String(cell);
  return specials.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The characters that make a cell need quotes: the separator, a quote, a line break. */
function specialsOf(separator: string): RegExp {
  return new RegExp(`["\\r\\n${separator.replace(/[\]\\^-]/g, '\\$&')}]`);
}
