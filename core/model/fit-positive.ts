/**
 * Maximum likelihood over positive parameters, shared by the model fits.
 *
 * Definition: maximizes LL(v) over v > 0 on θᵢ = ln(vᵢ / sᵢ), where sᵢ is a scale the caller takes
 * from the data (e.g. the mean customer age for a rate parameter), so the search is the same in any
 * unit. With a gradient it runs `minimizeSmooth` (BFGS) and falls back to `minimize` (Nelder–Mead
 * with restarts, at most 4,000 evaluations unless `maxEvaluations` says otherwise) from the best
 * point found if BFGS does not converge — unless that point is `settled` (the caller's verdict there
 * cannot change, e.g. nobody drops out: finishing with Nelder–Mead took 1,200 evaluations on 1M
 * generated lines and the same verdict); without one it runs Nelder–Mead alone. The search box is |θᵢ| ≤ 20; outside it the objective is +∞.
 *
 * Outcomes (never throws):
 * - `did-not-converge` when no finite likelihood was found, or a parameter ran to the edge of the
 *   box (within 1e-3 of |θᵢ| = 20, i.e. beyond e^±20 ≈ 5e8 / 2e-9 times its scale): the data do
 *   not determine the model (e.g. nobody appears to drop out, so b/a grows without limit). The
 *   failure then says which parameter ran off and which way (`boundary`) and keeps the best point
 *   found (`attempt`), so a caller can say what the data do show.
 * - otherwise ok, with `converged` false when the evaluation budget ran out before the tolerances
 *   were met (the point is still the best found, inside the box).
 * A start value that is not finite and > 0 is replaced by its scale; starts are pulled inside the
 * box.
 *
 * Worked example: LL(v) = −(ln v₀ − 1)² with start [1] and scale [1] → v₀ = e, LL = 0.
 */
import { minimize, minimizeSmooth, type MinimizeResult } from './optimize.js';

export type FitFailureCode = 'too-few-repeaters' | 'did-not-converge' | 'no-dropout';

export interface FitFailure {
  ok: false;
  code: FitFailureCode;
  message: string;
  /** The parameter that ran to the edge of the search, and which way. */
  boundary?: { name: string; toward: 'zero' | 'infinity' };
  /** The best point found before the search gave up (its values and log-likelihood). */
  attempt?: { values: number[]; logLikelihood: number };
  /** Likelihood evaluations the search made (absent when the data were refused before any search). */
  evaluations?: number;
}

export interface PositiveFit {
  ok: true;
  values: number[];
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Likelihood evaluations the search made, BFGS and Nelder–Mead together (points outside the search box cost none). */
  evaluations: number;
}

export interface PositiveProblem {
  /** LL at values > 0; when `gradient` is given (only if `hasGradient`), it receives ∂LL/∂valuesᵢ. */
  logLikelihood: (values: Float64Array, gradient?: Float64Array) => number;
  hasGradient: boolean;
  start: readonly number[];
  scale: readonly number[];
  names: readonly string[];
  maxEvaluations?: number;
  /** True at a point where the caller's verdict is known, so an unconverged BFGS need not be finished. */
  settled?: (values: number[]) => boolean;
}

const SEARCH_BOUND = 20;
const BOUND_MARGIN = 1e-3;
/** Nelder–Mead budget when it only finishes what BFGS started (it needs a few hundred near an optimum). */
const FALLBACK_EVALUATIONS = 4_000;

function isAtBound(theta: readonly number[]): number {
  return theta.findIndex((v) => Math.abs(v) >= SEARCH_BOUND - BOUND_MARGIN);
}

/** Maximizes the problem's log-likelihood over positive parameters (see the file comment). */
export function maximizePositive(problem: PositiveProblem): PositiveFit | FitFailure {
  const { scale, names, maxEvaluations } = problem;
  let evaluations = 0;
  const likelihood = (v: Float64Array, gradient?: Float64Array): number => {
    evaluations++;
    return problem.logLikelihood(v, gradient);
  };
  const values = new Float64Array(scale.length);
  const valueGradient = new Float64Array(scale.length);
  const toValues = (theta: Float64Array): boolean => {
    for (let i = 0; i < theta.length; i++) {
      if (Math.abs(theta[i]) > SEARCH_BOUND) return false;
      values[i] = scale[i] * Math.exp(theta[i]);
    }
    return true;
  };
  // A likelihood the model cannot evaluate there (NaN) counts as outside the model, as outside the bound does.
  const finiteOrInfinity = (ll: number) => (Number.isFinite(ll) ? -ll : Infinity);
  const objective = (theta: Float64Array): number => (toValues(theta) ? finiteOrInfinity(likelihood(values)) : Infinity);
  const smoothObjective = (theta: Float64Array, gradient: Float64Array): number => {
    if (!toValues(theta)) return Infinity;
    const ll = likelihood(values, valueGradient);
    if (!Number.isFinite(ll)) return Infinity;
    for (let i = 0; i < theta.length; i++) gradient[i] = -values[i] * valueGradient[i];
    return -ll;
  };
  const theta0 = problem.start.map((v, i) => {
    const usable = Number.isFinite(v) && v > 0 ? v : scale[i];
    return Math.max(-SEARCH_BOUND + 1, Math.min(SEARCH_BOUND - 1, Math.log(usable / scale[i])));
  });
  let result: MinimizeResult;
  if (problem.hasGradient) {
    result = minimizeSmooth(smoothObjective, theta0, { maxEvaluations });
    const settled = problem.settled?.(result.x.map((v, i) => scale[i] * Math.exp(v))) ?? false;
    if (!result.converged && !settled && isAtBound(result.x) < 0) {
      const from = Number.isFinite(result.value) ? result.x : theta0;
      const fallback = minimize(objective, from, { maxEvaluations: maxEvaluations ?? FALLBACK_EVALUATIONS });
      result = { ...fallback, iterations: result.iterations + fallback.iterations };
    }
  } else {
    result = minimize(objective, theta0, { maxEvaluations });
  }
  if (!Number.isFinite(result.value)) {
    return { ok: false, code: 'did-not-converge', message: 'No parameter values give a finite likelihood for these data.', evaluations };
  }
  const atBound = isAtBound(result.x);
  if (atBound >= 0) {
    return {
      ok: false,
      code: 'did-not-converge',
      message: `The data do not determine the model: parameter ${names[atBound]} ran to the edge of the search.`,
      boundary: { name: names[atBound], toward: result.x[atBound] < 0 ? 'zero' : 'infinity' },
      attempt: { values: result.x.map((v, i) => scale[i] * Math.exp(v)), logLikelihood: -result.value },
      evaluations,
    };
  }
  return {
    ok: true,
    values: result.x.map((v, i) => scale[i] * Math.exp(v)),
    logLikelihood: -result.value,
    converged: result.converged,
    iterations: result.iterations,
    evaluations,
  };
}
