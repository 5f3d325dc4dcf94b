/**
 * The Pareto/NBD log-likelihood (Schmittlein, Morrison & Colombo 1987) over aggregated
 * repeat-purchase data, with its gradient, in a form that neither overflows nor cancels.
 *
 * Definition: purchase rates λ ~ Gamma(r, α), drop-out rates μ ~ Gamma(s, β). Per client, with
 * E(t) = (α + t)^−(r+x) (β + t)^−s, κ = r + s + x, Fader & Hardie's note 009 (2005, "A Note on
 * Deriving the Pareto/NBD Model and Related Expressions", brucehardie.com/notes/009, eq. 18–20)
 * gives L = Γ(r + x)α^r β^s / Γ(r) · [E(T) + (s/κ) A₀], where A₀ is a difference of two ₂F₁ terms
 * (at t_x and at T) taken with the larger of α, β — the "α ≥ β / α < β" ordering that keeps the
 * ₂F₁ argument |α − β|/(max(α, β) + t) in [0, 1). lifetimes' ParetoNBDFitter (`_log_A_0`) takes
 * that difference by a signed log-sum-exp. Here the difference never happens: E(T) − s·G(T) is
 * itself an integral, so (as pymc-marketing's ParetoNBD distribution rearranges eq. 22–23 of the
 * same note "for numerical stability")
 *   L = Γ(r + x)α^r β^s / Γ(r) · [ (r + x)/κ · E(T) R₁(T) + s/κ · E(t_x) R₂(t_x) ],
 * two positive terms added by log-sum-exp. With z(t) = |α − β|/(max(α, β) + t) and
 * F(d, c, z) = ₂F₁(1, d; c; z) (unit-hyp2f1.ts; Euler's transformation of the note's
 * ₂F₁(κ, ·; κ + 1; z), which keeps it between 1 and 1/(1 − z) however large x is):
 *   α ≥ β:  R₁ = (1 − z) F(r + x + 1, κ + 1, z),   R₂ = F(r + x, κ + 1, z)
 *   α < β:  R₁ = F(s, κ + 1, z),                   R₂ = (1 − z) F(s + 1, κ + 1, z)
 * (1 − z = (min + t)/(max + t); at α = β both read R = 1). The equation numbers cited are
 * unconfirmed (the note was not at hand); test/model/paretonbd.test.ts checks this form against
 * the note's A₀ written out with the general `hyp2f1`, and the fit against the published values. Everything else is a logarithm, so large
 * x and T cannot overflow. R₂(t_x)/κ · E(t_x) is ∫_{t_x}^∞ (α + τ)^−(r+x) (β + τ)^−(s+1) dτ (the
 * client dies at τ after the last purchase) and R₁(T)/κ · E(T) is ∫_T^∞ (α + τ)^−(r+x+1) (β + τ)^−s dτ.
 *
 * The gradient is exact: the log-terms are differentiated by hand, and F's derivatives in d, c
 * and z come with its value (z depends on α and β, d and c on r and s). The parts that depend on
 * x alone (lnΓ, ψ, ln(r + x), ln κ) are computed once per distinct x, the logarithms of times once per distinct time, and F
 * once per distinct (x, T) and (x, t_x): for each x along all its times at once (d and c depend on
 * x, z on the time), so the continuation toward z = 1 is walked once per x, not once per client.
 * Scratch arrays are allocated when the evaluator is built.
 *
 * Edge cases: parameters must be finite and > 0 (the fit guarantees it); otherwise NaN or ±∞,
 * which the optimizers treat as outside the domain.
 *
 * Worked example: one client x = 0, t_x = 0, T = 1 at r = s = α = β = 1: κ = 2, z = 0, R = 1,
 * L = 1 · [½ · 2⁻² + ½ · 1] = 5/8, ℓ = ln 0.625 = −0.4700 (no purchase and alive, or gone before
 * buying again: ∫₀^∞ (1 + τ)^−3 dτ = ½, weighted s = 1).
 */
