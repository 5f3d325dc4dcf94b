/**
 * The model check of SPEC §7a: a backtest in the user's own data. The last `holdoutDays` before
 * asOf are hidden; every purchase model is fitted on the rest and asked how many purchase days each
 * client will have in the hidden stretch; so is the naive baseline; and the rules are asked who is
 * gone.
 *
 * - holdoutDays: the option, else a quarter of the span of purchase days (first to last purchase
 *   day in the data), rounded, at least 28 and at most 365. split = asOf − holdoutDays; the hidden
 *   stretch is the days after the split up to asOf. No check when the split falls before the
 *   first purchase day.
 * - The clients checked (the cohort): those with a purchase day on or before the split. For each:
 *   x = purchase days up to the split − 1, t_x = last − first of them, T = split − first purchase
 *   day (days), and the actual purchase days in the hidden stretch.
 * - A model's prediction for a client: its conditional expectation E[Y(holdoutDays) | x, t_x, T]
 *   with the parameters fitted on the cohort's calibration data; the baseline's: the client's own
 *   past rate of repeat purchase days, x / T, × holdoutDays (0 when T = 0).
 * - Per model and the baseline: the predicted and the actual total, and the mean absolute error per
 *   client. A model whose calibration fit is not informative has no row, only its verdict.
 * - The rules: each client's status as of the split from its purchase days up to it. "Called lost"
 *   (or "called lost or at risk") is right when the client then has no purchase day in the hidden
 *   stretch: precision = right ÷ called; recall = called among the silent ÷ all silent.
 * - Tracking (the classic chart): for week j = 1, 2, … from the cohort's first purchase day, the
 *   cumulative repeat purchase days of the cohort dated before the week's end, actual, and predicted
 *   as Σ over the cohort of E[X(week end − first purchase day)] (the model's unconditional
 *   expectation, as in Fader, Hardie & Lee's Pareto/NBD note and the BTYD walkthrough).
 * - By calibration frequency x = 0 … 6 and 7+: the mean actual and predicted purchase days in the
 *   hidden stretch.
 *
 * Worked example: CDNOW as of 1998-06-30 with holdoutDays 273 → split 1997-09-30 (the published
 * 39/39-week split), 2,357 clients checked; BG/NBD fitted on the calibration reproduces r 0.243,
 * α 4.414/week, a 0.793, b 2.426.
 */
import { lastPurchaseDay, purchaseCount, purchaseDaysOf, type Facts } from './facts.js';
import { aggregateRepeatData, type AggregatedRepeatData, type FitFailureCode, type RepeatData } from '../model/index.js';
import { statusAt, type StatusRules } from '../metrics/status.js';
import type { Day } from '../basics/calendar.js';

export const HOLDOUT_SHARE = 0.25;
export const MIN_HOLDOUT_DAYS = 28;
export const MAX_HOLDOUT_DAYS = 365;
/** Calibration frequencies the by-frequency table shows one by one; the last row is this and more. */
export const FREQUENCY_ROWS = 7;
const WEEK = 7;

/** A purchase model as the check uses it: fit on (x, t_x, T), predict conditionally and unconditionally. */
export interface BacktestModel<P> {
  fit(data: RepeatData): { ok: true; params: P } | { ok: false; code: FitFailureCode };
  conditionalExpected(params: P, t: number, x: number, tx: number, T: number): number;
  expected(params: P, t: number): number;
}

export interface CheckTotals {
  predicted: number;
  actual: number;
  /** Mean absolute error per client. */
  mae: number;
}

export interface RuleCheck {
  /** Clients the rule called (lost, or lost or at risk) at the split, and how many were then silent. */
  called: number;
  right: number;
  precision: number | null;
  /** Clients silent in the hidden stretch, and how many of them the rule had called. */
  silent: number;
  found: number;
  recall: number | null;
}

export interface ModelCheck<K extends string> {
  holdoutDays: number;
  split: Day;
  /** Clients checked: a purchase day on or before the split. */
  clients: number;
  /** Per model: its totals, or the reason its calibration fit is not informative. */
  models: Record<K, { totals: CheckTotals } | { skipped: FitFailureCode }>;
  baseline: CheckTotals;
  rules: { lost: RuleCheck; lostOrAtRisk: RuleCheck };
  tracking: { weekEnd: Day[]; actual: number[]; predicted: Record<K, number[] | null> };
  byFrequency: { frequency: number; clients: number; actual: number; predicted: Record<K, number | null>; baseline: number }[];
}

export type ModelCheckOutcome<K extends string> = { ok: true; check: ModelCheck<K> } | { ok: false; code: 'too-short' };

/** The holdout the check uses when the user gives none. */
export function defaultHoldoutDays(firstPurchase: Day, lastPurchase: Day): number {
  const quarter = Math.round((lastPurchase - firstPurchase) * HOLDOUT_SHARE);
  return Math.min(MAX_HOLDOUT_DAYS, Math.max(MIN_HOLDOUT_DAYS, quarter));
}

