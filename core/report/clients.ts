/**
 * The Clients tab: one row per client (all clients), the full result of the analysis.
 *
 * Order: clients with an ABC class by value, largest first (so the cumulative share reads
 * down the column), then the clients without a class (no positive value in the period) by name.
 * Status and tier cells are coloured; signals show translated and joined with ", ". Manager,
 * region and industry columns appear only when the sales sheet had them.
 *
 * Notes: the dates, the measure, the status rule, why P(alive) may be empty, and which signals
 * could not be checked for lack of data.
 *
 * Example: a client with value 118,000 of a 185,000 total shows share 63.8 %, cumulative 63.8 %,
 * A, X, status "active" on green.
 */
import type { ClientResult, Signal } from '../analyze/analysis.js';
import type { ColumnSpec, SheetSpec, SpecValue } from './spec.js';
import { statusColours, tierColours } from './colours.js';
import { column, textOrNull, windowNote, type ReportContext } from './context.js';

export function clientsSheet(ctx: ReportContext): SheetSpec {
  const { analysis, m } = ctx;
  const extras = optionalColumns(analysis.clients);
  const columns: ColumnSpec[] = [
    column('client', m.columns.client, 'text', 30),
    column('value', m.columns.value(ctx.measure), ctx.valueFormat),
    column('share', m.columns.share, 'percent'),
    column('cumShare', m.columns.cumShare, 'percent', 12),
    column('abc', m.columns.abc, 'text', 6),
    column('cv', m.columns.cv, 'decimal'),
    column('xyz', m.columns.xyz, 'text', 6),
    column('formerValue', m.columns.formerValue(ctx.measure), ctx.valueFormat, 17),
    column('tier', m.columns.tier, 'text', 11),
    column('status', m.columns.status, 'text', 13),
    column('signals', m.columns.signals, 'text', 32),
    column('cadenceDays', m.columns.cadenceDays, 'integer', 12),
    column('recencyDays', m.columns.recencyDays, 'integer', 14),
    column('firstPurchase', m.columns.firstPurchase, 'date'),
    column('lastPurchase', m.columns.lastPurchase, 'date'),
    column('purchaseDays', m.columns.purchaseDays, 'integer'),
    column('orders', m.columns.orders, 'integer'),
    ...extras.map((key) => column(key, m.columns[key], 'text', 18)),
    column('pAlive', m.columns.pAlive, 'percent', 12),
    column('expected90', m.columns.expected90, 'decimal', 14),
  ];
  const rows = byValue(analysis.clients).map((c): SpecValue[] => [
    c.client,
    c.value,
    c.share,
    c.cumShare,
    c.abc,
    c.cv,
    c.xyz,
    c.formerValue,
    c.tier && m.tier[c.tier],
    c.status && m.status[c.status],
    signalsText(ctx, c.signals),
    c.cadenceDays,
    c.recencyDays,
    c.firstPurchase,
    c.lastPurchase,
    c.purchaseDays,
    c.orders,
    ...extras.map((key) => textOrNull(c[key])),
    c.pAlive,
    c.expected90,
  ]);
  const notChecked = notCheckedNote(ctx);
  return {
    key: 'clients',
    name: m.tabs.clients,
    notes: [
      windowNote(ctx),
      m.notes.measure(ctx.measure),
      m.notes.clients,
      statusNote(ctx),
      modelNote(ctx),
      ...(notChecked ? [notChecked] : []),
    ],
    tables: [
      {
        id: 'clients',
        columns,
        rows,
        valueColours: [statusColours(m), tierColours(m)],
        asTable: true,
      },
    ],
    charts: [],
    freezeHeader: true,
  };
}

/** Ranked clients by cumulative share (value descending), then the unranked in their given order. */
export function byValue(clients: readonly ClientResult[]): ClientResult[] {
  const ranked = clients.filter((c) => c.cumShare !== null).sort((p, q) => p.cumShare! - q.cumShare!);
  return [...ranked, ...clients.filter((c) => c.cumShare === null)];
}

export function signalsText(ctx: ReportContext, signals: readonly Signal[]): SpecValue {
  return signals.length === 0 ? null : signals.map((s) => ctx.m.signal[s]).join(', ');
}

type OptionalColumn = 'manager' | 'region' | 'industry';

/** The manager, region and industry columns that have at least one value. */
export function optionalColumns(clients: readonly ClientResult[]): OptionalColumn[] {
  return (['manager', 'region', 'industry'] as const).filter((key) => clients.some((c) => c[key]));
}

function statusNote(ctx: ReportContext): string {
  const { m } = ctx;
  const s = ctx.analysis.options.status;
  return m.notes.status(ctx.format.number(s.riskFactor), ctx.format.number(s.lostFactor), s.minLostDays, s.newDays);
}

/** What P(alive) is, or why it is empty. */
export function modelNote(ctx: ReportContext): string {
  const { m } = ctx;
  const { bgnbd, skipped } = ctx.analysis.model;
  if (bgnbd) return m.notes.modelFitted(modelName(bgnbd.kind));
  return m.notes.modelSkipped(m.modelSkipped[skipped?.code ?? 'disabled']);
}

/** The model's published name. */
export function modelName(kind: 'bgnbd' | 'mbgnbd'): string {
  return kind === 'bgnbd' ? 'BG/NBD' : 'MBG/NBD';
}

/** The signals whose optional input was not provided, or null when every signal was checked. */
export function notCheckedNote(ctx: ReportContext): string | null {
  const sources = ctx.analysis.sources;
  const missing: Signal[] = [];
  if (!sources.requests) missing.push('requests-without-orders');
  if (!sources.contacts) missing.push('unresponsive');
  if (!sources.complaints) missing.push('complaint');
  return missing.length === 0 ? null : ctx.m.notes.notChecked(missing.map((s) => ctx.m.signal[s]).join(', '));
}
