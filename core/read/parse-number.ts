/**
 * A cell → a number, or null when it is not one (never 0 for garbage: SPEC §1 "never guessed").
 *
 * Number cells are taken as they are (NaN and ±Infinity → null). Text is read like an analyst
 * reads it:
 * - signs: a leading `-`, `−` (U+2212) or `+`; a trailing `-` (`120-`); brackets `(120.00)` → −120;
 * - currency before or after the number: `$ € £ ₽`, `USD EUR GBP RUB RUR`, `руб`, `руб.`, `рублей`,
 *   `р`, `р.` (any case): `$1,234.00`, `€ 5`, `1 234 руб.`, `1234,5 р.`; the shape says which
 *   (`currency`: USD, EUR, GBP, RUB — every ruble word and `₽` is RUB); two different ones
 *   (`$5 €`) are not a number;
 * - spaces of any kind (incl. U+00A0 and U+202F) and apostrophes only group thousands;
 * - with both `.` and `,` the later one is the decimal point: `12,345.67` and `12.345,67`;
 * - a single `,` is a decimal comma (`1,5` → 1.5) except when exactly three digits follow it, one
 *   to three digits (not a lone 0) precede it and nothing else groups the number: `1,234` → 1234;
 * - a single `.` is a decimal point: `1.234` → 1.234;
 * - a repeated `,` or `.` groups thousands: `1,234,567`, `1.234.567`;
 * - thousands groups must have exactly three digits (`12,34` is a decimal, `1,23,456` is garbage);
 * - scientific notation without grouping: `1.5E+05`;
 * - a percent sign, letters or anything else → null.
 *
 * `1,234` and `1.234` are ambiguous: read alone, they follow the two rules above, but a column
 * decides them (read-numbers.ts). So every text reading also says, in `NumberShape`, which decimal
 * separator the text proves (`1,5`, `12 345,67`, `1.234,5`, `1.234.567` prove a comma; `1.5`,
 * `1,234.50`, `1,234,567` a point) and, for an ambiguous text, its value under the other reading.
 *
 * Examples: `12 345,67` → 12345.67 (proves a comma); `(120.00)` → −120; `1 234 руб.` → 1234 (RUB);
 * `1,234` → 1234 (ambiguous, else 1.234); `5%` → null; `abc` → null.
 */
import type { CurrencyCode } from '../options/choices.js';
import type { Cell } from './types.js';

/** The decimal separator a text proves, when it proves one. */
export type DecimalMark = 'comma' | 'dot';

/** What the last reading found out besides the value; reused by a reader, never made per cell. */
export interface NumberShape {
  evidence: DecimalMark | null;
  /** For an ambiguous text: its value under the other reading of the separator; NaN otherwise. */
  alternative: number;
  /** The currency the text writes beside the number (`1 234 руб.` → RUB), null when none. */
  currency: CurrencyCode | null;
}

