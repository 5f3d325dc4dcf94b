/**
 * F(d, c, z) = ₂F₁(1, d; c; z) = Σₙ (d)ₙ/(c)ₙ zⁿ for 0 < d < c and 0 ≤ z < 1, with its
 * derivatives in d, c and z — the hypergeometric function of the Pareto/NBD likelihood
 * (pareto-likelihood.ts), whose gradient needs the derivatives in the parameters too.
 *
 * Definition and evaluation, with tₙ = (d)ₙ/(c)ₙ zⁿ and Sₙ(v) = Σ_{k<n} 1/(v + k):
 *   F = Σ tₙ,   ∂F/∂d = Σ tₙ Sₙ(d),   ∂F/∂c = −Σ tₙ Sₙ(c),   ∂F/∂z = Σ n tₙ / z.
 * - z ≤ 1/2, or c so far above d that the ratio t_{n+1}/tₙ = (d + n)z/(c + n) (which grows with n
 *   toward z) is still ≤ 1/2 at n = 50, or the terms from n = 200 on are negligible together
 *   (they fall like n^(d−c) zⁿ, so a large c − d ends the series early however close z is to 1):
 *   these series, summed together; the sums stop when a term no longer counts.
 * - otherwise: from z₀ = 1/2 along F's differential equation
 *   z(1 − z)F″ + [c − (d + 2)z]F′ − dF = 0 in Taylor steps, as `hyp2f1` in special.ts does: each
 *   step covers at most half the distance to the singular point 1, and at most 2z₀/c — the
 *   equation's other solution at 0, z^(1−c), has Taylor terms that grow like (1 − h/z₀)^(−c) before
 *   they cancel, so a longer step would let rounding errors grow by e^(hc/z₀) (seen at c = 300:
 *   every digit lost). With eₖ = F⁽ᵏ⁾(z₀)hᵏ/k!
 *     e_{k+2} = [(k + d)h² eₖ − ((1 − 2z₀)k + c − (d + 2)z₀)h e_{k+1}] / (z₀(1 − z₀)(k + 2)).
 *   The d- and c-derivatives of the eₖ follow this recurrence differentiated (forward mode), so
 *   they cost two more multiply-adds per term. A step stops only when two terms in a row no longer
 *   count and the recurrence's multipliers have fallen below 0.9 for good (they approach at most
 *   1/4 + 1/2), so no later term can grow back.
 *
 * Many points at once (`unitHyp2f1Along`, for one d and c): the continuation walks from z₀ once
 * and stops at each point in turn, instead of starting over from z₀ for each.
 *
 * Edge cases: NaN when the continuation would need more than 200 steps (a huge c with z near 1).
 * 1 ≤ F ≤ 1/(1 − z) (0 < tₙ ≤ zⁿ); z = 0 gives F = 1, ∂F/∂d = ∂F/∂c = 0,
 * ∂F/∂z = d/c. Arguments outside 0 < d < c, 0 ≤ z < 1 are the caller's error (the Pareto/NBD
 * likelihood never makes them) and give NaN.
 *
 * Worked example: F(1, 2, z) = −ln(1 − z)/z, so F(1, 2, 1/2) = 2 ln 2 = 1.3862943611198906 and
 * ∂F/∂z = [z/(1 − z) + ln(1 − z)]/z² = 4(1 − ln 2) = 1.2274112777602189 there.
 */

import { logGamma } from './special.js';

/** out[0] = F, out[1] = ∂F/∂d, out[2] = ∂F/∂c, out[3] = ∂F/∂z. */
export type UnitHyp2f1Out = Float64Array;

const SPLIT = 0.5;
const MAX_TERMS = 1_000_000;
const NEGLIGIBLE = 1e-17;
const SAFE_MULTIPLIER = 0.9;
/** The series is used whenever its ratio (d + n)z/(c + n), which grows with n, is still ≤ 1/2 at n = 50. */
const FAST_TERMS = 50;
/** The series is also used when it is done within this many terms (`seriesEndsBy`). */
const DIRECT_TERMS = 200;
const LOG_NEGLIGIBLE = Math.log(NEGLIGIBLE);
/** Continuation steps are at most 2z₀/c long, so the solution z^(1−c) cannot swamp the sum (file comment). */
const PARASITE_STEP = 2;
/**
 * The most continuation steps one value may take. Steps are at most 2z₀/c long, so a huge c with z
 * near 1 — a Pareto/NBD search running to s, β → ∞ (seen on a 40-client distributor: s 4,930,
 * β 2.2e7, a minute a fit) — would take thousands; past this the value is NaN, which the
 * fit treats as outside the model (fit-positive.ts) and steers away from.
 */
const MAX_STEPS = 200;

/**
 * Writes F(d, c, z) = ₂F₁(1, d; c; z) and its derivatives into `out` (see the file comment);
 * without `derivatives` only out[0] is written.
 */
export function unitHyp2f1(d: number, c: number, z: number, out: UnitHyp2f1Out, derivatives = true): void {
  single[0] = z;
  unitHyp2f1Along(d, c, single, 1, out, derivatives);
}

