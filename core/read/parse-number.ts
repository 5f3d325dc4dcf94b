/**
 * A cell → a number, or null when it is not one (never 0 for garbage: SPEC §1 "never guessed").
 *
 * Number cells are taken as they are (NaN and ±Infinity → null). Text is read like an analyst
 * reads it:
 * - signs: a leading `-`, `−` (U+2212) or `+`; a trailing `-` (`120-`); brackets `(120.00)` → −120;
 * - currency before or after the number: `$ € £ ₽`, `USD EUR GBP RUB RUR`, `руб`, `руб.`, `рублей`,
 *   `р`, `р.` (any case): `$1,234.00`, `€ 5`, `1 234 руб.`, `1234,5 р.`;
 * - spaces of any kind (incl. U+00A0 and U+202F) and apostrophes only group thousands;
 * - with both `.` and `,` the later one is the decimal point: `12,345.67` and `12.345,67`;
 * - a single `,` is a decimal comma (`1,5` → 1.5) except when exactly three digits follow it, one
 *   to three digits (not a lone 0) precede it and nothing else groups the number: `1,234` → 1234;
 * - a single `.` is always a decimal point: `1.234` → 1.234;
 * - a repeated `,` or `.` groups thousands: `1,234,567`, `1.234.567`;
 * - thousands groups must have exactly three digits (`12,34` is a decimal, `1,23,456` is garbage);
 * - scientific notation without grouping: `1.5E+05`;
 * - a percent sign, letters or anything else → null.
 *
 * Examples: `12 345,67` → 12345.67; `(120.00)` → −120; `1 234 руб.` → 1234; `5%` → null; `abc` → null.
 */
import type { Cell } from './types.js';

const CURRENCY = String.raw`(?:[$€£₽]|usd|eur|gbp|rub|rur|рублей|рубля|рубль|руб\.?|р\.?)`;
const NUMBER_SHAPE = new RegExp(
  String.raw`^(\()?\s*([-−+])?\s*(?:${CURRENCY}\s*)?([-−+])?\s*([\d.,'’\s]*\d[\d.,'’\s]*?)\s*(?:${CURRENCY})?\s*(-)?\s*(\))?$`,
  'i',
);
/** Longer text is not a number; the limit also keeps the pattern below fast on long garbage. */
const MAX_TEXT = 64;
const SCIENTIFIC = /^[-+]?(?:\d+\.?\d*|\.\d+)[eE][-+]?\d+$/;
const SPACING = /[\s'’]/;
const GROUPING = /[\s'’]/g;
const THOUSANDS_GROUPS = /^\d{1,3}(?:_\d{3})*$/;
const DIGITS = /^\d*$/;
const COMMA_THOUSAND = /^[1-9]\d{0,2},\d{3}$/;
const POWERS_OF_TEN = Array.from({ length: 17 }, (_, k) => 10 ** k);

export function parseNumber(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  return parseNumberText(cell);
}

/** Text → number by the rules in the file comment. */
export function parseNumberText(text: string): number | null {
  const plain = plainNumber(text);
  if (plain !== undefined) return plain;
  const trimmed = text.trim();
  if (trimmed.length > MAX_TEXT) return null;
  if (SCIENTIFIC.test(trimmed)) return finite(Number(trimmed));
  const shape = NUMBER_SHAPE.exec(trimmed);
  if (!shape) return null;
  const [, open, leadingSign, innerSign, digits, trailingMinus, close] = shape;
  if (Boolean(open) !== Boolean(close)) return null;
  const signs = [open, leadingSign, innerSign, trailingMinus].filter(Boolean);
  if (signs.length > 1) return null;
  const magnitude = groupedNumber(digits!.trim());
  if (magnitude === null) return null;
  const negative = signs.length === 1 && signs[0] !== '+';
  return negative ? -magnitude : magnitude;
}

/**
 * Fast path, without allocation, for the common shapes: `-12`, `2.55`, `.5`, `1234,5`, `1,234` —
 * an optional minus, digits and at most one `.` or `,` (read by the same rules as below). Up to 15
 * digits, so digits / 10^k is one exact division — the same double as Number(text). Other text →
 * undefined (the full rules decide).
 */
function plainNumber(text: string): number | null | undefined {
  const n = text.length;
  if (n === 0 || n > 16) return undefined;
  const negative = text.charCodeAt(0) === 45;
  let whole = 0;
  let wholeDigits = 0;
  let fraction = 0;
  let fractionDigits = 0;
  let separator = 0;
  for (let i = negative ? 1 : 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (separator === 0) {
        whole = whole * 10 + (c - 48);
        wholeDigits++;
      } else {
        fraction = fraction * 10 + (c - 48);
        fractionDigits++;
      }
    } else if ((c === 46 || c === 44) && separator === 0) separator = c;
    else return undefined;
  }
  const digits = wholeDigits + fractionDigits;
  if (digits === 0 || digits > 15) return undefined;
  const commaThousands = separator === 44 && fractionDigits === 3 && wholeDigits <= 3 && text.charCodeAt(negative ? 1 : 0) !== 48;
  const scale = POWERS_OF_TEN[fractionDigits]!;
  const value = commaThousands ? whole * 1000 + fraction : (whole * scale + fraction) / scale;
  return negative ? -value : value;
}

/** Digits with thousands groups and a decimal separator → number (see the rules above). */
function groupedNumber(core: string): number | null {
  const lastDot = core.lastIndexOf('.');
  const lastComma = core.lastIndexOf(',');
  const spaced = SPACING.test(core);
  let decimal = '';
  let thousands = '';
  if (lastDot >= 0 && lastComma >= 0) {
    decimal = lastDot > lastComma ? '.' : ',';
    thousands = decimal === '.' ? ',' : '.';
  } else if (lastComma >= 0) {
    const single = core.indexOf(',') === lastComma;
    if (!single || (!spaced && COMMA_THOUSAND.test(core))) thousands = ',';
    else decimal = ',';
  } else if (lastDot >= 0) {
    if (core.indexOf('.') === lastDot) decimal = '.';
    else thousands = '.';
  }
  const point = decimal ? core.lastIndexOf(decimal) : core.length;
  const whole = core.slice(0, point);
  const fraction = core.slice(point + 1);
  if (decimal && whole.includes(decimal)) return null;
  if (!DIGITS.test(fraction)) return null;
  const integer = wholeDigits(whole, thousands);
  if (integer === null || integer.length + fraction.length === 0) return null;
  return finite(Number(`${integer || '0'}.${fraction || '0'}`));
}

/** The integer part without its thousands separators, or null when the groups are wrong. */
function wholeDigits(whole: string, thousands: string): string | null {
  let marked = whole.replace(GROUPING, '_');
  if (thousands) marked = marked.split(thousands).join('_');
  if (!marked.includes('_')) return DIGITS.test(marked) ? marked : null;
  return THOUSANDS_GROUPS.test(marked) ? marked.replace(/_/g, '') : null;
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
