import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conditionalExpectedAverageValue,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  spendLikelihood,
  type GammaGammaParams,
} from '../../core/model/gammagamma.js';
import { cdnowSpend } from './cdnow.js';

// Reference: Fader & Hardie (2013) via CLVTools / lifetimes (REFERENCE_RESULTS.md, Gamma-Gamma).
const PAPER: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };
const spend = cdnowSpend();
const fit = fitGammaGamma(spend);

describe('fitGammaGamma on CDNOW (946 clients with repeat purchases)', () => {
  it('reproduces p = 6.25, q = 3.74, γ = 15.44 (within 0.01) and the refit 6.2488, 3.7446, 15.4477', () => {
    expect(fit).toMatchObject({ ok: true, converged: true, clients: 946, excluded: 0 });
    const params = fit.ok ? fit.params : PAPER;
    expect(Math.abs(params.p - PAPER.p)).toBeLessThan(0.01);
    expect(Math.abs(params.q - PAPER.q)).toBeLessThan(0.01);
    expect(Math.abs(params.gamma - PAPER.gamma)).toBeLessThan(0.01);
    expect(params.p).toBeCloseTo(6.2488, 3);
    expect(params.q).toBeCloseTo(3.7446, 3);
    expect(params.gamma).toBeCloseTo(15.4477, 3);
    expect(fit.ok && fit.logLikelihood).toBeCloseTo(-4055.923, 3);
  });

  it('gives Hardie’s conditional expected average values for customers 1–10', () => {
    const expected = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    expected.forEach((value, i) => {
      expect(Math.abs(conditionalExpectedAverageValue(PAPER, spend.x[i], spend.zbar[i]) - value)).toBeLessThan(0.1);
    });
  });

  it('gives clients with x = 0 the population mean pγ/(q − 1)', () => {
    expect(conditionalExpectedAverageValue(PAPER, 0, 0)).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
    expect(conditionalExpectedAverageValue({ ...PAPER, q: 0.9 }, 0, 0)).toBe(Infinity);
  });

  it('is the same model in cents: p and q unchanged, γ × 100', () => {
    const cents = fitGammaGamma({ x: spend.x, zbar: spend.zbar.map((v) => v * 100) });
    expect(cents.ok && fit.ok).toBe(true);
    if (!cents.ok || !fit.ok) return;
    expect(cents.params.p).toBeCloseTo(fit.params.p, 4);
    expect(cents.params.q).toBeCloseTo(fit.params.q, 4);
    expect(cents.params.gamma / 100).toBeCloseTo(fit.params.gamma, 3);
  });

  it('counts invalid rows, skips x = 0 and returns NaN for invalid input', () => {
    const withJunk = fitGammaGamma({ x: [...spend.x, 2, 1.5, 3], zbar: [...spend.zbar, -4, 10, NaN] });
    expect(withJunk).toMatchObject({ ok: true, clients: 946, excluded: 3 });
    expect(gammaGammaLogLikelihood({ ...PAPER, p: -1 }, spend)).toBeNaN();
    expect(conditionalExpectedAverageValue(PAPER, 2, NaN)).toBeNaN();
    expect(conditionalExpectedAverageValue(PAPER, -1, 5)).toBeNaN();
  });

  it('has the gradient of central finite differences', () => {
    const ll = spendLikelihood({ x: [1, 2, 2, 5, 9], zbar: [12, 30.5, 8, 44, 19] });
    const positive = fc.double({ min: 0.3, max: 20, noNaN: true });
    fc.assert(
      fc.property(positive, positive, positive, (p, q, gamma) => {
        const gradient = new Float64Array(3);
        ll(p, q, gamma, gradient);
        const point = [p, q, gamma];
        for (let i = 0; i < 3; i++) {
          const h = 1e-6 * point[i];
          const up = point.map((v, j) => (j === i ? v + h : v));
          const down = point.map((v, j) => (j === i ? v - h : v));
          const numeric = (ll(up[0], up[1], up[2]) - ll(down[0], down[1], down[2])) / (2 * h);
          expect(Math.abs(gradient[i] - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('refuses fewer than 10 spenders and never throws on random data', () => {
    expect(fitGammaGamma({ x: [1, 2, 0], zbar: [5, 6, 0] })).toMatchObject({ ok: false, code: 'too-few-repeaters' });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(6), fc.double({ min: 0.01, max: 500, noNaN: true })), { maxLength: 40 }),
        (rows) => {
          const result = fitGammaGamma({ x: rows.map((r) => r[0]), zbar: rows.map((r) => r[1]) });
          expect(result.ok ? Number.isFinite(result.logLikelihood) : result.message.length > 0).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});
