/**
 * Maximum-likelihood fitting shared by the three count models (BG/NBD, MBG/NBD, Pareto/NBD): the
 * checks on the data, the search, the one no-dropout verdict and the covariance of the estimates.
 *
 * Definition: the rows are validated and merged (`aggregateRepeatData`), the model's
 * log-likelihood is maximized with its analytic gradient by `maximizePositive` (BFGS on
 * log-parameters, Nelder–Mead as fallback), each parameter searched relative to a scale the
 * model takes from the data (a rate relative to the mean customer age, so any time unit gives the
 * same search), from the model's default start or `options.start` (a value that is not finite
 * and > 0 falls back to its scale). On success `covariance` is the observed-information
 * covariance of the estimates (covariance.ts), null when the optimum is not a proper maximum.
 *
 * Outcomes (never throws):
 * - `too-few-repeaters` when fewer than MIN_CLIENTS (20) clients, or fewer than MIN_REPEATERS (10)
 *   clients with a repeat purchase, are usable (weights count as clients): four parameters cannot
 *   be told apart on less.
 * - `no-dropout` — one verdict for every model — when the likelihood keeps rising toward a model
 *   in which nobody leaves: the search ran to one of the model's no-dropout edges (BG/NBD and
 *   MBG/NBD: a → 0 or b → ∞; Pareto/NBD: s → 0 or β → ∞), or the optimum's mean drop-out per
 *   repeat purchase (the model's `meanDropout`) is below MIN_DROPOUT. P(alive) would then be 100 %
 *   for everyone. The best point found is kept (`attempt`), whichever way the search reached it.
 * - `did-not-converge` when no finite likelihood was found or another parameter ran to the edge of
 *   the search (see fit-positive.ts).
 * - otherwise ok; `converged` is false when the evaluation budget ran out first — the best point
 *   found, typically a data set whose likelihood keeps rising toward a limit model (e.g. perfectly
 *   regular buyers: r, α → ∞ with r/α fixed), where the predictions are still those of that limit.
 *
 * Worked example: 400 simulated clients who never leave (BG/NBD with a = 10⁻⁶, b = 1000) →
 * `no-dropout` from all three models, each with its attempted optimum; the same clients with
 * a = 0.8, b = 2.5 are fitted.
 */
import { observedCovariance } from './covariance.js';
import { maximizePositive, type FitFailure } from './fit-positive.js';
import { aggregateRepeatData, type AggregatedRepeatData, type RepeatData } from './repeat-data.js';

export const MIN_CLIENTS = 20;
export const MIN_REPEATERS = 10;
/**
 * Below this mean drop-out per repeat purchase the fit says that nobody leaves (seen on Online
 * Retail and Superstore: BG/NBD a ≈ 1e-7). For BG/NBD and MBG/NBD it is E[p] = a/(a + b), the
 * chance of leaving after a purchase; for Pareto/NBD the chance that a client with the mean rates
 * leaves before its next purchase, (s/β)/(r/α + s/β) — a ratio of two rates in the same time
 * unit, so the floor means the same in days or weeks.
 */
export const MIN_DROPOUT = 1e-4;

/** A log-likelihood in the model's parameters; with `gradient` it also writes ∂LL/∂values. */
export type ValueLikelihood = (values: Float64Array, gradient?: Float64Array) => number;

export interface RepeatModelSpec {
  names: readonly string[];
  likelihood(data: AggregatedRepeatData): ValueLikelihood;
  /** The default start (all > 0) and the scale each parameter is searched relative to. */
  start(data: AggregatedRepeatData): number[];
  scale(data: AggregatedRepeatData): number[];
  /** The edges of the search where nobody leaves. */
  noDropoutEdges: readonly { name: string; toward: 'zero' | 'infinity' }[];
  /** Mean drop-out per repeat purchase at these parameter values (compared with MIN_DROPOUT). */
  meanDropout(values: readonly number[]): number;
}

export interface RepeatFitOptions {
  start?: readonly number[];
  maxEvaluations?: number;
}

/** How a successful fit went, whatever its parameters look like. */
export interface FitOutcome {
  ok: true;
  /** Log-likelihood at the optimum, in the time unit of the data (it shifts by −Σx·ln k when time is scaled by k). */
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Likelihood evaluations the search made (fit-positive.ts); the covariance's are not counted. */
  evaluations: number;
  /** Clients used (total weight) and rows left out as invalid. */
  clients: number;
  excluded: number;
  /** Observed-information covariance of the parameters in the model's order; null when not positive definite. */
  covariance: number[][] | null;
}

/** A successful fit with its parameters `P` (named for each model; a plain list here). */
export type ModelFitSuccess<P> = FitOutcome & { params: P };

export interface RepeatFitSuccess extends FitOutcome {
  values: number[];
}

function noDropout(attempt: { values: number[]; logLikelihood: number }, evaluations: number | undefined): FitFailure {
  const failure: FitFailure = { ok: false, code: 'no-dropout', message: 'The fit finds no sign of clients leaving: the drop-out goes to zero.', attempt };
  return evaluations === undefined ? failure : { ...failure, evaluations };
}

/** Fits one count model to the data (see the file comment). */
export function fitRepeatModel(data: RepeatData, spec: RepeatModelSpec, options: RepeatFitOptions = {}): RepeatFitSuccess | FitFailure {
  const aggregated = aggregateRepeatData(data);
  if (aggregated.clients < MIN_CLIENTS || aggregated.repeaters < MIN_REPEATERS) {
    return {
      ok: false,
      code: 'too-few-repeaters',
      message:
        `The model needs at least ${MIN_CLIENTS} clients and ${MIN_REPEATERS} with a repeat purchase; ` +
        `the data have ${aggregated.clients} and ${aggregated.repeaters}.`,
    };
  }
  const likelihood = spec.likelihood(aggregated);
  const fit = maximizePositive({
    logLikelihood: likelihood,
    hasGradient: true,
    start: options.start ?? spec.start(aggregated),
    scale: spec.scale(aggregated),
    names: spec.names,
    maxEvaluations: options.maxEvaluations,
    settled: (values) => spec.meanDropout(values) < MIN_DROPOUT,
  });
  if (!fit.ok) {
    const edge = fit.boundary;
    const towardNoDropout = edge !== undefined && spec.noDropoutEdges.some((e) => e.name === edge.name && e.toward === edge.toward);
    return towardNoDropout && fit.attempt ? noDropout(fit.attempt, fit.evaluations) : fit;
  }
  if (spec.meanDropout(fit.values) < MIN_DROPOUT) return noDropout({ values: fit.values, logLikelihood: fit.logLikelihood }, fit.evaluations);
  return {
    ok: true,
    values: fit.values,
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    iterations: fit.iterations,
    evaluations: fit.evaluations,
    clients: aggregated.clients,
    excluded: aggregated.excluded,
    covariance: observedCovariance((v, g) => likelihood(v, g), fit.values),
  };
}
