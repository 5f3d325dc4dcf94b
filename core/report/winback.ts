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
import type { ClientResult } from '../analyze/analysis.js';
import type { SheetSpec } from './spec.js';
import { modelNote, notCheckedNote } from './clients.js';
import { clientColumn, col, optionalClientColumns, tableOf, type ClientColumnKey, type ColumnDef } from './columns.js';
import { statusColours, tierColours } from './colours.js';
import { windowNote, type ReportContext } from './context.js';

export function winbackSheet(ctx: ReportContext): SheetSpec {
  const { analysis, m } = ctx;
  const clients = analysis.winBack;
  const notChecked = notCheckedNote(ctx);
  const notes = [windowNote(ctx), m.notes.winback, tiersNote(ctx), m.notes.winbackBronze, modelNote(ctx)];
  if (notChecked) notes.push(notChecked);
  if (clients.length === 0) {
    return { key: 'winback', name: m.tabs.winback, notes: [...notes, m.notes.winbackEmpty], tables: [], charts: [], freezeHeader: false };
  }
  const priority = col<ClientResult>('priority', m.columns.priority, 'integer', 9, (_, i) => i + 1);
  const keys: ClientColumnKey[] = [
    'client',
    'tier',
    'status',
    'signals',
    'actions',
    'formerValue',
    'recencyDays',
    'cadenceDays',
    'lastPurchase',
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