import type { AggregatedRepeatData } from './repeat-data.js';
import { digamma, logGamma } from './special.js';
import { unitHyp2f1, unitHyp2f1Along } from './unit-hyp2f1.js';

/** LL at (r, α, s, β); when `gradient` is given it receives ∂LL/∂(r, α, s, β). */
export type ParetoLikelihood = (r: number, alpha: number, s: number, beta: number, gradient?: Float64Array) => number;

/** One R(t) = (1 − z)^e F(d, c, z) in logs: its value and its derivatives in r, s and z. */
interface LogRatio {
  value: number;
  byR: number;
  byS: number;
  byZ: number;
}

const hyp = new Float64Array(4);

/** d of the term that carries (r + x + offset) when α ≥ β, or (s + offset) when α < β; see the file comment. */
function termShape(alphaBigger: boolean, r: number, s: number, x: number, offsetR: number, offsetS: number): number {
  return alphaBigger ? r + x + offsetR : s + offsetS;
}

/**
 * ln R from F and its derivatives at hyp[at … at + 3]; `logOneMinusZ` is ln(1 − z), counted when
 * the (1 − z) factor is present (`withFactor`).
 */
function toLogRatio(alphaBigger: boolean, hyp: Float64Array, at: number, withFactor: boolean, z: number, logOneMinusZ: number, derivatives: boolean, out: LogRatio): void {
  const f = hyp[at];
  out.value = Math.log(f) + (withFactor ? logOneMinusZ : 0);
  if (!derivatives) return;
  const byD = hyp[at + 1] / f;
  const byC = hyp[at + 2] / f;
  out.byR = (alphaBigger ? byD : 0) + byC;
  out.byS = (alphaBigger ? 0 : byD) + byC;
  out.byZ = hyp[at + 3] / f - (withFactor ? 1 / (1 - z) : 0);
}

/** ln R at one point (see `toLogRatio`). */
function logRatio(
  alphaBigger: boolean,
  r: number,
  s: number,
  x: number,
  offsetR: number,
  offsetS: number,
  withFactor: boolean,
  z: number,
  logOneMinusZ: number,
  derivatives: boolean,
  out: LogRatio,
): void {
  unitHyp2f1(termShape(alphaBigger, r, s, x, offsetR, offsetS), r + s + x + 1, z, hyp, derivatives);
  toLogRatio(alphaBigger, hyp, 0, withFactor, z, logOneMinusZ, derivatives, out);
}

const atT: LogRatio = { value: 0, byR: 0, byS: 0, byZ: 0 };
const atTx: LogRatio = { value: 0, byR: 0, byS: 0, byZ: 0 };

/**
 * The two log-terms of one client's likelihood bracket, without the common factor and without
 * −ln κ: `alive` = ln[(r + x) E(T) R₁(T)], `dropped` = ln[s E(t_x) R₂(t_x)], and ln E(T).
 * P(alive) = E(T)·κ / [e^alive + e^dropped]. NaN for invalid parameters.
 */
export function paretoClientTerms(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  tx: number,
  T: number,
): { alive: number; dropped: number; logE: number } {
  const alphaBigger = alpha >= beta;
  const big = alphaBigger ? alpha : beta;
  const gap = Math.abs(alpha - beta);
  const logAT = Math.log(alpha + T);
  const logBT = Math.log(beta + T);
  const logAX = Math.log(alpha + tx);
  const logBX = Math.log(beta + tx);
  const p = r + x;
  logRatio(alphaBigger, r, s, x, 1, 0, alphaBigger, gap / (big + T), alphaBigger ? logBT - logAT : logAT - logBT, false, atT);
  logRatio(alphaBigger, r, s, x, 0, 1, !alphaBigger, gap / (big + tx), alphaBigger ? logBX - logAX : logAX - logBX, false, atTx);
  const logE = -p * logAT - s * logBT;
  return {
    alive: Math.log(p) + logE + atT.value,
    dropped: Math.log(s) - p * logAX - s * logBX + atTx.value,
    logE,
  };
}

