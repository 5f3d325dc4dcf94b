/**
 * The English words of the spreadsheet functions (SPEC §9): what each function and each of its
 * arguments is, as Excel's and Sheets' formula help show it, and the sentence a cell's error
 * shows when an argument cannot be used.
 *
 * Example: `functions.errors.notADate('dates', 7, 'someday')` →
 * `dates, item 7: "someday" is not a date`.
 */
import type { FunctionName } from '../../functions/names.js';

export const functions = {
  description: {
    CHURNSIGNAL: 'Status of one client from its own lines: active, at-risk, lost or new',
    CHURNSIGNALS: 'Per client: status, signals, recency, cadence, last and next purchase',
    ABCXYZ: 'Per client: value, share, ABC, cv, XYZ over the last periods',
    ABCCLASS: 'A, B or C of one value among values',
    XYZCLASS: 'X, Y, Z or N of a per-period series (blank periods count as 0)',
    VALUETIERS: 'Per client: value in its last active year and tier (gold, silver, bronze)',
    CADENCE: 'Median gap between purchase days, in days',
    CONVERSION: 'Share of requests followed by a purchase within days (default 30)',
    PALIVE: 'Per client: x, t_x, T, P(alive) and expected purchases in 90 days (BG/NBD)',
  } satisfies Record<FunctionName, string>,
  argument: {
    clients: 'Client of each sales line',
    dates: 'Date of each sales line',
    amounts: 'Amount of each sales line',
    asOf: 'Analysis date; default the latest date given',
    asOfRequired: 'Analysis date, e.g. a cell with =MAX(Sales!B:B)',
    periods: 'Months in the window (default 12)',
    value: 'The value to class',
    values: 'All values',
    a: 'Share for A (default 0.8)',
    b: 'Share for B (default 0.95)',
    series: 'Values per period',
    x: 'cv limit for X (default 0.5)',
    y: 'cv limit for Y (default 1.0)',
    purchaseDates: 'Purchase dates',
    requestDates: 'Request dates',
    days: 'Days allowed (default 30)',
  },
  errors: {
    notADate: (argument: string, item: number, value: string) => `${argument}, item ${item}: "${value}" is not a date`,
    notANumber: (argument: string, item: number, value: string) => `${argument}, item ${item}: "${value}" is not a number`,
    emptyClient: (item: number) => `clients, item ${item} is empty`,
    singleValue: (argument: string) => `${argument}: expected a single value, got a range`,
    sizeMismatch: (argument: string, cells: number, first: string, firstCells: number) =>
      `${argument} has ${cells} cells but ${first} has ${firstCells}: select ranges of the same size`,
    outOfRange: (argument: string, rule: string) => `${argument} must be ${rule}`,
    asOfRequired: 'asOf is required: a cell holding the analysis date, e.g. =MAX(Sales!B:B)',
    unknownFunction: (name: string) => `Unknown function ${name}`,
    noHistory: 'No client has enough history.',
    noPurchaseBeforeAsOf: 'No purchase on or before asOf.',
    noPositiveMean: 'The series has no positive mean.',
    cadenceNeedsThree: 'Cadence needs at least 3 purchase days.',
    noRequests: 'No requests given.',
    noSales: 'No sales lines to analyse.',
  },
};

/** The shape every language's function words have. */
export type FunctionWords = typeof functions;
