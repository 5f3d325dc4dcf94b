/**
 * A large text file read in two halves at once (issue 14): the host's reader reads the top of the
 * file, finds the header, and then hands the rest — from a line start near the middle — to another
 * thread, which reads it as the same reader would (readSalesRest, read-sales.ts) while this thread
 * reads the rows up to it. The two halves are then one outcome, exactly the one a single pass gives:
 * the same records in the same order, client and text numbers, rejected rows and their numbers (a
 * run of blank rows across the seam is one run), decimal decisions, currencies, date range and
 * file profile.
 *
 * The seam is taken only when it is sure to be where a single pass would be:
 * - the top half's reader comes to a record that starts exactly at `from` (a quoted field that holds
 *   line breaks across it makes the reader pass over `from`: then it reads on to the end itself and
 *   the other half is dropped);
 * - both halves read the text in one encoding (each decides at its first byte above 0x7F, as a
 *   single pass would at the first of the file; a half of pure ASCII agrees with anything);
 * - the other thread answered (a failed or silent one is dropped and the rest read here).
 * Only the sales sheet is read so (the companion sheets are small), and only from bytes in a
 * one-byte-per-ASCII encoding (UTF-16 files are read in one pass).
 *
 * Example: a 178 MB CSV of 1,000,488 lines → `from` is the first line start after 89 MB; this thread
 * reads rows 1–500,245, the other rows 500,246–1,000,489, numbered from 1 there and moved on by
 * 500,245 when they are taken in.
 */
import type { SalesPart } from './read-sales.js';
import type { ColumnMapping, ReadOptions, RejectedRow } from './types.js';

/** What the rest is read with: the delimiter and header the top decided, and the read options. */
export interface RestPlan {
  delimiter: string;
  mapping: ColumnMapping;
  headers: string[];
  options: ReadOptions;
}

/** The host's side: where the rest starts, and the thread that reads it. */
export interface RestOfFile {
  /** The byte offset of the rest in the file: a line start. */
  readonly from: number;
  /** Starts reading the rest elsewhere. */
  begin(plan: RestPlan): void;
  /** The rest as read elsewhere, waiting for it; null when it could not be read (then nothing runs on). */
  take(): RestPart | null;
  /** Stops reading the rest elsewhere (this thread read past `from`). */
  drop(): void;
}

/** The rows of the rest as the shared checks of read-rows.ts left them, numbered from the rest's first row. */
export interface TablePart {
  /** Rows read (the next row's index). */
  rows: number;
  /** Index of the last row that is not blank, −1 when there is none. */
  lastData: number;
  /** Rows that repeated an earlier row number. */
  repeated: number;
  /** Rejected rows, numbered from 1 at the rest's first row. */
  rejected: RejectedRow[];
}

/** How the rest's bytes read: the encoding it decided (`ascii` when it met no byte above 0x7F). */
export interface FilePart {
  mode: 'ascii' | 'utf-8' | 'windows-1251';
  mixed: boolean;
  strays: number;
}

export interface RestPart {
  table: TablePart;
  reader: SalesPart;
  file: FilePart;
}