const single = new Float64Array(1);

/**
 * F(d, c, z) and its derivatives at `count` points z[0] ≤ z[1] ≤ … (ascending), for one d and c:
 * out[4i … 4i + 3] receives point i as `unitHyp2f1` writes it; from a point out of order on, NaN. The points the series takes are
 * summed one by one; the rest lie beyond them (the series' conditions only fail more as z grows) and
 * are reached by one continuation from z₀ = 1/2 that stops at each in turn, so a likelihood that
 * needs F at thousands of times pays for the long way from 1/2 toward 1 once. A point is NaN when
 * the continuation needs more than MAX_STEPS steps besides its stops at the points (the values
 * agree with one-point evaluation to rounding: the steps differ, not the method).
 */
export function unitHyp2f1Along(d: number, c: number, z: ArrayLike<number>, count: number, out: Float64Array, derivatives = true): void {
  const valid = d > 0 && c > d;
  let longSeries = NaN;
  let i = 0;
  for (; i < count; i++) {
    const at = z[i];
    if (i > 0 && !(at >= z[i - 1])) {
      out.fill(NaN, 4 * i, 4 * count);
      return;
    }
    if (!(valid && at >= 0 && at < 1)) {
      out.fill(NaN, 4 * i, 4 * i + 4);
      continue;
    }
    if (at > SPLIT && ((d + FAST_TERMS) * at) / (c + FAST_TERMS) > SPLIT) {
      if (count - i >= WALK_POINTS && walkSteps(c, z[count - 1]) <= MAX_STEPS / 2) break;
      if (Number.isNaN(longSeries)) longSeries = logGamma(d + DIRECT_TERMS) - logGamma(d) - logGamma(c + DIRECT_TERMS) + logGamma(c);
      if (!seriesEndsBy(d, c, at, longSeries)) break;
    }
    series(d, c, at, point, derivatives, null);
    out.set(derivatives ? point : point.subarray(0, 1), 4 * i);
  }
  if (i === count) return;
  startContinuation(d, c, walk);
  for (; i < count; i++) {
    const at = z[i];
    if (!(at >= walk.at && at < 1) || !advance(d, c, at, walk, derivatives)) {
      out.fill(NaN, 4 * i, 4 * count);
      return;
    }
    out[4 * i] = walk.value;
    if (!derivatives) continue;
    out[4 * i + 1] = walk.valueD;
    out[4 * i + 2] = walk.valueC;
    out[4 * i + 3] = walk.slope;
  }
}

const point = new Float64Array(4);

/**
 * Points from which one walk serves the rest better than a long series each: a long series takes
 * up to DIRECT_TERMS terms per point, a walk a few terms per point once it is under way.
 */
const WALK_POINTS = 4;

/**
 * About how many continuation steps reach z from z₀: steps of 2z/c grow z by e^(2/c) a step
 * (c/2 · ln(1/(2z₀)) ≤ c/2 · ln 2 of them up to 1), then halving the distance to 1 each step.
 */
function walkSteps(c: number, z: number): number {
  return (c / PARASITE_STEP) * Math.LN2 + Math.log2((1 - SPLIT) / (1 - z));
}

/**
 * True when the series is done within DIRECT_TERMS terms: everything from term N = DIRECT_TERMS
 * on, at most t_N/(1 − t_{N+1}/t_N) with t_N = (d)_N/(c)_N z^N, is negligible. Its terms fall like
 * N^(d−c) z^N, so when c − d is large (a client with many purchases) they vanish in a few dozen
 * terms even for z near 1, where the continuation would need many short steps (seen on Online
 * Retail, where α ≪ β puts z within 10⁻⁵ of 1). `logRising` is ln[(d)_N/(c)_N], which depends on
 * d and c alone.
 */
function seriesEndsBy(d: number, c: number, z: number, logRising: number): boolean {
  const n = DIRECT_TERMS;
  const logTerm = logRising + n * Math.log(z);
  const ratio = ((d + n) * z) / (c + n);
  return logTerm - Math.log1p(-ratio) < LOG_NEGLIGIBLE;
}

/**
 * The series at z (0 ≤ z ≤ 1/2, or wherever `seriesEndsBy`). When `slope` is given it also receives F′ and its d- and
 * c-derivatives (slope[0..2]), which the continuation starts from.
 */
