/**
 * What the panel shows before a run: the sales table the core finds on a sheet, and its first
 * rows as the core reads them. Pure (no DOM, no host): Excel and the playground call it in the
 * page through the local bridge; the Sheets host calls it on the server with the top rows only.
 *
 * The sheet comes as a grid — the whole sheet or only its first `INSPECT_ROWS` rows (enough for
 * the header search and the preview); `totalRows` is the size of the used range either way — or as
 * a TableSource read once (a file in the playground), its first rows kept for the preview as they
 * pass and its rows counted.
 *
 * - Found: the core's header row, headers and mapping (the user's mapping when given), a
 *   preview of the first `PREVIEW_ROWS` rows below the header: per mapped field the value as read
 *   (dates `YYYY-MM-DD`, money with two decimals, quantities as plain decimals, text trimmed) or,
 *   for a row the core does not use, its reject reason key (`bad-date`, `subtotal`, …); and the
 *   profile of the rows handed over (how they were read: the column chosen for each field and the
 *   other candidates, decimal separators, dates — `profile.rows` says how many rows it saw — and
 *   the rows it rejected, counted per reason, `profile.rejected`).
 * - Not found: the failure code and missing fields, plus the row that looks most like a header (the
 *   one with the most header words, else the first non-blank row) with its partial mapping, so the
 *   user can pick the missing column instead of starting over.
 *
 * Example: [['Клиент', 'Дата', 'Сумма'], ['ООО Ромашка', '05.03.2026', '1 234,50']] →
 * ok, headerRow 0, mapping {client: 0, date: 1, amount: 2},
 * preview [{row: 2, values: {client: 'ООО Ромашка', date: '2026-03-05', amount: '1234.50'}}].
 */
import { formatDay } from '../basics/calendar.js';
import {
  cellText,
  HEADER_SEARCH_ROWS,
  isBlankRow,
  isGrid,
  matchHeaders,
  parseNumber,
  readSales,
  rowCells,
  saleAt,
  SALES_WORDS,
  type SalesColumns,
  type SourceRow,
  type TableSource,
} from '../read/index.js';
import { rejectedByReason, type Cell, type ColumnMapping, type Grid, type ReadOutcome, type ReadResult, type SaleLine, type SalesField } from '../read/types.js';
import type { PreviewRow, SheetInspection } from './bridge.js';

/** Rows of the preview. */
export const PREVIEW_ROWS = 6;
/** Rows a host needs to hand over for an inspection: the header search plus the preview. */
export const INSPECT_ROWS = HEADER_SEARCH_ROWS + PREVIEW_ROWS;

export function inspectGrid(sheet: string, input: Grid | TableSource, totalRows?: number, mapping?: ColumnMapping): SheetInspection {
  return inspectAndRead(sheet, input, totalRows, mapping).inspection;
}

/**
 * The inspection and the reader's outcome it was made from: readSales over the rows handed over
 * with the mapping given, as a run reads them (no other option). When the rows were the whole
 * sheet, a run of that sheet with that mapping can take `read` instead of reading it again
 * (local-bridge.ts); `read` is never changed here.
 */
export function inspectAndRead(
  sheet: string,
  input: Grid | TableSource,
  totalRows?: number,
  mapping?: ColumnMapping,
): { inspection: SheetInspection; read: ReadOutcome<SalesColumns> } {
  const kept = isGrid(input) ? null : keepingTop(input);
  const read = readSales(kept ? kept.source : input, mapping ? { mapping } : {});
  const top = kept ? kept.top : (input as Grid).length > INSPECT_ROWS ? (input as Grid).slice(0, INSPECT_ROWS) : (input as Grid);
  const seen = kept ? kept.rows() : (input as Grid).length;
  const rows = totalRows ?? seen;
  if (read.ok) {
    const inspection: SheetInspection = {
      sheet,
      rows,
      ok: true,
      headerRow: read.headerRow,
      headers: read.headers,
      mapping: read.mapping,
      preview: previewRows(top, read),
      profile: { ...read.profile, rows: seen, rejected: rejectedByReason(read.rejected) },
    };
    return { inspection, read };
  }
  const guess = likelyHeader(top);
  const inspection: SheetInspection = {
    sheet,
    rows,
    ok: false,
    failure: { code: read.code, missing: read.missing },
    headerRow: guess.headerRow,
    headers: guess.headers,
    mapping: { ...guess.mapping, ...(mapping ?? {}) },
    preview: [],
  };
  return { inspection, read };
}

