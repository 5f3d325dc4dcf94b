/**
 * The purchase models over all clients and each client's scores (SPEC §7, §7a): BG/NBD, MBG/NBD
 * and Pareto/NBD are all fitted, with x = purchase days − 1, t_x = last − first purchase day and
 * T = asOf − first purchase day, in days, and all are checked by the backtest (model-check.ts);
 * the model used scores every client — P(alive) with its 90 % interval, the purchase days expected
 * in the next 90 days, and the value expected in the next 12 months (expected purchase days in
 * 365 days × the Gamma-Gamma value of a purchase day).
 *
 * Which model: `bgnbd`, `mbgnbd` or `paretonbd` when asked for (the check still runs). `auto`
 * takes the model with the lowest mean absolute error per client in the check, among those whose
 * fit on all the data is informative — when it beats the naive baseline (the client's own past
 * rate); when none does, no model is used (`no-better-than-baseline`) and the lists rely on the
 * rules alone. When the history is too short for a check, `auto` takes MBG/NBD, which does not
 * call a one-time buyer certainly alive (BG/NBD does). A model whose fit is not informative (too
 * few repeaters, no sign of anyone leaving, no optimum) gives no scores: P(alive) and the expected
 * values stay empty and `skipped` says why; the attempted parameters are kept.
 *
 * The intervals of P(alive) and of the 12-month value: the delta method on the fitted parameters'
 * observed-information covariance (core/model/intervals.ts) — for the value both the count model's
 * and Gamma-Gamma's, the two fits being independent; empty when a fit has no proper covariance.
 *
 * Gamma-Gamma is fitted on the clients whose repeat purchase days have a positive mean value; a
 * client whose repeat days do not (a loss-making client under the profit measure) gets no expected
 * value — never the population mean. A client without a repeat day gets the population mean value
 * of a purchase day (Fader & Hardie 2013).
 *
 * Example: CDNOW as of 1998-06-30 with a 273-day holdout: the check's lowest error picks one of
 * the three and `why` is `lowest-error`; `--model bgnbd` gives `why` `requested` and the same check.
 */
import type { BgnbdSummary, CountModelKind, GammaGammaSummary, ModelKind, ModelResults, ModelSkipped, ModelWhy } from './analysis.js';
import { firstPurchaseDay, lastPurchaseDay, measureScale, purchaseCount, purchaseValuesOf, type Facts } from './facts.js';
import { checkCalibration, checkWithFits, type CheckCalibration, type ModelCheck } from './model-check.js';
import { aggregateRepeatData, clientIntervals, conditionalExpectedAverageValue, COUNT_MODEL, COUNT_MODELS, fitGammaGamma, valueIntervals, type AggregatedRepeatData, type CountFitResult } from '../model/index.js';
import type { StatusRules } from '../metrics/status.js';

export const EXPECTED_HORIZON_DAYS = 90;
export const VALUE_HORIZON_DAYS = 365;
/** The level of the P(alive) and value intervals. */
export const INTERVAL_LEVEL = 0.9;

export interface ClientModel {
  results: ModelResults;
  pAlive: (number | null)[];
  pAliveLow: (number | null)[];
  pAliveHigh: (number | null)[];
  expected90: (number | null)[];
  expectedValue12m: (number | null)[];
  expectedValue12mLow: (number | null)[];
  expectedValue12mHigh: (number | null)[];
}

export interface ClientModelOptions {
  kind: ModelKind;
  rules: StatusRules;
  holdoutDays?: number;
  /** False: fit only the model asked for (MBG/NBD for auto), with no check. */
  check: boolean;
}

/** One count-model fit the client model needs: a model on aggregated (x, t_x, T) data. */
export interface CountFitJob {
  kind: CountModelKind;
  data: AggregatedRepeatData;
}

/** A fit job done: what COUNT_MODEL's fit gives (a worker thread gives the same, structured-cloned). */
export function runCountFitJob(job: CountFitJob): CountFitResult {
  return COUNT_MODEL[job.kind].fit(job.data);
}

/**
 * The client model in two steps, so that its fits can run elsewhere (a worker thread) while the
 * rest of the analysis is made: the fit jobs — each model asked for on all the data, then each
 * model on the check's calibration data — and `finish`, given their results in job order.
 */
export interface ClientModelPlan {
  jobs: readonly CountFitJob[];
  finish(results: readonly CountFitResult[]): ClientModel;
}

/** The client model with its fits done here, in this thread. */
export function fitClientModel(facts: Facts, options: ClientModelOptions): ClientModel {
  const plan = planClientModel(facts, options);
  return plan.finish(plan.jobs.map(runCountFitJob));
}

