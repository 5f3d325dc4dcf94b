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
});
