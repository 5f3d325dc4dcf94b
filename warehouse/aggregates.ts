/**
 * The aggregation's result (aggregation-sql.ts) → the reader's outcome for the sales sheet, so the
 * pipeline analyses it exactly as it analyses lines read in memory.
 *
 * - Each `sale` row becomes one entry of the sales columns standing for its `lines` lines
 *   (SalesColumns.lines); entries are ordered by their latest row, so the client's latest line of
 *   its last day — whose manager, region and industry the metrics show — is the last entry, as it is
 *   the last line for the in-memory reader. Its row is the group's first row.
 * - `request` rows are the sales sheet's request rows; `rejected` rows the rejected rows, a run of
 *   consecutive blank rows made one entry as the reader makes it.
 * - `rows` gives the first row below the header and the last row with data: data rows = last − first + 1,
 *   plus each repeated row (`duplicate-row`, read-rows.ts);
 * - `currency` rows and the money columns' headers give the currencies the profile lists.
 *
 * Example: result rows (sale, row 2, to_row 3, Acme, day 20517, amount 1500, lines 2), (rejected,
 * row 4, blank), (rejected, row 5, blank), (rows, 2, 6) → one entry (row 2, Acme, 2026-03-05,
 * 15.00, 2 lines), rejected [{row 4, toRow 5, blank}], 5 data rows.
 */
import { lookAlikeGroups } from '../core/read/look-alikes.js';
import { SALE_TEXT_FIELDS, SalesColumnsBuilder, type SaleTextField, type SalesColumns, type TextTable } from '../core/read/sales-columns.js';
import type { ColumnMapping, ReadProfile, RejectedRow, RejectReason, RequestLine } from '../core/read/types.js';
import { REJECT_REASONS } from '../core/read/types.js';
import { SQL_NAME } from './aggregation-sql.js';
import { CURRENCIES, type CurrencyCode } from '../core/options/choices.js';
import { moneyCurrencies } from '../core/read/read-sales.js';
import { SALES_FIELDS } from '../core/read/fields.js';
import { columnChoices, SALES_WORDS } from '../core/read/header-words.js';

/** One row of the aggregation's result, as plain values (numbers for the SQL integers). */
export interface AggregateRow {
  kind: string;
  row: number | null;
  to_row: number | null;
  reason: string | null;
  value: string | null;
  client: string | null;
  day: number | null;
  product: string | null;
  grp: string | null;
  document: string | null;
  manager: string | null;
  region: string | null;
  industry: string | null;
  amount: number | null;
  profit: number | null;
  quantity: number | null;
  lines: number | null;
}

/** What the engine knows of the source beside the result: its header and mapping. */
export interface AggregateSource {
  /** 0-based index of the header row among the sheet's rows. */
  headerRow: number;
  headers: string[];
  mapping: ColumnMapping;
  /** Whether profit and quantity columns are mapped. */
  profit: boolean;
  quantity: boolean;
  /** The mapped name fields. */
  texts: readonly SaleTextField[];
  /** What the profile says of how the source was read, beyond what the result tells. */
  profile: Pick<ReadProfile, 'columns' | 'file'>;
}

/** A result row that is not what the aggregation writes (a hand-edited or foreign file). */
export class AggregateProblem extends Error {}

export interface AggregatedSales {
  records: SalesColumns;
  rejected: RejectedRow[];
  requests: RequestLine[] | undefined;
  dataRows: number;
  profile: ReadProfile;
}

/**
 * Reads the result row by row, so that a result of millions of groups is never held as objects:
 * every row other than a sale first (the `column` rows say how the table was read when `source` is
 * not given), then the sales in the order of their latest row (`ORDER_FOR_READING`).
 */
export class AggregatesReader {
  private readonly rejected: { row: number; reason: RejectReason; value: string | null }[] = [];
  private readonly requests: RequestLine[] = [];
  private readonly currencies: CurrencyCode[] = [];
  private readonly columnRows: AggregateRow[] = [];
  private source: AggregateSource | undefined;
  private builder: SalesColumnsBuilder | undefined;
  private slots: { slot: number; table: TextTable; key: keyof AggregateRow }[] = [];
  private lines = new Int32Array(1024);
  private readonly perClient: number[] = [];
  private first = 0;
  private last = -1;
  private from = Infinity;
  private to = -Infinity;
  private latestRow = -Infinity;

  constructor(source?: AggregateSource) {
    this.source = source;
  }

  add(row: AggregateRow): void {
    if (row.kind === 'sale') return this.addSale(checkedSale(row));
    if (this.builder) throw new AggregateProblem(`a "${row.kind}" row after the sales`);
    if (row.kind === 'rejected') this.rejected.push({ row: whole(row.row, row), reason: reasonOf(row), value: row.value });
    else if (row.kind === 'request') this.requests.push(requestOf(row));
    else if (row.kind === 'rows') {
      if (row.row !== null && row.to_row !== null) [this.first, this.last] = [row.row, row.to_row];
    } else if (row.kind === 'currency') {
      const code = CURRENCIES.find((c) => c === row.reason);
      if (!code) throw new AggregateProblem(`unknown currency "${row.reason}"`);
      this.currencies.push(code);
    } else if (row.kind === 'column') this.columnRows.push(row);
    else throw new AggregateProblem(`unknown kind "${row.kind}"`);
  }

