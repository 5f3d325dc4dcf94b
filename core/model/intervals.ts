/**
 * Intervals for a client's P(alive), expected purchases and expected value from the uncertainty of
 * the fitted parameters — the delta method on the log scale.
 *
 * Definition: with θ = ln v (v the parameters in `model.paramNames` order) and Σ_θ their
 * covariance, Cov(θ̂ᵢ, θ̂ⱼ) = Cov(v̂ᵢ, v̂ⱼ)/(v̂ᵢ v̂ⱼ) (the fit's observed-information covariance,
 * covariance.ts), a quantity g(v) > 0 has Var(ln ĝ) ≈ ∇ᵀ Σ_θ ∇ with ∇ⱼ = ∂ ln g/∂θⱼ taken by
 * central differences (step 10⁻⁴ in θⱼ). The interval at `level` (default 0.9) is
 *   [ĝ · e^(−z·sd), ĝ · e^(z·sd)],   z = Φ⁻¹((1 + level)/2) (1.645 at 90 %),
 * so it is never negative and is wider above than below, as the sampling distribution of a rate
 * or a probability near 0 is. For P(alive) the upper end is clamped to 1. It carries the
 * parameters' covariance (the inverted Hessian of the log-likelihood in log-parameters) to the
 * per-client predictions; unlike a parametric bootstrap it sees only the curvature of the
 * likelihood at the optimum, not its shape farther away.
 *
 * The expected value over t, V = E[Y(t) | x, t_x, T] · E[M | x, z̄] (count model × Gamma-Gamma),
 * carries both fits' uncertainty: ln V = ln E[Y] + ln E[M], the two depend on disjoint parameters,
 * and the two fits are independent — the Gamma-Gamma model assumes spend independent of the
 * purchase process, so the joint likelihood is the product of the two, its observed information
 * is block-diagonal and the estimates' covariance too. Hence
 *   Var(ln V) = Var(ln E[Y]) + Var(ln E[M]),
 * each by the delta method on its own fit's covariance.
 *
 * For many clients at one fit use `clientIntervals(model, params, covariance, level)` (and
 * `valueIntervals(…)` for the value) once and its functions per client (the single-client
 * functions build it each time).
 *
 * Edge cases: null when a fit has no covariance (not a proper maximum). A prediction that is 0
 * (horizon t = 0) gives [0, 0]; a prediction that is NaN or infinite (invalid client data or
 * parameters, a Gamma-Gamma q ≤ 1 with no mean) gives [NaN, NaN]. `level` outside (0, 1) gives
 * [NaN, NaN]. An all-zero covariance gives [ĝ, ĝ].
 *
 * Worked example: BG/NBD fitted on CDNOW in weeks, client x = 2, t_x = 30.43, T = 38.86:
 * P(alive) 0.7266 with the 90 % interval [0.7004, 0.7538]; E[Y(39)] = 1.2259 in [1.1538, 1.3025].
 * The value, hand-checkable: with the count covariance zero and Gamma-Gamma p = 6, q = 3, γ = 500
 * with standard errors 0.6, 0.3, 50 (no correlation), a client with x = 0 has E[M] = pγ/(q − 1)
 * = 1,500 and Var(ln E[M]) = (0.6/6)² + (0.3/(3 − 1))² + (50/500)² = 0.0425 (∂ ln E[M]/∂ ln q =
 * −q/(q − 1)), so V is multiplied by e^(∓1.645 · 0.2062) = [0.7124, 1.4037].
 */
import type { CountModel, CountParams } from './count-model.js';
import { conditionalExpectedAverageValue, type GammaGammaParams } from './gammagamma.js';

export interface Interval {
  low: number;
  high: number;
}

const STEP = 1e-4;

/** Φ⁻¹(p) for 0 < p < 1 — Acklam's rational approximation (relative error below 1.2·10⁻⁹); NaN outside. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return NaN;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) =>
    (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** Interval scoring for many clients at one fit: the shifted parameters are built once. */
export interface ClientIntervals {
  pAlive(x: number, tx: number, T: number): Interval;
  conditionalExpected(t: number, x: number, tx: number, T: number): Interval;
}

/**
 * The delta method at one fit (see the file comment): the parameters shifted by e^(±STEP) and Σ_θ
 * depend only on the fit, so they are computed once; each g then costs 2·(number of parameters)
 * evaluations.
 */
