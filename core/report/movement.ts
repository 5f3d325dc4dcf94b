/**
 * The Movement tab (SPEC §7): how each client's buying changed from the previous period to the
 * period of analysis.
 *
 * First a summary — the number of clients of each kind of change (all eight kinds, zeros
 * included; a client can be of several kinds) feeding a bar chart — then one row per client with
 * at least one kind: kinds, value before and now, the change in percent (empty when there was no
 * value before), purchase days before and now, the products no longer bought (one per line, as
 * product names may hold commas), and the ABC-XYZ
 * cell before and now. Rows are ordered by the change in value, largest drop first, then by name.
 *
 * Example: 25,000 before and 15,000 now with 18 → 11 purchase days → "Buys less, Buys less
 * often", change −40 %.
 */
import { MOVEMENT_KINDS, type MovementKind, type MovementRow } from '../analyze/analysis.js';
import { compareCodePoints } from '../basics/compare.js';
import { DROPPED_PRODUCT_SHARE, MOVEMENT_CHANGE } from '../metrics/movement.js';
import type { SheetSpec, TableSpec } from './spec.js';
import { col, tableOf } from './columns.js';
import { cellLabel, noPreviousNote, windowNote, type ReportContext } from './context.js';

export function movementSheet(ctx: ReportContext): SheetSpec {
  const { analysis, m } = ctx;
  const notes = [
    windowNote(ctx),
    m.notes.measure(ctx.measure),
    m.notes.movement(ctx.format.percent(MOVEMENT_CHANGE)),
    m.notes.droppedProducts(ctx.format.percent(DROPPED_PRODUCT_SHARE)),
  ];
  const noPrevious = noPreviousNote(ctx);
  if (noPrevious) notes.push(noPrevious);
  if (analysis.movement.length === 0) {
    return { key: 'movement', name: m.tabs.movement, notes: [...notes, m.notes.movementEmpty], tables: [], charts: [], freezeHeader: false };
  }
  const summary = summaryTable(ctx);
  return {
    key: 'movement',
    name: m.tabs.movement,
    notes: [...notes, m.notes.movementOrder],
    tables: [summary, listTable(ctx)],
    charts: [{ kind: 'bar', title: m.charts.movement, table: summary.id, categories: 'kind', series: ['clients'] }],
    freezeHeader: false,
  };
}

function summaryTable(ctx: ReportContext): TableSpec {
  const { m } = ctx;
  const count = (kind: MovementKind) => ctx.analysis.movement.filter((row) => row.kinds.includes(kind)).length;
  const columns = [
    col<MovementKind>('kind', m.columns.kind, 'text', 30, (kind) => m.movement[kind]),
    col<MovementKind>('clients', m.columns.clients, 'integer', 15, count),
  ];
  return { id: 'summary', title: m.titles.movementSummary, ...tableOf(columns, MOVEMENT_KINDS), asTable: false };
}

function listTable(ctx: ReportContext): TableSpec {
  const { m } = ctx;
  const rows = [...ctx.analysis.movement].sort(
    (p, q) => p.value - p.previousValue - (q.value - q.previousValue) || compareCodePoints(p.client, q.client),
  );
  const columns = [
    col<MovementRow>('client', m.columns.client, 'text', 30, (row) => row.client),
    col<MovementRow>('kinds', m.columns.kinds, 'text', 32, (row) => row.kinds.map((kind) => m.movement[kind]).join(', ')),
    col<MovementRow>('previousValue', m.columns.previousValue(ctx.measure), ctx.valueFormat, 17, (row) => row.previousValue),
    col<MovementRow>('value', m.columns.value(ctx.measure), ctx.valueFormat, undefined, (row) => row.value),
    col<MovementRow>('change', m.columns.change, 'percent', undefined, (row) =>
      row.previousValue > 0 ? (row.value - row.previousValue) / row.previousValue : null,
    ),
    col<MovementRow>('previousPurchaseDays', m.columns.previousPurchaseDays, 'integer', 14, (row) => row.previousPurchaseDays),
    col<MovementRow>('purchaseDays', m.columns.purchaseDays, 'integer', undefined, (row) => row.purchaseDays),
    col<MovementRow>('droppedProducts', m.columns.droppedProducts, 'text', 30, (row) => (row.droppedProducts.length === 0 ? null : row.droppedProducts.join('\n'))),
    col<MovementRow>('previousCell', m.columns.previousCell, 'text', 12, (row) => cellLabel(ctx, row.previousCell)),
    col<MovementRow>('cell', m.columns.cell, 'text', 12, (row) => cellLabel(ctx, row.cell)),
  ];
  return { id: 'movement', title: m.titles.movementList, ...tableOf(columns, rows), asTable: true };
}
