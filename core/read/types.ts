/**
 * The typed records the core works on, and what the readers return.
 *
 * Units, chosen so sums are exact (SPEC §2 "Exact sums"):
 * - a `Day` is a whole number of days since 1970-01-01 (the calendar date, no time, no zone);
 * - money (`amount`, `profit`) is in integer cents;
 * - `quantity` is in integer thousandths of a unit.
 */

import type { Day } from '../basics/calendar.js';
import type { CurrencyCode } from '../options/choices.js';
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
 * - `blank`: every cell empty (a run of blank rows is one entry with `toRow`)
 * - `subtotal`: a total label (`Итого`, `Всего`, `Total`, `Grand total`) in the client or first cell
 * - `no-client`: the client cell is empty (or invisible characters only) while the row has other data
 * - `bad-date`: the date cell is empty or cannot be read as a date
 * - `bad-amount`: the amount (or quantity × price) cannot be read as a number
 * - `bad-answered`: (contacts) the answered cell is not yes/no, да/нет, 1/0, true/false
 * - `unclosed-quote`: (text files) a quote opened in the row is never properly closed
 * - `bad-bytes`: (text files) the row holds bytes that are not text in the file's encoding
 * - `duplicate-row`: (xlsx) the sheet holds this row number again; the first copy is read, the repeat rejected
 * - `bad-cell`: (xlsx) a cell refers to a shared text that does not exist
 * - `after-as-of`: (analysis) the line is dated after the analysis date
 * - `far-future`: (analysis) the line is dated far after all the other lines (see docs/analytics.md)
 * - `unknown-client`: (analysis) a contact or complaint of a client with no sales line
 */
export const REJECT_REASONS = [
  'blank',
  'subtotal',
  'no-client',
  'bad-date',
  'bad-amount',
  'bad-answered',
  'unclosed-quote',
  'bad-bytes',
  'duplicate-row',
  'bad-cell',
  'after-as-of',
  'far-future',
  'unknown-client',
] as const;

export type RejectReason = (typeof REJECT_REASONS)[number];

/** Problems of a row as a whole, found by the source before any cell is read. */
export type RowProblem = Extract<RejectReason, 'unclosed-quote' | 'bad-bytes' | 'duplicate-row' | 'bad-cell'>;

export interface RejectedRow {
  /** 1-based row number in the sheet or file. */
  row: number;
  /** The last row of a run of blank rows reported as one entry (absent for a single row). */
  toRow?: number;
  reason: RejectReason;
  /** The offending cell text, when there is one (e.g. the unreadable date). */
  value?: string;
  /** The input source the row belongs to (set by the pipeline; readers leave it out). */
  source?: SourceKey;
  /** The user's name of the sheet or file the row is in (set by the pipeline). */
  sheet?: string;
}

/** The source a rejected row belongs to: the sales sheet when the row names none (a reader's own rows). */
export function sourceOf(rejected: RejectedRow): SourceKey {
  return rejected.source ?? 'sales';
}

/**
 * A rejected row's fields in the order it holds them (as the readers and the pipeline set them,
 * and so as `--json` writes them): every field of RejectedRow, checked when this compiles.
 */
export const REJECTED_ROW_FIELDS = ['row', 'toRow', 'reason', 'value', 'source', 'sheet'] as const satisfies readonly (keyof RejectedRow)[];
/** Compiles only while REJECTED_ROW_FIELDS names every field of RejectedRow. */
const EVERY_FIELD_LISTED: Exclude<keyof RejectedRow, (typeof REJECTED_ROW_FIELDS)[number]> extends never ? true : never = true;
void EVERY_FIELD_LISTED;

/**
 * The row with `extra`'s fields after its own, as `{ ...row, ...extra }` gives them, written field
 * by field in REJECTED_ROW_FIELDS order (a test holds it to that order): an object spread over
 * rows of several shapes takes V8's slow path (about 1.5 µs a row, 0.3 s over Online Retail's
 * 135,080 in the pipeline and the JSON together), and so does a loop over the field names (25
 * against 11 ms for those rows).
 */
export function rejectedWith<E extends object>(row: RejectedRow, extra: E): RejectedRow & E {
  const copy: Partial<RejectedRow> = { row: row.row };
  if (row.toRow !== undefined) copy.toRow = row.toRow;
  copy.reason = row.reason;
  if (row.value !== undefined) copy.value = row.value;
  if (row.source !== undefined) copy.source = row.source;
  if (row.sheet !== undefined) copy.sheet = row.sheet;
  return Object.assign(copy, extra) as RejectedRow & E;
}

/** How many rows a rejected entry stands for (a run of blank rows counts every row). */
export function rowsOf(rejected: RejectedRow): number {
  return rejected.toRow === undefined ? 1 : rejected.toRow - rejected.row + 1;
}

/** Rows rejected for one reason (a run of blank rows counting every row). */
export interface ReasonCount {
  reason: RejectReason;
  rows: number;
}

