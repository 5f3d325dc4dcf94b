/**
 * Minimizers for the model fits: `minimize` (Nelder–Mead with restarts, no derivatives) and
 * `minimizeSmooth` (BFGS with a backtracking line search, for objectives with a gradient). Both
 * work on unconstrained variables (the models pass log-parameters) and never throw on non-finite
 * objective values: NaN or ±∞ is taken as +∞ (a point outside the domain).
 *
 * `minimize`: the adaptive Nelder–Mead of Gao & Han (2012) — reflection 1, expansion 1 + 2/n,
 * contraction 0.75 − 1/(2n), shrink 1 − 1/n for n variables. A run stops when the simplex is small
 * in both senses: every vertex within `xTolerance` of the best in every coordinate and every value
 * within `fTolerance` × (1 + |best|) of the best. It then restarts from a fresh simplex of side
 * `step` around the best point (a collapsed simplex is a known Nelder–Mead failure mode) and stops
 * when a restart gains no more than the value tolerance, or after `restarts` restarts.
 *
 * Edge cases: with no finite value anywhere the start comes back with `value` +∞ and `converged`
 * false; `converged` is true only when the last run met both tolerances with a finite value within
 * the evaluation budget. An objective that throws is a programming error and is not caught.
 *
 * Worked example: minimize(([x, y]) => (1 − x)² + 100(y − x²)², [−1.2, 1]) → x ≈ [1, 1]
 * (within 1e-6), value ≈ 0, converged true.
 */

export interface MinimizeOptions {
  /** Side of the starting simplex in each coordinate (default 0.5). */
  step?: number;
  /** Coordinate tolerance (default 1e-9). */
  xTolerance?: number;
  /** Relative value tolerance (default 1e-12). */
  fTolerance?: number;
  /** Cap on objective evaluations over all runs (default 20 000). */
  maxEvaluations?: number;
  /** Restarts after the first run (default 4). */
  restarts?: number;
}

export interface MinimizeResult {
  x: number[];
  value: number;
  converged: boolean;
  /** Simplex steps over all runs (Nelder–Mead) or quasi-Newton steps (BFGS). */
  iterations: number;
  evaluations: number;
}

interface RunState {
  evaluations: number;
  iterations: number;
}

interface RunResult {
  x: Float64Array;
  value: number;
  converged: boolean;
}

const DEFAULTS = { step: 0.5, xTolerance: 1e-9, fTolerance: 1e-12, maxEvaluations: 20_000, restarts: 4 };

/** Minimizes f from x0; never throws on non-finite objective values. */
export function minimize(
  f: (x: Float64Array) => number,
  x0: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  const settings = {
    step: options.step ?? DEFAULTS.step,
    xTolerance: options.xTolerance ?? DEFAULTS.xTolerance,
    fTolerance: options.fTolerance ?? DEFAULTS.fTolerance,
    maxEvaluations: options.maxEvaluations ?? DEFAULTS.maxEvaluations,
    restarts: options.restarts ?? DEFAULTS.restarts,
  };
  const state: RunState = { evaluations: 0, iterations: 0 };
  const safe = (x: Float64Array): number => {
    state.evaluations++;
    const value = f(x);
    return Number.isFinite(value) ? value : Infinity;
  };
  if (!x0.every(Number.isFinite)) {
    return { x: [...x0], value: Infinity, converged: false, iterations: 0, evaluations: 0 };
  }
  let best = simplexRun(safe, Float64Array.from(x0), settings, state);
  let settled = settings.restarts === 0;
  for (let restart = 0; restart < settings.restarts && state.evaluations < settings.maxEvaluations; restart++) {
    // The best point is a vertex of the new simplex and is never dropped, so a restart cannot lose.
    const next = simplexRun(safe, best.x, settings, state);
    const gain = best.value - next.value;
    best = next;
    if (!(gain > settings.fTolerance * (1 + Math.abs(best.value)))) {
      settled = true;
      break;
    }
  }
  return {
    x: Array.from(best.x),
    value: best.value,
    converged: best.converged && settled && Number.isFinite(best.value),
    iterations: state.iterations,
    evaluations: state.evaluations,
  };
}

