/**
 * The Model check tab (SPEC §7a; ru «Проверка модели»): how well each purchase model predicted the
 * last weeks of the user's own data, hidden from it, and which model scores the clients because of
 * it — in sentences a sales head can read, then the numbers.
 *
 * Notes: what was hidden and what was asked; "On your data the MBG/NBD model predicted 19
 * purchase days in the last 91 days; there were 18." (totals rounded to whole days); which model is used and why (or that none
 * beat each client's own past rate); how often the status was right to call a client lost; each
 * model that could not be checked, with the reason; what the charts show.
 * Tables: per model and the baseline — predicted, actual, the difference and the mean error per
 * client, and whether it scores the clients; the status rules — called, right, precision, silent,
 * found, recall; by purchase days before the split (0 … 6, 7 or more) — clients, the actual mean and
 * each model's; the weekly tracking — week ending, actual and each model's cumulative repeat
 * purchase days. Charts: the tracking (lines) and the by-frequency means (columns).
 * Without a check (too little history, or the model switched off) the tab holds its reason only.
 *
 * Example: a check where MBG/NBD predicted 18.9 purchase days against 18 → "On your data the
 * MBG/NBD model predicted 19 purchase days in the last 91 days; there were 18.", MBG/NBD marked as
 * the model used.
 */
import type { CountModelKind } from '../analyze/analysis.js';
import type { CheckTotals, ModelCheck, RuleCheck } from '../analyze/model-check.js';
import { FREQUENCY_ROWS } from '../analyze/model-check.js';
import type { ChartSpec, SheetSpec, TableSpec } from './spec.js';
import { modelName } from './clients.js';
import { col, tableOf } from './columns.js';
import type { ReportContext } from './context.js';

export function checkSheet(ctx: ReportContext): SheetSpec {
  const { analysis, m } = ctx;
  const check = analysis.model.check;
  const base = { key: 'check' as const, name: m.tabs.check, charts: [], freezeHeader: false };
  if (analysis.model.used === null && analysis.model.skipped?.code === 'disabled') {
    return { ...base, notes: [m.notes.modelSkipped(m.modelSkipped.disabled)], tables: [] };
  }
  if (!check) return { ...base, notes: [m.notes.checkTooShort], tables: [] };
  const kinds = (Object.keys(check.models) as CountModelKind[]).filter((kind) => 'totals' in check.models[kind]);
  const tracking = trackingTable(ctx, check, kinds);
  const frequency = frequencyTable(ctx, check, kinds);
  const charts: ChartSpec[] = [
    { kind: 'line', title: m.charts.checkTracking, table: tracking.id, categories: 'weekEnd', series: ['actual', ...kinds] },
    { kind: 'column', title: m.charts.checkFrequency, table: frequency.id, categories: 'frequency', series: ['actual', ...kinds] },
  ];
  return {
    ...base,
    notes: checkNotes(ctx, check),
    tables: [modelsTable(ctx, check, kinds), rulesTable(ctx, check), frequency, tracking],
    charts: tracking.rows.length > 0 ? charts : [],
  };
}

function checkNotes(ctx: ReportContext, check: ModelCheck<CountModelKind>): string[] {
  const { analysis, m, format } = ctx;
  const { used, why } = analysis.model;
  const from = format.date(check.split + 1);
  const notes = [m.notes.checkIntro(check.holdoutDays, from, format.date(analysis.asOf), format.date(check.split), check.clients)];
  const shown = used ?? bestModel(check);
  const totals = shown && totalsOf(check, shown);
  if (shown && totals) notes.push(m.notes.checkVerdict(modelName(shown), check.holdoutDays, format.count(totals.predicted), format.count(totals.actual)));
  notes.push(used ? m.notes.checkUsed(modelName(used), m.modelWhy[why]) : m.notes.checkNone);
  const lost = check.rules.lost;
  if (lost.called > 0) notes.push(m.notes.checkRules(lost.called, format.date(check.split), lost.right, format.percent(lost.precision ?? 0)));
  for (const kind of Object.keys(check.models) as CountModelKind[]) {
    const row = check.models[kind];
    if ('skipped' in row) notes.push(m.notes.checkSkipped(modelName(kind), m.modelSkipped[row.skipped]));
  }
  notes.push(m.notes.checkCharts);
  return notes;
}

/** The checked model with the lowest mean error, or null when none could be checked. */
function bestModel(check: ModelCheck<CountModelKind>): CountModelKind | null {
  let best: CountModelKind | null = null;
  for (const kind of Object.keys(check.models) as CountModelKind[]) {
    const totals = totalsOf(check, kind);
    if (totals && (best === null || totals.mae < totalsOf(check, best)!.mae)) best = kind;
  }
  return best;
}

