import { describe, expect, it } from 'vitest';
import { COUNT_MODEL } from '../../core/model/count-model.js';
import { conditionalExpectedInterval, normalQuantile, pAliveInterval } from '../../core/model/intervals.js';
import { cdnowSummary } from './cdnow.js';
import { simulateMbgnbd } from './simulate.js';

const summary = cdnowSummary();

describe('normalQuantile', () => {
  it('gives the textbook quantiles', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 8);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 7);
    expect(normalQuantile(1)).toBeNaN();
  });
});

describe('delta-method intervals on CDNOW', () => {
  const model = COUNT_MODEL.bgnbd;
  const fit = model.fit(summary);
  if (!fit.ok) throw new Error(fit.code);

  it('brackets the point values, P(alive) within [0, 1]', () => {
    const alive = pAliveInterval(model, fit.params, fit.covariance, 2, 30.43, 38.86)!;
    const p = model.pAlive(fit.params, 2, 30.43, 38.86);
    expect([alive.low, p, alive.high].map((v) => +v.toFixed(4))).toEqual([0.7004, 0.7266, 0.7538]);
    expect(alive.low).toBeLessThan(p);
    expect(alive.high).toBeGreaterThan(p);
    expect(alive.high).toBeLessThanOrEqual(1);
    const expected = conditionalExpectedInterval(model, fit.params, fit.covariance, 39, 2, 30.43, 38.86)!;
    const y = model.conditionalExpected(fit.params, 39, 2, 30.43, 38.86);
    expect([expected.low, y, expected.high].map((v) => +v.toFixed(4))).toEqual([1.1538, 1.2259, 1.3025]);
    expect(expected.low).toBeLessThan(y);
    expect(expected.high).toBeGreaterThan(y);
  });

  it('widens with the level and has the edge cases of the file comment', () => {
    const narrow = pAliveInterval(COUNT_MODEL.paretonbd, { r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 }, [[0.0023, 0, 0, 0], [0, 0.71, 0, 0], [0, 0, 0.035, 0], [0, 0, 0, 38.6]], 0, 0, 30, 0.5)!;
    const wide = pAliveInterval(COUNT_MODEL.paretonbd, { r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 }, [[0.0023, 0, 0, 0], [0, 0.71, 0, 0], [0, 0, 0.035, 0], [0, 0, 0, 38.6]], 0, 0, 30, 0.99)!;
    expect(wide.low).toBeLessThan(narrow.low);
    expect(wide.high).toBeGreaterThan(narrow.high);
    expect(pAliveInterval(model, fit.params, null, 2, 30.43, 38.86)).toBeNull();
    expect(pAliveInterval(model, fit.params, fit.covariance, 0, 0, 38.86)).toEqual({ low: 1, high: 1 });
    expect(conditionalExpectedInterval(model, fit.params, fit.covariance, 0, 2, 30.43, 38.86)).toEqual({ low: 0, high: 0 });
    expect(conditionalExpectedInterval(model, fit.params, fit.covariance, 39, 2, 50, 38.86)!.low).toBeNaN();
    expect(pAliveInterval(model, fit.params, fit.covariance, 2, 30.43, 38.86, 1)!.high).toBeNaN();
  });
});

describe('coverage on data simulated from known parameters (MBG/NBD, 40 data sets of 2,000 clients)', () => {
  // Continuous-time data (simulate.ts) so the data follow the model exactly.
  const TRUTH = { r: 0.8, alpha: 25, a: 1.2, b: 3 };
  const model = COUNT_MODEL.mbgnbd;
  const profile = { x: 3, tx: 200, T: 500, t: 365 };
  const truePAlive = model.pAlive(TRUTH, profile.x, profile.tx, profile.T);
  const trueExpected = model.conditionalExpected(TRUTH, profile.t, profile.x, profile.tx, profile.T);
  const runs = Array.from({ length: 40 }, (_, k) => {
    const fit = model.fit(simulateMbgnbd(TRUTH, 2000, 730, 1000 + k, true));
    if (!fit.ok) throw new Error(`seed ${1000 + k}: ${fit.code}`);
    return fit;
  });

  it('the 90 % intervals for P(alive) and E[Y(365)] of one client profile cover the truth in 31–40 of 40', () => {
    // Binomial(40, 0.9): mean 36, sd 1.9; fewer than 31 (2.6 sd below) has probability ≈ 1 %.
    const aliveHits = runs.filter((fit) => {
      const i = pAliveInterval(model, fit.params, fit.covariance, profile.x, profile.tx, profile.T)!;
      return i.low <= truePAlive && truePAlive <= i.high;
    }).length;
    const expectedHits = runs.filter((fit) => {
      const i = conditionalExpectedInterval(model, fit.params, fit.covariance, profile.t, profile.x, profile.tx, profile.T)!;
      return i.low <= trueExpected && trueExpected <= i.high;
    }).length;
    expect(aliveHits).toBeGreaterThanOrEqual(31);
    expect(expectedHits).toBeGreaterThanOrEqual(31);
  });

  it('estimate ± 1.96·se covers each parameter in about 95 % of the data sets', () => {
    // 160 intervals, expected 152; at least 141 (88 %) — r and α, a and b miss together, so the
    // count varies more than a binomial's sd of 2.8. These seeds give 145 (36, 35, 37, 37 of 40
    // for r, α, a, b): Wald intervals on 2,000 clients cover a little less than nominal.
    let hits = 0;
    for (const fit of runs) {
      model.paramNames.forEach((name, i) => {
        if (Math.abs(fit.params[name] - TRUTH[name as keyof typeof TRUTH]) <= 1.96 * Math.sqrt(fit.covariance![i][i])) hits++;
      });
    }
    expect(hits).toBeGreaterThanOrEqual(141);
  });
});
