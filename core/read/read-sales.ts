/**
 * readSales: a sales sheet → sales lines + rejected rows (SPEC §1 "Sales lines").
 *
 * After the shared checks (blank, subtotal — see read-rows.ts) a row is read in this order:
 * 1. client: the cell's text, trimmed, case kept; a number cell becomes its text (17850 →
 *    `17850`); formulas-looking text such as `=HYPERLINK(...)` or `+7 Строй` stays text.
 *    Empty → `no-client`.
 * 2. date (parse-date.ts). Unreadable or empty → `bad-date` with the cell text.
 * 3. type: when a `type` column is mapped and says `request`, `запрос`, `заявка`, `inquiry` or
 *    `enquiry`, the row is a request (client, date, manager) and goes to `requests`, not to records.
 * 4. amount: the amount column, or else quantity × unit price rounded after multiplying
 *    (exact-units.ts). Unreadable or empty → `bad-amount` with the offending cell text.
 * 5. optional fields, read when mapped: profit (cents) and quantity (thousandths) — an unreadable
 *    or empty optional number is left out rather than rejecting the sale (an analyst would not drop
 *    a sale for a broken profit cell; the sale's revenue is still right); product, group,
 *    document, manager, region, industry as trimmed text, left out when empty.
 *
 * Example: header `Контрагент | Дата | Сумма`, row `ООО Ромашка | 05.03.2026 | 1 234,50` at sheet
 * row 4 → {row: 4, client: 'ООО Ромашка', day: 2026-03-05, amount: 123450}.
 */
import type { Cell, ColumnMapping, Grid, ReadOptions, ReadOutcome, RequestLine, SaleLine, SalesField } from './types.js';
import { normalizeWord } from '../basics/words.js';
import { REQUIRED_SALES_FIELDS } from './fields.js';
import type { SheetKind } from './detect-header.js';
import { amountFromQuantityPrice, toCents, toThousandths } from './exact-units.js';
import { SALES_WORDS } from './header-words.js';
import { parseNumber } from './parse-number.js';
import { clientAndDay, dateOptionsOf, optionalText, readTable, reject, type RowSink } from './read-rows.js';

export const SALES_SHEET: SheetKind<SalesField> = {
  words: SALES_WORDS,
  clientField: 'client',
  required: REQUIRED_SALES_FIELDS,
  missing(mapping) {
    const missing: SalesField[] = [];
    if (mapping.client === undefined) missing.push('client');
    if (mapping.date === undefined) missing.push('date');
    if (mapping.amount === undefined && (mapping.quantity === undefined || mapping.price === undefined)) missing.push('amount');
    return missing;
  },
};

const REQUEST_TYPES = new Set(['request', 'запрос', 'заявка', 'inquiry', 'enquiry']);

export function readSales(grid: Grid, options: ReadOptions = {}): ReadOutcome<SaleLine> {
  const requests: RequestLine[] = [];
  const outcome = readTable<SaleLine, SalesField>(grid, SALES_SHEET, options, (mapping, sink) =>
    salesRowReader(mapping, options, sink, requests),
  );
  if (outcome.ok && outcome.mapping.type !== undefined) outcome.requests = requests;
  return outcome;
}

/** True when a `type` cell says the row is a request rather than a sale. */
export function isRequestType(cell: Cell): boolean {
  return typeof cell === 'string' && REQUEST_TYPES.has(normalizeWord(cell));
}

function salesRowReader(mapping: ColumnMapping, options: ReadOptions, sink: RowSink<SaleLine>, requests: RequestLine[]) {
  const columns = { client: mapping.client!, date: mapping.date! };
  const { amount, quantity, price, profit, product, group, document, manager, region, industry, type } = mapping;
  const dateOptions = dateOptionsOf(options);
  const amountOf = amount !== undefined ? amountCell(amount) : quantityTimesPrice(quantity!, price!);

  return (row: readonly Cell[], sheetRow: number): void => {
    const read = clientAndDay(sink, row, sheetRow, columns, dateOptions);
    if (!read) return;
    const { client, day } = read;
    if (type !== undefined && isRequestType(row[type])) {
      const request: RequestLine = { row: sheetRow, client, day };
      const who = optionalText(row, manager);
      if (who) request.manager = who;
      requests.push(request);
      return;
    }
    const cents = amountOf(row);
    if (typeof cents !== 'number') return reject(sink, sheetRow, 'bad-amount', cents.cell);

    const line: SaleLine = { row: sheetRow, client, day, amount: cents };
    if (profit !== undefined) {
      const value = parseNumber(row[profit]);
      const profitCents = value === null ? null : toCents(value);
      if (profitCents !== null) line.profit = profitCents;
    }
    if (quantity !== undefined) {
      const value = parseNumber(row[quantity]);
      const units = value === null ? null : toThousandths(value);
      if (units !== null) line.quantity = units;
    }
    const productText = optionalText(row, product);
    if (productText) line.product = productText;
    const groupText = optionalText(row, group);
    if (groupText) line.group = groupText;
    const documentText = optionalText(row, document);
    if (documentText) line.document = documentText;
    const managerText = optionalText(row, manager);
    if (managerText) line.manager = managerText;
    const regionText = optionalText(row, region);
    if (regionText) line.region = regionText;
    const industryText = optionalText(row, industry);
    if (industryText) line.industry = industryText;
    sink.records.push(line);
  };
}

/** Cents of a row, or the cell that could not be read. */
type AmountOf = (row: readonly Cell[]) => number | { cell: Cell };

function amountCell(column: number): AmountOf {
  return (row) => {
    const value = parseNumber(row[column]);
    const cents = value === null ? null : toCents(value);
    return cents ?? { cell: row[column] };
  };
}

function quantityTimesPrice(quantityColumn: number, priceColumn: number): AmountOf {
  return (row) => {
    const quantity = parseNumber(row[quantityColumn]);
    if (quantity === null) return { cell: row[quantityColumn] };
    const price = parseNumber(row[priceColumn]);
    if (price === null) return { cell: row[priceColumn] };
    return amountFromQuantityPrice(quantity, price) ?? { cell: row[priceColumn] };
  };
}
