/**
 * Pareto/NBD — Schmittlein, Morrison & Colombo (1987, Management Science 33(1):1–24), in the
 * expressions of Fader & Hardie (2005, "A Note on Deriving the Pareto/NBD Model and Related
 * Expressions", brucehardie.com/notes/009).
 *
 * Definition: while alive a client buys as a Poisson process with rate λ ~ Gamma(r, α); it stays
 * alive for an exponential lifetime with rate μ ~ Gamma(s, β) (shape, rate, in the data's time
 * unit), λ and μ independent. Unlike BG/NBD a client can leave at any moment, not only right
 * after a purchase. Per client x (repeat purchases), t_x (last purchase since the first), T (age):
 *   LL: see pareto-likelihood.ts (note 009 eq. 18–20, rearranged so nothing cancels);
 *   P(alive) = (α + T)^−(r+x) (β + T)^−s / [the likelihood's bracket]       (eq. 36–37)
 *   E[X(t)] = rβ / (α(s − 1)) · [1 − (β/(β + t))^(s−1)]                      (eq. 27)
 *   E[Y(t) | x, t_x, T] = P(alive) · (r + x)(β + T) / ((α + T)(s − 1))
 *                          · [1 − ((β + T)/(β + T + t))^(s−1)]              (eq. 41)
 * (The note's equation numbers are unconfirmed here — the note itself was not at hand; the
 * formulas are checked by test/model/paretonbd.test.ts against the published CDNOW values.)
 * The bracket [1 − (b/(b + t))^(s−1)]/(s − 1) is evaluated as −expm1(−(s − 1)·ln(1 + t/b))/(s − 1),
 * exact through s = 1, where it is ln(1 + t/b).
 *
 * Edge cases: a client with x = 0 is not certainly alive (P(alive) falls as T grows). Invalid
 * parameters (not finite and > 0) or client data (as in bgnbd.ts) give NaN. The log-likelihood is
 * a density in the purchase times, so scaling time by k shifts it by −Σx · ln k and multiplies α
 * and β by k (r, s unchanged). Fitting: repeat-fit.ts, with the no-dropout verdict when s → 0 or
 * β → ∞, or the mean drop-out before the next purchase (s/β)/(r/α + s/β) is below MIN_DROPOUT.
 *
 * Worked example (CDNOW in weeks, the BTYD walkthrough's r = 0.5534, α = 10.5802, s = 0.6061,
 * β = 11.6562): customer 1516 (x = 26, t_x = 30.86, T = 31) has P(alive) 0.9979 and
 * E[Y(52)] = 25.46; a new client E[X(52)] = 1.473.
 */
import type { FitFailure } from './fit-positive.js';
import { paretoClientTerms, paretoLikelihood } from './pareto-likelihood.js';
import { fitRepeatModel, type ModelFitSuccess, type RepeatModelSpec } from './repeat-fit.js';
import { aggregateRepeatData, isClientTriple, isHorizon, type RepeatData } from './repeat-data.js';

export type ParetoParams = {
  r: number;
  alpha: number;
  s: number;
  beta: number;
};

export interface ParetoFitOptions {
  /** Start of the search (default r = 1, α = ΣT/Σx, s = 1, β = the mean customer age). */
  start?: ParetoParams;
  /** Cap on likelihood evaluations per optimizer (default 2 000 for BFGS, 4 000 for the Nelder–Mead fallback). */
  maxEvaluations?: number;
}

export type ParetoFitSuccess = ModelFitSuccess<ParetoParams>;

export type ParetoFitResult = ParetoFitSuccess | FitFailure;

const NAMES = ['r', 'alpha', 's', 'beta'] as const;

/** True when every parameter is finite and positive. */
export function isValidParetoParams(p: ParetoParams): boolean {
  return [p.r, p.alpha, p.s, p.beta].every((v) => Number.isFinite(v) && v > 0);
}

/**
 * The largest drop-out shape s the fit explores. Past it the clients' drop-out rates differ by less
 * than 22 % (their coefficient of variation is 1/√s): the likelihood is flat there while each
 * evaluation grows slow (its hypergeometric terms need ~s continuation steps), and a search running
 * to s, β → ∞ (seen on a 40-client distributor) took half a minute. NaN beyond: outside the model,
 * and a fit that ends at it did not converge (the data do not determine the model).
 */
const MAX_DROPOUT_SHAPE = 20;
/**
 * Likelihood evaluations a fit may take unless told otherwise: CDNOW converges in far fewer, and a
 * search that wanders along the edge of the model (each evaluation there slow) is stopped — its
 * verdict is then "did not converge".
 */