function totalsOf(check: ModelCheck<CountModelKind>, kind: CountModelKind): CheckTotals | null {
  const row = check.models[kind];
  return 'totals' in row ? row.totals : null;
}

interface ModelRow {
  name: string;
  totals: CheckTotals;
  used: boolean | null;
}

function modelsTable(ctx: ReportContext, check: ModelCheck<CountModelKind>, kinds: readonly CountModelKind[]): TableSpec {
  const { m } = ctx;
  const used = ctx.analysis.model.used;
  const rows: ModelRow[] = [
    ...kinds.map((kind) => ({ name: modelName(kind), totals: totalsOf(check, kind)!, used: kind === used })),
    { name: m.words.baseline, totals: check.baseline, used: null },
  ];
  const columns = [
    col<ModelRow>('model', m.columns.model, 'text', 30, (r) => r.name),
    col<ModelRow>('predicted', m.columns.predicted, 'decimal', 14, (r) => r.totals.predicted),
    col<ModelRow>('actual', m.columns.actual, 'integer', 14, (r) => r.totals.actual),
    col<ModelRow>('difference', m.columns.difference, 'decimal', 12, (r) => r.totals.predicted - r.totals.actual),
    col<ModelRow>('mae', m.columns.mae, 'decimal', 14, (r) => r.totals.mae),
    col<ModelRow>('used', m.columns.used, 'text', 14, (r) => (r.used === null ? null : r.used ? m.words.yes : m.words.no)),
  ];
  return { id: 'check-models', title: m.titles.checkModels, ...tableOf(columns, rows), asTable: false };
}

function rulesTable(ctx: ReportContext, check: ModelCheck<CountModelKind>): TableSpec {
  const { m } = ctx;
  const rows: [string, RuleCheck][] = [
    [m.words.calledLost, check.rules.lost],
    [m.words.calledGone, check.rules.lostOrAtRisk],
  ];
  const columns = [
    col<[string, RuleCheck]>('rule', m.columns.rule, 'text', 24, ([name]) => name),
    col<[string, RuleCheck]>('called', m.columns.called, 'integer', 14, ([, r]) => r.called),
    col<[string, RuleCheck]>('right', m.columns.right, 'integer', 14, ([, r]) => r.right),
    col<[string, RuleCheck]>('precision', m.columns.precision, 'percent', undefined, ([, r]) => r.precision),
    col<[string, RuleCheck]>('silent', m.columns.silent, 'integer', 16, ([, r]) => r.silent),
    col<[string, RuleCheck]>('found', m.columns.found, 'integer', 14, ([, r]) => r.found),
    col<[string, RuleCheck]>('recall', m.columns.recall, 'percent', undefined, ([, r]) => r.recall),
  ];
  return { id: 'check-rules', title: m.titles.checkRules, ...tableOf(columns, rows), asTable: false };
}

type FrequencyRow = ModelCheck<CountModelKind>['byFrequency'][number];

function frequencyTable(ctx: ReportContext, check: ModelCheck<CountModelKind>, kinds: readonly CountModelKind[]): TableSpec {
  const { m } = ctx;
  const columns = [
    col<FrequencyRow>('frequency', m.columns.frequency, 'text', 16, (r) => (r.frequency === FREQUENCY_ROWS ? m.words.orMore(r.frequency) : String(r.frequency))),
    col<FrequencyRow>('clients', m.columns.clients, 'integer', undefined, (r) => r.clients),
    col<FrequencyRow>('actual', m.columns.actualMean, 'decimal', 12, (r) => r.actual),
    ...kinds.map((kind) => col<FrequencyRow>(kind, modelName(kind), 'decimal', 12, (r) => r.predicted[kind])),
    col<FrequencyRow>('baseline', m.columns.baseline, 'decimal', 12, (r) => r.baseline),
  ];
  return { id: 'check-frequency', title: m.titles.checkFrequency, ...tableOf(columns, check.byFrequency), asTable: false };
}

function trackingTable(ctx: ReportContext, check: ModelCheck<CountModelKind>, kinds: readonly CountModelKind[]): TableSpec {
  const { m } = ctx;
  const weeks = check.tracking.weekEnd.map((_, i) => i);
  const columns = [
    col<number>('weekEnd', m.columns.weekEnd, 'text', 12, (i) => ctx.format.date(check.tracking.weekEnd[i]!)),
    col<number>('actual', m.columns.actual, 'integer', 12, (i) => check.tracking.actual[i]!),
    ...kinds.map((kind) => col<number>(kind, modelName(kind), 'decimal', 12, (i) => check.tracking.predicted[kind]?.[i] ?? null)),
  ];
  return { id: 'check-tracking', title: m.titles.checkTracking, ...tableOf(columns, weeks), asTable: false };
}
