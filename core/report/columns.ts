/**
 * Report columns as data: a column definition carries its key, its header in the report's
 * language, its number format, its width and how to get its value from a row's item, so a table's
 * columns and rows come from one list and can never drift apart.
 *
 * The client columns (CLIENT_COLUMNS) are defined once and shared by every tab that shows a
 * client: Clients, Win-back (and the Summary of a later tab).
 *
 * Example: tableOf([col('name', 'Client', 'text', 30, (c) => c.client)], clients) →
 * {columns: [{key: 'name', header: 'Client', format: 'text', width: 30}], rows: [['Acme'], …]}.
 */
import type { ClientResult } from '../analyze/analysis.js';
import type { CellFormat, ColumnSpec, SpecValue } from './spec.js';
import type { ReportContext } from './context.js';
import { actionSentences, listReason } from './actions.js';

export interface ColumnDef<T> {
  key: string;
  header: string;
  format: CellFormat;
  width: number;
  value(item: T, index: number): SpecValue;
}

/** Default widths in characters per format; text columns say their own width. */
const WIDTH: Record<Exclude<CellFormat, 'text'>, number> = {
  integer: 10,
  money: 15,
  decimal: 11,
  percent: 10,
  date: 12,
};

/** A column definition; without a width, the format's default. */
export function col<T>(key: string, header: string, format: CellFormat, width: number | undefined, value: (item: T, index: number) => SpecValue): ColumnDef<T> {
  return { key, header, format, width: width ?? (format === 'text' ? 14 : WIDTH[format]), value };
}

/** The columns and rows of a table from its column definitions and its items. */
export function tableOf<T>(defs: readonly ColumnDef<T>[], items: readonly T[]): { columns: ColumnSpec[]; rows: SpecValue[][] } {
  return {
    columns: defs.map(({ key, header, format, width }) => ({ key, header, format, width })),
    rows: items.map((item, index) => defs.map((def) => def.value(item, index))),
  };
}

/** Empty instead of an empty string, so a blank cell stays blank. */
export function textOrNull(text: string | null | undefined): SpecValue {
  return text ? text : null;
}

/** The columns a tab may show of a client. */
export type ClientColumnKey =
  | 'client'
  | 'value'
  | 'share'
  | 'cumShare'
  | 'abc'
  | 'cv'
  | 'xyz'
  | 'formerValue'
  | 'tier'
  | 'status'
  | 'signals'
  | 'actions'
  | 'cadenceDays'
  | 'recencyDays'
  | 'firstPurchase'
  | 'lastPurchase'
  | 'purchaseDays'
  | 'orders'
  | 'manager'
  | 'region'
  | 'industry'
  | 'pAlive'
  | 'pAliveLow'
  | 'pAliveHigh'
  | 'expected90'
  | 'expectedValue12m'
  | 'expectedValue12mLow'
  | 'expectedValue12mHigh'
  | 'windowPurchaseDays'
  | 'nextPurchase'
  | 'daysOverdue'
  | 'list'
  | 'why'
  | 'valueAtStake';

/** Each client column, in the report's language; widths as the Clients and Win-back tabs use them. */
export function clientColumn(ctx: ReportContext, key: ClientColumnKey): ColumnDef<ClientResult> {
  const { m } = ctx;
  const c = m.columns;
  switch (key) {
    case 'client':
      return col(key, c.client, 'text', 30, (x) => x.client);
    case 'value':
      return col(key, c.value(ctx.measure), ctx.valueFormat, undefined, (x) => x.value);
    case 'share':
      return col(key, c.share, 'percent', undefined, (x) => x.share);
    case 'cumShare':
      return col(key, c.cumShare, 'percent', 12, (x) => x.cumShare);
    case 'abc':
      return col(key, c.abc, 'text', 6, (x) => x.abc);
    case 'cv':
      return col(key, c.cv, 'decimal', undefined, (x) => x.cv);
    case 'xyz':
      return col(key, c.xyz, 'text', 6, (x) => x.xyz);
    case 'formerValue':
      return col(key, c.formerValue(ctx.measure), ctx.valueFormat, 17, (x) => x.formerValue);
    case 'tier':
      return col(key, c.tier, 'text', 11, (x) => x.tier && m.tier[x.tier]);
    case 'status':
      return col(key, c.status, 'text', 13, (x) => x.status && m.status[x.status]);
    case 'signals':
      return col(key, c.signals, 'text', 32, (x) => (x.signals.length === 0 ? null : x.signals.map((s) => m.signal[s]).join(', ')));
    case 'actions':
      return col(key, c.actions, 'text', 60, (x) => (x.actions.length === 0 ? null : actionSentences(ctx.lang, x).join('\n')));
    case 'cadenceDays':
      return col(key, c.cadenceDays, 'integer', 12, (x) => x.cadenceDays);
    case 'recencyDays':
      return col(key, c.recencyDays, 'integer', 14, (x) => x.recencyDays);
    case 'firstPurchase':
      return col(key, c.firstPurchase, 'date', undefined, (x) => x.firstPurchase);
    case 'lastPurchase':
      return col(key, c.lastPurchase, 'date', undefined, (x) => x.lastPurchase);
    case 'purchaseDays':
      return col(key, c.purchaseDays, 'integer', undefined, (x) => x.purchaseDays);
    case 'orders':
      return col(key, c.orders, 'integer', undefined, (x) => x.orders);
    case 'manager':
    case 'region':
    case 'industry':
      return col(key, c[key], 'text', 18, (x) => textOrNull(x[key]));
    case 'pAlive':
    case 'pAliveLow':
    case 'pAliveHigh':
      return col(key, c[key], 'percent', 12, (x) => x[key]);
    case 'expected90':
      return col(key, c.expected90, 'decimal', 14, (x) => x.expected90);
    case 'expectedValue12m':
    case 'expectedValue12mLow':
    case 'expectedValue12mHigh':
      return col(key, c[key], ctx.valueFormat, 16, (x) => x[key]);
    case 'nextPurchase':
      return col(key, c.nextPurchase, 'date', 14, (x) => x.nextPurchase);
    case 'daysOverdue':
      return col(key, c.daysOverdue, 'integer', 12, (x) => x.daysOverdue);
    case 'windowPurchaseDays':
      return col(key, c.windowPurchaseDays, 'integer', 14, (x) => x.windowPurchaseDays);
    case 'list':
      return col(key, c.list, 'text', 14, (x) => x.list && m.list[x.list]);
    case 'why':
      return col(key, c.why, 'text', 40, (x) => listReason(ctx.lang, x));
    case 'valueAtStake':
      return col(key, c.valueAtStake, ctx.valueFormat, 16, (x) => x.valueAtStake);
  }
}

/** The manager, region and industry columns that have at least one value. */
export function optionalClientColumns(clients: readonly ClientResult[]): ('manager' | 'region' | 'industry')[] {
  return (['manager', 'region', 'industry'] as const).filter((key) => clients.some((c) => c[key]));
}
