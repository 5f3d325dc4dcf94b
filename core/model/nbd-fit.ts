/**
 * Maximum-likelihood fitting of BG/NBD and MBG/NBD: both have parameters r, α (purchase rates
 * λ ~ Gamma(shape r, rate α)) and a, b (drop-out probability p ~ Beta(a, b)).
 *
 * Definition: maximizes the model's log-likelihood (nbd-likelihood.ts, with its gradient) through
 * `fitRepeatModel` (repeat-fit.ts: the checks on the data, the search, the one no-dropout verdict
 * and the covariance, shared with Pareto/NBD). α is searched relative to the mean customer age
 * Σ weight·T / Σ weight (1 if 0), so the search is the same in any time unit. Default start r = 1,
 * α = ΣT/Σx (the mean purchase rate r/α matching Σx/ΣT), a = 1, b = 1, or `options.start`.
 *
 * Outcomes (never throws; see repeat-fit.ts): `too-few-repeaters` (fewer than 20 clients or 10
 * repeaters); `no-dropout` when the search runs to a → 0 or b → ∞, or the optimum's mean drop-out
 * probability a/(a + b) is below MIN_DROPOUT, with the attempted optimum kept; `did-not-converge`
 * when another parameter runs to the edge of the search; otherwise ok, with `covariance` the
 * observed-information covariance of (r, α, a, b), null when the optimum is not a proper maximum.
 *
 * Worked example: the CDNOW sample in weeks (2,357 clients, 946 repeaters) → BG/NBD r = 0.2426,
 * α = 4.4135, a = 0.7929, b = 2.4258, log-likelihood −9582.43, standard errors 0.0126, 0.378,
 * 0.186, 0.705 (lifetimes' Quickstart prints these, as recalled — unconfirmed); the same data in
 * days give the same r, a, b, α × 7 and a log-likelihood lower by Σx · ln 7 = 2,457 · 1.9459.
 */
import type { FitFailure } from './fit-positive.js';
import { nbdLikelihood, type DropoutShift } from './nbd-likelihood.js';
import { fitRepeatModel, type ModelFitSuccess, type RepeatModelSpec } from './repeat-fit.js';
import type { RepeatData } from './repeat-data.js';

export type NbdParams = {
  r: number;
  alpha: number;
  a: number;
  b: number;
};

export interface NbdFitOptions {
  /** Start of the search (default: see the file comment). */
  start?: NbdParams;
  /** Cap on likelihood evaluations per optimizer (default 2 000 for BFGS, 4 000 for the Nelder–Mead fallback). */
  maxEvaluations?: number;
}

export type NbdFitSuccess = ModelFitSuccess<NbdParams>;

export type NbdFitResult = NbdFitSuccess | FitFailure;
export type { FitFailure, FitFailureCode } from './fit-positive.js';

/** One model of the family, as the analysis uses it. */
export interface BgnbdFamily {
  fit(data: RepeatData, options?: NbdFitOptions): NbdFitResult;
  logLikelihood(params: NbdParams, data: RepeatData): number;
  pAlive(params: NbdParams, x: number, tx: number, T: number): number;
  conditionalExpected(params: NbdParams, t: number, x: number, tx: number, T: number): number;
}

export { MIN_CLIENTS, MIN_DROPOUT, MIN_REPEATERS } from './repeat-fit.js';
const NAMES = ['r', 'alpha', 'a', 'b'] as const;

/** True when every parameter is finite and positive. */
export function isValidNbdParams(p: NbdParams): boolean {
  return [p.r, p.alpha, p.a, p.b].every((v) => Number.isFinite(v) && v > 0);
}

function nbdSpec(shift: DropoutShift): RepeatModelSpec {
  return {
    names: NAMES,
    likelihood: (data) => {
      const ll = nbdLikelihood(data, shift);
      return (v, gradient) => ll(v[0], v[1], v[2], v[3], gradient);
    },
    start: (data) => [1, data.sumT / data.sumX, 1, 1],
    scale: (data) => [1, data.sumT > 0 ? data.sumT / data.clients : 1, 1, 1],
    noDropoutEdges: [
      { name: 'a', toward: 'zero' },
      { name: 'b', toward: 'infinity' },
    ],
    meanDropout: ([, , a, b]) => a / (a + b),
  };
}

const SPECS = { 0: nbdSpec(0), 1: nbdSpec(1) } as const;

/** Fits BG/NBD (shift 0) or MBG/NBD (shift 1); see the file comment. */
export function fitNbdModel(data: RepeatData, shift: DropoutShift, options: NbdFitOptions = {}): NbdFitResult {
  const start = options.start && [options.start.r, options.start.alpha, options.start.a, options.start.b];
  const fit = fitRepeatModel(data, SPECS[shift], { start, maxEvaluations: options.maxEvaluations });
  if (!fit.ok) return fit;
  const [r, alpha, a, b] = fit.values;
  return {
    ok: true,
    params: { r, alpha, a, b },
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    iterations: fit.iterations,
    evaluations: fit.evaluations,
    clients: fit.clients,
    excluded: fit.excluded,
    covariance: fit.covariance,
  };
}