/** One Nelder–Mead run from a fresh simplex around `start`. */
function simplexRun(
  f: (x: Float64Array) => number,
  start: Float64Array,
  settings: typeof DEFAULTS,
  state: RunState,
): RunResult {
  const n = start.length;
  const expansion = 1 + 2 / n;
  const contraction = 0.75 - 1 / (2 * n);
  const shrink = 1 - 1 / n;
  const points: Float64Array[] = [];
  const values: number[] = [];
  for (let i = 0; i <= n; i++) {
    const p = Float64Array.from(start);
    if (i > 0) p[i - 1] += settings.step;
    points.push(p);
    values.push(f(p));
  }
  const centroid = new Float64Array(n);
  const trial = new Float64Array(n);
  const second = new Float64Array(n);
  let converged = false;
  while (state.evaluations < settings.maxEvaluations) {
    order(points, values);
    if (simplexIsSmall(points, values, settings)) {
      converged = true;
      break;
    }
    state.iterations++;
    centroidOfBest(points, centroid);
    const worst = points[n];
    along(centroid, worst, -1, trial);
    const reflected = f(trial);
    if (reflected < values[0]) {
      along(centroid, worst, -expansion, second);
      const expanded = f(second);
      if (expanded < reflected) accept(points, values, second, expanded);
      else accept(points, values, trial, reflected);
    } else if (reflected < values[n - 1]) {
      accept(points, values, trial, reflected);
    } else {
      const outside = reflected < values[n];
      along(centroid, worst, outside ? -contraction : contraction, second);
      const contracted = f(second);
      if (contracted < (outside ? reflected : values[n])) accept(points, values, second, contracted);
      else shrinkTowardBest(f, points, values, shrink);
    }
  }
  order(points, values);
  return { x: points[0], value: values[0], converged };
}

/** out = centroid + t (point − centroid). */
function along(centroid: Float64Array, point: Float64Array, t: number, out: Float64Array): void {
  for (let j = 0; j < centroid.length; j++) out[j] = centroid[j] + t * (point[j] - centroid[j]);
}

/** Replaces the worst vertex (the last) with a copy of `point`. */
function accept(points: Float64Array[], values: number[], point: Float64Array, value: number): void {
  points[points.length - 1].set(point);
  values[values.length - 1] = value;
}

function shrinkTowardBest(f: (x: Float64Array) => number, points: Float64Array[], values: number[], shrink: number): void {
  const best = points[0];
  for (let i = 1; i < points.length; i++) {
    const p = points[i];
    for (let j = 0; j < p.length; j++) p[j] = best[j] + shrink * (p[j] - best[j]);
    values[i] = f(p);
  }
}

/** Centroid of all vertices but the worst. */
function centroidOfBest(points: Float64Array[], out: Float64Array): void {
  const n = out.length;
  out.fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[j] += points[i][j] / n;
}

/** Sorts vertices by value, best first (insertion sort: n is small). */
function order(points: Float64Array[], values: number[]): void {
  for (let i = 1; i < values.length; i++) {
    const value = values[i];
    const point = points[i];
    let k = i - 1;
    while (k >= 0 && values[k] > value) {
      values[k + 1] = values[k];
      points[k + 1] = points[k];
      k--;
    }
    values[k + 1] = value;
    points[k + 1] = point;
  }
}

function simplexIsSmall(points: Float64Array[], values: number[], settings: typeof DEFAULTS): boolean {
  const best = values[0];
  if (!Number.isFinite(best)) return spread(points) <= settings.xTolerance;
  const worst = values[values.length - 1];
  return worst - best <= settings.fTolerance * (1 + Math.abs(best)) && spread(points) <= settings.xTolerance;
}

/** Largest coordinate distance of any vertex from the best one. */
function spread(points: Float64Array[]): number {
  let largest = 0;
  for (let i = 1; i < points.length; i++) {
    for (let j = 0; j < points[0].length; j++) largest = Math.max(largest, Math.abs(points[i][j] - points[0][j]));
  }
  return largest;
}

