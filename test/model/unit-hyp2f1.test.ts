import { describe, expect, it } from 'vitest';
import { unitHyp2f1 } from '../../core/model/unit-hyp2f1.js';

/** Σ (d)ₙ/(c)ₙ zⁿ summed term by term until a term no longer counts (0 ≤ z < 1, 0 < d < c). */
function directSeries(d: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; term > 1e-18 * sum; n++) {
    term *= ((d + n) * z) / (c + n);
    sum += term;
  }
  return sum;
}

function at(d: number, c: number, z: number): Float64Array {
  const out = new Float64Array(4);
  unitHyp2f1(d, c, z, out);
  return out;
}

describe('unitHyp2f1 — ₂F₁(1, d; c; z) with its derivatives', () => {
  it('has the worked values F(1, 2, ½) = 2 ln 2 and ∂F/∂z = 4(1 − ln 2)', () => {
    const out = at(1, 2, 0.5);
    expect(out[0]).toBeCloseTo(2 * Math.LN2, 14);
    expect(out[3]).toBeCloseTo(4 * (1 - Math.LN2), 13);
  });

  it('equals the series summed term by term, on every path (series, long series, continuation), up to c = 300', () => {
    for (const [d, c] of [[0.6, 1.2], [3, 30.4], [1, 51.8], [27.5, 28.2], [1.2, 300], [299, 300]]) {
      for (const z of [0, 0.1, 0.5, 0.7, 0.9, 0.99, 0.99999]) {
        const value = at(d, c, z)[0];
        expect(Math.abs(value / directSeries(d, c, z) - 1), `d ${d} c ${c} z ${z}`).toBeLessThan(1e-10);
        expect(value).toBeGreaterThanOrEqual(1);
        expect(value).toBeLessThanOrEqual(1 / (1 - z) + 1e-9);
      }
    }
  });

  it('has derivatives in d, c and z that agree with central differences', () => {
    for (const [d, c, z] of [[3, 30.4, 0.3], [27.5, 28.2, 0.8], [1.2, 300, 0.95], [0.6, 1.2, 0.6], [1, 51.8, 0.999], [1, 11.8, 0.99999]]) {
      const out = at(d, c, z);
      const h = 1e-6;
      const numeric = [
        (at(d + h, c, z)[0] - at(d - h, c, z)[0]) / (2 * h),
        (at(d, c + h, z)[0] - at(d, c - h, z)[0]) / (2 * h),
        (at(d, c, z + h)[0] - at(d, c, z - h)[0]) / (2 * h),
      ];
      numeric.forEach((n, i) => expect(Math.abs(out[i + 1] - n), `∂${'dcz'[i]} at ${d}, ${c}, ${z}`).toBeLessThan(1e-6 * Math.max(1, Math.abs(n))));
    }
  });

  it('gives NaN outside 0 < d < c, 0 ≤ z < 1', () => {
    expect(at(2, 1, 0.5)[0]).toBeNaN();
    expect(at(1, 2, 1)[0]).toBeNaN();
    expect(at(0, 2, 0.5)[0]).toBeNaN();
  });
});