export function planClientModel(facts: Facts, options: ClientModelOptions): ClientModelPlan {
  const clients = facts.names.length;
  const column = () => new Array<number | null>(clients).fill(null);
  const empty = (results: ModelResults): ClientModel => ({ results, pAlive: column(), pAliveLow: column(), pAliveHigh: column(), expected90: column(), expectedValue12m: column(), expectedValue12mLow: column(), expectedValue12mHigh: column() });
  if (options.kind === 'none') {
    return { jobs: [], finish: () => empty({ used: null, why: 'disabled', bgnbd: null, mbgnbd: null, paretonbd: null, gammaGamma: null, skipped: { code: 'disabled' }, check: null }) };
  }
  const kind = options.kind;
  const data = recencyFrequency(facts);
  const only = kind === 'auto' ? 'mbgnbd' : kind;
  const fitted: readonly CountModelKind[] = options.check ? COUNT_MODELS : [only];
  const repeat = aggregateRepeatData(data);
  const calibration = options.check ? checkCalibration(facts, options.holdoutDays) : null;
  const jobs: CountFitJob[] = [
    ...fitted.map((kind) => ({ kind, data: repeat })),
    ...(calibration ? COUNT_MODELS.map((kind) => ({ kind, data: calibration.cohort.data })) : []),
  ];
  return { jobs, finish: (results) => finishClientModel(facts, { ...options, kind }, data, { fitted, calibration, results }, empty) };
}

function finishClientModel(
  facts: Facts,
  options: ClientModelOptions & { kind: Exclude<ModelKind, 'none'> },
  data: ReturnType<typeof recencyFrequency>,
  { fitted, calibration, results }: { fitted: readonly CountModelKind[]; calibration: CheckCalibration | null; results: readonly CountFitResult[] },
  empty: (results: ModelResults) => ClientModel,
): ClientModel {
  const notFitted: CountFitResult = { ok: false, code: 'did-not-converge', message: 'not fitted' };
  const raw = Object.fromEntries(COUNT_MODELS.map((kind) => [kind, fitted.includes(kind) ? results[fitted.indexOf(kind)]! : notFitted])) as Record<CountModelKind, CountFitResult>;
  const fits = Object.fromEntries(
    COUNT_MODELS.map((kind) => [kind, fitted.includes(kind) ? summaryOf(kind, raw[kind]) : { summary: null, skipped: null }]),
  ) as Record<CountModelKind, ReturnType<typeof summaryOf>>;
  const calibrationFits = Object.fromEntries(COUNT_MODELS.map((kind, k) => [kind, results[fitted.length + k]!])) as Record<CountModelKind, CountFitResult>;
  const check = calibration ? checkWithFits(facts, COUNT_MODEL, options.rules, calibration, calibrationFits) : null;
  const base = { bgnbd: fits.bgnbd.summary, mbgnbd: fits.mbgnbd.summary, paretonbd: fits.paretonbd.summary, check };
  const choice = chooseCountModel(options.kind, check, { bgnbd: fits.bgnbd.skipped, mbgnbd: fits.mbgnbd.skipped, paretonbd: fits.paretonbd.skipped });
  if (choice.used === null) return empty({ ...base, used: null, why: choice.why, gammaGamma: null, skipped: choice.skipped });
  const chosen = choice.used;
  const fit = raw[chosen];
  if (!fit.ok) return empty({ ...base, used: null, why: 'not-informative', gammaGamma: null, skipped: fits[chosen].skipped });
  const model = COUNT_MODEL[chosen];
  const intervals = clientIntervals(model, fit.params, fit.covariance, INTERVAL_LEVEL);
  const zbar = repeatDayMeans(facts, data.clients);
  const spend = fitGammaGamma({ x: data.x, zbar });
  const values = spend.ok ? valueIntervals(model, fit.params, fit.covariance, spend.params, spend.covariance, INTERVAL_LEVEL) : null;
  const scores = empty({ ...base, used: chosen, why: choice.why, gammaGamma: null, skipped: null });
  for (let k = 0; k < data.clients.length; k++) {
    const c = data.clients[k];
    const [x, tx, T] = [data.x[k], data.tx[k], data.T[k]];
    scores.pAlive[c] = finiteOrNull(model.pAlive(fit.params, x, tx, T));
    if (intervals && scores.pAlive[c] !== null) {
      const interval = intervals.pAlive(x, tx, T);
      scores.pAliveLow[c] = finiteOrNull(interval.low);
      scores.pAliveHigh[c] = finiteOrNull(interval.high);
    }
    scores.expected90[c] = finiteOrNull(model.conditionalExpected(fit.params, EXPECTED_HORIZON_DAYS, x, tx, T));
    const spendsPositively = x === 0 || zbar[k] > 0;
    if (spend.ok && spendsPositively) {
      const days = model.conditionalExpected(fit.params, VALUE_HORIZON_DAYS, x, tx, T);
      scores.expectedValue12m[c] = finiteOrNull(days * conditionalExpectedAverageValue(spend.params, x, zbar[k]));
      if (values && scores.expectedValue12m[c] !== null) {
        const interval = values.expectedValue(VALUE_HORIZON_DAYS, x, tx, T, zbar[k]);
        scores.expectedValue12mLow[c] = finiteOrNull(interval.low);
        scores.expectedValue12mHigh[c] = finiteOrNull(interval.high);
      }
    }
  }
  const gammaGamma: GammaGammaSummary | null = spend.ok ? { ...spend.params, logLikelihood: spend.logLikelihood, clients: spend.clients } : null;
  return { ...scores, results: { ...scores.results, gammaGamma } };
}

