/**
 * The covariance of maximum-likelihood estimates from the observed information.
 *
 * Definition: at the optimum v̂ (all parameters > 0), θ = ln v. The Hessian H of LL in θ is taken
 * by central differences of the analytic gradient, ∂LL/∂θᵢ = vᵢ ∂LL/∂vᵢ, with step 10⁻⁴ in each θⱼ
 * (error ~10⁻⁸ relative; a difference of gradients, so one order of h better than differences of
 * LL), and symmetrized. The covariance of θ̂ is (−H)⁻¹ (Cholesky), and of v̂ by the delta method
 * Cov(v̂ᵢ, v̂ⱼ) = v̂ᵢ v̂ⱼ Cov(θ̂ᵢ, θ̂ⱼ) — as lifetimes' BaseFitter does (`_compute_variance_matrix`:
 * the Hessian of the negative log-likelihood in log-parameters, inverted, times the squared
 * parameters). The standard errors are the square roots of the diagonal.
 *
 * Edge cases: null when −H is not positive definite (the optimum is flat or a saddle in some
 * direction — then the data do not pin the parameters down) or a gradient is not finite.
 *
 * Worked example: LL(v) = −(ln v − 1)²/(2σ²) has H = −1/σ² in θ = ln v, so Var(θ̂) = σ² and at
 * v̂ = e, Var(v̂) = e²σ².
 */

const STEP = 1e-4;

/**
 * Covariance of the parameters at `values` from `gradientOf(values, gradient)` (which writes
 * ∂LL/∂values and returns LL); null when the observed information is not positive definite.
 */
export function observedCovariance(
  gradientOf: (values: Float64Array, gradient: Float64Array) => number,
  values: readonly number[],
): number[][] | null {
  const n = values.length;
  const hessian: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const point = new Float64Array(n);
  const up = new Float64Array(n);
  const down = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    for (const [sign, into] of [
      [1, up],
      [-1, down],
    ] as const) {
      for (let i = 0; i < n; i++) point[i] = i === j ? values[i] * Math.exp(sign * STEP) : values[i];
      gradientOf(point, into);
      for (let i = 0; i < n; i++) into[i] *= point[i];
    }
    for (let i = 0; i < n; i++) hessian[i][j] = (up[i] - down[i]) / (2 * STEP);
  }
  const information: number[][] = hessian.map((row, i) => row.map((_, j) => -(hessian[i][j] + hessian[j][i]) / 2));
  if (!information.every((row) => row.every(Number.isFinite))) return null;
  const inverse = inversePositiveDefinite(information);
  if (!inverse) return null;
  return inverse.map((row, i) => row.map((v, j) => v * values[i] * values[j]));
}

/** The inverse of a symmetric positive-definite matrix by Cholesky; null when it is not one. */
export function inversePositiveDefinite(matrix: readonly (readonly number[])[]): number[][] | null {
  const n = matrix.length;
  const lower: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i][j];
      for (let k = 0; k < j; k++) sum -= lower[i][k] * lower[j][k];
      if (i === j) {
        if (!(sum > 0)) return null;
        lower[i][i] = Math.sqrt(sum);
      } else {
        lower[i][j] = sum / lower[j][j];
      }
    }
  }
  // L⁻¹ by forward substitution, then A⁻¹ = L⁻ᵀ L⁻¹.
  const inverseLower: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    inverseLower[j][j] = 1 / lower[j][j];
    for (let i = j + 1; i < n; i++) {
      let sum = 0;
      for (let k = j; k < i; k++) sum -= lower[i][k] * inverseLower[k][j];
      inverseLower[i][j] = sum / lower[i][i];
    }
  }
  const inverse: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = i; k < n; k++) sum += inverseLower[k][i] * inverseLower[k][j];
      inverse[i][j] = sum;
      inverse[j][i] = sum;
    }
  }
  return inverse;
}
