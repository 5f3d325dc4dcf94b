/**
 * The KPI tab (SPEC §7): quarterly dynamics of active, new, lost and returned clients with the
 * win-back rate (a column chart of lost against returned, a line of active clients), the
 * client-development figures of this period against the previous one, both purchase models'
 * parameters with which one is used and each one's verdict, and the Gamma-Gamma spend model.
 * Quarters are named in the user's language; a quarter before the data start reads "no data", and
 * a note says when the previous period is not fully covered by the data.
 *
 * Example: Q3 2025 with 3 clients lost at the previous quarter end and 1 of them buying again →
 * returned 1, win-back rate 33.3 %.
 */
import type { BgnbdSummary, DevelopmentKpis, GammaGammaSummary, QuarterKpi } from '../analyze/analysis.js';
import { ymdFromDay } from '../basics/calendar.js';
import type { ChartSpec, SheetSpec, TableSpec } from './spec.js';
import { modelName, modelNotes } from './clients.js';
import { col, tableOf } from './columns.js';
import { noPreviousNote, windowNote, type ReportContext } from './context.js';

export function kpiSheet(ctx: ReportContext): SheetSpec {
  const { analysis, m } = ctx;
  const quarters = quartersTable(ctx);
  const model = analysis.model;
  const used = model.used === null ? null : model[model.used];
  const notes = [windowNote(ctx), m.notes.kpi(analysis.kpis.quarters.length), m.notes.kpiLostReturned];
  if (analysis.kpis.quarters.some((q) => !q.hasData)) notes.push(m.notes.quartersNoData(ctx.format.date(analysis.dataFrom)));
  const noPrevious = noPreviousNote(ctx);
  if (noPrevious) notes.push(noPrevious);
  notes.push(...modelNotes(ctx));
  if (used && !used.converged) notes.push(m.notes.modelNotConverged);
  const charts: ChartSpec[] = quarters
    ? [
        { kind: 'column', title: m.charts.lostReturned, table: quarters.id, categories: 'quarter', series: ['lost', 'returned'] },
        { kind: 'line', title: m.charts.active, table: quarters.id, categories: 'quarter', series: ['active'] },
      ]
    : [];
  const fits = [model.bgnbd, model.mbgnbd, model.paretonbd].filter((fit): fit is BgnbdSummary => fit !== null);
  return {
    key: 'kpi',
    name: m.tabs.kpi,
    notes,
    tables: [
      ...(quarters ? [quarters] : []),
      developmentTable(ctx),
      ...(fits.length > 0 ? [modelsTable(ctx, fits)] : []),
      ...(model.gammaGamma ? [spendTable(ctx, model.gammaGamma)] : []),
    ],
    charts,
    freezeHeader: false,
  };
}

/** The last 8 quarters in the user's words ("Q4 2024", "4 кв. 2024"); "no data" before the data start. */
function quartersTable(ctx: ReportContext): TableSpec | null {
  const { m } = ctx;
  const quarters = ctx.analysis.kpis.quarters;
  if (quarters.length === 0) return null;
  const counted = (value: (q: QuarterKpi) => number | null) => (q: QuarterKpi) => (q.hasData ? value(q) : m.words.noData);
  const columns = [
    col<QuarterKpi>('quarter', m.columns.quarter, 'text', 12, (q) => quarterName(ctx, q)),
    col<QuarterKpi>('active', m.columns.active, 'integer', 14, counted((q) => q.active)),
    col<QuarterKpi>('new', m.columns.newClients, 'integer', undefined, counted((q) => q.new)),
    col<QuarterKpi>('lost', m.columns.lost, 'integer', undefined, counted((q) => q.lost)),
    col<QuarterKpi>('returned', m.columns.returned, 'integer', undefined, counted((q) => q.returned)),
    col<QuarterKpi>('winBackRate', m.columns.winBackRate, 'percent', 12, counted((q) => q.winBackRate)),
  ];
  return { id: 'quarters', title: m.titles.quarters, ...tableOf(columns, quarters), asTable: false };
}

