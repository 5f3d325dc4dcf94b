/**
 * The log-likelihood of BG/NBD and MBG/NBD over aggregated repeat-purchase data, with its
 * gradient — one function for both, since they differ only by a shift s (0 for BG/NBD, 1 for
 * MBG/NBD, whose clients may drop out at the first purchase too).
 *
 * Definition: per distinct triple (x, t_x, T) with weight w, A = ln(α + T), B = ln(α + t_x):
 *   ℓ = lnΓ(r + x) − lnΓ(r) + r ln α + lnΓ(b + x + s) − lnΓ(b) + lnΓ(a + b) − lnΓ(a + b + x + s)
 *       − (r + x)A + [x > 0 or s = 1] · ln(1 + eᵘ),   u = ln a − ln(b + x + s − 1) + (r + x)(A − B)
 * and LL = Σ w ℓ (Fader, Hardie & Lee 2005 eq. 6 for s = 0; Batislam et al. 2007 for s = 1).
 * The gradient follows with ψ = digamma and σ(u) = 1/(1 + e⁻ᵘ):
 *   ∂ℓ/∂r = ψ(r + x) − ψ(r) + ln α − A + σ(u)(A − B)
 *   ∂ℓ/∂α = r/α − (r + x)/(α + T) + σ(u)(r + x)(1/(α + T) − 1/(α + t_x))
 *   ∂ℓ/∂a = ψ(a + b) − ψ(a + b + x + s) + σ(u)/a
 *   ∂ℓ/∂b = ψ(b + x + s) − ψ(b) + ψ(a + b) − ψ(a + b + x + s) − σ(u)/(b + x + s − 1)
 * (σ terms only where the ln(1 + eᵘ) term is). The parts that depend on x alone are summed once per
 * distinct x, and ln(α + t) once per distinct time, so a call costs one exp and one log1p per
 * distinct triple. Scratch arrays are allocated when the evaluator is built, never per call.
 *
 * Edge cases: parameters must be finite and > 0 (the fit guarantees it); otherwise the result is
 * NaN or ±∞, which the optimizers treat as outside the domain.
 *
 * Worked example: BG/NBD, one client x = 0, T = 2, at r = 1, α = 1, a = 1, b = 1:
 * ℓ = ln 1 − (1 + 0) ln 3 = −1.0986 (the chance of no purchase in 2 time units, α^r/(α + T)^r = 1/3).
 */
import type { AggregatedRepeatData } from './repeat-data.js';
import { digamma, logGamma } from './special.js';

/** LL at (r, α, a, b); when `gradient` is given it receives ∂LL/∂(r, α, a, b). */
export type NbdLikelihood = (r: number, alpha: number, a: number, b: number, gradient?: Float64Array) => number;

export type DropoutShift = 0 | 1;

/** Builds the evaluator for BG/NBD (shift 0) or MBG/NBD (shift 1). */
export function nbdLikelihood(data: AggregatedRepeatData, shift: DropoutShift): NbdLikelihood {
  const { xValues, xWeight, times, rowX, rowTx, rowT, rowWeight } = data;
  const logOdds = new Float64Array(xValues.length);
  const oddsSlope = new Float64Array(xValues.length);
  const logTime = new Float64Array(times.length);
  const inverseTime = new Float64Array(times.length);
  return (r, alpha, a, b, gradient) => {
    const withGradient = gradient !== undefined;
    const lgR = logGamma(r);
    const lgB = logGamma(b);
    const lgAB = logGamma(a + b);
    const psiR = withGradient ? digamma(r) : 0;
    const psiB = withGradient ? digamma(b) : 0;
    const psiAB = withGradient ? digamma(a + b) : 0;
    const lnA = Math.log(a);
    const lnAlpha = Math.log(alpha);
    let ll = data.clients * r * lnAlpha;
    let dR = data.clients * lnAlpha;
    let dAlpha = (data.clients * r) / alpha;
    let dA = 0;
    let dB = 0;
    for (let k = 0; k < xValues.length; k++) {
      const x = xValues[k];
      const shifted = x + shift;
      if (shifted === 0) continue;
      const w = xWeight[k];
      ll += w * (logGamma(r + x) - lgR + logGamma(b + shifted) - lgB + lgAB - logGamma(a + b + shifted));
      logOdds[k] = lnA - Math.log(b + shifted - 1);
      oddsSlope[k] = 1 / (b + shifted - 1);
      if (withGradient) {
        const psiTail = digamma(a + b + shifted);
        dR += w * (digamma(r + x) - psiR);
        dA += w * (psiAB - psiTail);
        dB += w * (digamma(b + shifted) - psiB + psiAB - psiTail);
      }
    }
    for (let j = 0; j < times.length; j++) {
      logTime[j] = Math.log(alpha + times[j]);
      inverseTime[j] = 1 / (alpha + times[j]);
    }
    for (let i = 0; i < rowWeight.length; i++) {
      const k = rowX[i];
      const x = xValues[k];
      const w = rowWeight[i];
      const atT = logTime[rowT[i]];
      const rx = r + x;
      let term = -rx * atT;
      if (withGradient) {
        dR -= w * atT;
        dAlpha -= w * rx * inverseTime[rowT[i]];
      }
      if (x + shift > 0) {
        const gap = atT - logTime[rowTx[i]];
        const u = logOdds[k] + rx * gap;
        const e = Math.exp(-Math.abs(u));
        term += Math.max(u, 0) + Math.log1p(e);
        if (withGradient) {
          const droppedWeight = (w * (u > 0 ? 1 : e)) / (1 + e);
          dR += droppedWeight * gap;
          dAlpha += droppedWeight * rx * (inverseTime[rowT[i]] - inverseTime[rowTx[i]]);
          dA += droppedWeight / a;
          dB -= droppedWeight * oddsSlope[k];
        }
      }
      ll += w * term;
    }
    if (withGradient) {
      gradient[0] = dR;
      gradient[1] = dAlpha;
      gradient[2] = dA;
      gradient[3] = dB;
    }
    return ll;
  };
}