function series(d: number, c: number, z: number, out: UnitHyp2f1Out, derivatives: boolean, slope: Float64Array | null): void {
  if (z === 0) {
    out[0] = 1;
    out[1] = 0;
    out[2] = 0;
    out[3] = d / c;
    return;
  }
  let term = 1;
  let sum = 1;
  let sumD = 0;
  let sumC = 0;
  let byD = 0;
  let byC = 0;
  let sl = 0;
  let slD = 0;
  let slC = 0;
  for (let n = 0; n < MAX_TERMS; n++) {
    const inverseC = 1 / (c + n);
    term *= (d + n) * inverseC * z;
    sum += term;
    if (derivatives) {
      sumD += 1 / (d + n);
      sumC += inverseC;
      byD += term * sumD;
      byC -= term * sumC;
      const weighted = ((n + 1) * term) / z;
      sl += weighted;
      slD += weighted * sumD;
      slC -= weighted * sumC;
      const spread = 1 + sumD + sumC;
      if (term * spread <= NEGLIGIBLE * sum && weighted * spread <= NEGLIGIBLE * sl) break;
    } else if (term <= NEGLIGIBLE * sum) {
      break;
    }
  }
  out[0] = sum;
  if (!derivatives) return;
  out[1] = byD;
  out[2] = byC;
  out[3] = sl;
  if (slope) {
    slope[0] = sl;
    slope[1] = slD;
    slope[2] = slC;
  }
}

/** Where the continuation stands: at z = `at`, F and F′ with their d- and c-derivatives. */
interface Continuation {
  at: number;
  value: number;
  valueD: number;
  valueC: number;
  slope: number;
  slopeD: number;
  slopeC: number;
  /** Steps taken so far that did not end at a point asked for. */
  steps: number;
}

const walk: Continuation = { at: 0, value: 0, valueD: 0, valueC: 0, slope: 0, slopeD: 0, slopeC: 0, steps: 0 };
const startSlope = new Float64Array(3);

/** The continuation at z₀ = 1/2, from the series there. */
function startContinuation(d: number, c: number, state: Continuation): void {
  series(d, c, SPLIT, point, true, startSlope);
  state.at = SPLIT;
  state.value = point[0];
  state.valueD = point[1];
  state.valueC = point[2];
  state.slope = startSlope[0];
  state.slopeD = startSlope[1];
  state.slopeC = startSlope[2];
  state.steps = 0;
}

/**
 * Moves the continuation on to z (≥ where it stands, < 1) along the differential equation (file
 * comment); false when that takes it past MAX_STEPS steps.
 */
function advance(d: number, c: number, z: number, state: Continuation, derivatives: boolean): boolean {
  let { at, value, valueD, valueC, slope, slopeD, slopeC } = state;
  while (at < z) {
    const h = Math.min(z - at, 0.5 * (1 - at), (PARASITE_STEP * at) / c);
    if (h < z - at && ++state.steps > MAX_STEPS) return false;
    const p0 = at * (1 - at);
    const p1 = 1 - 2 * at;
    const q0 = c - (d + 2) * at;
    const hh = h * h;
    // The limits of the two multipliers as k grows (see the file comment).
    const limitA = hh / p0;
    const limitB = Math.abs((p1 * h) / p0);
    let e0 = value;
    let e1 = slope * h;
    let e0d = valueD;
    let e1d = slopeD * h;
    let e0c = valueC;
    let e1c = slopeC * h;
    let nextValue = e0 + e1;
    let nextSlope = e1;
    let nextValueD = e0d + e1d;
    let nextSlopeD = e1d;
    let nextValueC = e0c + e1c;
    let nextSlopeC = e1c;
    let quiet = 0;
    for (let k = 0; k < MAX_TERMS; k++) {
      const inverse = 1 / (p0 * (k + 2));
      const a = (k + d) * hh * inverse;
      const b = (p1 * k + q0) * h * inverse;
      const e2 = a * e0 - b * e1;
      nextValue += e2;
      nextSlope += (k + 2) * e2;
      let negligible = Math.abs((k + 2) * e2) <= NEGLIGIBLE * (Math.abs(nextValue) + Math.abs(nextSlope));
      if (derivatives) {
        const e2d = (hh * e0 + at * h * e1) * inverse + a * e0d - b * e1d;
        const e2c = -h * e1 * inverse + a * e0c - b * e1c;
        nextValueD += e2d;
        nextSlopeD += (k + 2) * e2d;
        nextValueC += e2c;
        nextSlopeC += (k + 2) * e2c;
        negligible =
          negligible &&
          Math.abs((k + 2) * e2d) <= NEGLIGIBLE * (Math.abs(nextValueD) + Math.abs(nextSlopeD) + Math.abs(nextValue)) &&
          Math.abs((k + 2) * e2c) <= NEGLIGIBLE * (Math.abs(nextValueC) + Math.abs(nextSlopeC) + Math.abs(nextValue));
        e0d = e1d;
        e1d = e2d;
        e0c = e1c;
        e1c = e2c;
      }
      e0 = e1;
      e1 = e2;
      quiet = negligible ? quiet + 1 : 0;
      const bounded = Math.max(Math.abs(a), limitA) + Math.max(Math.abs(b), limitB) < SAFE_MULTIPLIER;
      if (quiet >= 2 && bounded) break;
    }
    value = nextValue;
    slope = nextSlope / h;
    valueD = nextValueD;
    slopeD = nextSlopeD / h;
    valueC = nextValueC;
    slopeC = nextSlopeC / h;
    at += h;
  }
  state.at = at;
  state.value = value;
  state.valueD = valueD;
  state.valueC = valueC;
  state.slope = slope;
  state.slopeD = slopeD;
  state.slopeC = slopeC;
  return true;
}