export interface SmoothMinimizeOptions {
  /** Stop when every |∂f/∂xᵢ| ≤ gradientTolerance × (1 + |f|) (default 1e-9). */
  gradientTolerance?: number;
  /**
   * Or when the predicted decrease gᵀHg/2 is ≤ fTolerance × (1 + |f|) (default 1e-13); a step
   * search of an estimate with n updates also stops halving once the decrease it asks for is below it.
   */
  fTolerance?: number;
  /** Longest step in any coordinate (default 2). */
  maxStep?: number;
  /** Cap on objective-and-gradient evaluations (default 2 000). */
  maxEvaluations?: number;
}

const SMOOTH_DEFAULTS = { gradientTolerance: 1e-9, fTolerance: 1e-13, maxStep: 2, maxEvaluations: 2_000 };
const ARMIJO = 1e-4;
const MAX_HALVINGS = 60;
const STALL_LIMIT = 3;
/** A decrease of no more than this share of |f| is no progress: about what rounding in a sum of many terms leaves. */
const NO_PROGRESS = 1e-15;

/**
 * Quasi-Newton (BFGS) minimization for objectives with a gradient: `fg(x, gradient)` returns f(x)
 * and writes ∇f(x) into `gradient`. Each step is searched back from the full quasi-Newton step
 * (at most `maxStep` long) by halving until the Armijo condition holds, or, after the full step
 * (always tried), until the decrease the step asks for (step × slope) can no longer show: below
 * the value tolerance once the estimate has had n updates and knows the scale, below rounding in
 * f (10⁻¹⁵ × |f|) until then — the identity's steps can overshoot a stiff minimum by any
 * factor. Further halvings would only spend evaluations (a million-line likelihood made 60 of them
 * per failed search, 150 of its 191 evaluations). A non-finite value or gradient counts as +∞
 * and simply shortens the step. The inverse-Hessian estimate is reset to the
 * identity when its direction is not downhill or no step along it is accepted, and updates that
 * would lose positive definiteness (sᵀy ≤ 0) are skipped. `converged` is true when the gradient
 * is small, or when the estimate has had at least n updates and predicts a decrease gᵀHg/2 below
 * the value tolerance — the test that still works when rounding noise in a large f keeps the
 * gradient from reaching the gradient tolerance. The search also stops (not converged) when no
 * downhill step exists or f stops falling for 3 iterations. Never throws on non-finite values.
 *
 * Worked example: minimizeSmooth on (1 − x)² + 100(y − x²)² with its gradient from [−1.2, 1]
 * reaches [1, 1] (within 1e-6) in a few dozen iterations.
 */
