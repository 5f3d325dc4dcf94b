/**
 * readSales: a sales sheet → sales lines as typed columns + rejected rows (SPEC §1 "Sales lines").
 *
 * After the shared checks (the row's own problem, blank, subtotal — see read-rows.ts) a row is
 * read in this order:
 * 1. client: the cell's text as a name — trimmed, case kept, invisible characters removed; a
 *    number cell becomes its text (17850 → `17850`); formula-looking text such as
 *    `=HYPERLINK(...)` or `+7 Строй` stays text. Empty → `no-client`.
 * 2. date (parse-date.ts). Unreadable or empty → `bad-date` with the cell text.
 * 3. type: when a `type` column is mapped and says `request`, `запрос`, `заявка`, `inquiry` or
 *    `enquiry`, the row is a request (client, date, manager) and goes to `requests`, not to records.
 * 4. amount: the amount column, or else quantity × unit price rounded after multiplying
 *    (exact-units.ts). Unreadable or empty → `bad-amount` with the offending cell text.
 * 5. optional fields, read when mapped: profit (cents) and quantity (thousandths) — an unreadable
 *    or empty optional number is left out rather than rejecting the sale (an analyst would not drop
 *    a sale for a broken profit cell; the sale's revenue is still right); product, group,
 *    document, manager, region, industry as names, left out when empty.
 *
 * Each numeric column (amount, profit, quantity, price) decides its decimal separator from all its
 * cells (read-numbers.ts): in a column whose cells write `1,5` and `12 345,67`, the text `1,234`
 * is 1.234; in one that writes `1,234.50` it is 1234. The profile says which separator each column
 * used and how many of its cells only the column could decide, and which currencies the money
 * showed: written in its cells (`12 345,67 ₽`, `$1,234.00`) or named by a money column's header
 * (`Сумма, руб.`, `Amount (USD)`) — the report's default currency (core/options/currency.ts).
 *
 * Example: header `Контрагент | Дата | Сумма`, row `ООО Ромашка | 05.03.2026 | 1 234,50` at sheet
 * row 4 → line 0 of the columns: row 4, client `ООО Ромашка`, day 2026-03-05, amount 123450.
 */
import type { ColumnMapping, Grid, ReadOptions, ReadOutcome, RequestLine, SalesField } from './types.js';
import { normalizeWord } from '../basics/words.js';
import { visibleText } from './cell-text.js';
import { REQUIRED_SALES_FIELDS } from './fields.js';
import type { SheetKind } from './detect-header.js';
import { amountFromQuantityPrice, toCents, toThousandths } from './exact-units.js';
import { headerCurrency, SALES_WORDS } from './header-words.js';
import { CURRENCIES, type CurrencyCode } from '../options/choices.js';
import { lookAlikeGroups } from './look-alikes.js';
import type { DateShape } from './parse-date.js';
import { MONEY_FIELDS, NUMBER_FIELDS, NumberColumns, type NumberField, type NumberState } from './read-numbers.js';
import { dateOptionsOf, readTable, readTablePart, type Reject, type RowReader } from './read-rows.js';
import { csvRestSource, type ByteChunks } from './csv.js';
import type { RestPart, RestPlan } from './rest-of-file.js';
import { KeyedTexts, SALE_TEXT_FIELDS, SalesColumnsBuilder, type SalesColumns } from './sales-columns.js';
import type { SourceRow, TableSource } from './table-source.js';

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

/**
 * What the sales reader read of a file's rest (rest-of-file.ts), before its decisions: the lines
 * with their numbers as each cell's own rule read them, numbered from the rest's first row.
 */
export interface SalesPart {
  columns: SalesColumns;
  /** The names of `columns.client.texts` that held invisible characters. */
  invisible: string[];
  numbers: NumberState;
  requests: RequestLine[] | undefined;
  twoDigitYears: number;
  from: number;
  to: number;
}

const REQUEST_TYPES = new Set(['request', 'запрос', 'заявка', 'inquiry', 'enquiry']);

export function readSales(input: Grid | TableSource, options: ReadOptions = {}): ReadOutcome<SalesColumns> {
  return readTable<SalesColumns, SalesField>(input, SALES_SHEET, options, (found, reject) => salesReader(found.mapping, found.headers, options, reject));
}

/**
 * The rest of a text file from a line start on, as readSales reads it below the header the top of
 * the file found (the other thread's half: rest-of-file.ts).
 */
export function readSalesRest(chunks: ByteChunks, plan: RestPlan): RestPart {
  const source = csvRestSource(chunks, plan.delimiter);
  const { table, reader } = readTablePart(source, plan.mapping.client!, (reject) => salesReader(plan.mapping, plan.headers, plan.options, reject));
  return { table, reader, file: source.filePart() };
}

/** True when the text of a `type` cell says the row is a request rather than a sale. */
export function isRequestType(text: string): boolean {
  return REQUEST_TYPES.has(normalizeWord(text));
}

