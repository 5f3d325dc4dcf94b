/**
 * What a report cell holds once written, the same in every host: a number with its column's
 * number format, or a string in the Text format `@` — so a client called `=HYPERLINK("x")`,
 * `+7 Строй`, `-5` or `@x` stays text and never becomes a formula or a number. An empty cell (null,
 * NaN, ±Infinity) is written as "" (a host's "clear"). A `date` column holds day numbers; each host
 * says how its sheets count dates (`serialOf`: the 1900 system, or 1904 in such an Excel workbook).
 *
 * A cell holds at most 32,767 characters in Excel (and so in an .xlsx file; Google Sheets holds
 * 50,000): a longer text is cut to that length, its end replaced by the mark ` […]`, the same in
 * every host — never written as it is (Excel would refuse or truncate it without a word).
 *
 * Example: sheetCell('=1+1', 'money', serial) → {value: '=1+1', format: '@'};
 * sheetCell(20517, 'date', serialFromDay) → {value: 46086, format: 'yyyy-mm-dd'}; a Russian report's
 * tabs write dates as 'dd.mm.yyyy'.
 */
import type { Day } from '../basics/calendar.js';
import type { CellFormat, SpecValue } from '../report/spec.js';

/** A number format code for each CellFormat — the same codes in Excel, Google Sheets and xlsx. */
export type NumberFormats = Record<CellFormat, string>;

/** The codes a report uses unless its tabs say otherwise (SheetSpec.numberFormats). */
export const NUMBER_FORMATS: NumberFormats = {
  text: '@',
  integer: '#,##0',
  money: '#,##0.00',
  decimal: '0.00',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
};

export const TEXT_FORMAT = NUMBER_FORMATS.text;

/**
 * The money code with a currency's sign: the default money digits, and the text around them in
 * the language's pattern (`¤n`: the sign `¤` before the number `n`; `n\u00a0¤`: after it, a
 * no-break space between) as quoted literals — so no sign character is ever read as a code
 * (ECMA-376 Part 1 §18.8.31; Google Sheets number format tokens, `"text"`). The group and decimal
 * separators stay `,` and `.`: each host shows them in the user's locale.
 *
 * Example: moneyFormat('$', '¤n') → `"$"#,##0.00`; moneyFormat('₽', 'n\u00a0¤') → `#,##0.00" ₽"`
 * (a Russian Excel shows 1 234,50 ₽).
 */
export function moneyFormat(sign: string, pattern: string): string {
  const [before = '', after = ''] = pattern.split('n').map((part) => part.split('¤').join(sign));
  return `${before ? formatLiteral(before) : ''}${NUMBER_FORMATS.money}${after ? formatLiteral(after) : ''}`;
}

/** Text a number format code shows as it is: in double quotes, a quote inside it as `\"` between them. */
export function formatLiteral(text: string): string {
  return `"${text.split('"').join('"\\""')}"`;
}

/** A written cell: its value and its number format code. */
export interface SheetCell {
  value: string | number;
  format: string;
}

/** The most characters a cell holds (Excel's limit, the smallest of the hosts'). */
export const MAX_CELL_TEXT = 32_767;
/** What ends a text cut to fit a cell. */
export const CUT_MARK = ' […]';

export function sheetCell(value: SpecValue | undefined, format: CellFormat, serialOf: (day: Day) => number, formats: NumberFormats = NUMBER_FORMATS): SheetCell {
  return sheetCellInto({ value: '', format: '' }, value, format, serialOf, formats);
}

/**
 * sheetCell written into `cell` and returned, for a writer that makes a cell per value of a large
 * table and would otherwise leave an object per cell behind (the .xlsx writer's rows).
 */
export function sheetCellInto(cell: SheetCell, value: SpecValue | undefined, format: CellFormat, serialOf: (day: Day) => number, formats: NumberFormats = NUMBER_FORMATS): SheetCell {
  if (typeof value === 'string') {
    cell.value = fitted(value);
    cell.format = TEXT_FORMAT;
  } else {
    cell.value = typeof value !== 'number' || !Number.isFinite(value) ? '' : format === 'date' ? serialOf(value) : value;
    cell.format = formats[format];
  }
  return cell;
}

/** A line of text cells (a note, a title, a header), padded to `width` columns. */
export function textCells(texts: readonly string[], width = texts.length): SheetCell[] {
  return Array.from({ length: Math.max(width, texts.length) }, (_, i) => ({ value: fitted(texts[i] ?? ''), format: TEXT_FORMAT }));
}

/** The text as a cell holds it: cut with the mark when longer than MAX_CELL_TEXT characters. */
export function fitted(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  let end = MAX_CELL_TEXT - CUT_MARK.length;
  // Never split a surrogate pair (a letter outside the Basic Multilingual Plane).
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end) + CUT_MARK;
}
