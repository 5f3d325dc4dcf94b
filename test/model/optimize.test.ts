import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimize, minimizeSmooth } from '../../core/model/optimize.js';

const rosenbrock = (p: ArrayLike<number>) => (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2;
function rosenbrockWithGradient(p: Float64Array, g: Float64Array): number {
  g[0] = -2 * (1 - p[0]) - 400 * p[0] * (p[1] - p[0] ** 2);
  g[1] = 200 * (p[1] - p[0] ** 2);
  return rosenbrock(p);
}

describe('minimize (Nelder–Mead with restarts)', () => {
  it('finds the Rosenbrock minimum from the classic start', () => {
    const result = minimize(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
    expect(result.value).toBeLessThan(1e-12);
    expect(result.iterations).toBeGreaterThan(0);
  });

  it('finds the global minimum of the 4-dimensional Rosenbrock function from the origin', () => {
    const f = (p: ArrayLike<number>) => {
      let sum = 0;
      for (let i = 0; i < 3; i++) sum += 100 * (p[i + 1] - p[i] ** 2) ** 2 + (1 - p[i]) ** 2;
      return sum;
    };
    const result = minimize(f, [0, 0, 0, 0], { maxEvaluations: 50_000 });
    expect(result.converged).toBe(true);
    for (const v of result.x) expect(v).toBeCloseTo(1, 5);
  });

  it('treats NaN and ±∞ as outside the domain and walks away from them', () => {
    // ln x is NaN for x < 0 and −∞ at 0; the minimum is at x = e, y = 2.
    const f = ([x, y]: Float64Array) => (Math.log(x) - 1) ** 2 + (y - 2) ** 2 + (x < 0.05 ? NaN : 0);
    const result = minimize(f, [0.06, 0]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(Math.E, 6);
    expect(result.x[1]).toBeCloseTo(2, 6);
  });

  it('returns the start, +∞ and not converged when nothing is finite, without throwing', () => {
    const result = minimize(() => NaN, [3, 4]);
    expect(result.value).toBe(Infinity);
    expect(result.converged).toBe(false);
    expect(result.x).toEqual([3, 4]);
    expect(minimize(() => 1, [NaN]).converged).toBe(false);
  });

  it('reports not converged when the evaluation budget runs out', () => {
    const result = minimize(rosenbrock, [-1.2, 1], { maxEvaluations: 20 });
    expect(result.converged).toBe(false);
    expect(result.evaluations).toBeLessThanOrEqual(22);
  });

  it('finds the centre of any separable convex quadratic', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true })), {
          minLength: 1,
          maxLength: 4,
        }),
        (terms) => {
          const f = (p: ArrayLike<number>) => terms.reduce((sum, [weight, centre], i) => sum + weight * (p[i] - centre) ** 2, 0);
          const result = minimize(f, terms.map(() => 0));
          terms.forEach(([, centre], i) => expect(Math.abs(result.x[i] - centre)).toBeLessThan(1e-6));
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('minimizeSmooth (BFGS)', () => {
  it('finds the Rosenbrock minimum with the gradient', () => {
    const result = minimizeSmooth(rosenbrockWithGradient, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
    expect(result.iterations).toBeLessThan(100);
  });

  it('backs off from a wall of +∞ and NaN gradients', () => {
    // Minimum of (x − 2)² at 2; beyond x = 2.5 the function is undefined.
    const f = (p: Float64Array, g: Float64Array) => {
      g[0] = p[0] > 2.5 ? NaN : 2 * (p[0] - 2);
      return p[0] > 2.5 ? Infinity : (p[0] - 2) ** 2;
    };
    const result = minimizeSmooth(f, [-10]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(2, 8);
  });

  it('stops without throwing when the start is not finite or no step goes downhill', () => {
    const nothing = minimizeSmooth(() => NaN, [1, 2]);
    expect(nothing).toMatchObject({ value: Infinity, converged: false, x: [1, 2] });
    // A gradient that lies (points uphill) leaves no acceptable step.
    const liar = minimizeSmooth((p, g) => {
      g[0] = -2 * p[0];
      return p[0] ** 2;
    }, [1]);
    expect(liar.converged).toBe(false);
    expect(liar.x[0]).toBe(1);
  });

  it('gives up a step search once the decrease it asks for is below what f can show, not after 60 halvings', () => {
    // A large value (the likelihood of a big file) whose gradient still slopes but where every
    // step lands on rounding noise (here +1e-6, ~1e-12 of it). With the identity for an estimate
    // the search halves while the asked decrease exceeds 1e-15 × |f| = 1e-9: steps 1 … 2⁻²⁹, 30
    // trials; the old search made 60 before it gave up.
    const flat = minimizeSmooth((p, g) => {
      g[0] = 1;
      return 1e6 + (p[0] === 0 ? 0 : 1e-6);
    }, [0]);
    expect(flat.converged).toBe(false);
    expect(flat.x[0]).toBe(0);
    expect(flat.evaluations).toBe(1 + 30);
  });

  it('stops sooner, at the value tolerance, once the estimate has its n updates', () => {
    // f(0) = 1e6 with slope 1; the step to −1 is accepted (f = 1e6 − 1, slope 0.5), which gives
    // the estimate H = s/y = 2 — one update, n = 1. From there every trial is noise (+1e-6).
    // Trusted, the search halves while 0.5 × step exceeds 1e-13 × (1 + f) ≈ 1e-7: steps 1 … 2⁻²²,
    // 23 trials. Reset to the identity (slope 0.25) it halves to 1e-15 × f ≈ 1e-9: steps 1 … 2⁻²⁷,
    // 28 trials, then ends. 1 + 1 + 23 + 28 = 53 (the old search: 122).
    const noisy = minimizeSmooth((p, g) => {
      if (p[0] === 0) {
        g[0] = 1;
        return 1e6;
      }
      g[0] = 0.5;
      return p[0] === -1 ? 1e6 - 1 : 1e6 - 1 + 1e-6;
    }, [0]);
    expect(noisy.converged).toBe(false);
    expect(noisy.x[0]).toBe(-1);
    expect(noisy.evaluations).toBe(53);
  });

  it('halves as far as it takes while the estimate is the identity, on a stiff objective near its minimum', () => {
    // 50x² from 1e-9: the identity's full step (−1e-7) overshoots a hundredfold, and the decrease
    // it asks for (1e-14) is below the value tolerance; only halving to a step of 1/64 lands near 0.
    const stiff = minimizeSmooth((p, g) => {
      g[0] = 100 * p[0];
      return 50 * p[0] * p[0];
    }, [1e-9]);
    expect(stiff.converged).toBe(true);
    expect(Math.abs(stiff.x[0])).toBeLessThan(1e-9);
  });

  it('always tries the full step, however small the decrease it asks for', () => {
    // 10 + x²/2 from 2e-8: the gradient (2e-8) is above its tolerance (1e-9 × 11), the full step
    // asks a decrease of 4e-16, below both floors (1e-15 × 10 for the identity), yet lands exactly
    // on the minimum: it must be tried, accepted, and end converged.
    const near = minimizeSmooth((p, g) => {
      g[0] = p[0];
      return 10 + (p[0] * p[0]) / 2;
    }, [2e-8]);
    expect(near.converged).toBe(true);
    expect(near.x[0]).toBe(0);
    expect(near.evaluations).toBe(2);
  });
});