/**
 * For each distinct x, the distinct times its rows need (T or t_x, as `rowTime` says), latest first
 * — z = |α − β|/(max(α, β) + t) falls as t grows, so this is ascending z, the order
 * `unitHyp2f1Along` walks in — and each row's place among them.
 */
interface TimesByX {
  /** Group of x index k: places start[k] … start[k + 1] − 1. */
  start: Int32Array;
  /** The time index at each place. */
  time: Int32Array;
  /** Each row's place. */
  rowPlace: Int32Array;
}

function timesByX(xCount: number, rowX: Int32Array, rowTime: Int32Array): TimesByX {
  const byX = Array.from({ length: xCount }, () => new Set<number>());
  rowX.forEach((k, i) => byX[k]!.add(rowTime[i]!));
  const start = new Int32Array(xCount + 1);
  const time: number[] = [];
  const place = new Map<number, number>();
  byX.forEach((times, k) => {
    start[k] = time.length;
    for (const j of [...times].sort((a, b) => b - a)) {
      place.set(k * 0x100000000 + j, time.length);
      time.push(j);
    }
  });
  start[xCount] = time.length;
  const rowPlace = Int32Array.from(rowX, (k, i) => place.get(k * 0x100000000 + rowTime[i]!)!);
  return { start, time: Int32Array.from(time), rowPlace };
}

