/**
 * The Win-back tab: every client of the four action lists (SPEC §6a) — Keep, Win back, Grow,
 * Mailing only — in the order of `analysis.winBack` (list by list, value at stake first), numbered
 * 1 … n.
 *
 * Each row shows its list, why it is there in words with its own facts, the signs of leaving and
 * the recommended actions about this client (core/report/actions.ts), one per line; a client in
 * Mailing only has the single low-cost action. Tier and status cells are coloured. Manager,
 * region and industry appear when the sales sheet had them. The notes are under the list, one line
 * above its header pointing to them (so the header row stays frozen). With no client in any list
 * the tab holds only its notes.
 *
 * Example: an at-risk gold client silent 50 days (usually every 20) with a complaint → list Keep,
 * why "No purchase for 50 days; usually every 20.", actions "No purchase for 50 days: arrange a
 * meeting with a senior manager …" and "Complaint of 2026-03-02 …".
 */
import type { ClientResult } from '../analyze/analysis.js';
import type { SheetSpec } from './spec.js';
import { modelNotes, notCheckedNote } from './clients.js';
import { clientColumn, col, optionalClientColumns, tableOf, type ClientColumnKey, type ColumnDef } from './columns.js';
import { statusColours, tierColours } from './colours.js';
import { notesBelow, windowNote, type ReportContext } from './context.js';

export function winbackSheet(ctx: ReportContext): SheetSpec {
  const { analysis, m } = ctx;
  const clients = analysis.winBack;
  const notChecked = notCheckedNote(ctx);
  const notes = [windowNote(ctx), m.notes.winback, m.notes.valueAtStake, tiersNote(ctx), m.notes.winbackBronze, ...modelNotes(ctx)];
  if (notChecked) notes.push(notChecked);
  if (clients.length === 0) {
    return { key: 'winback', name: m.tabs.winback, notes: [...notes, m.notes.winbackEmpty], tables: [], charts: [], freezeHeader: false };
  }
  const priority = col<ClientResult>('priority', m.columns.priority, 'integer', 9, (_, i) => i + 1);
  const keys: ClientColumnKey[] = [
    'list',
    'client',
    'why',
    'tier',
    'status',
    'signals',
    'actions',
    'valueAtStake',
    'recencyDays',
    'cadenceDays',
    'lastPurchase',
    'nextPurchase',
    'daysOverdue',
    'pAlive',
    'expected90',
    'expectedValue12m',
    ...optionalClientColumns(clients),
  ];
  const columns = [priority, ...keys.map((key) => withWidth(clientColumn(ctx, key), WINBACK_WIDTHS[key]))];
  return {
    key: 'winback',
    name: m.tabs.winback,
    notes,
    notesBelow: notesBelow(ctx),
    tables: [{ id: 'winback', ...tableOf(columns, clients), valueColours: [tierColours(m), statusColours(m)], asTable: true }],
    charts: [],
    freezeHeader: true,
  };
}

/** Where the Win-back tab gives a client column another width than the Clients tab. */
const WINBACK_WIDTHS: Partial<Record<ClientColumnKey, number>> = { signals: 26 };

function withWidth<T>(def: ColumnDef<T>, width: number | undefined): ColumnDef<T> {
  return width === undefined ? def : { ...def, width };
}

function tiersNote(ctx: ReportContext): string {
  const { gold, silver } = ctx.analysis.options.tiers;
  return ctx.m.notes.tiers(ctx.format.percent(gold), ctx.format.percent(silver));
}
