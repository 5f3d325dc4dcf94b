/**
 * How the sales data was read, in words: one line per thing the reader decided — what, and how it
 * was read. The Data issues tab's table "How the sales data was read" and the panel's block of the
 * same name, shown before Segment, are these lines, so the two can never tell different stories.
 *
 * Lines, in this order, each only when it applies: the encoding and the delimiter of a text file
 * (with why the reader is not sure, when it is not), the header row, the column chosen for each
 * field with the other columns whose header names the field too, the decimal separator of each
 * numeric column (with the cells such as 1,234 only the column could decide, or that stayed
 * undecided), the currencies the money showed (and, after a run, the one the report uses), the dates of the accepted rows, two-digit years read by the pivot, and client names
 * that held invisible characters.
 *
 * Example (en): a Windows-1251 file, `;`, header in row 3, `Клиент` in A →
 * [['Encoding', 'Windows-1251 (Cyrillic)'], ['Columns separated by', 'semicolon'],
 *  ['Header row', '3'], ['Column for client', '"Клиент" (column A)'], …].
 */
import { words, fieldLabel, type Lang } from '../i18n/index.js';
import { columnLetters } from '../layout/addresses.js';
import type { ReadProfile } from '../read/types.js';
import { CURRENCY_SIGNS } from '../options/currency.js';
import type { CurrencyCode } from '../options/choices.js';

/** [what, how it was read] */
export type ProfileLine = [string, string];

/**
 * `currency`, when the run is known (the Data issues tab), is the currency the report writes money
 * in; before a run (the panel) only what the amounts showed is said.
 */
export function readProfileLines(lang: Lang, profile: ReadProfile, currency?: CurrencyCode | null): ProfileLine[] {
  const { format } = words(lang);
  const p = words(lang).report.profile;
  const lines: ProfileLine[] = [];
  if (profile.file) {
    const { encoding, encodingSure, strayBytes, delimiter, delimiterSure } = profile.file;
    lines.push([p.encoding, encodingSure ? p.encodings[encoding] : `${p.encodings[encoding]}; ${p.encodingUnsure(strayBytes)}`]);
    lines.push([p.delimiter, delimiterSure ? p.delimiters[delimiter] : `${p.delimiters[delimiter]}; ${p.delimiterUnsure}`]);
  }
  lines.push([p.headerRow, format.count(profile.headerRow)]);
  for (const choice of profile.columns) {
    const chosen = p.columnChoice(choice.header, columnLetters(choice.column));
    const others = choice.candidates.map((c) => p.columnChoice(c.header, columnLetters(c.column))).join(', ');
    lines.push([p.column(fieldLabel(lang, choice.field)), others ? `${chosen}; ${p.otherCandidates(others)}` : chosen]);
  }
  for (const decimal of profile.decimals) {
    const mark = p.marks[decimal.mark ?? 'none'];
    const ambiguous = decimal.ambiguous === 0 ? '' : `; ${decided(decimal.mark) ? p.ambiguous(decimal.ambiguous) : p.ambiguousUndecided(decimal.ambiguous)}`;
    lines.push([p.decimals(fieldLabel(lang, decimal.field)), mark + ambiguous]);
  }
  if (profile.currencies.length > 0) {
    const seen = profile.currencies.map((code) => `${CURRENCY_SIGNS[code]} ${code}`).join(', ');
    const shown = p.currencySeen(seen, profile.currencies.length > 1);
    lines.push([p.currency, currency === undefined ? shown : `${shown}; ${currency ? p.currencyUsed(currency) : p.currencyNone}`]);
  }
  if (profile.dates) lines.push([p.dates, p.dateRange(format.date(profile.dates.from), format.date(profile.dates.to))]);
  if (profile.twoDigitYears > 0) lines.push([p.twoDigitYears, p.twoDigitYearsRead(profile.twoDigitYears)]);
  if (profile.invisibleNames > 0) lines.push([p.invisible, p.invisibleRemoved(profile.invisibleNames)]);
  return lines;
}

/**
 * True when the reader was not sure of something it decided: the encoding or the delimiter of a
 * file, or the decimal separator of a column (its cells use both, or some such as 1,234 stayed
 * undecided).
 */
export function readProfileUnsure(profile: ReadProfile): boolean {
  if (profile.file && (!profile.file.encodingSure || !profile.file.delimiterSure)) return true;
  return profile.decimals.some((d) => d.mark === 'mixed' || (d.ambiguous > 0 && !decided(d.mark)));
}

function decided(mark: ReadProfile['decimals'][number]['mark']): boolean {
  return mark === 'comma' || mark === 'dot';
}
