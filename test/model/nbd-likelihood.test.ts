import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nbdLikelihood } from '../../core/model/nbd-likelihood.js';
import { aggregateRepeatData } from '../../core/model/repeat-data.js';
import { logBeta, logGamma } from '../../core/model/special.js';

const data = { x: [0, 0, 1, 3, 3, 7], tx: [0, 0, 2, 9.5, 9.5, 30], T: [4, 12, 20, 25, 25, 31] };

/** The per-client formulas written out directly (FHL 2005 eq. 6; Batislam et al. 2007). */
function directLogLikelihood(shift: 0 | 1, r: number, alpha: number, a: number, b: number): number {
  let ll = 0;
  for (let i = 0; i < data.x.length; i++) {
    const [x, tx, T] = [data.x[i], data.tx[i], data.T[i]];
    const gammaPart = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
    const betaPart = logBeta(a, b + x + shift) - logBeta(a, b);
    const alive = Math.exp(-(r + x) * Math.log(alpha + T));
    const dropped = x + shift > 0 ? (a / (b + x + shift - 1)) * Math.exp(-(r + x) * Math.log(alpha + tx)) : 0;
    ll += gammaPart + betaPart + Math.log(alive + dropped);
  }
  return ll;
}

describe('nbdLikelihood', () => {
  it('gives the worked example: one client x = 0, T = 2 at (1, 1, 1, 1) → −ln 3', () => {
    const ll = nbdLikelihood(aggregateRepeatData({ x: [0], tx: [0], T: [2] }), 0)(1, 1, 1, 1);
    expect(ll).toBeCloseTo(-Math.log(3), 14);
  });

  it('equals the direct per-client formulas for BG/NBD and MBG/NBD', () => {
    const aggregated = aggregateRepeatData(data);
    for (const shift of [0, 1] as const) {
      const ll = nbdLikelihood(aggregated, shift);
      for (const p of [[0.24, 4.4, 0.79, 2.4], [2, 0.5, 3, 0.7], [0.5, 30, 1, 1]]) {
        expect(ll(p[0], p[1], p[2], p[3])).toBeCloseTo(directLogLikelihood(shift, p[0], p[1], p[2], p[3]), 10);
      }
    }
  });

  it('has the gradient of central finite differences', () => {
    const aggregated = aggregateRepeatData(data);
    const positive = fc.double({ min: 0.2, max: 5, noNaN: true });
    fc.assert(
      fc.property(fc.constantFrom(0 as const, 1 as const), positive, positive, positive, positive, (shift, r, alpha, a, b) => {
        const ll = nbdLikelihood(aggregated, shift);
        const gradient = new Float64Array(4);
        ll(r, alpha, a, b, gradient);
        const point = [r, alpha, a, b];
        for (let i = 0; i < 4; i++) {
          const h = 1e-6 * point[i];
          const up = point.map((v, j) => (j === i ? v + h : v));
          const down = point.map((v, j) => (j === i ? v - h : v));
          const numeric = (ll(up[0], up[1], up[2], up[3]) - ll(down[0], down[1], down[2], down[3])) / (2 * h);
          expect(Math.abs(gradient[i] - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
        }
      }),
      { numRuns: 40 },
    );
  });
});