const MAX_EVALUATIONS = 400;

const SPEC: RepeatModelSpec = {
  names: NAMES,
  likelihood: (data) => {
    const ll = paretoLikelihood(data);
    return (v, gradient) => (v[2] > MAX_DROPOUT_SHAPE ? NaN : ll(v[0], v[1], v[2], v[3], gradient));
  },
  start: (data) => [1, data.sumT / data.sumX, 1, data.sumT > 0 ? data.sumT / data.clients : 1],
  scale: (data) => {
    const age = data.sumT > 0 ? data.sumT / data.clients : 1;
    return [1, age, 1, age];
  },
  noDropoutEdges: [
    { name: 's', toward: 'zero' },
    { name: 'beta', toward: 'infinity' },
  ],
  meanDropout: ([r, alpha, s, beta]) => s / beta / (r / alpha + s / beta),
};

/** Pareto/NBD log-likelihood of the data at the given parameters (NaN for invalid parameters). */
export function paretoNbdLogLikelihood(params: ParetoParams, data: RepeatData): number {
  if (!isValidParetoParams(params)) return NaN;
  return paretoLikelihood(aggregateRepeatData(data))(params.r, params.alpha, params.s, params.beta);
}

/** Maximum-likelihood Pareto/NBD fit (outcomes: see repeat-fit.ts). */
export function fitParetoNbd(data: RepeatData, options: ParetoFitOptions = {}): ParetoFitResult {
  const start = options.start && [options.start.r, options.start.alpha, options.start.s, options.start.beta];
  const fit = fitRepeatModel(data, SPEC, { start, maxEvaluations: options.maxEvaluations ?? MAX_EVALUATIONS });
  if (!fit.ok) return fit;
  const [r, alpha, s, beta] = fit.values;
  if (s >= MAX_DROPOUT_SHAPE * (1 - 1e-6)) {
    return {
      ok: false,
      code: 'did-not-converge',
      message: 'The data do not determine the model: the drop-out shape s ran to the edge of the search.',
      boundary: { name: 's', toward: 'infinity' },
      attempt: { values: fit.values, logLikelihood: fit.logLikelihood },
    };
  }
  return {
    ok: true,
    params: { r, alpha, s, beta },
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    iterations: fit.iterations,
    evaluations: fit.evaluations,
    clients: fit.clients,
    excluded: fit.excluded,
    covariance: fit.covariance,
  };
}

/** ∫₀ᵗ (b/(b + u))^s du / b = [1 − (b/(b + t))^(s−1)]/(s − 1), exact through s = 1. */
function survivalBracket(s: number, b: number, t: number): number {
  const span = Math.log1p(t / b);
  const shape = s - 1;
  return shape === 0 ? span : -Math.expm1(-shape * span) / shape;
}

/** P(alive at T | x, t_x, T). */
export function paretoNbdPAlive(params: ParetoParams, x: number, tx: number, T: number): number {
  if (!isValidParetoParams(params) || !isClientTriple(x, tx, T)) return NaN;
  const { r, alpha, s, beta } = params;
  const recency = x === 0 ? 0 : tx;
  const { alive, dropped, logE } = paretoClientTerms(r, alpha, s, beta, x, recency, T);
  const top = Math.max(alive, dropped);
  const logBracket = top + Math.log(Math.exp(alive - top) + Math.exp(dropped - top));
  return Math.min(1, Math.exp(Math.log(r + s + x) + logE - logBracket));
}

/** Expected repeat purchases in (T, T + t] for a client with history (x, t_x, T). */
export function paretoNbdConditionalExpected(params: ParetoParams, t: number, x: number, tx: number, T: number): number {
  if (!isValidParetoParams(params) || !isHorizon(t) || !isClientTriple(x, tx, T)) return NaN;
  const { r, alpha, s, beta } = params;
  const rate = (r + x) / (alpha + T);
  return paretoNbdPAlive(params, x, tx, T) * rate * (beta + T) * survivalBracket(s, beta + T, t);
}

/** E[X(t)]: expected repeat purchases of a new client in its first t time units. */
export function paretoNbdExpected(params: ParetoParams, t: number): number {
  if (!isValidParetoParams(params) || !isHorizon(t)) return NaN;
  const { r, alpha, s, beta } = params;
  return (r / alpha) * beta * survivalBracket(s, beta, t);
}

export const paretonbd = {
  fit: fitParetoNbd,
  logLikelihood: paretoNbdLogLikelihood,
  pAlive: paretoNbdPAlive,
  conditionalExpected: paretoNbdConditionalExpected,
  expected: paretoNbdExpected,
};
