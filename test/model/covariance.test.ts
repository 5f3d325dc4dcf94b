import { describe, expect, it } from 'vitest';
import { inversePositiveDefinite, observedCovariance } from '../../core/model/covariance.js';
import { COUNT_MODEL, COUNT_MODELS } from '../../core/model/count-model.js';
import { cdnowSummary } from './cdnow.js';

const summary = cdnowSummary();

/**
 * The covariance as the textbook builds it, independently of covariance.ts: the Hessian of LL in
 * the parameters themselves by second differences of LL values (no gradient), negated, inverted.
 */
function numericCovariance(ll: (v: number[]) => number, at: readonly number[]): number[][] {
  const n = at.length;
  const h = at.map((v) => 1e-3 * v);
  const shifted = (i: number, di: number, j: number, dj: number) => {
    const v = [...at];
    v[i] += di * h[i];
    v[j] += dj * h[j];
    return ll(v);
  };
  const information = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => -(shifted(i, 1, j, 1) - shifted(i, 1, j, -1) - shifted(i, -1, j, 1) + shifted(i, -1, j, -1)) / (4 * h[i] * h[j])),
  );
  return inversePositiveDefinite(information)!;
}

describe('observedCovariance', () => {
  it('has the worked value Var(v̂) = e²σ² for LL = −(ln v − 1)²/(2σ²)', () => {
    const sigma = 0.3;
    const gradientOf = (v: Float64Array, g: Float64Array) => {
      const u = Math.log(v[0]) - 1;
      g[0] = -u / (sigma * sigma * v[0]);
      return -(u * u) / (2 * sigma * sigma);
    };
    expect(observedCovariance(gradientOf, [Math.E])![0][0]).toBeCloseTo(Math.E ** 2 * sigma ** 2, 7);
  });

  it('is null at a saddle and when a gradient is not finite', () => {
    const saddle = (v: Float64Array, g: Float64Array) => {
      const [x, y] = [Math.log(v[0]), Math.log(v[1])];
      g[0] = -x / v[0];
      g[1] = y / v[1];
      return -(x * x) / 2 + (y * y) / 2;
    };
    expect(observedCovariance(saddle, [1, 1])).toBeNull();
    expect(observedCovariance((_v, g) => ((g[0] = NaN), 0), [1])).toBeNull();
  });

  it.each(COUNT_MODELS)('%s on CDNOW: matches the inverse of a Hessian from second differences of LL, within 0.5 %%', (kind) => {
    const model = COUNT_MODEL[kind];
    const fit = model.fit(summary);
    if (!fit.ok) throw new Error(fit.code);
    const values = model.paramNames.map((n) => fit.params[n]);
    const ll = (v: number[]) => model.logLikelihood(Object.fromEntries(model.paramNames.map((n, i) => [n, v[i]])), summary);
    const numeric = numericCovariance(ll, values);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        const scale = Math.sqrt(numeric[i][i] * numeric[j][j]);
        expect(Math.abs(fit.covariance![i][j] - numeric[i][j]) / scale, `${kind} [${i}][${j}]`).toBeLessThan(0.005);
      }
    }
  });
});

describe('inversePositiveDefinite', () => {
  it('inverts [[4, 2], [2, 3]] to [[3, −2], [−2, 4]]/8 and refuses a matrix that is not positive definite', () => {
    const inverse = inversePositiveDefinite([
      [4, 2],
      [2, 3],
    ])!;
    [[0.375, -0.25], [-0.25, 0.5]].forEach((row, i) => row.forEach((v, j) => expect(inverse[i][j]).toBeCloseTo(v, 14)));
    expect(inversePositiveDefinite([[1, 2], [2, 1]])).toBeNull();
    expect(inversePositiveDefinite([[0]])).toBeNull();
  });
});
