/**
 * Special functions for the purchase models: log-gamma, digamma, log-beta and the Gauss
 * hypergeometric function 2F1.
 *
 * - `logGamma(x)` = ln|Γ(x)| by the Lanczos approximation (g = 7, 9 terms; about 1e-15 relative
 *   for x ≥ 0.5), with the reflection formula below 0.5. +∞ at the poles x = 0, −1, −2, …
 *   `gammaSign(x)` is the sign of Γ(x) (NaN at the poles).
 * - `digamma(x)` = ψ(x) = Γ′(x)/Γ(x) (for likelihood gradients): recurrence up to x ≥ 10, then
 *   the asymptotic series to x⁻¹² (truncation < 1e-15); reflection below 0.5; NaN at the poles.
 * - `logBeta(a, b)` = ln B(a, b) = lnΓ(a) + lnΓ(b) − lnΓ(a + b), for a, b > 0.
 * - `hyp2f1(a, b, c, z)` = Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ for real arguments and z ≤ 1. How it is
 *   evaluated:
 *   · a or b a non-positive integer → the finite polynomial, any z;
 *   · z < 0 → Pfaff: (1 − z)^(−a) 2F1(a, c − b; c; z/(z − 1)), which lands in 0 < w < 1;
 *   · 0 ≤ z ≤ 0.5 → the series, summed until a term no longer changes the sum;
 *   · 0.5 < z < 1 with a, b, c > 0 and |a| + |b| + |c| > 200 → the series too (positive terms,
 *     stopped by a proven bound on the rest), as the continuation would need ~|b| terms a step;
 *   · otherwise 0.5 < z < 1 → analytic continuation along the hypergeometric differential equation from
 *     z = 0.5 (Taylor steps, each at most half-way to the singular point 1: about log₂(1/(1 − z))
 *     steps of ~50 terms). Unlike the 1 − z connection formulas this has no trouble when c − a − b
 *     is (nearly) a whole number;
 *   · z = 1 → Gauss's sum Γ(c)Γ(c − a − b)/(Γ(c − a)Γ(c − b)) when c − a − b > 0.
 *   Edge cases: NaN for non-finite arguments, z > 1, c a non-positive integer, or z = 1 with
 *   c − a − b ≤ 0.
 *
 * Worked example: 2F1(1, 1; 2; 0.5) = −ln(1 − 0.5)/0.5 = 1.3862943611198906, and
 * 2F1(a, b; b; z) = (1 − z)^(−a), e.g. 2F1(2, 3; 3; 0.5) = 4.
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.9189385332046727;
const MAX_SERIES_TERMS = 1_000_000;
const CONTINUATION_START = 0.5;
/** A rest of the series below this share of the sum does not count (below half an ulp). */
const NEGLIGIBLE_TAIL = 1e-17;
/**
 * Above this |a| + |b| + |c| the continuation needs about that many terms per step; with positive
 * arguments the series (positive terms, no cancellation) is then used for 0.5 < z < 1 too.
 */
const LARGE_PARAMETERS = 200;

function isPole(x: number): boolean {
  return x <= 0 && Number.isInteger(x);
}

/** ln|Γ(x)|; +∞ at x = 0, −1, −2, … */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (isPole(x)) return Infinity;
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const y = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The sign of Γ(x): +1 for x > 0, alternating between the poles below 0; NaN at a pole. */
export function gammaSign(x: number): number {
  if (Number.isNaN(x) || isPole(x)) return NaN;
  if (x > 0) return 1;
  return Math.floor(x) % 2 === 0 ? 1 : -1;
}

/** ψ(x) = Γ′(x)/Γ(x); NaN at x = 0, −1, −2, … */
export function digamma(x: number): number {
  if (Number.isNaN(x) || isPole(x)) return NaN;
  if (x < 0.5) return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  let shift = 0;
  let y = x;
  while (y < 10) {
    shift -= 1 / y;
    y += 1;
  }
  const f = 1 / (y * y);
  const tail = f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132 - (691 / 32760) * f)))));
  return shift + Math.log(y) - 0.5 / y - tail;
}

/** ln B(a, b) for a, b > 0. */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** Γ(n₁)Γ(n₂)/(Γ(d₁)Γ(d₂)); 0 when a denominator sits on a pole (1/Γ = 0 there). */
function gammaRatio(n1: number, n2: number, d1: number, d2: number): number {
  if (isPole(d1) || isPole(d2)) return 0;
  const sign = gammaSign(n1) * gammaSign(n2) * gammaSign(d1) * gammaSign(d2);
  return sign * Math.exp(logGamma(n1) + logGamma(n2) - logGamma(d1) - logGamma(d2));
}

