/**
 * The typed records the core works on, and what the readers return.
 *
 * Units, chosen so sums are exact (SPEC §2 "Exact sums"):
 * - a `Day` is a whole number of days since 1970-01-01 (the calendar date, no time, no zone);
 * - money (`amount`, `profit`) is in integer cents;
 * - `quantity` is in integer thousandths of a unit.
 */

import type { Day } from '../basics/calendar.js';
import type { SourceKey } from '../sources/sources.js';
import type { SALES_FIELDS } from './fields.js';

export type { Day };

/** One cell as a host hands it over: Excel/Sheets values, CSV text, exceljs values. */
export type Cell = string | number | boolean | Date | null | undefined;

/** A 2-D grid of cells, row-major, as read from a sheet or a CSV file. Row 0 is sheet row 1. */
export type Grid = readonly (readonly Cell[])[];

/** One line of a sales document (SPEC §1). */
export interface SaleLine {
  /** 1-based row number as the user sees it in the sheet or file. */
  row: number;
  client: string;
  day: Day;
  /** Net revenue in integer cents; negative for returns and credit notes. */
  amount: number;
  /** Gross profit in integer cents, when a profit column is mapped. */
  profit?: number;
  /** Units in integer thousandths, when a quantity column is mapped. */
  quantity?: number;
  product?: string;
  group?: string;
  document?: string;
  manager?: string;
  region?: string;
  industry?: string;
}

/** A client inquiry (SPEC §1 "Requests"). */
export interface RequestLine {
  row: number;
  client: string;
  day: Day;
  manager?: string;
}

/** A contact attempt (SPEC §1 "Contacts"). */
export interface ContactLine {
  row: number;
  client: string;
  day: Day;
  answered: boolean;
}

/** A complaint or problem order (SPEC §1 "Complaints"). */
export interface ComplaintLine {
  row: number;
  client: string;
  day: Day;
  text?: string;
}

/**
 * Why a row was not used. Stable keys: reports translate them through i18n.
 * - `blank`: every cell empty
 * - `subtotal`: a total word (`Итого`, `Всего`, `Total`, `Grand total`) in the client or first cell
 * - `no-client`: the client cell is empty while the row has other data
 * - `bad-date`: the date cell is empty or cannot be read as a date
 * - `bad-amount`: the amount (or quantity × price) cannot be read as a number
 * - `bad-answered`: (contacts) the answered cell is not yes/no, да/нет, 1/0, true/false
 * - `after-as-of`: (analysis) the line is dated after the analysis date
 */
export type RejectReason =
  | 'blank'
  | 'subtotal'
  | 'no-client'
  | 'bad-date'
  | 'bad-amount'
  | 'bad-answered'
  | 'after-as-of';

export interface RejectedRow {
  /** 1-based row number in the sheet or file. */
  row: number;
  reason: RejectReason;
  /** The offending cell text, when there is one (e.g. the unreadable date). */
  value?: string;
  /** The input source the row belongs to (set by the pipeline; readers leave it out). */
  source?: SourceKey;
  /** The user's name of the sheet or file the row is in (set by the pipeline). */
  sheet?: string;
}

/** Fields a column can be mapped to (SPEC §8). */
export type SalesField = (typeof SALES_FIELDS)[number];

export type ContactField = 'client' | 'date' | 'answered' | 'manager';
export type ComplaintField = 'client' | 'date' | 'text';

/** Field → 0-based column index in the grid. */
export type ColumnMapping<F extends string = SalesField> = Partial<Record<F, number>>;

/** Options every reader takes. */
export interface ReadOptions<F extends string = SalesField> {
  /** Use this mapping instead of detecting one (the user corrected it in the panel). */
  mapping?: ColumnMapping<F>;
  /** 0-based index of the header row; detected within the first 30 rows when absent. */
  headerRow?: number;
  /** How to read ambiguous slash dates such as 5/3/2026: day first (default) or month first. */
  slashDates?: 'dmy' | 'mdy';
  /** Number dates count from 1904-01-01 (a workbook in Excel's 1904 date system). */
  date1904?: boolean;
}

/** A successful read: accepted records, and every data row that was not used with its reason. */
export interface ReadResult<T, F extends string = SalesField> {
  ok: true;
  records: T[];
  rejected: RejectedRow[];
  /** 0-based index of the header row in the grid. */
  headerRow: number;
  mapping: ColumnMapping<F>;
  /** The header texts, as in the sheet. */
  headers: string[];
  /** Number of rows below the header (accepted + rejected). */
  dataRows: number;
  /** Rows of the sales sheet whose `type` column says request (SPEC §1), when a type column exists. */
  requests?: RequestLine[];
}

/** A read that cannot proceed: no header row found, or a required column is missing. */
export interface ReadFailure<F extends string = SalesField> {
  ok: false;
  code: 'empty' | 'no-header' | 'missing-columns';
  /** Required fields that were not found. */
  missing: F[];
}

export type ReadOutcome<T, F extends string = SalesField> = ReadResult<T, F> | ReadFailure<F>;