function previewRows(grid: Grid, read: ReadResult<SalesColumns>): PreviewRow[] {
  const records = new Map<number, SaleLine>();
  const last = Math.min(grid.length, read.headerRow + 1 + PREVIEW_ROWS);
  for (let i = 0; i < read.records.length && read.records.row[i]! <= last; i++) records.set(read.records.row[i]!, saleAt(read.records, i));
  const rejected = new Map(read.rejected.map((r) => [r.row, r.reason]));
  const requests = new Map((read.requests ?? []).map((r) => [r.row, r]));
  const rows: PreviewRow[] = [];
  for (let r = read.headerRow + 1; r < last; r++) {
    const sheetRow = r + 1;
    const record = records.get(sheetRow);
    const request = requests.get(sheetRow);
    if (record) rows.push({ row: sheetRow, values: saleValues(record, grid[r]!, read.mapping) });
    else if (request) rows.push({ row: sheetRow, values: { client: request.client, date: formatDay(request.day) } });
    else rows.push({ row: sheetRow, values: {}, rejected: rejected.get(sheetRow) ?? 'blank' });
  }
  return rows;
}

/** A sale line as display strings per field; price, which is not kept on the line, read from its cell. */
function saleValues(line: SaleLine, cells: readonly Cell[], mapping: ColumnMapping): Partial<Record<SalesField, string>> {
  const values: Partial<Record<SalesField, string>> = {
    client: line.client,
    date: formatDay(line.day),
    amount: money(line.amount),
  };
  if (line.profit !== undefined) values.profit = money(line.profit);
  if (line.quantity !== undefined) values.quantity = String(line.quantity / 1000);
  if (mapping.price !== undefined) {
    const price = parseNumber(cells[mapping.price]);
    if (price !== null) values.price = String(price);
  }
  for (const field of ['product', 'group', 'document', 'manager', 'region', 'industry'] as const) {
    const text = line[field];
    if (text !== undefined) values[field] = text;
  }
  return values;
}

/** The source, keeping the cells of its first INSPECT_ROWS rows and counting its rows as they pass. */
function keepingTop(source: TableSource): { source: TableSource; top: Cell[][]; rows(): number } {
  const top: Cell[][] = [];
  let last = -1;
  const kept: TableSource = {
    next(): SourceRow | null {
      const row = source.next();
      if (!row) return null;
      if (row.index < INSPECT_ROWS) {
        while (top.length < row.index) top.push([]);
        top[row.index] = rowCells(row);
      }
      last = Math.max(last, row.index);
      return row;
    },
    ...(source.fileProfile ? { fileProfile: () => source.fileProfile!() } : {}),
  };
  return { source: kept, top, rows: () => last + 1 };
}

/** Integer cents as a plain decimal with two places: 123450 → `1234.50`, -5 → `-0.05`. */
export function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The row with the most header words among the first rows, else the first non-blank row. */
function likelyHeader(grid: Grid): { headerRow: number; headers: string[]; mapping: ColumnMapping } {
  let best = { headerRow: -1, found: 0, mapping: {} as ColumnMapping };
  const rows = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < rows; r++) {
    if (isBlankRow(grid[r]!)) continue;
    const texts = Array.from(grid[r]!, cellText);
    const mapping = matchHeaders(texts, SALES_WORDS);
    const found = Object.keys(mapping).length;
    if (best.headerRow < 0 || found > best.found) best = { headerRow: r, found, mapping };
  }
  if (best.headerRow < 0) return { headerRow: 0, headers: [], mapping: {} };
  return { headerRow: best.headerRow, headers: Array.from(grid[best.headerRow]!, cellText), mapping: best.mapping };
}
