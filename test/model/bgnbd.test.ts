import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bgnbdConditionalExpected,
  bgnbdExpected,
  bgnbdLogLikelihood,
  bgnbdPAlive,
  bgnbdProbNPurchases,
  fitBgnbd,
} from '../../core/model/bgnbd.js';
import { fitMbgnbd } from '../../core/model/mbgnbd.js';
import { MIN_DROPOUT, type NbdFitResult, type NbdParams } from '../../core/model/nbd-fit.js';
import { cdnowSummary, rawRepeatDays } from './cdnow.js';
import { simulateBgnbd } from './simulate.js';

// All reference numbers: shared/data/REFERENCE_RESULTS.md, CDNOW section.
const PAPER: NbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const REFIT: NbdParams = { r: 0.24259, alpha: 4.41353, a: 0.79289, b: 2.42575 };
const summary = cdnowSummary();
const weekly = fitBgnbd(summary);

function params(fit: NbdFitResult): NbdParams {
  if (!fit.ok) throw new Error(`fit failed: ${fit.code} ${fit.message}`);
  return fit.params;
}

function expectParams(actual: NbdParams, expected: NbdParams, tolerance: number): void {
  for (const key of ['r', 'alpha', 'a', 'b'] as const) {
    expect(Math.abs(actual[key] - expected[key]), key).toBeLessThanOrEqual(tolerance);
  }
}

describe('fitBgnbd on the CDNOW summary (weeks)', () => {
  it('reproduces Fader, Hardie & Lee (2005) within 0.001 and the refit within 1e-5', () => {
    expect(summary.x.length).toBe(2357);
    expect(weekly.ok && weekly.converged).toBe(true);
    expectParams(params(weekly), PAPER, 0.001);
    expectParams(params(weekly), REFIT, 1e-5);
    expect(weekly.ok && Math.abs(weekly.logLikelihood - -9582.4)).toBeLessThan(0.05);
    expect(weekly.ok && Math.abs(weekly.logLikelihood - -9582.4256)).toBeLessThan(1e-3);
    expect(weekly.ok && weekly.clients).toBe(2357);
  });

  it('scores customer 0001 (x = 2, t_x = 30.43, T = 38.86) as in Hardie’s sheet', () => {
    const p = params(weekly);
    expect(Math.abs(bgnbdPAlive(p, 2, 30.43, 38.86) - 0.7266)).toBeLessThan(1e-4);
    expect(Math.abs(bgnbdConditionalExpected(p, 39, 2, 30.43, 38.86) - 1.226)).toBeLessThan(0.001);
  });

  it('gives lifetimes’ E[X(t)] list', () => {
    const p = params(weekly);
    const times = [0.1429, 1, 3, 31.8571, 32, 78];
    const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    times.forEach((t, i) => expect(bgnbdExpected(p, t)).toBeCloseTo(expected[i], 3));
  });

  it('converges to the same answer from starts far from the optimum', () => {
    const starts: NbdParams[] = [
      { r: 10, alpha: 100, a: 10, b: 0.1 },
      { r: 0.01, alpha: 0.1, a: 0.05, b: 50 },
      { r: 5, alpha: 0.5, a: 3, b: 30 },
      { r: 1, alpha: 3, a: 1, b: 3 },
    ];
    for (const start of starts) {
      const fit = fitBgnbd(summary, { start });
      expectParams(params(fit), params(weekly), 1e-5);
      expect(fit.ok && fit.logLikelihood).toBeCloseTo(weekly.ok ? weekly.logLikelihood : NaN, 6);
    }
  });

  it('is the same model in days: r, a, b unchanged, α × 7, LL lower by Σx · ln 7', () => {
    const daily = fitBgnbd({ x: summary.x, tx: summary.tx.map((v) => v * 7), T: summary.T.map((v) => v * 7) });
    const w = params(weekly);
    const d = params(daily);
    expectParams({ ...d, alpha: d.alpha / 7 }, w, 1e-6);
    const sumX = summary.x.reduce((s, v) => s + v, 0);
    expect(sumX).toBe(2457);
    expect(daily.ok && weekly.ok && daily.logLikelihood - weekly.logLikelihood).toBeCloseTo(-sumX * Math.log(7), 6);
  });

  it('reproduces the published values from the raw transactions in days (calibration to 1997-09-30)', () => {
    const raw = rawRepeatDays('19970930');
    expect(raw.x.length).toBe(2357);
    expect(raw.x.reduce((s, v) => s + v, 0)).toBe(2457);
    expect(raw.x.filter((v) => v === 0).length).toBe(1411);
    const fit = fitBgnbd(raw);
    const d = params(fit);
    const perWeek = { ...d, alpha: d.alpha / 7 };
    expectParams(perWeek, PAPER, 0.001);
    // Exact day counts (no rounding of t_x to 0.01 week) give CLVTools' own estimate.
    expectParams(perWeek, { r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 }, 1e-4);
    expect(fit.ok && fit.logLikelihood + 2457 * Math.log(7)).toBeCloseTo(-9582.429, 3);
  });
});

