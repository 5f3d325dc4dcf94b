import { describe, expect, it } from 'vitest';
import { unitHyp2f1, unitHyp2f1Along } from '../../core/model/unit-hyp2f1.js';

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

  it('gives along many ascending points what it gives at each point alone, to the accuracy of either (series, long series, continuation)', () => {
    const points = Float64Array.from([0, 0.2, 0.5, 0.5000001, 0.6, 0.75, 0.9, 0.99, 0.999, 0.99999, 0.9999999]);
    for (const [d, c] of [[0.6, 1.2], [3, 30.4], [1, 51.8], [27.5, 28.2], [1.2, 300], [2e-6, 3.2], [1.000002, 3.2]]) {
      for (const derivatives of [true, false]) {
        const along = new Float64Array(4 * points.length);
        unitHyp2f1Along(d, c, points, points.length, along, derivatives);
        points.forEach((z, i) => {
          const alone = new Float64Array(4);
          unitHyp2f1(d, c, z, alone, derivatives);
          for (let k = 0; k < (derivatives ? 4 : 1); k++) {
            expect(Math.abs(along[4 * i + k]! - alone[k]!), `d ${d} c ${c} z ${z} out[${k}]`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(alone[k]!)));
          }
        });
      }
    }
  });

  it('gives NaN at a point outside [0, 1) and from the first point out of order on', () => {
    const out = new Float64Array(16);
    unitHyp2f1Along(1, 2, [0.1, 1.5, 1.7, 0.6], 4, out);
    expect(out[0]).toBeCloseTo(-Math.log(0.9) / 0.1, 14);
    expect(out[4]).toBeNaN();
    expect(out[8]).toBeNaN();
    expect(out[12]).toBeNaN();
    unitHyp2f1Along(1, 2, [0.1, 0.95, 0.6], 3, out);
    expect(out[4]).toBeCloseTo(-Math.log(0.05) / 0.95, 10);
    expect(out[8]).toBeNaN();
  });
});