/**
 * The defining series; finite when a or b is a non-positive integer. With a, b, c, z all positive
 * every term is positive and the sum stops once the rest is provably negligible: from term n on,
 * each ratio of terms is at most ρ = z · max(1, (a + n)/(c + n)) · max(1, (b + n)/(n + 1)) (or the
 * same with a and b swapped) — each factor (p + m)/(q + m) is monotone in m and tends to 1 — so
 * the rest is at most term · ρ/(1 − ρ). Otherwise it stops when a term no longer changes the sum
 * and n has passed |a| + |b| + |c|, after which the ratios can no longer grow.
 */
function hyp2f1Series(a: number, b: number, c: number, z: number): number {
  const positive = a > 0 && b > 0 && c > 0 && z > 0;
  let term = 1;
  let sum = 1;
  for (let n = 0; n < MAX_SERIES_TERMS; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    if (term === 0) return sum;
    const next = sum + term;
    if (positive) {
      const m = n + 1;
      const bound = z * Math.min(Math.max(1, (a + m) / (c + m)) * Math.max(1, (b + m) / (m + 1)), Math.max(1, (b + m) / (c + m)) * Math.max(1, (a + m) / (m + 1)));
      if (bound < 1 && (term * bound) / (1 - bound) <= NEGLIGIBLE_TAIL * next) return next;
    } else {
      const shrinking = Math.abs(ratio) < 1 && n > Math.abs(a) + Math.abs(b) + Math.abs(c);
      if (next === sum && shrinking) return sum;
    }
    sum = next;
  }
  return NaN;
}

/**
 * Continues F = 2F1(a, b; c; ·) from z₀ = 0.5 to 0.5 < z < 1 along the hypergeometric equation
 * z(1 − z)F″ + [c − (a + b + 1)z]F′ − abF = 0. Around each point z₀ the Taylor terms dₖ = cₖhᵏ of
 * F(z₀ + h) follow
 *   d_{k+2} = [(k + a)(k + b)h² d_k − (k + 1)((1 − 2z₀)k + c − (a + b + 1)z₀)h d_{k+1}] / (z₀(1 − z₀)(k + 1)(k + 2)),
 * and each step covers at most half the distance to the singular point 1, so the terms shrink
 * like 2⁻ᵏ (they are scaled by hᵏ, so they cannot overflow however close z is to 1).
 */
function hyp2f1Continued(a: number, b: number, c: number, z: number): number {
  let at = CONTINUATION_START;
  let value = hyp2f1Series(a, b, c, at);
  let slope = ((a * b) / c) * hyp2f1Series(a + 1, b + 1, c + 1, at);
  while (at < z) {
    const h = Math.min(z - at, 0.5 * (1 - at));
    const p0 = at * (1 - at);
    const p1 = 1 - 2 * at;
    const q0 = c - (a + b + 1) * at;
    let previous = value;
    let current = slope * h;
    let nextValue = previous + current;
    let nextSlope = current;
    for (let k = 0; k < MAX_SERIES_TERMS; k++) {
      const following = ((k + a) * (k + b) * h * h * previous - (k + 1) * (p1 * k + q0) * h * current) / (p0 * (k + 1) * (k + 2));
      const settled = nextValue + following === nextValue && nextSlope + (k + 2) * following === nextSlope;
      nextValue += following;
      nextSlope += (k + 2) * following;
      if (settled && k > Math.abs(a) + Math.abs(b) + Math.abs(c)) break;
      previous = current;
      current = following;
    }
    value = nextValue;
    slope = nextSlope / h;
    at += h;
  }
  return value;
}

/** Gauss's hypergeometric function 2F1(a, b; c; z) for real arguments and z ≤ 1. */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (![a, b, c, z].every(Number.isFinite) || z > 1 || isPole(c)) return NaN;
  if (z === 0) return 1;
  if (isPole(a) || isPole(b)) return hyp2f1Series(a, b, c, z);
  if (z === 1) return c - a - b > 0 ? gammaRatio(c, c - a - b, c - a, c - b) : NaN;
  if (z < 0) return (1 - z) ** -a * hyp2f1(a, c - b, c, z / (z - 1));
  if (z <= CONTINUATION_START) return hyp2f1Series(a, b, c, z);
  if (a > 0 && b > 0 && c > 0 && Math.abs(a) + Math.abs(b) + Math.abs(c) > LARGE_PARAMETERS) {
    const sum = hyp2f1Series(a, b, c, z);
    if (!Number.isNaN(sum)) return sum;
  }
  return hyp2f1Continued(a, b, c, z);
}