export function minimizeSmooth(
  fg: (x: Float64Array, gradient: Float64Array) => number,
  x0: readonly number[],
  options: SmoothMinimizeOptions = {},
): MinimizeResult {
  const tolerance = options.gradientTolerance ?? SMOOTH_DEFAULTS.gradientTolerance;
  const fTolerance = options.fTolerance ?? SMOOTH_DEFAULTS.fTolerance;
  const maxStep = options.maxStep ?? SMOOTH_DEFAULTS.maxStep;
  const maxEvaluations = options.maxEvaluations ?? SMOOTH_DEFAULTS.maxEvaluations;
  const n = x0.length;
  let evaluations = 0;
  const evaluate = (x: Float64Array, gradient: Float64Array): number => {
    evaluations++;
    const value = fg(x, gradient);
    return Number.isFinite(value) && gradient.every(Number.isFinite) ? value : Infinity;
  };
  let x = Float64Array.from(x0);
  let gradient = new Float64Array(n);
  let value = x0.every(Number.isFinite) ? evaluate(x, gradient) : Infinity;
  if (!Number.isFinite(value)) return { x: [...x0], value: Infinity, converged: false, iterations: 0, evaluations };

  const inverseHessian = new InverseHessian(n);
  let trialX = new Float64Array(n);
  let trialGradient = new Float64Array(n);
  const direction = new Float64Array(n);
  let converged = false;
  let iterations = 0;
  let stalled = 0;
  while (evaluations < maxEvaluations) {
    if (largestAbs(gradient) <= tolerance * (1 + Math.abs(value))) {
      converged = true;
      break;
    }
    let slope = inverseHessian.descent(gradient, direction);
    if (!(slope < 0)) {
      inverseHessian.reset();
      slope = inverseHessian.descent(gradient, direction);
    }
    const tolerated = fTolerance * (1 + Math.abs(value));
    if (inverseHessian.updates >= n && -slope <= 2 * tolerated) {
      converged = true;
      break;
    }
    iterations++;
    let step = Math.min(1, maxStep / largestAbs(direction));
    let trialValue = Infinity;
    let accepted = false;
    // An accepted step that gains no more than this counts towards a stall; with the 1, a gain of
    // at most 1e-15 counts as none even when f is near 0, so such an objective stalls out.
    const noProgress = NO_PROGRESS * (1 + Math.abs(value));
    // Halving goes on while the decrease asked for is above this. An estimate with its n updates
    // stops at the value tolerance; before that (an identity step can overshoot a stiff minimum by
    // any factor) rounding in f does (or MAX_HALVINGS), without the 1 so an objective near 0 halves deeper.
    const enough = inverseHessian.updates >= n ? tolerated : NO_PROGRESS * Math.abs(value);
    for (let halving = 0; halving < MAX_HALVINGS && !accepted && (halving === 0 || -step * slope > enough); halving++) {
      for (let i = 0; i < n; i++) trialX[i] = x[i] + step * direction[i];
      trialValue = evaluate(trialX, trialGradient);
      accepted = trialValue <= value + ARMIJO * step * slope;
      step /= 2;
    }
    if (!accepted) {
      if (inverseHessian.updates === 0) break;
      inverseHessian.reset();
      continue;
    }
    inverseHessian.update(x, trialX, gradient, trialGradient);
    stalled = value - trialValue <= noProgress ? stalled + 1 : 0;
    [x, trialX] = [trialX, x];
    [gradient, trialGradient] = [trialGradient, gradient];
    value = trialValue;
    if (stalled >= STALL_LIMIT) break;
  }
  return { x: Array.from(x), value, converged, iterations, evaluations };
}

/** The BFGS estimate H of the inverse Hessian (dense; n is small). */
class InverseHessian {
  private readonly h: Float64Array;
  private readonly s: Float64Array;
  private readonly y: Float64Array;
  private readonly hy: Float64Array;
  /** Updates since the last reset to the identity. */
  updates = 0;

  constructor(private readonly n: number) {
    this.h = new Float64Array(n * n);
    this.s = new Float64Array(n);
    this.y = new Float64Array(n);
    this.hy = new Float64Array(n);
    this.reset();
  }

  reset(): void {
    this.h.fill(0);
    for (let i = 0; i < this.n; i++) this.h[i * this.n + i] = 1;
    this.updates = 0;
  }

  /** direction = −H·gradient; returns the slope gradient·direction. */
  descent(gradient: Float64Array, direction: Float64Array): number {
    let slope = 0;
    for (let i = 0; i < this.n; i++) {
      let sum = 0;
      for (let j = 0; j < this.n; j++) sum -= this.h[i * this.n + j] * gradient[j];
      direction[i] = sum;
      slope += sum * gradient[i];
    }
    return slope;
  }

  /** BFGS update from the step x → x′ and gradient change g → g′; skipped when sᵀy ≤ 0. */
  update(x: Float64Array, xNext: Float64Array, g: Float64Array, gNext: Float64Array): void {
    const { n, h, s, y, hy } = this;
    let sy = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = xNext[i] - x[i];
      y[i] = gNext[i] - g[i];
      sy += s[i] * y[i];
      yy += y[i] * y[i];
    }
    if (!(sy > 0) || !(yy > 0)) return;
    if (this.updates === 0) for (let i = 0; i < n; i++) h[i * n + i] = sy / yy;
    this.updates++;
    let yhy = 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum += h[i * n + j] * y[j];
      hy[i] = sum;
      yhy += sum * y[i];
    }
    const rho = 1 / sy;
    const ss = rho * rho * yhy + rho;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) h[i * n + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + ss * s[i] * s[j];
    }
  }
}

function largestAbs(v: Float64Array): number {
  let largest = 0;
  for (let i = 0; i < v.length; i++) largest = Math.max(largest, Math.abs(v[i]));
  return largest;
}
