/**
 * The KPI tab (SPEC §7): quarterly dynamics of active, new, lost and returned clients with the
 * win-back rate (a column chart of lost against returned, a line of active clients), the
 * client-development figures of this period against the previous one, and the purchase model's
 * parameters — or, when the model was not fitted, a note saying why (no table).
 *
 * Example: 2025Q3 with 3 clients lost at the previous quarter end and 1 of them buying again →
 * returned 1, win-back rate 33.3 %.
 */
import type { BgnbdSummary, DevelopmentKpis, QuarterKpi } from '../analyze/analysis.js';
import type { ChartSpec, SheetSpec, TableSpec } from './spec.js';
import { modelName, modelNote } from './clients.js';
import { col, tableOf } from './columns.js';
import { windowNote, type ReportContext } from './context.js';

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
  const columns = [
    col<QuarterKpi>('quarter', m.columns.quarter, 'text', 12, (q) => q.quarter),
    col<QuarterKpi>('active', m.columns.active, 'integer', 14, (q) => q.active),
    col<QuarterKpi>('new', m.columns.newClients, 'integer', undefined, (q) => q.new),
    col<QuarterKpi>('lost', m.columns.lost, 'integer', undefined, (q) => q.lost),
    col<QuarterKpi>('returned', m.columns.returned, 'integer', undefined, (q) => q.returned),
    col<QuarterKpi>('winBackRate', m.columns.winBackRate, 'percent', 12, (q) => q.winBackRate),
  ];
  return { id: 'quarters', title: m.titles.quarters, ...tableOf(columns, quarters), asTable: false };
}

function developmentTable(ctx: ReportContext): TableSpec {
  const { m } = ctx;
  const columns = [
    col<DevelopmentKpis>('ordersPerClient', m.columns.ordersPerClient, 'decimal', 12, (d) => d.ordersPerClient),
    col<DevelopmentKpis>('productsPerClient', m.columns.productsPerClient, 'decimal', 14, (d) => d.productsPerClient),
    col<DevelopmentKpis>('averageOrderValue', m.columns.averageOrderValue, 'money', undefined, (d) => d.averageOrderValue),
    col<DevelopmentKpis>('grewShare', m.columns.grewShare, 'percent', 12, (d) => d.grewShare),
    col<DevelopmentKpis>('betterTier', m.columns.betterTier, 'integer', 12, (d) => d.betterTier),
  ];
  return { id: 'development', title: m.titles.development, ...tableOf(columns, [ctx.analysis.kpis.development]), asTable: false };
}

function modelTable(ctx: ReportContext, model: BgnbdSummary): TableSpec {
  const { m } = ctx;
  const name = modelName(model.kind);
  const columns = [
    col<BgnbdSummary>('model', m.columns.model, 'text', 12, () => name),
    col<BgnbdSummary>('r', m.columns.r, 'decimal', undefined, (x) => x.r),
    col<BgnbdSummary>('alpha', m.columns.alpha, 'decimal', undefined, (x) => x.alpha),
    col<BgnbdSummary>('a', m.columns.a, 'decimal', undefined, (x) => x.a),
    col<BgnbdSummary>('b', m.columns.b, 'decimal', undefined, (x) => x.b),
    col<BgnbdSummary>('logLikelihood', m.columns.logLikelihood, 'decimal', 14, (x) => x.logLikelihood),
    col<BgnbdSummary>('converged', m.columns.converged, 'text', 10, (x) => (x.converged ? m.words.yes : m.words.no)),
    col<BgnbdSummary>('iterations', m.columns.iterations, 'integer', undefined, (x) => x.iterations),
  ];
  return { id: 'model', title: m.titles.model(name), ...tableOf(columns, [model]), asTable: false };
}
