/**
 * MBG/NBD — the modified BG/NBD of Batislam, Denizel & Filiztekin (2007, IJRM 24(3):201–209).
 *
 * Definition: as BG/NBD (λ ~ Gamma(r, α), p ~ Beta(a, b)), except that a client may also drop
 * out right after the first purchase, so a client with no repeat purchase is not certainly alive.
 * With A = ln(α + T), B = ln(α + t_x) (t_x = 0 when x = 0):
 *   LL = lnΓ(r + x) − lnΓ(r) + r ln α + ln B(a, b + x + 1) − ln B(a, b)
 *        + ln[ e^(−(r+x)A) + a/(b + x) · e^(−(r+x)B) ]
 *   P(alive) = 1 / (1 + a/(b + x) · ((α + T)/(α + t_x))^(r+x))
 *   E[Y(t) | x, t_x, T] = P(alive) · (a + b + x)/(a − 1)
 *                         · [1 − ((α + T)/(α + T + t))^(r+x) 2F1(r + x, b + x + 1; a + b + x; t/(α + T + t))]
 * (the formulas of lifetimes' ModifiedBetaGeoFitter / BTYDplus), the expectation evaluated through
 * `expectedBracket` (continuous at a = 1).
 *
 * Edge cases: x = 0 gives P(alive) = 1/(1 + (a/b)((α + T)/α)^r) < 1, which falls as T grows.
 * Invalid parameters or client data give NaN, as in bgnbd.ts. Fitting: see nbd-fit.ts.
 *
 * Worked example (CDNOW in weeks): fitted r = 0.525, α = 6.183, a = 0.891, b = 1.614; a client
 * with x = 0 first seen 38.86 weeks ago → P(alive) = 1/(1 + 0.552 · 7.285^0.525) = 1/(1 + 1.566)
 * ≈ 0.39.
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

/** MBG/NBD log-likelihood of the data at the given parameters (NaN for invalid parameters). */
export function mbgnbdLogLikelihood(params: NbdParams, data: RepeatData): number {
  if (!isValidNbdParams(params)) return NaN;
  return nbdLikelihood(aggregateRepeatData(data), 1)(params.r, params.alpha, params.a, params.b);
}

/** Maximum-likelihood MBG/NBD fit (outcomes: see nbd-fit.ts). */
export function fitMbgnbd(data: RepeatData, options?: NbdFitOptions): NbdFitResult {
  return fitNbdModel(data, 1, options);
}

/** P(alive at T | x, t_x, T); below 1 even when x = 0. */
export function mbgnbdPAlive(params: NbdParams, x: number, tx: number, T: number): number {
  if (!isValidNbdParams(params) || !isClientTriple(x, tx, T)) return NaN;
  const { r, alpha, a, b } = params;
  const recency = x === 0 ? 0 : tx;
  const u = Math.log(a) - Math.log(b + x) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + recency));
  return 1 / (1 + Math.exp(u));
}

/** Expected repeat purchases in (T, T + t] for a client with history (x, t_x, T). */
export function mbgnbdConditionalExpected(params: NbdParams, t: number, x: number, tx: number, T: number): number {
  if (!isValidNbdParams(params) || !isHorizon(t) || !isClientTriple(x, tx, T)) return NaN;
  const { r, alpha, a, b } = params;
  const z = t / (alpha + T + t);
  return mbgnbdPAlive(params, x, tx, T) * (a + b + x) * expectedBracket(a, b - r, b + x, z);
}

/**
 * E[X(t)]: expected repeat purchases of a new client in its first t time units — the conditional
 * expectation at x = 0, t_x = T = 0, i.e. b/(a − 1)[1 − (α/(α + t))^r 2F1(r, b + 1; a + b; t/(α + t))]
 * (lifetimes' ModifiedBetaGeoFitter.expected_number_of_purchases_up_to_time).
 */
export function mbgnbdExpected(params: NbdParams, t: number): number {
  return mbgnbdConditionalExpected(params, t, 0, 0, 0);
}

export const mbgnbd: BgnbdFamily = {
  fit: fitMbgnbd,
  logLikelihood: mbgnbdLogLikelihood,
  pAlive: mbgnbdPAlive,
  conditionalExpected: mbgnbdConditionalExpected,
};