/**
 * Rejected rows counted per reason, for the reasons that occur, in the order of REJECT_REASONS —
 * as the Data issues tab's summary and the panel show them.
 *
 * Example: [{row: 5, reason: 'bad-date'}, {row: 3, toRow: 9, reason: 'blank'}] →
 * [{reason: 'blank', rows: 7}, {reason: 'bad-date', rows: 1}].
 */
export function rejectedByReason(rejected: readonly RejectedRow[]): ReasonCount[] {
  const counts = new Map<RejectReason, number>();
  for (const r of rejected) counts.set(r.reason, (counts.get(r.reason) ?? 0) + rowsOf(r));
  return REJECT_REASONS.filter((reason) => counts.has(reason)).map((reason) => ({ reason, rows: counts.get(reason)! }));
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
  /**
   * Fields whose column is named by its header text (the command line's `--map client="Customer"`):
   * that column, whatever the header words would pick; the other fields are detected around it.
   */
  headers?: Partial<Record<F, string>>;
  /** 0-based index of the header row; detected within the first 30 rows when absent. */
  headerRow?: number;
  /** How to read ambiguous slash dates such as 5/3/2026: day first (default) or month first. */
  slashDates?: 'dmy' | 'mdy';
  /** Number dates count from 1904-01-01 (a workbook in Excel's 1904 date system). */
  date1904?: boolean;
}

/** A successful read: accepted records, and every data row that was not used with its reason. */
export interface ReadResult<R, F extends string = SalesField> {
  ok: true;
  /** The accepted records: typed columns for sales (SalesColumns), a list for the other sources. */
  records: R;
  rejected: RejectedRow[];
  /** 0-based index of the header row in the grid. */
  headerRow: number;
  mapping: ColumnMapping<F>;
  /** The header texts, as in the sheet. */
  headers: string[];
  /**
   * Data rows: from the row below the header to the last row that is not blank (blank rows after
   * it are not data) = records + requests + rejected rows (a blank run counts all its rows).
   */
  dataRows: number;
  /** Rows of the sales sheet whose `type` column says request (SPEC §1), when a type column exists. */
  requests?: RequestLine[];
  /** How the sheet or file was read. */
  profile: ReadProfile;
}

/** A read that cannot proceed: no header row found, or a required column is missing. */
export interface ReadFailure<F extends string = SalesField> {
  ok: false;
  /** `unknown-header`: a column the caller named by its header (`--map`) is not in the header row. */
  code: 'empty' | 'no-header' | 'missing-columns' | 'unknown-header';
  /** Required fields that were not found (`unknown-header`: the field whose header was named). */
  missing: F[];
  /** `unknown-header`: the header text the caller gave, and the header texts of the sheet's best row. */
  header?: string;
  headers?: string[];
}

export type ReadOutcome<R, F extends string = SalesField> = ReadResult<R, F> | ReadFailure<F>;

/** The encodings a text file is read in. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

/** What a text file's bytes said about their encoding and their delimiter. */
export interface FileProfile {
  encoding: TextEncodingName;
  /** False when the evidence was mixed (valid UTF-8 and stray bytes, or no byte above ASCII to tell). */
  encodingSure: boolean;
  /** Bytes that are not text in the chosen encoding (their rows are rejected as `bad-bytes`). */
  strayBytes: number;
  delimiter: ',' | ';' | '\t';
  /** False when another delimiter split the sample as consistently. */
  delimiterSure: boolean;
}

/** The column chosen for a field, and the other columns whose header names the field too. */
export interface ColumnChoice {
  field: string;
  /** 0-based column index. */
  column: number;
  header: string;
  candidates: { column: number; header: string }[];
}

/** The decimal separator a numeric column was read with (read-numbers.ts). */
export interface DecimalChoice {
  field: string;
  /** The separator its cells prove; `mixed` when they prove both, null when none proves one. */
  mark: 'comma' | 'dot' | 'mixed' | null;
  /** Cells such as `1,234` that only the column could decide (or that stayed undecided). */
  ambiguous: number;
}

/** Names that look the same but are different texts (possible duplicates, never merged). */
export interface LookAlike {
  name: string;
  /** Accepted lines with this name. */
  lines: number;
}

/** How a sheet or file was read: shown on Data issues, in the JSON (`input.profile`) and in the panel. */
export interface ReadProfile {
  /** Text files only. */
  file?: FileProfile;
  /** 1-based sheet row of the header. */
  headerRow: number;
  columns: ColumnChoice[];
  decimals: DecimalChoice[];
  /**
   * The currencies the sales money showed (read-sales.ts): written in the amount, price or profit
   * cells (`12 345,67 ₽`) or named by their headers' unit (`Сумма, руб.`), in CURRENCIES order.
   */
  currencies: CurrencyCode[];
  /** The first and last date of the accepted rows. */
  dates: { from: Day; to: Day } | null;
  /** Dates written with a two-digit year, read by the pivot (00–29 → 20yy, 30–99 → 19yy). */
  twoDigitYears: number;
  /** Distinct client names that held invisible characters (removed). */
  invisibleNames: number;
  /** Groups of client names that look alike. */
  lookAlikes: LookAlike[][];
}
