/**
 * Find the header row of a sheet and map its columns to fields (SPEC §8).
 *
 * The header row is the first of the first 30 rows in which every required field is found by
 * header words (sales: client, date, and amount — or quantity and unit price). Rows above it are
 * titles (`Отчет о продажах`, `Период: 01.01.2025 - 31.12.2025`, blank rows): they are outside the
 * table, so they are neither data nor rejected rows.
 *
 * A caller's choice overrides detection:
 * - `headerRow` and `mapping` given: both are used as they are;
 * - only `headerRow`: columns are matched by words in that row;
 * - only `mapping`: the header row is the detected one, or else the first non-blank row;
 * - `headers` (fields named by their header text, the command line's `--map`): in the header row
 *   those fields take the columns so headed, and the other fields are matched around them; the
 *   header row is the first that has every required field and every named header.
 *
 * Failures (never thrown): `empty` when the grid has no non-blank cell; `no-header` when no row of
 * the first 30 carries any header word (or `headerRow` is outside the grid); `unknown-header` when
 * a named header is in none of the rows searched (with the header texts of the best row);
 * `missing-columns` when the best candidate row — fewest required fields missing, then most fields
 * found — or the caller's mapping lacks required fields, listed in `missing`.
 *
 * Example: rows [`Отчет о продажах`], [], [`Контрагент`, `Дата`, `Сумма`] → headerRow 2,
 * mapping {client: 0, date: 1, amount: 2}.
 */
import type { ColumnMapping, Grid, ReadFailure } from './types.js';
import { cellText, isBlankRow } from './cell-text.js';
import { matchHeaders, type HeaderWords } from './header-words.js';

/** How many rows from the top may hold the header. */
export const HEADER_SEARCH_ROWS = 30;

/** What a kind of sheet needs: its header words and which required fields a mapping lacks. */
export interface SheetKind<F extends string> {
  words: HeaderWords<F>;
  /** The field holding the client (subtotal rows are recognised by it). */
  clientField: F;
  /** Every required field, as reported when nothing is found. */
  required: readonly F[];
  /** Required fields the mapping does not satisfy, in the order of `required`. */
  missing(mapping: ColumnMapping<F>): F[];
}

export interface Header<F extends string> {
  ok: true;
  /** 0-based row index of the header. */
  headerRow: number;
  mapping: ColumnMapping<F>;
  /** The header texts as in the sheet. */
  headers: string[];
}

export interface HeaderChoice<F extends string> {
  mapping?: ColumnMapping<F>;
  headerRow?: number;
  headers?: Partial<Record<F, string>>;
}

export function detectHeader<F extends string>(grid: Grid, kind: SheetKind<F>, choice: HeaderChoice<F> = {}): Header<F> | ReadFailure<F> {
  if (grid.every(isBlankRow)) return failure('empty', kind.required);
  const given = choice.mapping ? validMapping(choice.mapping) : undefined;
  const named = choice.headers ?? {};
  if (choice.headerRow !== undefined) return atRow(grid, kind, choice.headerRow, given, named);
  if (given) {
    const missing = kind.missing(given);
    if (missing.length > 0) return failure('missing-columns', missing);
    const found = searchRows(grid, kind, {});
    const headerRow = found.ok ? found.headerRow : grid.findIndex((row) => !isBlankRow(row));
    return header(grid, headerRow, given);
  }
  return searchRows(grid, kind, named);
}

function atRow<F extends string>(grid: Grid, kind: SheetKind<F>, headerRow: number, given: ColumnMapping<F> | undefined, named: Partial<Record<F, string>>) {
  if (!Number.isInteger(headerRow) || headerRow < 0 || headerRow >= grid.length) return failure('no-header', kind.required);
  const texts = rowTexts(grid, headerRow);
  const mapping = given ?? matchHeaders(texts, kind.words, named);
  const unnamed = given ? [] : unfound(named, mapping);
  if (unnamed.length > 0) return unknownHeader(named, unnamed[0]!, texts);
  const missing = kind.missing(mapping);
  return missing.length > 0 ? failure('missing-columns', missing) : header(grid, headerRow, mapping);
}

function searchRows<F extends string>(grid: Grid, kind: SheetKind<F>, named: Partial<Record<F, string>>): Header<F> | ReadFailure<F> {
  let best: { missing: F[]; unnamed: F[]; found: number; texts: string[] } | undefined;
  const rows = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < rows; r++) {
    if (isBlankRow(grid[r]!)) continue;
    const texts = rowTexts(grid, r);
    const mapping = matchHeaders(texts, kind.words, named);
    const missing = kind.missing(mapping);
    const unnamed = unfound(named, mapping);
    if (missing.length === 0 && unnamed.length === 0) return header(grid, r, mapping);
    const found = Object.keys(mapping).length;
    const worse = best && (missing.length + unnamed.length > best.missing.length + best.unnamed.length || (missing.length + unnamed.length === best.missing.length + best.unnamed.length && found <= best.found));
    if (found > 0 && !worse) best = { missing, unnamed, found, texts };
  }
  if (best && best.unnamed.length > 0) return unknownHeader(named, best.unnamed[0]!, best.texts);
  return best ? failure('missing-columns', best.missing) : failure('no-header', kind.required);
}

/** Named fields the mapping did not find. */
function unfound<F extends string>(named: Partial<Record<F, string>>, mapping: ColumnMapping<F>): F[] {
  return (Object.keys(named) as F[]).filter((field) => mapping[field] === undefined);
}

function unknownHeader<F extends string>(named: Partial<Record<F, string>>, field: F, headers: string[]): ReadFailure<F> {
  return { ok: false, code: 'unknown-header', missing: [field], header: named[field]!, headers: headers.filter(Boolean) };
}

/** The caller's mapping without entries that are not column indices. */
function validMapping<F extends string>(mapping: ColumnMapping<F>): ColumnMapping<F> {
  const valid: ColumnMapping<F> = {};
  for (const field of Object.keys(mapping) as F[]) {
    const column = mapping[field];
    if (Number.isInteger(column) && column! >= 0) valid[field] = column;
  }
  return valid;
}

function rowTexts(grid: Grid, r: number): string[] {
  return Array.from(grid[r]!, cellText);
}

function header<F extends string>(grid: Grid, headerRow: number, mapping: ColumnMapping<F>): Header<F> {
  return { ok: true, headerRow, mapping, headers: rowTexts(grid, headerRow) };
}

function failure<F extends string>(code: ReadFailure<F>['code'], missing: readonly F[]): ReadFailure<F> {
  return { ok: false, code, missing: [...missing] };
}
