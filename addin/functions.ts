/**
 * Excel's WINBACK.* custom functions: one line each over the catalog (core/functions), with the
 * JSDoc that custom-functions-metadata-plugin turns into functions.json at build time (and into
 * the `CustomFunctions.associate` calls it appends to this file). Descriptions and arguments
 * follow the catalog; a test checks functions.json against it. Numbers in date arguments are
 * serial dates of the workbook's date system (1900 or 1904, function-errors.ts); the functions
 * answer asynchronously (Excel shows #BUSY! for the moment it takes).
 */
import { callCatalog } from './function-errors.js';

/**
 * Status of one client from its own lines: active, at-risk, lost or new.
 * @customfunction CHURNSIGNAL
 * @param dates Date of each sales line.
 * @param amounts Amount of each sales line.
 * @param asOf Analysis date, e.g. a cell with =MAX(Sales!B:B).
 * @returns active, at-risk, lost or new.
 */
export function churnSignal(dates: unknown[][], amounts: unknown[][], asOf: unknown): Promise<unknown> {
  return callCatalog('CHURNSIGNAL', [dates, amounts, asOf]);
}

/**
 * Per client: status, signals, recency, cadence, last and next purchase.
 * @customfunction CHURNSIGNALS
 * @param clients Client of each sales line.
 * @param dates Date of each sales line.
 * @param amounts Amount of each sales line.
 * @param [asOf] Analysis date; default the latest date given.
 * @returns A table: client, status, signals, recency days, cadence days, last purchase, next purchase due, days overdue.
 */
export function churnSignals(clients: unknown[][], dates: unknown[][], amounts: unknown[][], asOf?: unknown): Promise<unknown[][]> {
  return callCatalog('CHURNSIGNALS', [clients, dates, amounts, asOf]) as Promise<unknown[][]>;
}

/**
 * Per client: value, share, ABC, cv, XYZ over the last periods.
 * @customfunction ABCXYZ
 * @param clients Client of each sales line.
 * @param dates Date of each sales line.
 * @param amounts Amount of each sales line.
 * @param [asOf] Analysis date; default the latest date given.
 * @param [periods] Months in the window (default 12).
 * @returns A table: client, value, share, ABC, cv, XYZ.
 */
export function abcXyz(clients: unknown[][], dates: unknown[][], amounts: unknown[][], asOf?: unknown, periods?: unknown): Promise<unknown[][]> {
  return callCatalog('ABCXYZ', [clients, dates, amounts, asOf, periods]) as Promise<unknown[][]>;
}

/**
 * A, B or C of one value among values.
 * @customfunction ABCCLASS
 * @param value The value to class.
 * @param values All values.
 * @param [a] Share for A (default 0.8).
 * @param [b] Share for B (default 0.95).
 * @returns A, B or C.
 */
export function abcClass(value: unknown, values: unknown[][], a?: unknown, b?: unknown): Promise<unknown> {
  return callCatalog('ABCCLASS', [value, values, a, b]);
}

/**
 * X, Y, Z or N of a per-period series (blank periods count as 0).
 * @customfunction XYZCLASS
 * @param series Values per period.
 * @param [x] cv limit for X (default 0.5).
 * @param [y] cv limit for Y (default 1.0).
 * @returns X, Y, Z or N.
 */
export function xyzClass(series: unknown[][], x?: unknown, y?: unknown): Promise<unknown> {
  return callCatalog('XYZCLASS', [series, x, y]);
}

/**
 * Per client: value in its last active year and tier (gold, silver, bronze).
 * @customfunction VALUETIERS
 * @param clients Client of each sales line.
 * @param dates Date of each sales line.
 * @param amounts Amount of each sales line.
 * @returns A table: client, former value, tier.
 */
export function valueTiers(clients: unknown[][], dates: unknown[][], amounts: unknown[][]): Promise<unknown[][]> {
  return callCatalog('VALUETIERS', [clients, dates, amounts]) as Promise<unknown[][]>;
}

/**
 * Median gap between purchase days, in days.
 * @customfunction CADENCE
 * @param dates Purchase dates.
 * @returns Days.
 */
export function cadence(dates: unknown[][]): Promise<unknown> {
  return callCatalog('CADENCE', [dates]);
}

/**
 * Share of requests followed by a purchase within days (default 30).
 * @customfunction CONVERSION
 * @param requestDates Request dates.
 * @param purchaseDates Purchase dates.
 * @param [days] Days allowed (default 30).
 * @returns A share from 0 to 1.
 */
export function conversion(requestDates: unknown[][], purchaseDates: unknown[][], days?: unknown): Promise<unknown> {
  return callCatalog('CONVERSION', [requestDates, purchaseDates, days]);
}

/**
 * Per client: x, t_x, T, P(alive) and expected purchases in 90 days (BG/NBD).
 * @customfunction PALIVE
 * @param clients Client of each sales line.
 * @param dates Date of each sales line.
 * @param amounts Amount of each sales line.
 * @param [asOf] Analysis date; default the latest date given.
 * @returns A table: client, x, t_x, T, P(alive), expected purchases in 90 days.
 */
export function pAlive(clients: unknown[][], dates: unknown[][], amounts: unknown[][], asOf?: unknown): Promise<unknown[][]> {
  return callCatalog('PALIVE', [clients, dates, amounts, asOf]) as Promise<unknown[][]>;
}
