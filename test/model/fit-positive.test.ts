import { describe, expect, it } from 'vitest';
import { maximizePositive } from '../../core/model/fit-positive.js';

describe('maximizePositive', () => {
  it('gives the worked example: LL = −(ln v − 1)² → v = e', () => {
    const fit = maximizePositive({
      logLikelihood: (v) => -((Math.log(v[0]) - 1) ** 2),
      hasGradient: false,
      start: [1],
      scale: [1],
      names: ['v'],
    });
    expect(fit.ok && fit.values[0]).toBeCloseTo(Math.E, 6);
    expect(fit.ok && fit.logLikelihood).toBeCloseTo(0, 10);
  });

  it('counts the evaluations of the likelihood, also when the search runs off (points outside the search box are not evaluated)', () => {
    let calls = 0;
    const fit = maximizePositive({
      logLikelihood: (v) => {
        calls++;
        return -((Math.log(v[0]) - 1) ** 2);
      },
      hasGradient: false,
      start: [1],
      scale: [1],
      names: ['v'],
    });
    expect(calls).toBeGreaterThan(0);
    expect(fit.ok && fit.evaluations).toBe(calls);
    let gradientCalls = 0;
    const ranOff = maximizePositive({
      logLikelihood: (v, gradient) => {
        gradientCalls++;
        if (gradient) gradient[0] = 1 / v[0];
        return Math.log(v[0]);
      },
      hasGradient: true,
      start: [1],
      scale: [1],
      names: ['v'],
    });
    expect(ranOff).toMatchObject({ ok: false, code: 'did-not-converge', evaluations: gradientCalls });
  });

  it('uses the gradient and the scale: LL = −(v/1000 − 3)² → v = 3000', () => {
    const fit = maximizePositive({
      logLikelihood: (v, gradient) => {
        if (gradient) gradient[0] = (-2 * (v[0] / 1000 - 3)) / 1000;
        return -((v[0] / 1000 - 3) ** 2);
      },
      hasGradient: true,
      start: [NaN],
      scale: [1000],
      names: ['v'],
    });
    expect(fit).toMatchObject({ ok: true, converged: true });
    expect(fit.ok && fit.values[0]).toBeCloseTo(3000, 4);
  });

  it('fails with did-not-converge when a parameter runs off (LL rising without limit)', () => {
    const fit = maximizePositive({
      logLikelihood: (v) => Math.log(v[0]) - v[1] + Math.log(v[1]),
      hasGradient: false,
      start: [1, 2],
      scale: [1, 1],
      names: ['p', 'q'],
    });
    expect(fit).toMatchObject({ ok: false, code: 'did-not-converge' });
    expect(!fit.ok && fit.message).toContain('p');
  });

  it('fails with did-not-converge when the likelihood is never finite', () => {
    const fit = maximizePositive({ logLikelihood: () => NaN, hasGradient: true, start: [1], scale: [1], names: ['v'] });
    expect(fit).toMatchObject({ ok: false, code: 'did-not-converge' });
  });

  it('finishes an unconverged BFGS with Nelder–Mead, unless the caller says the point is settled', () => {
    // A 2-D Rosenbrock valley in ln v: 3 BFGS evaluations cannot reach its floor at v = (e, e).
    const run = (settled?: (values: number[]) => boolean) => {
      let evaluations = 0;
      const fit = maximizePositive({
        logLikelihood: (v, gradient) => {
          evaluations++;
          const [a, b] = [Math.log(v[0]!) - 1, Math.log(v[1]!) - 1];
          if (gradient) {
            gradient[0] = (-2 * a + 400 * a * (b - a * a)) / v[0]!;
            gradient[1] = (-200 * (b - a * a)) / v[1]!;
          }
          return -(a * a) - 100 * (b - a * a) ** 2;
        },
        hasGradient: true,
        start: [0.5, 3],
        scale: [1, 1],
        names: ['p', 'q'],
        maxEvaluations: 3,
        settled,
      });
      return { fit, evaluations };
    };
    const finished = run();
    expect(finished.evaluations).toBe(6);
    const settled = run((values) => values[0]! > 0);
    expect(settled.evaluations).toBe(3);
    expect(settled.fit).toMatchObject({ ok: true, converged: false });
  });
});
