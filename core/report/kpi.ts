/**
 * The KPI tab (SPEC §7): quarterly dynamics of active, new, lost and returned clients with the
 * win-back rate (a column chart of lost against returned, a line of active clients), the
 * client-development figures of this period against the previous one, and the purchase model's
 * parameters — or, when the model was not fitted, a note saying why (no table).
 *
 * Example: 2025Q3 with 3 clients lost at the previous quarter end and 1 of them buying again →
 * returned 1, win-back rate 33.3 %.
 */
import type { BgnbdSummary } from '../analyze/analysis.js';
import type { ChartSpec, SheetSpec, TableSpec } from './spec.js';
import { modelName, modelNote } from './clients.js';
import { column, windowNote, type ReportContext } from './context.js';

export function kpiSheet(ctx: ReportContext): SheetSpec {
  const { analysis, m } = ctx;
  const quarters = quartersTable(ctx);
  const bgnbd = analysis.model.bgnbd;
  const notes = [windowNote(ctx), m.notes.kpi(analysis.kpis.quarters.length), m.notes.kpiLostReturned, modelNote(ctx)];
  if (bgnbd && !bgnbd.converged) notes.push(m.notes.modelNotConverged);
  const charts: ChartSpec[] = quarters
    ? [
        { kind: 'column', title: m.charts.lostReturned, table: quarters.id, categories: 'quarter', series: ['lost', 'returned'] },
        { kind: 'line', title: m.charts.active, table: quarters.id, categories: 'quarter', series: ['active'] },
      ]
    : [];
  return {
    key: 'kpi',
    name: m.tabs.kpi,
    notes,
    tables: [...(quarters ? [quarters] : []), developmentTable(ctx), ...(bgnbd ? [modelTable(ctx, bgnbd)] : [])],
    charts,
    freezeHeader: false,
  };
}

function quartersTable(ctx: ReportContext): TableSpec | null {
  const { m } = ctx;
  const quarters = ctx.analysis.kpis.quarters;
  if (quarters.length === 0) return null;
  return {
    id: 'quarters',
    title: m.titles.quarters,
    columns: [
      column('quarter', m.columns.quarter, 'text', 12),
      column('active', m.columns.active, 'integer', 14),
      column('new', m.columns.newClients, 'integer'),
      column('lost', m.columns.lost, 'integer'),
      column('returned', m.columns.returned, 'integer'),
      column('winBackRate', m.columns.winBackRate, 'percent', 12),
    ],
    rows: quarters.map((q) => [q.quarter, q.active, q.new, q.lost, q.returned, q.winBackRate]),
    asTable: false,
  };
}

function developmentTable(ctx: ReportContext): TableSpec {
  const { m } = ctx;
  const d = ctx.analysis.kpis.development;
  return {
    id: 'development',
    title: m.titles.development,
    columns: [
      column('ordersPerClient', m.columns.ordersPerClient, 'decimal', 12),
      column('productsPerClient', m.columns.productsPerClient, 'decimal', 14),
      column('averageOrderValue', m.columns.averageOrderValue, 'money'),
      column('grewShare', m.columns.grewShare, 'percent', 12),
      column('betterTier', m.columns.betterTier, 'integer', 12),
    ],
    rows: [[d.ordersPerClient, d.productsPerClient, d.averageOrderValue, d.grewShare, d.betterTier]],
    asTable: false,
  };
}

function modelTable(ctx: ReportContext, model: BgnbdSummary): TableSpec {
  const { m } = ctx;
  const name = modelName(model.kind);
  return {
    id: 'model',
    title: m.titles.model(name),
    columns: [
      column('model', m.columns.model, 'text', 12),
      column('r', m.columns.r, 'decimal'),
      column('alpha', m.columns.alpha, 'decimal'),
      column('a', m.columns.a, 'decimal'),
      column('b', m.columns.b, 'decimal'),
      column('logLikelihood', m.columns.logLikelihood, 'decimal', 14),
      column('converged', m.columns.converged, 'text', 10),
      column('iterations', m.columns.iterations, 'integer'),
    ],
    rows: [
      [
        name,
        model.r,
        model.alpha,
        model.a,
        model.b,
        model.logLikelihood,
        model.converged ? m.words.yes : m.words.no,
        model.iterations,
      ],
    ],
    asTable: false,
  };
}