describe('BG/NBD predictions at the paper’s parameters', () => {
  it('matches R BTYD’s P(X(t) = n)', () => {
    expect(Math.abs(bgnbdProbNPurchases(PAPER, 39, 0) - 0.5737864)).toBeLessThan(1e-4);
    expect(Math.abs(bgnbdProbNPurchases(PAPER, 2, 10) / 1.07869e-7 - 1)).toBeLessThan(1e-3);
    const at30 = [
      0.0019995214, 0.0015170236, 0.001163315, 0.0009003148, 0.0007023638, 0.0005517902, 0.0004361913, 0.0003467171,
      0.0002769613, 0.000222226,
    ];
    at30.forEach((p, i) => expect(bgnbdProbNPurchases(PAPER, 30, 11 + i)).toBeCloseTo(p, 9));
  });

  it('P(X(t) = n) sums to 1 and its mean is E[X(t)]', () => {
    for (const t of [2, 39, 78]) {
      let total = 0;
      let mean = 0;
      for (let n = 0; n <= 1000; n++) {
        const p = bgnbdProbNPurchases(PAPER, t, n);
        total += p;
        mean += n * p;
      }
      expect(total).toBeCloseTo(1, 9);
      expect(mean).toBeCloseTo(bgnbdExpected(PAPER, t), 6);
    }
  });

  it('keeps the digits of tiny probabilities', () => {
    // Deep in the tail 1 − P(N < n) cancels to 0 in doubles; summing the tail does not.
    // References: the same formula in mpmath 1.3.0 at 250 digits.
    expect(Math.abs(bgnbdProbNPurchases(PAPER, 0.01, 30) / 1.0923083841413908e-82 - 1)).toBeLessThan(1e-10);
    expect(Math.abs(bgnbdProbNPurchases(PAPER, 0.01, 31) / 2.3494687918989965e-85 - 1)).toBeLessThan(1e-10);
  });

  it('says a client with no repeat purchase is alive, and a new client is E[X(t)]', () => {
    expect(bgnbdPAlive(PAPER, 0, 1, 1)).toBe(1);
    expect(bgnbdPAlive(PAPER, 0, 0, 38.86)).toBe(1);
    expect(bgnbdConditionalExpected(PAPER, 39, 0, 0, 0)).toBeCloseTo(bgnbdExpected(PAPER, 39), 12);
  });

  it('lowers P(alive) the longer a repeat buyer has been silent', () => {
    const silent = [31, 35, 40, 60].map((T) => bgnbdPAlive(PAPER, 2, 30.43, T));
    for (let i = 1; i < silent.length; i++) expect(silent[i]).toBeLessThan(silent[i - 1]);
  });

  it('is continuous in a through 1', () => {
    const near = (a: number) => bgnbdConditionalExpected({ ...PAPER, a }, 39, 2, 30.43, 38.86);
    expect(Number.isFinite(near(1))).toBe(true);
    expect(Math.abs(near(1) - (near(1 - 1e-4) + near(1 + 1e-4)) / 2)).toBeLessThan(1e-7);
  });

  it('returns NaN for invalid parameters or client data', () => {
    expect(bgnbdPAlive({ ...PAPER, r: -1 }, 2, 1, 3)).toBeNaN();
    expect(bgnbdPAlive(PAPER, 2, 4, 3)).toBeNaN();
    expect(bgnbdPAlive(PAPER, 1.5, 1, 3)).toBeNaN();
    expect(bgnbdConditionalExpected(PAPER, -1, 2, 1, 3)).toBeNaN();
    expect(bgnbdExpected({ ...PAPER, alpha: NaN }, 3)).toBeNaN();
    expect(bgnbdProbNPurchases(PAPER, 3, 1.5)).toBeNaN();
    expect(bgnbdProbNPurchases(PAPER, 0, 0)).toBe(1);
    expect(bgnbdLogLikelihood({ ...PAPER, b: 0 }, summary)).toBeNaN();
  });
});