function logVarianceAt(names: readonly string[], params: CountParams, covariance: number[][]): (g: (p: CountParams) => number) => number {
  const n = names.length;
  const up = names.map((name) => ({ ...params, [name]: params[name] * Math.exp(STEP) }));
  const down = names.map((name) => ({ ...params, [name]: params[name] * Math.exp(-STEP) }));
  const thetaCovariance = names.map((ni, i) => names.map((nj, j) => covariance[i][j] / (params[ni] * params[nj])));
  const slope = new Float64Array(n);
  return (g) => {
    for (let i = 0; i < n; i++) slope[i] = (Math.log(g(up[i])) - Math.log(g(down[i]))) / (2 * STEP);
    let variance = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) variance += slope[i] * slope[j] * thetaCovariance[i][j];
    return Math.max(0, variance);
  };
}

/** [value · e^(−z·sd), min(ceiling, value · e^(z·sd))] with sd² = `variance()`, or the edge cases of the file comment. */
function logInterval(value: number, z: number, variance: () => number, ceiling: number): Interval {
  if (!Number.isFinite(value) || !Number.isFinite(z)) return { low: NaN, high: NaN };
  if (value === 0) return { low: 0, high: 0 };
  const spread = z * Math.sqrt(variance());
  if (!Number.isFinite(spread)) return { low: NaN, high: NaN };
  return { low: value * Math.exp(-spread), high: Math.min(ceiling, value * Math.exp(spread)) };
}

/**
 * The delta-method intervals at one fit (see the file comment); null without a covariance. Each
 * client costs 2·(number of parameters) + 1 evaluations of the prediction.
 */
export function clientIntervals(model: CountModel, params: CountParams, covariance: number[][] | null, level = 0.9): ClientIntervals | null {
  if (!covariance) return null;
  const z = normalQuantile((1 + level) / 2);
  const logVariance = logVarianceAt(model.paramNames, params, covariance);
  const interval = (g: (p: CountParams) => number, ceiling: number) => logInterval(g(params), z, () => logVariance(g), ceiling);
  return {
    pAlive: (x, tx, T) => interval((p) => model.pAlive(p, x, tx, T), 1),
    conditionalExpected: (t, x, tx, T) => interval((p) => model.conditionalExpected(p, t, x, tx, T), Infinity),
  };
}

/** The value interval for many clients at one pair of fits. */
export interface ValueIntervals {
  /** E[Y(t) | x, t_x, T] · E[M | x, z̄] with its interval (z̄: the mean value of the client's repeat purchases). */
  expectedValue(t: number, x: number, tx: number, T: number, zbar: number): Interval;
}

const SPEND_NAMES = ['p', 'q', 'gamma'] as const;

/**
 * The interval of the expected value over t from both fits' uncertainty (see the file comment);
 * null when either fit has no covariance. Each client costs 2·(4 + 3) + 2 evaluations.
 */
export function valueIntervals(
  model: CountModel,
  params: CountParams,
  covariance: number[][] | null,
  spend: GammaGammaParams,
  spendCovariance: number[][] | null,
  level = 0.9,
): ValueIntervals | null {
  if (!covariance || !spendCovariance) return null;
  const z = normalQuantile((1 + level) / 2);
  const countVariance = logVarianceAt(model.paramNames, params, covariance);
  const spendVariance = logVarianceAt(SPEND_NAMES, { ...spend }, spendCovariance);
  return {
    expectedValue: (t, x, tx, T, zbar) => {
      const purchases = (p: CountParams) => model.conditionalExpected(p, t, x, tx, T);
      const value = (p: CountParams) => conditionalExpectedAverageValue({ p: p.p, q: p.q, gamma: p.gamma }, x, zbar);
      return logInterval(purchases(params) * value({ ...spend }), z, () => countVariance(purchases) + spendVariance(value), Infinity);
    },
  };
}

/** Interval for P(alive at T | x, t_x, T); null without a covariance. */
export function pAliveInterval(
  model: CountModel,
  params: CountParams,
  covariance: number[][] | null,
  x: number,
  tx: number,
  T: number,
  level = 0.9,
): Interval | null {
  return clientIntervals(model, params, covariance, level)?.pAlive(x, tx, T) ?? null;
}

/** Interval for the expected repeat purchases in (T, T + t]; null without a covariance. */
export function conditionalExpectedInterval(
  model: CountModel,
  params: CountParams,
  covariance: number[][] | null,
  t: number,
  x: number,
  tx: number,
  T: number,
  level = 0.9,
): Interval | null {
  return clientIntervals(model, params, covariance, level)?.conditionalExpected(t, x, tx, T) ?? null;
}