export function modelCheck<K extends string>(
  facts: Facts,
  models: Record<K, BacktestModel<unknown>>,
  rules: StatusRules,
  holdoutOption?: number,
): ModelCheckOutcome<K> {
  const calibration = checkCalibration(facts, holdoutOption);
  if (calibration === null) return { ok: false, code: 'too-short' };
  const kinds = Object.keys(models) as K[];
  const fitted = Object.fromEntries(kinds.map((kind) => [kind, models[kind].fit(calibration.cohort.data)])) as Record<K, CalibrationFit<unknown>>;
  return { ok: true, check: checkWithFits(facts, models, rules, calibration, fitted) };
}

/** What every model of the check is fitted on: the split, and the cohort with its aggregated calibration data. */
export interface CheckCalibration {
  holdoutDays: number;
  split: Day;
  cohort: Cohort;
}

/** A model's fit on the calibration data, as BacktestModel.fit gives it. */
export type CalibrationFit<P> = ReturnType<BacktestModel<P>['fit']>;

/** The check's calibration (holdout, split, cohort), or null when the history is too short for a check. */
export function checkCalibration(facts: Facts, holdoutOption?: number): CheckCalibration | null {
  const span = purchaseSpan(facts);
  if (span === null) return null;
  const holdoutDays = holdoutOption ?? defaultHoldoutDays(span.first, span.last);
  const split = facts.asOf - holdoutDays;
  if (split < span.first) return null;
  return { holdoutDays, split, cohort: calibrationCohort(facts, split) };
}

/**
 * The check from each model's calibration fit, made beforehand (the command line fits them in a
 * worker thread while the rest of the analysis runs: core/analyze/analyze.ts).
 */
export function checkWithFits<K extends string>(
  facts: Facts,
  models: Record<K, BacktestModel<unknown>>,
  rules: StatusRules,
  { holdoutDays, split, cohort }: CheckCalibration,
  fitted: Record<K, CalibrationFit<unknown>>,
): ModelCheck<K> {
  const asOf = facts.asOf;
  const kinds = Object.keys(models) as K[];
  const n = cohort.clients.length;
  const predictions = {} as Record<K, Float64Array | null>;
  for (const kind of kinds) {
    const fit = fitted[kind];
    if (!fit.ok) {
      predictions[kind] = null;
      continue;
    }
    const model = models[kind];
    predictions[kind] = Float64Array.from({ length: n }, (_, k) => model.conditionalExpected(fit.params, holdoutDays, cohort.x[k], cohort.tx[k], cohort.T[k]));
  }
  const baseline = Float64Array.from({ length: n }, (_, k) => (cohort.T[k] > 0 ? (cohort.x[k] / cohort.T[k]) * holdoutDays : 0));
  const modelRows = Object.fromEntries(
    kinds.map((kind) => {
      const fit = fitted[kind];
      return [kind, fit.ok ? { totals: totalsOf(predictions[kind]!, cohort.actual) } : { skipped: fit.code }];
    }),
  ) as ModelCheck<K>['models'];
  const trackingPredicted = Object.fromEntries(
    kinds.map((kind) => {
      const fit = fitted[kind];
      return [kind, fit.ok ? trackingOf(cohort, asOf, (t) => models[kind].expected(fit.params, t)) : null];
    }),
  ) as Record<K, number[] | null>;
  return {
    holdoutDays,
    split,
    clients: n,
    models: modelRows,
    baseline: totalsOf(baseline, cohort.actual),
    rules: ruleChecks(facts, cohort, split, rules),
    tracking: { ...actualTracking(facts, cohort, asOf), predicted: trackingPredicted },
    byFrequency: frequencyRows(cohort, predictions, baseline, kinds),
  };
}

/** The clients checked, with their calibration (x, t_x, T), first purchase day and hidden purchase days. */
export interface Cohort {
  /** Client indexes in facts. */
  clients: number[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  first: Int32Array;
  actual: Float64Array;
  /** The calibration data, aggregated once for every model's fit. */
  data: AggregatedRepeatData;
}

function purchaseSpan(facts: Facts): { first: Day; last: Day } | null {
  let first = Infinity;
  let last = -Infinity;
  facts.names.forEach((_, c) => {
    if (purchaseCount(facts, c) === 0) return;
    first = Math.min(first, purchaseDaysOf(facts, c)[0]!);
    last = Math.max(last, lastPurchaseDay(facts, c)!);
  });
  return Number.isFinite(first) ? { first, last } : null;
}

function calibrationCohort(facts: Facts, split: Day): Cohort {
  const clients: number[] = [];
  facts.names.forEach((_, c) => {
    if (purchaseCount(facts, c) > 0 && purchaseDaysOf(facts, c)[0]! <= split) clients.push(c);
  });
  const n = clients.length;
  const cohort = { clients, x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n), first: new Int32Array(n), actual: new Float64Array(n) };
  clients.forEach((c, k) => {
    const days = purchaseDaysOf(facts, c);
    const before = upTo(days, split);
    cohort.first[k] = days[0]!;
    cohort.x[k] = before - 1;
    cohort.tx[k] = days[before - 1]! - days[0]!;
    cohort.T[k] = split - days[0]!;
    cohort.actual[k] = days.length - before;
  });
  return { ...cohort, data: aggregateRepeatData({ x: cohort.x, tx: cohort.tx, T: cohort.T }) };
}