describe('fitBgnbd on thin or odd data', () => {
  it('refuses fewer than 20 clients or fewer than 10 repeaters, with a message', () => {
    const few = fitBgnbd({ x: [1, 2, 0], tx: [3, 5, 0], T: [10, 10, 10] });
    expect(few).toMatchObject({ ok: false, code: 'too-few-repeaters' });
    expect(!few.ok && few.message.length).toBeGreaterThan(10);
    const manyButQuiet = fitBgnbd({
      x: Array.from({ length: 40 }, (_, i) => (i < 9 ? 1 : 0)),
      tx: Array.from({ length: 40 }, (_, i) => (i < 9 ? 2 : 0)),
      T: Array.from({ length: 40 }, () => 10),
    });
    expect(manyButQuiet).toMatchObject({ ok: false, code: 'too-few-repeaters' });
  });

  it('gives one verdict, no-dropout, when nobody leaves, and keeps the attempted optimum', () => {
    // Clients who never drop out (a tiny a, a huge b): every one keeps buying until the end.
    const steady = simulateBgnbd({ r: 2, alpha: 20, a: 1e-6, b: 1e3 }, 400, 365, 7);
    for (const fit of [fitBgnbd(steady), fitMbgnbd(steady)]) {
      expect(fit).toMatchObject({ ok: false, code: 'no-dropout' });
      if (fit.ok) continue;
      expect(fit.attempt!.values).toHaveLength(4);
      const [, , a, b] = fit.attempt!.values;
      expect(a! / (a! + b!)).toBeLessThan(MIN_DROPOUT);
      expect(Number.isFinite(fit.attempt!.logLikelihood)).toBe(true);
    }
    // The same clients with a real drop-out are fitted.
    expect(fitBgnbd(simulateBgnbd({ r: 2, alpha: 20, a: 0.8, b: 2.5 }, 400, 365, 7)).ok).toBe(true);
  });

  it('reports rows left out as invalid', () => {
    const fit = fitBgnbd({ x: [...summary.x, -1, NaN], tx: [...summary.tx, 0, 0], T: [...summary.T, 1, 1] });
    expect(fit.ok && fit.excluded).toBe(2);
    expectParams(params(fit), params(weekly), 1e-5);
  });

  it('never throws on random data, and every success is finite and positive', () => {
    const client = fc
      .tuple(fc.nat(12), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 60, noNaN: true }))
      .map(([x, share, T]) => ({ x, tx: x === 0 ? 0 : share * T, T }));
    fc.assert(
      fc.property(fc.array(client, { minLength: 0, maxLength: 60 }), (clients) => {
        const fit = fitBgnbd({ x: clients.map((c) => c.x), tx: clients.map((c) => c.tx), T: clients.map((c) => c.T) });
        if (fit.ok) {
          expect(Number.isFinite(fit.logLikelihood)).toBe(true);
          for (const v of Object.values(fit.params)) expect(v > 0 && Number.isFinite(v)).toBe(true);
        } else {
          expect(['too-few-repeaters', 'did-not-converge']).toContain(fit.code);
        }
      }),
      { numRuns: 60 },
    );
  });
});
