/**
 * Gamma-Gamma model of spend per transaction (Fader & Hardie 2013, "The Gamma-Gamma Model of
 * Monetary Value", brucehardie.com note 025; Colombo & Jiang 1999).
 *
 * Definition: a client's transaction values are Gamma(p, ν) with mean p/ν; across clients
 * ν ~ Gamma(q, γ). A client is summarized by x (the number of transactions averaged) and z̄ (their
 * mean value). Per client with x > 0:
 *   LL = lnΓ(px + q) − lnΓ(px) − lnΓ(q) + q ln γ + (px − 1) ln z̄ + px ln x − (px + q) ln(γ + x z̄)
 *   E[M | x, z̄] = p(γ + x z̄)/(px + q − 1),
 * a weighted mean of the population mean pγ/(q − 1) and the client's own z̄.
 * Fitting maximizes LL with `maximizePositive` (BFGS on log-parameters with the analytic
 * gradient, Nelder–Mead as fallback), γ searched relative to the mean z̄ (so any money
 * unit gives the same p, q and γ in that unit); start p = 1, q = 2, γ = mean z̄ (population mean
 * equal to the sample mean), or `options.start`. On success `covariance` is the observed-information
 * covariance of (p, q, γ) (covariance.ts), null when the optimum is not a proper maximum.
 *
 * Edge cases: only rows with x a whole number ≥ 1 and z̄ finite and > 0 are fitted; rows with x = 0
 * carry no spend information and are skipped; other rows are counted in `excluded`. Fewer than
 * MIN_SPENDERS (10) usable clients → `too-few-repeaters`. The model is independent of the purchase
 * model: use it only where spend and frequency are roughly uncorrelated. E[M] for x = 0 is the
 * population mean pγ/(q − 1); +∞ when q ≤ 1 (the mean does not exist) or px + q ≤ 1; NaN for
 * invalid parameters or client data.
 *
 * Worked example (CDNOW, 946 clients with repeat purchases): p = 6.25, q = 3.74, γ = 15.44;
 * client x = 2, z̄ = 22.35 → 6.25 · (15.44 + 44.70)/(12.5 + 2.74) = 24.66; a client with x = 0 →
 * 6.25 · 15.44/2.74 = 35.22 (the reference table prints 35.17 from unrounded parameters).
 */
import { observedCovariance } from './covariance.js';
import { maximizePositive, type FitFailure } from './fit-positive.js';
import type { ModelFitSuccess } from './repeat-fit.js';
import { digamma, logGamma } from './special.js';

export interface SpendData {
  /** Transactions behind each mean (repeat purchases). */
  x: ArrayLike<number>;
  /** Mean value of those transactions. */
  zbar: ArrayLike<number>;
  /** Clients each row stands for; default 1 each. */
  weight?: ArrayLike<number>;
}

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface GammaGammaFitOptions {
  start?: GammaGammaParams;
  maxEvaluations?: number;
}

/** A Gamma-Gamma fit that succeeded: the shared fit outcome (repeat-fit.ts) with (p, q, γ); its covariance in that order. */
export type GammaGammaFitSuccess = ModelFitSuccess<GammaGammaParams>;

export type GammaGammaFitResult = GammaGammaFitSuccess | FitFailure;

export const MIN_SPENDERS = 10;

interface SpendRows {
  x: Float64Array;
  zbar: Float64Array;
  weight: Float64Array;
  excluded: number;
}

function isValidParams(params: GammaGammaParams): boolean {
  return [params.p, params.q, params.gamma].every((v) => Number.isFinite(v) && v > 0);
}

function spendRows(data: SpendData): SpendRows {
  const given = Math.max(data.x.length, data.zbar.length, data.weight?.length ?? 0);
  const n = Math.min(data.x.length, data.zbar.length, data.weight?.length ?? Infinity);
  const rows: SpendRows = { x: new Float64Array(n), zbar: new Float64Array(n), weight: new Float64Array(n), excluded: given - n };
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const x = data.x[i];
    const zbar = data.zbar[i];
    const w = data.weight ? data.weight[i] : 1;
    if (x === 0) continue;
    if (!(Number.isInteger(x) && x > 0 && Number.isFinite(zbar) && zbar > 0 && Number.isFinite(w) && w > 0)) {
      rows.excluded++;
      continue;
    }
    rows.x[kept] = x;
    rows.zbar[kept] = zbar;
    rows.weight[kept] = w;
    kept++;
  }
  return { ...rows, x: rows.x.subarray(0, kept), zbar: rows.zbar.subarray(0, kept), weight: rows.weight.subarray(0, kept) };
}

/** LL at (p, q, γ); when `gradient` is given it receives ∂LL/∂(p, q, γ). */
export type SpendLikelihood = (p: number, q: number, gamma: number, gradient?: Float64Array) => number;

/**
 * The log-likelihood over the usable rows, with its gradient (ψ = digamma):
 *   ∂LL/∂p = Σ x[ψ(px + q) − ψ(px) + ln z̄ + ln x − ln(γ + x z̄)]
 *   ∂LL/∂q = Σ [ψ(px + q) − ψ(q) + ln γ − ln(γ + x z̄)]
 *   ∂LL/∂γ = Σ [q/γ − (px + q)/(γ + x z̄)].
 * Sums that do not depend on the parameters are taken once, and the gamma-function terms once per
 * distinct x, so a call costs one log and one division per row.
 */