/** Builds the Pareto/NBD evaluator over aggregated data (see the file comment). */
export function paretoLikelihood(data: AggregatedRepeatData): ParetoLikelihood {
  const { xValues, xWeight, times, rowX, rowTx, rowT, rowWeight } = data;
  const logA = new Float64Array(times.length);
  const logB = new Float64Array(times.length);
  const invA = new Float64Array(times.length);
  const invB = new Float64Array(times.length);
  const zAt = new Float64Array(times.length);
  const zByAlpha = new Float64Array(times.length);
  const zByBeta = new Float64Array(times.length);
  const logP = new Float64Array(xValues.length);
  const logKappa = new Float64Array(xValues.length);
  const inverseP = new Float64Array(xValues.length);
  const inverseKappa = new Float64Array(xValues.length);
  const atAge = timesByX(xValues.length, rowX, rowT);
  const atLast = timesByX(xValues.length, rowX, rowTx);
  const ratioAge = new Float64Array(4 * atAge.time.length);
  const ratioLast = new Float64Array(4 * atLast.time.length);
  const zs = new Float64Array(Math.max(atAge.time.length, atLast.time.length));
  const along = new Float64Array(4 * zs.length);
  const ratio: LogRatio = { value: 0, byR: 0, byS: 0, byZ: 0 };
  const logOneMinusZ = (alphaBigger: boolean, j: number) => (alphaBigger ? logB[j] - logA[j] : logA[j] - logB[j]);
  /** ln R at every place of `places` into `into` (value, ∂r, ∂s, ∂z per place). */
  const ratios = (places: TimesByX, into: Float64Array, r: number, s: number, offsetR: number, offsetS: number, alphaBigger: boolean, withFactor: boolean, derivatives: boolean) => {
    for (let k = 0; k < xValues.length; k++) {
      const from = places.start[k];
      const count = places.start[k + 1] - from;
      if (count === 0) continue;
      for (let q = 0; q < count; q++) zs[q] = zAt[places.time[from + q]];
      const x = xValues[k];
      unitHyp2f1Along(termShape(alphaBigger, r, s, x, offsetR, offsetS), r + s + x + 1, zs, count, along, derivatives);
      for (let q = 0; q < count; q++) {
        const j = places.time[from + q];
        toLogRatio(alphaBigger, along, 4 * q, withFactor, zs[q], logOneMinusZ(alphaBigger, j), derivatives, ratio);
        const at = 4 * (from + q);
        into[at] = ratio.value;
        into[at + 1] = ratio.byR;
        into[at + 2] = ratio.byS;
        into[at + 3] = ratio.byZ;
      }
    }
  };
  return (r, alpha, s, beta, gradient) => {
    const withGradient = gradient !== undefined;
    const alphaBigger = alpha >= beta;
    const big = alphaBigger ? alpha : beta;
    const gap = Math.abs(alpha - beta);
    for (let j = 0; j < times.length; j++) {
      const t = times[j];
      logA[j] = Math.log(alpha + t);
      logB[j] = Math.log(beta + t);
      invA[j] = 1 / (alpha + t);
      invB[j] = 1 / (beta + t);
      zAt[j] = gap / (big + t);
      zByAlpha[j] = alphaBigger ? (beta + t) * invA[j] * invA[j] : -invB[j];
      zByBeta[j] = alphaBigger ? -invA[j] : (alpha + t) * invB[j] * invB[j];
    }
    ratios(atAge, ratioAge, r, s, 1, 0, alphaBigger, alphaBigger, withGradient);
    ratios(atLast, ratioLast, r, s, 0, 1, alphaBigger, !alphaBigger, withGradient);
    const lgR = logGamma(r);
    const psiR = withGradient ? digamma(r) : 0;
    const lnAlpha = Math.log(alpha);
    const lnBeta = Math.log(beta);
    const lnS = Math.log(s);
    let ll = data.clients * (r * lnAlpha + s * lnBeta);
    let dR = data.clients * lnAlpha;
    let dAlpha = (data.clients * r) / alpha;
    let dS = data.clients * lnBeta;
    let dBeta = (data.clients * s) / beta;
    for (let k = 0; k < xValues.length; k++) {
      const x = xValues[k];
      const w = xWeight[k];
      if (x > 0) ll += w * (logGamma(r + x) - lgR);
      if (withGradient && x > 0) dR += w * (digamma(r + x) - psiR);
      const p = r + x;
      logP[k] = Math.log(p);
      logKappa[k] = Math.log(p + s);
      inverseP[k] = 1 / p;
      inverseKappa[k] = 1 / (p + s);
    }
    for (let i = 0; i < rowWeight.length; i++) {
      const k = rowX[i];
      const x = xValues[k];
      const w = rowWeight[i];
      const jT = rowT[i];
      const jX = rowTx[i];
      const age = 4 * atAge.rowPlace[i];
      const last = 4 * atLast.rowPlace[i];
      const p = r + x;
      const alive = logP[k] - p * logA[jT] - s * logB[jT] + ratioAge[age];
      const dropped = lnS - p * logA[jX] - s * logB[jX] + ratioLast[last];
      const top = Math.max(alive, dropped);
      const aliveTerm = Math.exp(alive - top);
      const sum = aliveTerm + Math.exp(dropped - top);
      ll += w * (top + Math.log(sum) - logKappa[k]);
      if (!withGradient) continue;
      const shareAlive = aliveTerm / sum;
      const shareDropped = 1 - shareAlive;
      dR += w * (shareAlive * (inverseP[k] - logA[jT] + ratioAge[age + 1]) + shareDropped * (-logA[jX] + ratioLast[last + 1]) - inverseKappa[k]);
      dS += w * (shareAlive * (-logB[jT] + ratioAge[age + 2]) + shareDropped * (1 / s - logB[jX] + ratioLast[last + 2]) - inverseKappa[k]);
      dAlpha += w * (shareAlive * (-p * invA[jT] + ratioAge[age + 3] * zByAlpha[jT]) + shareDropped * (-p * invA[jX] + ratioLast[last + 3] * zByAlpha[jX]));
      dBeta += w * (shareAlive * (-s * invB[jT] + ratioAge[age + 3] * zByBeta[jT]) + shareDropped * (-s * invB[jX] + ratioLast[last + 3] * zByBeta[jX]));
    }
    if (withGradient) {
      gradient[0] = dR;
      gradient[1] = dAlpha;
      gradient[2] = dS;
      gradient[3] = dBeta;
    }
    return ll;
  };
}
