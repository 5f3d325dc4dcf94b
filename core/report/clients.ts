/**
 * The Clients tab: one row per client (all clients), the full result of the analysis.
 *
 * Order: clients with an ABC class by value, largest first (so the cumulative share reads
 * down the column), then the clients without a class (no positive value in the period) by name.
 * Status and tier cells are coloured; signals show translated and joined with ", ". Manager,
 * region and industry columns appear only when the sales sheet had them. The columns are the
 * shared client columns (columns.ts).
 *
 * Notes, under the list (one line above its header gives the asOf and points to them, so the
 * header row stays frozen): the dates, the measure, the status rule, why P(alive) may be empty,
 * and which signals could not be checked for lack of data.
 *
 * Example: a client with value 118,000 of a 185,000 total shows share 63.8 %, cumulative 63.8 %,
 * A, X, status "active" on green.
 */
import type { ClientResult, CountModelKind, Signal } from '../analyze/analysis.js';
import { clientColumn, optionalClientColumns, tableOf, type ClientColumnKey } from './columns.js';
import type { SheetSpec } from './spec.js';
import { statusColours, tierColours } from './colours.js';
import { notesBelow, windowNote, type ReportContext } from './context.js';

export function clientsSheet(ctx: ReportContext): SheetSpec {
  const { analysis, m } = ctx;
  const keys: ClientColumnKey[] = [
    'client',
    'value',
    'share',
    'cumShare',
    'abc',
    'cv',
    'xyz',
    'formerValue',
    'tier',
    'status',
    'signals',
    'cadenceDays',
    'recencyDays',
    'firstPurchase',
    'lastPurchase',
    'nextPurchase',
    'daysOverdue',
    'purchaseDays',
    'orders',
    ...optionalClientColumns(analysis.clients),
    'pAlive',
    'pAliveLow',
    'pAliveHigh',
    'expected90',
    'expectedValue12m',
    'expectedValue12mLow',
    'expectedValue12mHigh',
  ];
  const notChecked = notCheckedNote(ctx);
  return {
    key: 'clients',
    name: m.tabs.clients,
    notes: [
      windowNote(ctx),
      m.notes.measure(ctx.measure),
      m.notes.clients,
      statusNote(ctx),
      ...modelNotes(ctx),
      ...(notChecked ? [notChecked] : []),
    ],
    notesBelow: notesBelow(ctx),
    tables: [
      {
        id: 'clients',
        ...tableOf(
          keys.map((key) => clientColumn(ctx, key)),
          byValue(analysis.clients),
        ),
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

function statusNote(ctx: ReportContext): string {
  const { m } = ctx;
  const s = ctx.analysis.options.status;
  return m.notes.status(ctx.format.number(s.riskFactor), ctx.format.number(s.lostFactor), s.minLostDays, s.newDays);
}

/**
 * What the model columns mean and which model filled them, and why — or why they are empty; and,
 * when some clients have P(alive) but no expected value, that their repeat spend is not positive;
 * under BG/NBD with one-time buyers, that their P(alive) is 100 % by the model's construction.
 */
export function modelNotes(ctx: ReportContext): string[] {
  const { m } = ctx;
  const { used, why, skipped, gammaGamma } = ctx.analysis.model;
  if (used === null) return [m.notes.modelSkipped(m.modelSkipped[skipped?.code ?? 'disabled'])];
  const notes = [m.notes.modelFitted(modelName(used), m.modelWhy[why])];
  if (used === 'bgnbd' && ctx.analysis.clients.some((c) => c.purchaseDays === 1 && c.pAlive !== null)) notes.push(m.notes.oneTimeAlive);
  if (gammaGamma && ctx.analysis.clients.some((c) => c.pAlive !== null && c.expectedValue12m === null)) notes.push(m.notes.spendNotPositive);
  return notes;
}

/** The model's published name. */
export function modelName(kind: CountModelKind): string {
  return MODEL_NAMES[kind];
}

const MODEL_NAMES: Record<CountModelKind, string> = { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD', paretonbd: 'Pareto/NBD' };

/** The signals whose optional input was not provided, or null when every signal was checked. */
export function notCheckedNote(ctx: ReportContext): string | null {
  const sources = ctx.analysis.sources;
  const missing: Signal[] = [];
  if (!sources.requests) missing.push('requests-without-orders');
  if (!sources.contacts) missing.push('unresponsive');
  if (!sources.complaints) missing.push('complaint');
  return missing.length === 0 ? null : ctx.m.notes.notChecked(missing.map((s) => ctx.m.signal[s]).join(', '));
}
