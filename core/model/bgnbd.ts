/**
 * BG/NBD — the beta-geometric / negative binomial model of repeat buying (Fader, Hardie & Lee
 * 2005, Marketing Science 24(2):275–284).
 *
 * Definition: while alive a client buys as a Poisson process with rate λ ~ Gamma(r, α) (shape r,
 * rate α, in the data's time unit); after each repeat purchase the client drops out with
 * probability p ~ Beta(a, b). Per client the data are x (repeat purchases), t_x (time of the last
 * purchase since the first) and T (time since the first purchase). With A = ln(α + T),
 * B = ln(α + t_x):
 *   LL = lnΓ(r + x) − lnΓ(r) + r ln α + ln B(a, b + x) − ln B(a, b)
 *        + ln[ e^(−(r+x)A) + [x > 0] · a/(b + x − 1) · e^(−(r+x)B) ]
 *   P(alive) = 1 / (1 + [x > 0] · a/(b + x − 1) · ((α + T)/(α + t_x))^(r+x))
 *   E[X(t)]  = (a + b − 1)/(a − 1) · [1 − (α/(α + t))^r 2F1(r, b; a + b − 1; t/(α + t))]
 *   E[Y(t) | x, t_x, T] = P(alive) · (a + b + x − 1)/(a − 1)
 *                         · [1 − ((α + T)/(α + T + t))^(r+x) 2F1(r + x, b + x; a + b + x − 1; t/(α + T + t))]
 *   P(X(t) = n) = B(a, b + n)/B(a, b) · NB(n) + [n > 0] · B(a + 1, b + n − 1)/B(a, b) · P(NB ≥ n),
 *     NB(j) = Γ(r + j)/(Γ(r) j!) (α/(α + t))^r (t/(α + t))^j.
 * The expectations go through `expectedBracket` (Euler-transformed, continuous at a = 1); the tail
 * P(NB ≥ n) is summed directly when it is small, so tiny probabilities keep their digits.
 *
 * Edge cases: a client with x = 0 is alive with probability 1 (BG/NBD lets clients drop out only
 * after a repeat purchase; MBG/NBD differs). Invalid parameters (not finite and > 0) or client
 * data (x not a whole number ≥ 0, t_x outside [0, T], t not finite and ≥ 0, n not a whole number
 * ≥ 0) give NaN, and so do E[X(t)] and E[Y(t) | x = 0] in the measure-zero case a + b = 1 exactly
 * (2F1 with c = 0).
 * The log-likelihood is the paper's (a density in the purchase times), so it depends on the time
 * unit: scaling time by k shifts it by −Σx · ln k. Fitting: see nbd-fit.ts.
 *
 * Worked example (CDNOW in weeks, params 0.243, 4.414, 0.793, 2.426): P(X(39) = 0) = 0.5738;
 * client x = 2, t_x = 30.43, T = 38.86 → P(alive) = 0.7266, E[Y(39)] = 1.226.
 */
import { expectedBracket } from './expected-bracket.js';
import {
  fitNbdModel,
  isValidNbdParams,
  type BgnbdFamily,
  type NbdFitOptions,
  type NbdFitResult,
  type NbdParams,
} from './nbd-fit.js';
import { nbdLikelihood } from './nbd-likelihood.js';
import { aggregateRepeatData, isClientTriple, isHorizon, type RepeatData } from './repeat-data.js';
import { logBeta, logGamma } from './special.js';

const MAX_TAIL_TERMS = 1_000_000;

/** BG/NBD log-likelihood of the data at the given parameters (NaN for invalid parameters). */
export function bgnbdLogLikelihood(params: NbdParams, data: RepeatData): number {
  if (!isValidNbdParams(params)) return NaN;
  return nbdLikelihood(aggregateRepeatData(data), 0)(params.r, params.alpha, params.a, params.b);
}

/** Maximum-likelihood BG/NBD fit (outcomes: see nbd-fit.ts). */
export function fitBgnbd(data: RepeatData, options?: NbdFitOptions): NbdFitResult {
  return fitNbdModel(data, 0, options);
}

/** P(alive at T | x, t_x, T); 1 when x = 0. */
export function bgnbdPAlive(params: NbdParams, x: number, tx: number, T: number): number {
  if (!isValidNbdParams(params) || !isClientTriple(x, tx, T)) return NaN;
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const u = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(u));
}

/** Expected repeat purchases in (T, T + t] for a client with history (x, t_x, T). */
export function bgnbdConditionalExpected(params: NbdParams, t: number, x: number, tx: number, T: number): number {
  if (!isValidNbdParams(params) || !isHorizon(t) || !isClientTriple(x, tx, T)) return NaN;
  const { r, alpha, a, b } = params;
  const z = t / (alpha + T + t);
  return bgnbdPAlive(params, x, tx, T) * (a + b + x - 1) * expectedBracket(a, b - 1 - r, b + x - 1, z);
}

/** E[X(t)]: expected repeat purchases of a new client in its first t time units. */
export function bgnbdExpected(params: NbdParams, t: number): number {
  if (!isValidNbdParams(params) || !isHorizon(t)) return NaN;
  const { r, alpha, a, b } = params;
  return (a + b - 1) * expectedBracket(a, b - 1 - r, b - 1, t / (alpha + t));
}

/** P(X(t) = n): probability that a new client makes exactly n repeat purchases in (0, t]. */
export function bgnbdProbNPurchases(params: NbdParams, t: number, n: number): number {
  if (!isValidNbdParams(params) || !isHorizon(t) || !Number.isInteger(n) || n < 0) return NaN;
  if (t === 0) return n === 0 ? 1 : 0;
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(t) - Math.log(alpha + t);
  const logStay = r * (Math.log(alpha) - Math.log(alpha + t));
  const logBase = logBeta(a, b);
  const logNb = (j: number) => logGamma(r + j) - logGamma(r) - logGamma(j + 1) + logStay + j * logOdds;
  const first = Math.exp(logBeta(a, b + n) - logBase + logNb(n));
  if (n === 0) return first;
  return first + Math.exp(logBeta(a + 1, b + n - 1) - logBase) * negativeBinomialTail(r, logStay, logOdds, n);
}

/**
 * P(N ≥ n) for the negative binomial N with P(N = j) = Γ(r + j)/(Γ(r) j!) q^r p^j, given
 * ln q^r and ln p: 1 − P(N < n) when that sum is at most 1/2, else the upper terms summed.
 */
function negativeBinomialTail(r: number, logStay: number, logOdds: number, n: number): number {
  let logTerm = logStay;
  let below = 0;
  for (let j = 0; j < n; j++) {
    below += Math.exp(logTerm);
    logTerm += Math.log(r + j) - Math.log(j + 1) + logOdds;
  }
  if (below <= 0.5) return 1 - below;
  let tail = 0;
  for (let j = n; j < n + MAX_TAIL_TERMS; j++) {
    const term = Math.exp(logTerm);
    const next = tail + term;
    if (next === tail && (r + j) * Math.exp(logOdds) < j + 1) return tail;
    tail = next;
    logTerm += Math.log(r + j) - Math.log(j + 1) + logOdds;
  }
  return 1 - below;
}

export const bgnbd: BgnbdFamily = {
  fit: fitBgnbd,
  logLikelihood: bgnbdLogLikelihood,
  pAlive: bgnbdPAlive,
  conditionalExpected: bgnbdConditionalExpected,
};
