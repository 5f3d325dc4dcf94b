/**
 * Excel's two date systems. A date cell holds a serial number: days since 1900-01-00 in the
 * usual 1900 system, days since 1904-01-01 in the 1904 system (old Mac workbooks), so the same
 * date is 1462 less in a 1904 workbook. The core reads serials in the 1900 system; the port
 * shifts date cells of a 1904 workbook by +1462 when reading and by −1462 when writing.
 *
 * Which system a workbook uses: Excel's own DATE(1904,1,1) is 0 in the 1904 system and 1462 in
 * the 1900 one (the `use1904DateSystem` property exists only in Excel's preview API set).
 * Which cells are dates: `values` gives plain numbers, so in a 1904 workbook the port also reads
 * `numberFormat` and treats a number as a date when its format shows a day or a year.
 *
 * Worked example: 2026-03-05 is serial 46086 in the 1900 system and 44624 in the 1904 system;
 * a 1904 cell holding 44624 with format `dd.mm.yyyy` is handed to the core as 46086.
 */
import { EXCEL_1904_OFFSET, serialFromDay, type Cell, type Day } from '../core/index.js';

/** True when Excel's DATE(1904,1,1) evaluated to `serial` in this workbook — the 1904 system. */
export function is1904System(serialOf1904Jan1: number): boolean {
  return serialOf1904Jan1 === 0;
}

/**
 * True when an Excel number format shows a date: after dropping quoted text, escaped and
 * bracketed parts and padding (`"руб."`, `\d`, `_)`, `*-`, `[$-419]`, `[Red]`), a `d` or `y` code remains.
 * `dd.mm.yyyy`, `m/d/yy`, `[$-F800]dddd, mmmm dd, yyyy` are dates; `General`, `0.00`, `mm:ss`,
 * `# ##0 "дн."` are not.
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string') return false;
  const codes = format
    .replace(/"[^"]*"/g, '')
    .replace(/[\\_*]./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[dy]/i.test(codes);
}

/** A block of a 1904 workbook with its date cells moved to the 1900 system; other cells as they are. */
export function to1900Serials(values: readonly (readonly Cell[])[], formats: readonly (readonly unknown[])[]): Cell[][] {
  return values.map((row, r) =>
    row.map((cell, c) => (typeof cell === 'number' && isDateFormat(formats[r]?.[c]) ? cell + EXCEL_1904_OFFSET : cell)),
  );
}

/** The serial to write for a day in a workbook of the given date system. */
export function serialForWorkbook(day: Day, date1904: boolean): number {
  return serialFromDay(day) - (date1904 ? EXCEL_1904_OFFSET : 0);
}
