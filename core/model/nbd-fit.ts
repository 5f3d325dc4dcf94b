/**
 * Maximum-likelihood fitting shared by BG/NBD and MBG/NBD: both have parameters r, α (purchase
 * rates λ ~ Gamma(shape r, rate α)) and a, b (drop-out probability p ~ Beta(a, b)).
 *
 * Definition: maximizes the model's log-likelihood (nbd-likelihood.ts, with its gradient) by
 * `maximizePositive` (log-parameters, BFGS with a Nelder–Mead fallback). α is searched relative to
 * s = Σ weight·T / Σ weight (the mean customer age, 1 if 0), so the search is the same in any time
 * unit. Default start r = 1, α = ΣT/Σx (the mean purchase rate r/α matching Σx/ΣT), a = 1, b = 1,
 * or `options.start` (a start value that is not finite and > 0 falls back to 1, or to s for α).
 *
 * Outcomes (never throws):
 * - `too-few-repeaters` when fewer than MIN_CLIENTS (20) clients, or fewer than MIN_REPEATERS (10)
 *   clients with a repeat purchase, are usable (weights count as clients): four parameters cannot
 *   be told apart on less.
 * - `no-dropout` when the likelihood keeps rising as the drop-out probability goes to zero (a → 0
 *   or b → ∞ at the edge of the search), or the optimum's mean drop-out probability a/(a + b) is
 *   below MIN_DROPOUT: the data show no client leaving, and P(alive) would be 100 % for everyone.
 *   This is the one verdict for that optimum, whichever way the search reached it; the best point
 *   found is kept (`attempt`).
 * - `did-not-converge` when no finite likelihood was found or another parameter ran to the edge of
 *   the search (see fit-positive.ts).
 * - otherwise ok; `converged` is false when the evaluation budget ran out first — the best point
 *   found, typically a data set whose likelihood keeps rising toward a limit model (e.g. perfectly
 *   regular buyers: r, α → ∞ with r/α fixed), where the predictions are still those of that limit.
 *
 * Worked example: the CDNOW sample in weeks (2,357 clients, 946 repeaters) → BG/NBD r = 0.2426,
 * α = 4.4135, a = 0.7929, b = 2.4258, log-likelihood −9582.43; the same data in days give the same
 * r, a, b, α × 7 and a log-likelihood lower by Σx · ln 7 = 2,457 · 1.9459.
 */
import { maximizePositive, type FitFailure } from './fit-positive.js';
import { nbdLikelihood, type DropoutShift } from './nbd-likelihood.js';
import { aggregateRepeatData, type RepeatData } from './repeat-data.js';

export interface NbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface NbdFitOptions {
  /** Start of the search (default: see the file comment). */
  start?: NbdParams;
  /** Cap on likelihood evaluations per optimizer (default 2 000 for BFGS, 4 000 for the Nelder–Mead fallback). */
  maxEvaluations?: number;
}

export interface NbdFitSuccess {
  ok: true;
  params: NbdParams;
  /** Log-likelihood at params, in the time unit of the data (it shifts by −Σx·ln k when time is scaled by k). */
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Clients used (total weight) and rows left out as invalid. */
  clients: number;
  excluded: number;
}

export type NbdFitResult = NbdFitSuccess | FitFailure;
export type { FitFailure, FitFailureCode } from './fit-positive.js';

/** One model of the family, as the analysis uses it. */
export interface BgnbdFamily {
  fit(data: RepeatData, options?: NbdFitOptions): NbdFitResult;
  logLikelihood(params: NbdParams, data: RepeatData): number;
  pAlive(params: NbdParams, x: number, tx: number, T: number): number;
  conditionalExpected(params: NbdParams, t: number, x: number, tx: number, T: number): number;
}

export const MIN_CLIENTS = 20;
export const MIN_REPEATERS = 10;
/**
 * Below this mean drop-out probability per repeat purchase, E[p] = a / (a + b), the fit says that
 * nobody leaves (seen on Online Retail and Superstore: a ≈ 1e-7).
 */
export const MIN_DROPOUT = 1e-4;
const NAMES = ['r', 'alpha', 'a', 'b'] as const;

/** True when every parameter is finite and positive. */
export function isValidNbdParams(p: NbdParams): boolean {
  return [p.r, p.alpha, p.a, p.b].every((v) => Number.isFinite(v) && v > 0);
}

function noDropout(attempt: { values: number[]; logLikelihood: number }): FitFailure {
  return { ok: false, code: 'no-dropout', message: 'The fit finds no sign of clients leaving: the drop-out probability goes to zero.', attempt };
}

/** Fits BG/NBD (shift 0) or MBG/NBD (shift 1); see the file comment. */
export function fitNbdModel(data: RepeatData, shift: DropoutShift, options: NbdFitOptions = {}): NbdFitResult {
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
  const likelihood = nbdLikelihood(aggregated, shift);
  const ageScale = aggregated.sumT > 0 ? aggregated.sumT / aggregated.clients : 1;
  const start = options.start ?? { r: 1, alpha: aggregated.sumT / aggregated.sumX, a: 1, b: 1 };
  const fit = maximizePositive({
    logLikelihood: (v, gradient) => likelihood(v[0], v[1], v[2], v[3], gradient),
    hasGradient: true,
    start: [start.r, start.alpha, start.a, start.b],
    scale: [1, ageScale, 1, 1],
    names: NAMES,
    maxEvaluations: options.maxEvaluations,
  });
  if (!fit.ok) {
    const towardNoDropout = (fit.boundary?.name === 'a' && fit.boundary.toward === 'zero') || (fit.boundary?.name === 'b' && fit.boundary.toward === 'infinity');
    return towardNoDropout ? noDropout(fit.attempt!) : fit;
  }
  const [r, alpha, a, b] = fit.values;
  if (a / (a + b) < MIN_DROPOUT) return noDropout({ values: fit.values, logLikelihood: fit.logLikelihood });
  return {
    ok: true,
    params: { r, alpha, a, b },
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    iterations: fit.iterations,
    clients: aggregated.clients,
    excluded: aggregated.excluded,
  };
}