export type ModelChoice = { used: CountModelKind; why: ModelWhy } | { used: null; why: ModelWhy; skipped: ModelSkipped | null };

/**
 * SPEC §7a's choice, given each model's verdict on all the data (null when informative) and the
 * check: the model asked for; else the informative model with the lowest mean absolute error in
 * the check, when it beats the baseline's (else none, `no-better-than-baseline`); MBG/NBD when
 * there is no check or no model's calibration fit is informative. Ties go to the first of bgnbd, mbgnbd, paretonbd.
 */
export function chooseCountModel(
  kind: Exclude<ModelKind, 'none'>,
  check: Pick<ModelCheck<CountModelKind>, 'models' | 'baseline'> | null,
  verdicts: Record<CountModelKind, ModelSkipped | null>,
): ModelChoice {
  const unless = (model: CountModelKind, why: ModelWhy): ModelChoice => {
    const skipped = verdicts[model];
    return skipped ? { used: null, why: 'not-informative', skipped } : { used: model, why };
  };
  if (kind !== 'auto') return unless(kind, 'requested');
  if (check === null) return unless('mbgnbd', 'no-check');
  let best: { kind: CountModelKind; mae: number } | null = null;
  for (const candidate of COUNT_MODELS) {
    const row = check.models[candidate];
    if (verdicts[candidate] || !('totals' in row)) continue;
    if (best === null || row.totals.mae < best.mae) best = { kind: candidate, mae: row.totals.mae };
  }
  if (best === null) return unless('mbgnbd', 'no-check');
  if (best.mae >= check.baseline.mae) return { used: null, why: 'no-better-than-baseline', skipped: { code: 'no-better-than-baseline' } };
  return { used: best.kind, why: 'lowest-error' };
}

/** A fit as the analysis reports it: its parameters (attempted ones when not informative) and its verdict. */
function summaryOf(kind: CountModelKind, fit: CountFitResult): { summary: BgnbdSummary | null; skipped: ModelSkipped | null } {
  const named = (values: readonly number[]) => Object.fromEntries(COUNT_MODEL[kind].paramNames.map((name, i) => [name, values[i]!]));
  if (fit.ok) {
    const summary: BgnbdSummary = { kind, r: fit.params.r!, alpha: fit.params.alpha!, ...fit.params, logLikelihood: fit.logLikelihood, timeUnit: 'day', converged: fit.converged, iterations: fit.iterations };
    return { summary, skipped: null };
  }
  const skipped: ModelSkipped = { code: fit.code };
  if (!fit.attempt) return { summary: null, skipped };
  const params = named(fit.attempt.values);
  return { summary: { kind, r: params.r!, alpha: params.alpha!, ...params, logLikelihood: fit.attempt.logLikelihood, timeUnit: 'day', converged: false, iterations: 0, skipped }, skipped };
}

/**
 * Gamma-Gamma's z̄ per client: the mean value (in the measure's units) of its repeat purchase
 * days — every purchase day but the first, as in Fader & Hardie (2013); 0 without repeats.
 */
function repeatDayMeans(facts: Facts, rows: Int32Array): Float64Array {
  const scale = measureScale(facts.measure);
  return Float64Array.from(rows, (c) => {
    const values = purchaseValuesOf(facts, c);
    let sum = 0;
    for (let p = 1; p < values.length; p++) sum += values[p];
    return values.length > 1 ? sum / (values.length - 1) / scale : 0;
  });
}

/** (x, t_x, T) in days for every client with a purchase day, and which client each row is. */
function recencyFrequency(facts: Facts): { clients: Int32Array; x: Float64Array; tx: Float64Array; T: Float64Array } {
  const rows: number[] = [];
  facts.names.forEach((_, c) => {
    if (purchaseCount(facts, c) > 0) rows.push(c);
  });
  const x = new Float64Array(rows.length);
  const tx = new Float64Array(rows.length);
  const T = new Float64Array(rows.length);
  rows.forEach((c, k) => {
    const first = firstPurchaseDay(facts, c)!;
    const last = lastPurchaseDay(facts, c)!;
    x[k] = purchaseCount(facts, c) - 1;
    tx[k] = last - first;
    T[k] = facts.asOf - first;
  });
  return { clients: Int32Array.from(rows), x, tx, T };
}

/** A score the model could not compute (NaN at extreme parameters) is left empty, never NaN. */
function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
