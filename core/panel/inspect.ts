/**
 * What the panel shows before a run: the sales table the core finds on a sheet, and its first
 * rows as the core reads them. Pure (no DOM, no host): Excel and the playground call it in the
 * page through the local bridge; the Sheets host calls it on the server with the top rows only.
 *
 * The grid may be the whole sheet or only its first `INSPECT_ROWS` rows (enough for the header
 * search and the preview); `totalRows` is the size of the used range either way.
 *
 * - Found: the core's header row, headers and mapping (the user's mapping when given), and a
 *   preview of the first `PREVIEW_ROWS` rows below the header: per mapped field the value as read
 *   (dates `YYYY-MM-DD`, money with two decimals, quantities as plain decimals, text trimmed) or,
 *   for a row the core does not use, its reject reason key (`bad-date`, `subtotal`, …).
 * - Not found: the failure code and missing fields, plus the row that looks most like a header (the
 *   one with the most header words, else the first non-blank row) with its partial mapping, so the
 *   user can pick the missing column instead of starting over.
 *
 * Example: [['Клиент', 'Дата', 'Сумма'], ['ООО Ромашка', '05.03.2026', '1 234,50']] →
 * ok, headerRow 0, mapping {client: 0, date: 1, amount: 2},
 * preview [{row: 2, values: {client: 'ООО Ромашка', date: '2026-03-05', amount: '1234.50'}}].
 */
import { formatDay } from '../basics/calendar.js';
import { cellText, HEADER_SEARCH_ROWS, isBlankRow, matchHeaders, parseNumber, readSales, SALES_WORDS } from '../read/index.js';
import type { Cell, ColumnMapping, Grid, ReadResult, SaleLine, SalesField } from '../read/types.js';
import type { PreviewRow, SheetInspection } from './bridge.js';

/** Rows of the preview. */
export const PREVIEW_ROWS = 6;
/** Rows a host needs to hand over for an inspection: the header search plus the preview. */
export const INSPECT_ROWS = HEADER_SEARCH_ROWS + PREVIEW_ROWS;

export function inspectGrid(sheet: string, grid: Grid, totalRows: number = grid.length, mapping?: ColumnMapping): SheetInspection {
  const top = grid.length > INSPECT_ROWS ? grid.slice(0, INSPECT_ROWS) : grid;
  const read = readSales(top, mapping ? { mapping } : {});
  if (read.ok) {
    return {
      sheet,
      rows: totalRows,
      ok: true,
      headerRow: read.headerRow,
      headers: read.headers,
      mapping: read.mapping,
      preview: previewRows(top, read),
    };
  }
  const guess = likelyHeader(top);
  return {
    sheet,
    rows: totalRows,
    ok: false,
    failure: { code: read.code, missing: read.missing },
    headerRow: guess.headerRow,
    headers: guess.headers,
    mapping: { ...guess.mapping, ...(mapping ?? {}) },
    preview: [],
  };
}

function previewRows(grid: Grid, read: ReadResult<SaleLine>): PreviewRow[] {
  const records = new Map(read.records.map((r) => [r.row, r]));
  const rejected = new Map(read.rejected.map((r) => [r.row, r.reason]));
  const requests = new Map((read.requests ?? []).map((r) => [r.row, r]));
  const rows: PreviewRow[] = [];
  const last = Math.min(grid.length, read.headerRow + 1 + PREVIEW_ROWS);
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