const CURRENCY = String.raw`[$€£₽]|usd|eur|gbp|rub|rur|рублей|рубля|рубль|руб\.?|р\.?`;
const NUMBER_SHAPE = new RegExp(
  String.raw`^(\()?\s*([-−+])?\s*(?:(${CURRENCY})\s*)?([-−+])?\s*([\d.,'’\s]*\d[\d.,'’\s]*?)\s*(${CURRENCY})?\s*(-)?\s*(\))?$`,
  'i',
);
/** The code of each currency word or sign that is not a ruble (every ruble word is RUB). */
const NOT_RUBLE: Readonly<Record<string, CurrencyCode>> = { $: 'USD', usd: 'USD', '€': 'EUR', eur: 'EUR', '£': 'GBP', gbp: 'GBP' };
/** Longer text is not a number; the limit also keeps the pattern below fast on long garbage. */
const MAX_TEXT = 64;
const SCIENTIFIC = /^[-+]?(?:\d+\.?\d*|\.\d+)[eE][-+]?\d+$/;
const SPACING = /[\s'’]/;
const GROUPING = /[\s'’]/g;
const THOUSANDS_GROUPS = /^\d{1,3}(?:_\d{3})*$/;
const DIGITS = /^\d*$/;
const COMMA_THOUSAND = /^[1-9]\d{0,2},\d{3}$/;
const DOT_THOUSAND = /^[1-9]\d{0,2}\.\d{3}$/;
const POWERS_OF_TEN = Array.from({ length: 17 }, (_, k) => 10 ** k);
const SCRATCH: NumberShape = { evidence: null, alternative: Number.NaN, currency: null };

export function parseNumber(cell: Cell, shape: NumberShape = SCRATCH): number | null {
  shape.evidence = null;
  shape.alternative = Number.NaN;
  shape.currency = null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  return parseNumberText(cell, shape);
}

/** Text → number by the rules in the file comment. */
export function parseNumberText(text: string, shape: NumberShape = SCRATCH): number | null {
  shape.evidence = null;
  shape.alternative = Number.NaN;
  shape.currency = null;
  const plain = plainNumber(text, shape);
  if (plain !== undefined) return plain;
  const trimmed = text.trim();
  if (trimmed.length > MAX_TEXT) return null;
  if (SCIENTIFIC.test(trimmed)) return finite(Number(trimmed));
  const found = NUMBER_SHAPE.exec(trimmed);
  if (!found) return null;
  const [, open, leadingSign, before, innerSign, digits, after, trailingMinus, close] = found;
  if (Boolean(open) !== Boolean(close)) return null;
  const signs = [open, leadingSign, innerSign, trailingMinus].filter(Boolean);
  if (signs.length > 1) return null;
  const currency = currencyOf(before) ?? currencyOf(after);
  if (before && after && currencyOf(before) !== currencyOf(after)) return null;
  const magnitude = groupedNumber(digits!.trim(), shape);
  if (magnitude === null) {
    shape.evidence = null;
    shape.alternative = Number.NaN;
    return null;
  }
  const negative = signs.length === 1 && signs[0] !== '+';
  if (negative) shape.alternative = -shape.alternative;
  shape.currency = currency;
  return negative ? -magnitude : magnitude;
}

/** The code of a currency word or sign as the pattern matched it; null for none. */
function currencyOf(word: string | undefined): CurrencyCode | null {
  if (!word) return null;
  return NOT_RUBLE[word.toLowerCase()] ?? 'RUB';
}

const CURRENCY_WORD = new RegExp(String.raw`^(?:${CURRENCY})$`, 'i');

/** The currency a word alone names, by the same words as in numbers: `руб.` → RUB, `USD` → USD, `шт` → null. */
export function currencyWord(text: string): CurrencyCode | null {
  const word = text.trim();
  return CURRENCY_WORD.test(word) ? currencyOf(word) : null;
}

/**
 * Fast path, without allocation, for the common shapes: `-12`, `2.55`, `.5`, `1234,5`, `1,234` —
 * an optional minus, digits and at most one `.` or `,` (read by the same rules as below). Up to 15
 * digits, so digits / 10^k is one exact division — the same double as Number(text). Other text →
 * undefined (the full rules decide).
 */
function plainNumber(text: string, shape: NumberShape): number | null | undefined {
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
  return plainValue(negative, whole, wholeDigits, fraction, fractionDigits, separator, text.charCodeAt(negative ? 1 : 0), shape);
}

/**
 * plainNumber over the ASCII bytes of a text (a CSV cell not yet decoded): the same rule and the
 * same result as plainNumber on the decoded text.
 */
export function plainNumberBytes(bytes: Uint8Array, from: number, to: number, shape: NumberShape = SCRATCH): number | null | undefined {
  const n = to - from;
  if (n === 0 || n > 16) return undefined;
  const negative = bytes[from] === 45;
  let whole = 0;
  let wholeDigits = 0;
  let fraction = 0;
  let fractionDigits = 0;
  let separator = 0;
  for (let i = negative ? from + 1 : from; i < to; i++) {
    const c = bytes[i]!;
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
  shape.evidence = null;
  shape.alternative = Number.NaN;
  shape.currency = null;
  return plainValue(negative, whole, wholeDigits, fraction, fractionDigits, separator, bytes[negative ? from + 1 : from] ?? 0, shape);
}

/** The value of a plain number from its parts, with its evidence or its other reading. */
function plainValue(
  negative: boolean,
  whole: number,
  wholeDigits: number,
  fraction: number,
  fractionDigits: number,
  separator: number,
  firstDigit: number,
  shape: NumberShape,
): number | undefined {
  const digits = wholeDigits + fractionDigits;
  if (digits === 0 || digits > 15) return undefined;
  const scale = POWERS_OF_TEN[fractionDigits]!;
  const decimal = (whole * scale + fraction) / scale;
  const groupable = fractionDigits === 3 && wholeDigits >= 1 && wholeDigits <= 3 && firstDigit !== 48;
  let value = decimal;
  if (separator !== 0 && groupable) {
    const thousands = whole * 1000 + fraction;
    const other = separator === 44 ? decimal : thousands;
    if (separator === 44) value = thousands;
    shape.alternative = negative ? -other : other;
  } else if (separator !== 0) shape.evidence = separator === 44 ? 'comma' : 'dot';
  return negative ? -value : value;
}

/** Digits with thousands groups and a decimal separator → number (see the rules above). */
function groupedNumber(core: string, shape: NumberShape): number | null {
  const lastDot = core.lastIndexOf('.');
  const lastComma = core.lastIndexOf(',');
  const spaced = SPACING.test(core);
  let decimal = '';
  let thousands = '';
  let ambiguous = false;
  if (lastDot >= 0 && lastComma >= 0) {
    decimal = lastDot > lastComma ? '.' : ',';
    thousands = decimal === '.' ? ',' : '.';
  } else if (lastComma >= 0) {
    const single = core.indexOf(',') === lastComma;
    ambiguous = single && !spaced && COMMA_THOUSAND.test(core);
    if (!single || ambiguous) thousands = ',';
    else decimal = ',';
  } else if (lastDot >= 0) {
    const single = core.indexOf('.') === lastDot;
    ambiguous = single && !spaced && DOT_THOUSAND.test(core);
    if (single) decimal = '.';
    else thousands = '.';
  }
  const value = readGroups(core, decimal, thousands);
  if (value === null) return null;
  if (ambiguous) shape.alternative = readGroups(core, thousands ? ',' : '', decimal ? '.' : '') ?? Number.NaN;
  else if (decimal) shape.evidence = decimal === ',' ? 'comma' : 'dot';
  else if (thousands) shape.evidence = thousands === ',' ? 'dot' : 'comma';
  return value;
}

/** The number under one reading of the separators, or null when the groups are wrong. */
function readGroups(core: string, decimal: string, thousands: string): number | null {
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
