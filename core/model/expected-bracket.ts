/**
 * The factor shared by the BG/NBD and MBG/NBD expected-transaction formulas.
 *
 * Definition: for a > 0 and 0 ≤ z < 1,
 *   bracket(a, u, v, z) = [1 − (1 − z)^(a−1) · 2F1(a + u, a − 1; a + v; z)] / (a − 1).
 * It is the published form (c/(a − 1))·[1 − (1 − z)^(r+x) 2F1(r + x, ·; c; z)] after the Euler
 * transformation 2F1(A, B; C; z) = (1 − z)^(C−A−B) 2F1(C − A, C − B; C; z), which keeps the
 * hypergeometric function bounded when x is large (its upper parameter a − 1 does not grow with x)
 * and isolates the removable singularity at a = 1.
 *
 * Edge cases: at a = 1 numerator and denominator both vanish; within 1e-5 of it the value is the
 * straight line between a = 1 ± 1e-5 (error ~1e-10, where the direct ratio would lose ~11 digits).
 * z = 0 gives 0. NaN when a + v is a non-positive integer (2F1 undefined).
 *
 * Worked example: a = 2, u = 0, v = 0, z = 0.5 → [1 − 0.5 · 2F1(2, 1; 2; 0.5)] / 1
 * = 1 − 0.5 · 2 = 0 (2F1(2, 1; 2; z) = 1/(1 − z)).
 */
import { hyp2f1 } from './special.js';

const NEAR_ONE = 1e-5;

/**
 * 1 − (1 − z)^(a−1) 2F1(a + u, a − 1; a + v; z) in whichever of its two equal forms (Euler) has
 * the smaller first ratio of terms A·B/C: the terms of 2F1(A, B; C; z) grow while that ratio is
 * above 1, so with a BG/NBD fit at a, b → ∞ (a 1.8e5, b 1.4e7) the transformed form needs ~a terms
 * where the published one, (1 − z)^(v−u) 2F1(v − u, v + 1; a + v; z), needs a handful — and when
 * x is large the published one grows with x and the transformed one does not.
 */
function numerator(a: number, u: number, v: number, z: number): number {
  const published = ((v - u) * (v + 1)) / (a + v);
  const transformed = ((a + u) * (a - 1)) / (a + v);
  if (v - u > 0 && Math.abs(published) < Math.abs(transformed)) return 1 - (1 - z) ** (v - u) * hyp2f1(v - u, v + 1, a + v, z);
  return 1 - (1 - z) ** (a - 1) * hyp2f1(a + u, a - 1, a + v, z);
}

/** [1 − (1 − z)^(a−1) 2F1(a + u, a − 1; a + v; z)] / (a − 1), continuous through a = 1. */
export function expectedBracket(a: number, u: number, v: number, z: number): number {
  if (Math.abs(a - 1) >= NEAR_ONE) return numerator(a, u, v, z) / (a - 1);
  const below = numerator(1 - NEAR_ONE, u, v, z) / -NEAR_ONE;
  const above = numerator(1 + NEAR_ONE, u, v, z) / NEAR_ONE;
  return below + ((above - below) * (a - (1 - NEAR_ONE))) / (2 * NEAR_ONE);
}