function likelihoodOf(rows: SpendRows): SpendLikelihood {
  const { x, zbar, weight } = rows;
  const xWeight = new Map<number, number>();
  let clients = 0;
  let xLogZ = 0;
  let logZ = 0;
  let xLogX = 0;
  for (let i = 0; i < x.length; i++) {
    clients += weight[i];
    xLogZ += weight[i] * x[i] * Math.log(zbar[i]);
    logZ += weight[i] * Math.log(zbar[i]);
    xLogX += weight[i] * x[i] * Math.log(x[i]);
    xWeight.set(x[i], (xWeight.get(x[i]) ?? 0) + weight[i]);
  }
  const xValues = Float64Array.from(xWeight.keys());
  const xTotals = Float64Array.from(xWeight.values());
  const spend = Float64Array.from(x, (v, i) => v * zbar[i]);
  return (p, q, gamma, gradient) => {
    const lnGamma = Math.log(gamma);
    let ll = clients * (q * lnGamma - logGamma(q)) + p * (xLogZ + xLogX) - logZ;
    let dP = xLogZ + xLogX;
    let dQ = clients * (lnGamma - (gradient ? digamma(q) : 0));
    let dGamma = (clients * q) / gamma;
    for (let k = 0; k < xValues.length; k++) {
      const px = p * xValues[k];
      ll += xTotals[k] * (logGamma(px + q) - logGamma(px));
      if (gradient) {
        const psiTotal = digamma(px + q);
        dP += xTotals[k] * xValues[k] * (psiTotal - digamma(px));
        dQ += xTotals[k] * psiTotal;
      }
    }
    for (let i = 0; i < x.length; i++) {
      const shape = p * x[i] + q;
      const logScale = Math.log(gamma + spend[i]);
      ll -= weight[i] * shape * logScale;
      if (gradient) {
        dP -= weight[i] * x[i] * logScale;
        dQ -= weight[i] * logScale;
        dGamma -= (weight[i] * shape) / (gamma + spend[i]);
      }
    }
    if (gradient) {
      gradient[0] = dP;
      gradient[1] = dQ;
      gradient[2] = dGamma;
    }
    return ll;
  };
}

/** The Gamma-Gamma log-likelihood (and gradient) of the usable rows of the data, built once. */
export function spendLikelihood(data: SpendData): SpendLikelihood {
  return likelihoodOf(spendRows(data));
}

/** Gamma-Gamma log-likelihood of the data at the given parameters (NaN for invalid parameters). */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: SpendData): number {
  if (!isValidParams(params)) return NaN;
  return spendLikelihood(data)(params.p, params.q, params.gamma);
}

/** Maximum-likelihood Gamma-Gamma fit on the clients with x > 0 (see the file comment). */
export function fitGammaGamma(data: SpendData, options: GammaGammaFitOptions = {}): GammaGammaFitResult {
  const rows = spendRows(data);
  let clients = 0;
  let valueSum = 0;
  for (let i = 0; i < rows.x.length; i++) {
    clients += rows.weight[i];
    valueSum += rows.weight[i] * rows.zbar[i];
  }
  if (clients < MIN_SPENDERS) {
    return {
      ok: false,
      code: 'too-few-repeaters',
      message: `The spend model needs at least ${MIN_SPENDERS} clients with a repeat purchase and a positive mean value; the data have ${clients}.`,
    };
  }
  const meanValue = valueSum / clients;
  const start = options.start ?? { p: 1, q: 2, gamma: meanValue };
  const likelihood = likelihoodOf(rows);
  const fit = maximizePositive({
    logLikelihood: (v, gradient) => likelihood(v[0], v[1], v[2], gradient),
    hasGradient: true,
    start: [start.p, start.q, start.gamma],
    scale: [1, 1, meanValue],
    names: ['p', 'q', 'gamma'],
    maxEvaluations: options.maxEvaluations,
  });
  if (!fit.ok) return fit;
  const [p, q, gamma] = fit.values;
  return {
    ok: true,
    params: { p, q, gamma },
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    iterations: fit.iterations,
    evaluations: fit.evaluations,
    clients,
    excluded: rows.excluded,
    covariance: observedCovariance((v, gradient) => likelihood(v[0], v[1], v[2], gradient), fit.values),
  };
}

/** E[mean transaction value | x, z̄]; the population mean pγ/(q − 1) when x = 0. */
export function conditionalExpectedAverageValue(params: GammaGammaParams, x: number, zbar: number): number {
  if (!isValidParams(params) || !Number.isInteger(x) || x < 0) return NaN;
  const { p, q, gamma } = params;
  if (x === 0) return q > 1 ? (p * gamma) / (q - 1) : Infinity;
  if (!(Number.isFinite(zbar) && zbar >= 0)) return NaN;
  const denominator = p * x + q - 1;
  return denominator > 0 ? (p * (gamma + x * zbar)) / denominator : Infinity;
}
