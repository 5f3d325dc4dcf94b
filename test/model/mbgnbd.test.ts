import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitMbgnbd, mbgnbdConditionalExpected, mbgnbdLogLikelihood, mbgnbdPAlive } from '../../core/model/mbgnbd.js';
import type { NbdParams } from '../../core/model/nbd-fit.js';
import { hyp2f1 } from '../../core/model/special.js';
import { cdnowSummary } from './cdnow.js';

// Reference: lifetimes TestModifiedBetaGammaFitter (REFERENCE_RESULTS.md, MBG/NBD).
const BTYDPLUS: NbdParams = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
const summary = cdnowSummary();
const fit = fitMbgnbd(summary);
const fitted = fit.ok ? fit.params : BTYDPLUS;

describe('fitMbgnbd on the CDNOW summary (weeks)', () => {
  it('reproduces r = 0.525, α = 6.183, a = 0.891, b = 1.614 within 0.001', () => {
    expect(fit).toMatchObject({ ok: true, converged: true });
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(fitted[key] - BTYDPLUS[key]), key).toBeLessThanOrEqual(0.001);
    }
    expect(fit.ok && fit.logLikelihood).toBeCloseTo(mbgnbdLogLikelihood(fitted, summary), 10);
  });

  it('converges to the same answer from a far start', () => {
    const far = fitMbgnbd(summary, { start: { r: 8, alpha: 0.3, a: 20, b: 0.05 } });
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs((far.ok ? far.params[key] : NaN) - fitted[key]), key).toBeLessThan(1e-5);
    }
  });

  it('scores customer 0001 close to the BG/NBD value 1.226 (lifetimes: within 0.05)', () => {
    expect(Math.abs(mbgnbdConditionalExpected(fitted, 39, 2, 30.43, 38.86) - 1.226)).toBeLessThan(0.05);
  });
});

describe('MBG/NBD predictions', () => {
  it('does not call a client with no repeat purchase certainly alive', () => {
    const p = mbgnbdPAlive(fitted, 0, 0, 38.86);
    expect(p).toBeLessThan(1);
    // 1 / (1 + (a/b)((α + T)/α)^r) = 1 / (1 + 0.5523 · 2.836) at the fitted values.
    expect(p).toBeCloseTo(0.3897, 4);
    expect(mbgnbdPAlive(fitted, 0, 0, 10)).toBeGreaterThan(p);
  });

  it('for a new client equals the unconditional E[X(t)] = b/(a − 1)[1 − (α/(α + t))^r 2F1(r, b + 1; a + b; t/(α + t))]', () => {
    const { r, alpha, a, b } = BTYDPLUS;
    for (const t of [1, 39, 200]) {
      const direct = (b / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b + 1, a + b, t / (alpha + t)));
      expect(mbgnbdConditionalExpected(BTYDPLUS, t, 0, 0, 0)).toBeCloseTo(direct, 10);
    }
  });

  it('returns NaN for invalid input', () => {
    expect(mbgnbdPAlive({ ...BTYDPLUS, a: 0 }, 1, 1, 2)).toBeNaN();
    expect(mbgnbdConditionalExpected(BTYDPLUS, 39, 1, 3, 2)).toBeNaN();
  });

  it('refuses thin data and never throws on random data', () => {
    expect(fitMbgnbd({ x: [1, 0], tx: [1, 0], T: [2, 2] })).toMatchObject({ ok: false, code: 'too-few-repeaters' });
    const client = fc
      .tuple(fc.nat(8), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 40, noNaN: true }))
      .map(([x, share, T]) => ({ x, tx: x === 0 ? 0 : share * T, T }));
    fc.assert(
      fc.property(fc.array(client, { maxLength: 50 }), (clients) => {
        const result = fitMbgnbd({ x: clients.map((c) => c.x), tx: clients.map((c) => c.tx), T: clients.map((c) => c.T) });
        expect(result.ok ? Number.isFinite(result.logLikelihood) : result.message.length > 0).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