/** How many of the sorted days are on or before `day`. */
function upTo(days: ArrayLike<number>, day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function totalsOf(predicted: Float64Array, actual: Float64Array): CheckTotals {
  let p = 0;
  let a = 0;
  let error = 0;
  for (let k = 0; k < predicted.length; k++) {
    p += predicted[k]!;
    a += actual[k]!;
    error += Math.abs(predicted[k]! - actual[k]!);
  }
  return { predicted: p, actual: a, mae: predicted.length > 0 ? error / predicted.length : 0 };
}

function ruleChecks(facts: Facts, cohort: Cohort, split: Day, rules: StatusRules): ModelCheck<string>['rules'] {
  const lost = { called: 0, right: 0, silent: 0, found: 0 };
  const gone = { called: 0, right: 0, silent: 0, found: 0 };
  cohort.clients.forEach((c, k) => {
    const days = purchaseDaysOf(facts, c);
    const status = statusAt(days, split, rules, cohort.x[k]! + 1)?.status ?? null;
    const silent = cohort.actual[k] === 0;
    for (const [tally, called] of [
      [lost, status === 'lost'],
      [gone, status === 'lost' || status === 'at-risk'],
    ] as const) {
      if (called) tally.called++;
      if (called && silent) tally.right++;
      if (silent) tally.silent++;
      if (silent && called) tally.found++;
    }
  });
  const result = (t: typeof lost): RuleCheck => ({
    ...t,
    precision: t.called > 0 ? t.right / t.called : null,
    recall: t.silent > 0 ? t.found / t.silent : null,
  });
  return { lost: result(lost), lostOrAtRisk: result(gone) };
}

/** Week ends (the last day of each whole week from the cohort's first purchase day to asOf). */
function weekEnds(cohort: Cohort, asOf: Day): Day[] {
  const start = cohort.first.reduce((min, d) => Math.min(min, d), Infinity);
  if (!Number.isFinite(start)) return [];
  const weeks = Math.floor((asOf - start + 1) / WEEK);
  return Array.from({ length: weeks }, (_, j) => start + WEEK * (j + 1) - 1);
}

function actualTracking(facts: Facts, cohort: Cohort, asOf: Day): { weekEnd: Day[]; actual: number[] } {
  const ends = weekEnds(cohort, asOf);
  if (ends.length === 0) return { weekEnd: [], actual: [] };
  const start = ends[0]! - WEEK + 1;
  const perWeek = new Float64Array(ends.length);
  for (const c of cohort.clients) {
    const days = purchaseDaysOf(facts, c);
    for (let p = 1; p < days.length; p++) {
      const week = Math.floor((days[p]! - start) / WEEK);
      if (week < ends.length) perWeek[week]!++;
    }
  }
  let sum = 0;
  return { weekEnd: ends, actual: Array.from(perWeek, (v) => (sum += v)) };
}

/**
 * Σ over the cohort of E[X(t)] with t = days from the client's first purchase day to the week's
 * end (exclusive: the days the actual count covers). E[X(t)] depends on t alone, so it is
 * evaluated once per distinct t and the cohort is counted per first purchase day.
 */
function trackingOf(cohort: Cohort, asOf: Day, expected: (t: number) => number): number[] {
  const ends = weekEnds(cohort, asOf);
  if (ends.length === 0) return [];
  const start = ends[0]! - WEEK + 1;
  const byFirstDay = new Map<number, number>();
  for (const d of cohort.first) byFirstDay.set(d, (byFirstDay.get(d) ?? 0) + 1);
  const longest = ends[ends.length - 1]! + 1 - start;
  const curve = Float64Array.from({ length: longest + 1 }, (_, t) => expected(t));
  return ends.map((end) => {
    let sum = 0;
    for (const [first, count] of byFirstDay) if (first <= end) sum += count * curve[end + 1 - first]!;
    return sum;
  });
}

function frequencyRows<K extends string>(cohort: Cohort, predictions: Record<K, Float64Array | null>, baseline: Float64Array, kinds: readonly K[]): ModelCheck<K>['byFrequency'] {
  return Array.from({ length: FREQUENCY_ROWS + 1 }, (_, frequency) => {
    const members: number[] = [];
    cohort.x.forEach((x, k) => {
      if (frequency === FREQUENCY_ROWS ? x >= FREQUENCY_ROWS : x === frequency) members.push(k);
    });
    const mean = (values: Float64Array) => (members.length === 0 ? 0 : members.reduce((s, k) => s + values[k]!, 0) / members.length);
    const predicted = Object.fromEntries(kinds.map((kind) => [kind, predictions[kind] ? mean(predictions[kind]!) : null])) as Record<K, number | null>;
    return { frequency, clients: members.length, actual: mean(cohort.actual), predicted, baseline: mean(baseline) };
  });
}
