/// <reference types="google-apps-script" />
/**
 * Date cells → Excel/Sheets serial numbers, read in the spreadsheet's time zone.
 *
 * Range.getValues and custom-function arguments give a date cell as a JavaScript Date: an instant,
 * midnight of that calendar date in the spreadsheet's time zone. Its calendar date is taken with
 * Utilities.formatDate in that zone and handed to the core as a serial (the core reads numbers in
 * date columns as serials), so no time zone ever reaches the core.
 *
 * formatDate is a service call, so results are remembered per 15-minute slot of the instant: every
 * time zone in use today is offset from UTC by a whole number of quarter hours, so a calendar date
 * never changes inside a slot. A sheet with 200,000 lines over 1,000 distinct days costs 1,000 calls.
 *
 * Worked example: in Europe/Moscow (UTC+3) the cell 2026-03-05 arrives as 2026-03-04T21:00:00Z;
 * formatDate gives "2026-03-05", day 20517, serial 46086.
 */
import { dayFromYmd, serialFromDay, type Cell } from '../core/index.js';
import type { UtilitiesApi } from './gas-api.js';

const SLOT_MS = 15 * 60 * 1000;

function utilities(): UtilitiesApi {
  return Utilities;
}

/** True for a Date from any realm (Apps Script hands over its own Date objects). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * A converter Date → serial, remembering what it has seen. The time zone is asked for on the first
 * Date only, so a range without dates costs no service call.
 */
export function serialReader(timeZone: () => string): (date: Date) => number {
  const seen = new Map<number, number>();
  let zone: string | undefined;
  return (date) => {
    const slot = Math.floor(date.getTime() / SLOT_MS);
    let serial = seen.get(slot);
    if (serial === undefined) {
      zone ??= timeZone();
      const [year, month, day] = utilities().formatDate(date, zone, 'yyyy-MM-dd').split('-').map(Number);
      serial = serialFromDay(dayFromYmd(year, month, day));
      seen.set(slot, serial);
    }
    return serial;
  };
}

/** A cell with a Date replaced by its serial; other values unchanged. */
export function plainCell(cell: unknown, toSerial: (date: Date) => number): Cell {
  if (isDate(cell)) return Number.isNaN(cell.getTime()) ? null : toSerial(cell);
  return cell as Cell;
}