function salesReader(mapping: ColumnMapping, headers: readonly string[], options: ReadOptions, reject: Reject): RowReader<SalesColumns> {
  const client = mapping.client!;
  const date = mapping.date!;
  const { amount, quantity, price, profit, type, manager } = mapping;
  const texts = SALE_TEXT_FIELDS.filter((field) => mapping[field] !== undefined);
  const builder = new SalesColumnsBuilder({ profit: profit !== undefined, quantity: quantity !== undefined, texts });
  const clients = new KeyedTexts(builder.clients);
  const columns = texts.map((field) => ({ slot: builder.slot(field), column: mapping[field]!, keyed: new KeyedTexts(builder.table(field)) }));
  const numbers = new NumberColumns(NUMBER_FIELDS.filter((field) => mapping[field] !== undefined));
  const dateOptions = dateOptionsOf(options);
  const dateShape: DateShape = { twoDigitYear: false };
  const requests: RequestLine[] | undefined = type === undefined ? undefined : [];
  const lines: number[] = [];
  let twoDigitYears = 0;
  let from = Infinity;
  let to = -Infinity;

  return {
    read(row: SourceRow, sheetRow: number): void {
      const id = clients.id(row, client);
      if (id < 0) return reject(sheetRow, 'no-client');
      const day = row.day(date, dateOptions, dateShape);
      if (day === null) return reject(sheetRow, 'bad-date', row.cell(date));
      if (requests && isRequestType(row.text(type!))) {
        const request: RequestLine = { row: sheetRow, client: builder.clients.texts[id]!, day };
        const who = manager === undefined ? '' : visibleText(row.text(manager));
        if (who) request.manager = who;
        requests.push(request);
        return;
      }
      numbers.startRow();
      let cents: number | null;
      let units = Number.NaN;
      if (amount !== undefined) {
        const value = numbers.read(row, amount, 'amount');
        cents = value === null ? null : toCents(value);
        if (cents === null) return reject(sheetRow, 'bad-amount', row.cell(amount));
      } else {
        const count = numbers.read(row, quantity!, 'quantity');
        if (count === null) return reject(sheetRow, 'bad-amount', row.cell(quantity!));
        const each = numbers.read(row, price!, 'price');
        if (each === null) return reject(sheetRow, 'bad-amount', row.cell(price!));
        cents = amountFromQuantityPrice(count, each);
        if (cents === null) return reject(sheetRow, 'bad-amount', row.cell(price!));
        units = toThousandths(count) ?? Number.NaN;
      }
      let profitCents = Number.NaN;
      if (profit !== undefined) profitCents = toCents(numbers.read(row, profit, 'profit') ?? Number.NaN) ?? Number.NaN;
      if (quantity !== undefined && amount !== undefined) units = toThousandths(numbers.read(row, quantity, 'quantity') ?? Number.NaN) ?? Number.NaN;
      const i = builder.add(sheetRow, id, day, cents, profitCents, units);
      numbers.endRow(i);
      for (let t = 0; t < columns.length; t++) {
        const text = columns[t]!;
        builder.setText(text.slot, i, text.keyed.id(row, text.column));
      }
      while (lines.length <= id) lines.push(0);
      lines[id]!++;
      if (dateShape.twoDigitYear) twoDigitYears++;
      if (day < from) from = day;
      if (day > to) to = day;
    },
    part() {
      return { columns: builder.finish(), invisible: builder.clients.invisibleTexts, numbers: numbers.state(), requests, twoDigitYears, from, to };
    },
    absorb(part, rowOffset) {
      const clientIds = builder.clients.merge(part.columns.client.texts, part.invisible);
      const at = builder.append(part.columns, rowOffset, clientIds);
      numbers.absorb(part.numbers, at);
      if (requests) {
        for (const request of part.requests ?? []) {
          request.row += rowOffset;
          requests.push(request);
        }
      }
      const ids = part.columns.client.ids;
      for (let i = 0; i < part.columns.length; i++) {
        const id = clientIds[ids[i]!]!;
        while (lines.length <= id) lines.push(0);
        lines[id]!++;
      }
      twoDigitYears += part.twoDigitYears;
      if (part.from < from) from = part.from;
      if (part.to > to) to = part.to;
    },
    finish() {
      for (const [i, value] of numbers.decided()) {
        const [cents, profitCents, units] = lineNumbers(value, amount !== undefined);
        if (!Number.isNaN(cents)) builder.setNumbers(i, cents, profitCents, units);
      }
      const records = builder.finish();
      const names = records.client.texts;
      return {
        records,
        requests,
        profile: {
          decimals: numbers.choices(),
          currencies: moneyCurrencies(numbers.currencies(), mapping, headers),
          dates: records.length > 0 ? { from, to } : null,
          twoDigitYears,
          invisibleNames: builder.clients.invisible,
          lookAlikes: lookAlikeGroups(names).map((group) => group.map((id) => ({ name: names[id]!, lines: lines[id] ?? 0 }))),
        },
      };
    },
  };
}

/** The currencies the money cells wrote and the money columns' headers name, in CURRENCIES order. */
export function moneyCurrencies(cells: readonly CurrencyCode[], mapping: ColumnMapping, headers: readonly string[]): CurrencyCode[] {
  const seen = new Set(cells);
  for (const field of MONEY_FIELDS) {
    const column = mapping[field];
    const code = column === undefined ? null : headerCurrency(headers[column] ?? '');
    if (code) seen.add(code);
  }
  return CURRENCIES.filter((code) => seen.has(code));
}

/** A line's amount, profit and quantity in exact units from its decided numbers (NaN: none). */
function lineNumbers(value: Record<NumberField, number>, amountColumn: boolean): [number, number, number] {
  const cents = amountColumn ? toCents(value.amount) : amountFromQuantityPrice(value.quantity, value.price);
  return [cents ?? Number.NaN, toCents(value.profit) ?? Number.NaN, toThousandths(value.quantity) ?? Number.NaN];
}