  finish(): { read: AggregatedSales; source: AggregateSource } {
    const builder = this.builderOf();
    const source = this.source!;
    const records: SalesColumns = { ...builder.finish(), lines: this.lines.slice(0, builder.length) };
    const names = records.client.texts;
    const read: AggregatedSales = {
      records,
      rejected: withBlankRuns(this.rejected),
      requests: source.mapping.type === undefined ? undefined : this.requests.sort((p, q) => p.row - q.row),
      dataRows: (this.last >= this.first ? this.last - this.first + 1 : 0) + this.rejected.filter((r) => r.reason === 'duplicate-row').length,
      profile: {
        ...source.profile,
        headerRow: source.headerRow + 1,
        decimals: [],
        currencies: moneyCurrencies(this.currencies, source.mapping, source.headers),
        dates: records.length > 0 ? { from: this.from, to: this.to } : null,
        twoDigitYears: 0,
        invisibleNames: 0,
        lookAlikes: lookAlikeGroups(names).map((group) => group.map((id) => ({ name: names[id]!, lines: this.perClient[id] ?? 0 }))),
      },
    };
    return { read, source };
  }

  private builderOf(): SalesColumnsBuilder {
    if (this.builder) return this.builder;
    const source = (this.source ??= sourceOfAggregates(this.columnRows));
    const builder = new SalesColumnsBuilder({ profit: source.profit, quantity: source.quantity, texts: source.texts });
    this.slots = source.texts.map((field) => ({ slot: builder.slot(field), table: builder.table(field), key: SQL_NAME[field] }));
    return (this.builder = builder);
  }

  private addSale(sale: AggregateRow): void {
    if (sale.to_row! < this.latestRow) throw new AggregateProblem(`the sales are not in the order of their latest row (row ${sale.row})`);
    this.latestRow = sale.to_row!;
    const builder = this.builderOf();
    const client = builder.clients.id(sale.client!);
    const i = builder.add(sale.row!, client, sale.day!, sale.amount!, sale.profit ?? Number.NaN, sale.quantity ?? Number.NaN);
    for (const { slot, table, key } of this.slots) {
      const text = sale[key] as string | null;
      builder.setText(slot, i, text === null ? -1 : table.id(text));
    }
    if (i === this.lines.length) {
      const grown = new Int32Array(this.lines.length * 2);
      grown.set(this.lines);
      this.lines = grown;
    }
    this.lines[i] = sale.lines!;
    this.perClient[client] = (this.perClient[client] ?? 0) + sale.lines!;
    if (sale.day! < this.from) this.from = sale.day!;
    if (sale.day! > this.to) this.to = sale.day!;
  }
}

/** The order a reader of the result asks for: every row other than a sale, then the sales by their latest row (columns of `table`, e.g. `r.`). */
export const ORDER_FOR_READING = (table = '') => `ORDER BY ${table}kind = 'sale', ${table}to_row`;

function checkedSale(row: AggregateRow): AggregateRow {
  if (row.client === null || row.client === '' || row.day === null || row.amount === null || row.lines === null || row.row === null || row.to_row === null) {
    throw new AggregateProblem(`a sale without its client, day, amount, lines or rows (row ${row.row ?? '?'})`);
  }
  for (const value of [row.day, row.amount, row.lines, row.row, row.to_row]) whole(value, row);
  return row;
}

function whole(value: number | null, row: AggregateRow): number {
  if (value === null || !Number.isSafeInteger(value)) throw new AggregateProblem(`"${String(value)}" is not a whole number (row ${row.row ?? '?'})`);
  return value;
}

function reasonOf(row: AggregateRow): RejectReason {
  const reason = REJECT_REASONS.find((r) => r === row.reason);
  if (!reason) throw new AggregateProblem(`unknown reason "${row.reason}" (row ${row.row ?? '?'})`);
  return reason;
}

function requestOf(row: AggregateRow): RequestLine {
  if (row.client === null || row.day === null || row.row === null) throw new AggregateProblem(`a request without its client, day or row`);
  const request: RequestLine = { row: row.row, client: row.client, day: row.day };
  if (row.manager) request.manager = row.manager;
  return request;
}

/** Rejected rows in row order, consecutive blank rows as one run (read-rows.ts). */
function withBlankRuns(rows: { row: number; reason: RejectReason; value: string | null }[]): RejectedRow[] {
  rows.sort((p, q) => p.row - q.row);
  const out: RejectedRow[] = [];
  for (const r of rows) {
    const previous = out[out.length - 1];
    if (r.reason === 'blank' && previous?.reason === 'blank' && (previous.toRow ?? previous.row) === r.row - 1) {
      previous.toRow = r.row;
      continue;
    }
    const entry: RejectedRow = { row: r.row, reason: r.reason };
    if (r.value !== null && r.value !== '') entry.value = r.value;
    out.push(entry);
  }
  return out;
}

/**
 * How the table was read, from the result's own `column` rows (a result downloaded from a
 * warehouse carries nothing else): the header is its first row.
 */
export function sourceOfAggregates(rows: readonly AggregateRow[]): AggregateSource {
  const mapping: ColumnMapping = {};
  const headers: string[] = [];
  for (const row of rows) {
    if (row.kind !== 'column') continue;
    const field = SALES_FIELDS.find((f) => f === row.reason);
    if (!field || row.row === null || !Number.isSafeInteger(row.row) || row.row < 0 || row.value === null) throw new AggregateProblem(`a column row without its field, index or name`);
    mapping[field] = row.row;
    while (headers.length <= row.row) headers.push('');
    headers[row.row] = row.value;
  }
  if (mapping.client === undefined || mapping.date === undefined) throw new AggregateProblem('no column rows for the client and the date');
  return {
    headerRow: 0,
    headers,
    mapping,
    profit: mapping.profit !== undefined,
    quantity: mapping.quantity !== undefined,
    texts: mappedTexts(mapping),
    profile: { columns: columnChoices(headers, SALES_WORDS, mapping) },
  };
}

/** The name fields in the order the columns builder keeps them. */
export function mappedTexts(mapping: ColumnMapping): SaleTextField[] {
  return SALE_TEXT_FIELDS.filter((field) => mapping[field] !== undefined);
}