function quarterName(ctx: ReportContext, q: QuarterKpi): string {
  const { year, month } = ymdFromDay(q.from);
  return ctx.format.quarter(year, Math.floor((month - 1) / 3) + 1);
}

function developmentTable(ctx: ReportContext): TableSpec {
  const { m } = ctx;
  const columns = [
    col<DevelopmentKpis>('ordersPerClient', m.columns.ordersPerClient, 'decimal', 12, (d) => d.ordersPerClient),
    col<DevelopmentKpis>('productsPerClient', m.columns.productsPerClient, 'decimal', 14, (d) => d.productsPerClient),
    col<DevelopmentKpis>('averageOrderValue', m.columns.averageOrderValue, 'money', undefined, (d) => d.averageOrderValue),
    col<DevelopmentKpis>('grewShare', m.columns.grewShare, 'percent', 12, (d) => d.grewShare ?? m.words.noData),
    col<DevelopmentKpis>('betterTier', m.columns.betterTier, 'integer', 12, (d) => d.betterTier),
  ];
  return { id: 'development', title: m.titles.development, ...tableOf(columns, [ctx.analysis.kpis.development]), asTable: false };
}

/**
 * The three purchase models, whichever is used: their parameters (the attempted optimum when the fit
 * is not informative), whether each scores the clients, and the verdict when it cannot.
 */
function modelsTable(ctx: ReportContext, fits: readonly BgnbdSummary[]): TableSpec {
  const { m } = ctx;
  const used = ctx.analysis.model.used;
  const columns = [
    col<BgnbdSummary>('model', m.columns.model, 'text', 12, (x) => modelName(x.kind)),
    col<BgnbdSummary>('used', m.columns.used, 'text', 14, (x) => (x.kind === used ? m.words.yes : m.words.no)),
    col<BgnbdSummary>('r', m.columns.r, 'decimal', undefined, (x) => x.r),
    col<BgnbdSummary>('alpha', m.columns.alpha, 'decimal', undefined, (x) => x.alpha),
    col<BgnbdSummary>('a', m.columns.a, 'decimal', undefined, (x) => x.a ?? null),
    col<BgnbdSummary>('b', m.columns.b, 'decimal', undefined, (x) => x.b ?? null),
    col<BgnbdSummary>('s', m.columns.s, 'decimal', undefined, (x) => x.s ?? null),
    col<BgnbdSummary>('beta', m.columns.beta, 'decimal', undefined, (x) => x.beta ?? null),
    col<BgnbdSummary>('logLikelihood', m.columns.logLikelihood, 'decimal', 14, (x) => x.logLikelihood),
    col<BgnbdSummary>('converged', m.columns.converged, 'text', 10, (x) => (x.converged ? m.words.yes : m.words.no)),
    col<BgnbdSummary>('verdict', m.columns.verdict, 'text', 40, (x) => (x.skipped ? m.modelSkipped[x.skipped.code] : null)),
  ];
  return { id: 'models', title: m.titles.models, ...tableOf(columns, fits), asTable: false };
}

function spendTable(ctx: ReportContext, spend: GammaGammaSummary): TableSpec {
  const { m } = ctx;
  const columns = [
    col<GammaGammaSummary>('p', m.columns.p, 'decimal', undefined, (x) => x.p),
    col<GammaGammaSummary>('q', m.columns.q, 'decimal', undefined, (x) => x.q),
    col<GammaGammaSummary>('gamma', m.columns.gamma, 'decimal', undefined, (x) => x.gamma),
    col<GammaGammaSummary>('logLikelihood', m.columns.logLikelihood, 'decimal', 14, (x) => x.logLikelihood),
    col<GammaGammaSummary>('clients', m.columns.clients, 'integer', undefined, (x) => x.clients),
  ];
  return { id: 'spend', title: m.titles.spendModel, ...tableOf(columns, [spend]), asTable: false };
}
