/**
 * The Win-back tab: the clients with at least one signal, in the order of `analysis.winBack`
 * (gold, silver, bronze, then the value in the last active year), numbered 1 … n.
 *
 * Each row shows the signs of leaving and the recommended actions (SPEC §6), one action per line
 * in the order of the signals; a lost bronze client has the single "mailing only" action. Tier and
 * status cells are coloured. Manager, region and industry appear when the sales sheet had them.
 * With no client to win back the tab holds only a note.
 *
 * Example: a gold at-risk client with signals [overdue, requests-without-orders] → actions
 * "Arrange a meeting with a senior manager …" and "Prepare an individual commercial offer …".
 */
import type { ColumnSpec, SheetSpec, SpecValue } from './spec.js';
import { modelNote, notCheckedNote, optionalColumns, signalsText } from './clients.js';
import { statusColours, tierColours } from './colours.js';
import { column, textOrNull, windowNote, type ReportContext } from './context.js';

export function winbackSheet(ctx: ReportContext): SheetSpec {
  const { analysis, m } = ctx;
  const clients = analysis.winBack;
  const notChecked = notCheckedNote(ctx);
  const notes = [windowNote(ctx), m.notes.winback, tiersNote(ctx), m.notes.winbackBronze, modelNote(ctx)];
  if (notChecked) notes.push(notChecked);
  if (clients.length === 0) {
    return { key: 'winback', name: m.tabs.winback, notes: [...notes, m.notes.winbackEmpty], tables: [], charts: [], freezeHeader: false };
  }
  const extras = optionalColumns(clients);
  const columns: ColumnSpec[] = [
    column('priority', m.columns.priority, 'integer', 9),
    column('client', m.columns.client, 'text', 30),
    column('tier', m.columns.tier, 'text', 11),
    column('status', m.columns.status, 'text', 13),
    column('signals', m.columns.signals, 'text', 26),
    column('actions', m.columns.actions, 'text', 60),
    column('formerValue', m.columns.formerValue(ctx.measure), ctx.valueFormat, 17),
    column('recencyDays', m.columns.recencyDays, 'integer', 14),
    column('cadenceDays', m.columns.cadenceDays, 'integer', 12),
    column('lastPurchase', m.columns.lastPurchase, 'date'),
    column('pAlive', m.columns.pAlive, 'percent', 12),
    column('expected90', m.columns.expected90, 'decimal', 14),
    column('expectedValue12m', m.columns.expectedValue12m, ctx.valueFormat, 16),
    ...extras.map((key) => column(key, m.columns[key], 'text', 18)),
  ];
  const rows = clients.map((c, i): SpecValue[] => [
    i + 1,
    c.client,
    c.tier && m.tier[c.tier],
    c.status && m.status[c.status],
    signalsText(ctx, c.signals),
    c.actions.length === 0 ? null : c.actions.map((a) => m.action[a]).join('\n'),
    c.formerValue,
    c.recencyDays,
    c.cadenceDays,
    c.lastPurchase,
    c.pAlive,
    c.expected90,
    c.expectedValue12m,
    ...extras.map((key) => textOrNull(c[key])),
  ]);
  return {
    key: 'winback',
    name: m.tabs.winback,
    notes,
    tables: [{ id: 'winback', columns, rows, valueColours: [tierColours(m), statusColours(m)], asTable: true }],
    charts: [],
    freezeHeader: true,
  };
}

function tiersNote(ctx: ReportContext): string {
  const { gold, silver } = ctx.analysis.options.tiers;
  return ctx.m.notes.tiers(ctx.format.percent(gold), ctx.format.percent(silver));
}
