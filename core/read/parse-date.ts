/**
 * A cell → a calendar day (SPEC §1 "date"), or null when it cannot be read as one. Never throws.
 *
 * - Number: an Excel serial date (1900 system, or 1904 with `date1904`); the fraction is the time
 *   of day and is dropped. An 8-digit whole number such as 20260305 is read as YYYYMMDD (serials end
 *   at 2958465 = 9999-12-31, so the two never collide).
 * - Date: its UTC calendar date. Excel, exceljs and Google Sheets hand dates over as UTC midnight;
 *   a host whose Date objects mean local midnight must convert them to UTC first.
 * - Text (surrounding spaces ignored):
 *   - year first, any of `-` `.` `/`: `2026-03-05`, `2026-3-5`, `2026/03/05`;
 *   - day first with dots: `05.03.2026`, `5.3.2026`, `05.03.26`;
 *   - slash or dash with the year last, `5/3/2026`, `05-03-2026`: day first unless
 *     `slashDates: 'mdy'` (then March 5 is `3/5/2026`);
 *   - a two-digit year follows Excel's and LibreOffice's pivot (the "2029 rule", Microsoft KB
 *     214391): 00–29 are 2000–2029 and 30–99 are 1930–1999, so `05.03.26` → 2026-03-05 and
 *     `05.03.99` → 1999-03-05;
 *   - `YYYYMMDD` (`20260305`);
 *   - any of these may be followed by a time, which is dropped: `2010-12-01 08:26:00`,
 *     `2010-12-01T08:26:00Z`, `05.03.2026 14:05`, `12/1/2010 8:26 AM`, with an optional zone; the
 *     calendar date as written is kept (the zone is not applied).
 * - Anything else (booleans, month names, 31.04.2026, 29.02.2025, text numbers) → null.
 *
 * Only days from 1900-03-01 to 9999-12-31 are accepted: earlier Excel serials are ambiguous
 * (Excel's fictitious 29 Feb 1900), and a year such as 0202 is a typo to report, not a date.
 *
 * Examples: 46086 → 2026-03-05; `05.03.2026` → 2026-03-05; `3/5/2026` with 'mdy' → 2026-03-05.
 */
import { dayFromSerial, dayFromYmd, MS_PER_DAY } from '../basics/calendar.js';
import type { Cell, Day } from './types.js';

export interface DateOptions {
  /** How to read `5/3/2026` and `05-03-2026`: day first (default) or month first. */
  slashDates?: 'dmy' | 'mdy';
  /** Serial numbers count from 1904-01-01 (Excel for Mac's old date system). */
  date1904?: boolean;
}

/** The largest time a Date holds (ECMAScript: ±8.64e15 ms). */
const MAX_TIME = 8.64e15;
const MIN_DAY = dayFromYmd(1900, 3, 1);
const MAX_DAY = dayFromYmd(9999, 12, 31);
const MIN_YYYYMMDD = 19_000_301;
const MAX_YYYYMMDD = 99_991_231;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** What may follow a date: a time (with optional seconds, fraction, AM/PM and zone), then spaces. */
const TIME_SUFFIX = /(?:[ T]\s*\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AaPp][Mm])?(?:\s*(?:Z|[+-]\d{2}(?::?\d{2})?))?)?\s*$/y;

/** The last two-digit year read as 20yy; later ones are 19yy. */
export const TWO_DIGIT_PIVOT = 29;

const DASH = 45;
const DOT = 46;
const SLASH = 47;

/** What a reading found besides the day: whether the year was written with two digits. */
export interface DateShape {
  twoDigitYear: boolean;
}

export function parseDay(cell: Cell, options?: DateOptions, shape?: DateShape): Day | null {
  if (shape) shape.twoDigitYear = false;
  if (typeof cell === 'number') return dayFromNumber(cell, options?.date1904 === true);
  if (typeof cell === 'string') return dayFromText(cell, options?.slashDates === 'mdy', shape);
  if (cell instanceof Date) return dayFromDate(cell);
  return null;
}

function dayFromNumber(value: number, date1904: boolean): Day | null {
  if (!Number.isFinite(value) || value < 0) return null;
  if (value >= MIN_YYYYMMDD && value <= MAX_YYYYMMDD && Number.isInteger(value)) {
    return dayFromParts(Math.floor(value / 10_000), Math.floor(value / 100) % 100, value % 100);
  }
  return inRange(dayFromSerial(value, date1904));
}

function dayFromDate(date: Date): Day | null {
  return dayFromTime(date.getTime());
}

/** The day parseDay gives for a Date of this time (milliseconds since 1970), without the Date. */
export function dayFromTime(time: number): Day | null {
  return Number.isNaN(time) || Math.abs(time) > MAX_TIME ? null : inRange(Math.floor(time / MS_PER_DAY));
}

/** Reads `a sep b sep c [time]` or `YYYYMMDD` with char codes: no allocation on the common path. */
function dayFromText(text: string, monthFirst: boolean, shape?: DateShape): Day | null {
  let i = 0;
  const n = text.length;
  while (i < n && isSpace(text.charCodeAt(i))) i++;

  const aStart = i;
  let a = 0;
  for (; i < n && isDigit(text.charCodeAt(i)); i++) a = a * 10 + text.charCodeAt(i) - 48;
  const aDigits = i - aStart;
  if (aDigits === 8 && endsWithTimeOrNothing(text, i)) {
    return dayFromParts(Math.floor(a / 10_000), Math.floor(a / 100) % 100, a % 100);
  }
  if (aDigits === 0 || aDigits > 4 || i >= n) return null;

  const separator = text.charCodeAt(i++);
  if (separator !== DASH && separator !== DOT && separator !== SLASH) return null;
  const bStart = i;
  let b = 0;
  for (; i < n && isDigit(text.charCodeAt(i)); i++) b = b * 10 + text.charCodeAt(i) - 48;
  if (i - bStart < 1 || i - bStart > 2 || text.charCodeAt(i++) !== separator) return null;
  const cStart = i;
  let c = 0;
  for (; i < n && isDigit(text.charCodeAt(i)); i++) c = c * 10 + text.charCodeAt(i) - 48;
  const cDigits = i - cStart;
  if (!endsWithTimeOrNothing(text, i)) return null;

  if (aDigits === 4) return cDigits <= 2 && cDigits > 0 ? dayFromParts(a, b, c) : null;
  if (aDigits > 2 || (cDigits !== 4 && cDigits !== 2)) return null;
  const year = cDigits === 2 ? (c <= TWO_DIGIT_PIVOT ? 2000 + c : 1900 + c) : c;
  if (cDigits === 2 && shape) shape.twoDigitYear = true;
  return separator !== DOT && monthFirst ? dayFromParts(year, a, b) : dayFromParts(year, b, a);
}

function endsWithTimeOrNothing(text: string, from: number): boolean {
  if (from >= text.length) return true;
  TIME_SUFFIX.lastIndex = from;
  return TIME_SUFFIX.test(text);
}

/** The day of a real calendar date in range, else null (no 31 April, no 29 Feb 2025). */
function dayFromParts(year: number, month: number, day: number): Day | null {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return null;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0)) return null;
  return inRange(daysFromCivil(year, month, day));
}

/** dayFromYmd without a Date: days since 1970-01-01 of a valid proleptic Gregorian date. */
function daysFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

function inRange(day: Day): Day | null {
  return day >= MIN_DAY && day <= MAX_DAY ? day : null;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 160 || code === 0x202f;
}
