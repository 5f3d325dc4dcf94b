import { describe, expect, it } from 'vitest';
import { COUNT_MODEL } from '../../core/model/count-model.js';
import { conditionalExpectedAverageValue, fitGammaGamma } from '../../core/model/gammagamma.js';
import { conditionalExpectedInterval, normalQuantile, pAliveInterval, valueIntervals } from '../../core/model/intervals.js';
import { cdnowSpend, cdnowSummary } from './cdnow.js';
import { simulateGammaGamma, simulateMbgnbd } from './simulate.js';

const summary = cdnowSummary();
const zeros = (n: number) => Array.from({ length: n }, () => new Array<number>(n).fill(0));

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

describe('the interval of the expected value (count model × Gamma-Gamma)', () => {
  const model = COUNT_MODEL.bgnbd;
  const fit = model.fit(summary);
  const spendFit = fitGammaGamma(cdnowSpend());
  if (!fit.ok || !spendFit.ok) throw new Error('CDNOW fits failed');
  const spend = { p: 6, q: 3, gamma: 500 };

  it('by hand: only the spend uncertain, a client with x = 0 — Var(ln E[M]) = (0.6/6)² + (0.3/(3 − 1))² + (50/500)² = 0.0425', () => {
    const intervals = valueIntervals(model, fit.params, zeros(4), spend, [[0.36, 0, 0], [0, 0.09, 0], [0, 0, 2500]])!;
    const purchases = model.conditionalExpected(fit.params, 52, 0, 0, 30);
    const value = purchases * 1500;
    const interval = intervals.expectedValue(52, 0, 0, 30, 0);
    // e^(∓1.6449 · √0.0425) = e^(∓0.33910).
    expect(interval.low / value).toBeCloseTo(0.712415, 5);
    expect(interval.high / value).toBeCloseTo(1.403677, 5);
  });

  it('collapses to the point value when both covariances are zero; null without a covariance; [0, 0] over no time', () => {
    const intervals = valueIntervals(model, fit.params, zeros(4), spend, zeros(3))!;
    const value = model.conditionalExpected(fit.params, 52, 2, 30.43, 38.86) * conditionalExpectedAverageValue(spend, 2, 22.35);
    expect(intervals.expectedValue(52, 2, 30.43, 38.86, 22.35)).toEqual({ low: value, high: value });
    expect(intervals.expectedValue(0, 2, 30.43, 38.86, 22.35)).toEqual({ low: 0, high: 0 });
    expect(valueIntervals(model, fit.params, null, spend, zeros(3))).toBeNull();
    expect(valueIntervals(model, fit.params, zeros(4), spend, null)).toBeNull();
    expect(valueIntervals(model, fit.params, zeros(4), { ...spend, q: 0.9 }, zeros(3))!.expectedValue(52, 0, 0, 30, 0).low).toBeNaN();
  });

  it('on CDNOW contains the point value, and its log-width adds the two fits’ variances (the spend part worked analytically)', () => {
    const [x, tx, T, zbar] = [2, 30.43, 38.86, 22.35];
    const value = model.conditionalExpected(fit.params, 52, x, tx, T) * conditionalExpectedAverageValue(spendFit.params, x, zbar);
    const interval = valueIntervals(model, fit.params, fit.covariance, spendFit.params, spendFit.covariance)!.expectedValue(52, x, tx, T, zbar);
    expect(interval.low).toBeLessThan(value);
    expect(interval.high).toBeGreaterThan(value);
    const z = normalQuantile(0.95);
    const countSpread = Math.log(conditionalExpectedInterval(model, fit.params, fit.covariance, 52, x, tx, T)!.high / model.conditionalExpected(fit.params, 52, x, tx, T)) / z;
    // ln E[M] = ln p + ln(γ + x z̄) − ln(px + q − 1); its slopes in ln p, ln q, ln γ:
    const { p, q, gamma } = spendFit.params;
    const d = p * x + q - 1;
    const slope = [1 - (p * x) / d, -q / d, gamma / (gamma + x * zbar)];
    const v = [p, q, gamma];
    let spendVariance = 0;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) spendVariance += (slope[i] * slope[j] * spendFit.covariance![i][j]) / (v[i] * v[j]);
    expect(spendVariance).toBeGreaterThan(0);
    expect(Math.log(interval.high / value) / z).toBeCloseTo(Math.sqrt(countSpread ** 2 + spendVariance), 5);
    expect(Math.log(value / interval.low) / z).toBeCloseTo(Math.sqrt(countSpread ** 2 + spendVariance), 5);
  });
});

describe('coverage on data simulated from known parameters (MBG/NBD, 40 data sets of 2,000 clients)', () => {
  // Continuous-time data (simulate.ts) so the data follow the model exactly.
  const TRUTH = { r: 0.8, alpha: 25, a: 1.2, b: 3 };
  const model = COUNT_MODEL.mbgnbd;
  const profile = { x: 3, tx: 200, T: 500, t: 365 };
  const truePAlive = model.pAlive(TRUTH, profile.x, profile.tx, profile.T);
  const trueExpected = model.conditionalExpected(TRUTH, profile.t, profile.x, profile.tx, profile.T);
  const data = Array.from({ length: 40 }, (_, k) => simulateMbgnbd(TRUTH, 2000, 730, 1000 + k, true));
  const runs = data.map((clients, k) => {
    const fit = model.fit(clients);
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

  it('the 90 % interval of the expected value over 365 days (count × spend, both fits uncertain) covers the truth in 31–40 of 40', () => {
    // Spend drawn from Gamma-Gamma, independently of the purchases, as the model assumes; the
    // profile spends 20 a repeat purchase. Same binomial bound as above. These seeds give 38; with
    // the spend's uncertainty alone (the count covariance set to zero) only 12 — the count model's
    // dominates for a client with three repeats.
    const SPEND = { p: 6, q: 3.5, gamma: 15 };
    const zbar = 20;
    const trueValue = trueExpected * conditionalExpectedAverageValue(SPEND, profile.x, zbar);
    const hits = runs.filter((fit, k) => {
      const spend = fitGammaGamma({ x: data[k]!.x, zbar: simulateGammaGamma(SPEND, data[k]!.x, 5000 + k) });
      if (!spend.ok) throw new Error(`spend seed ${5000 + k}: ${spend.code}`);
      const i = valueIntervals(model, fit.params, fit.covariance, spend.params, spend.covariance)!.expectedValue(profile.t, profile.x, profile.tx, profile.T, zbar);
      return i.low <= trueValue && trueValue <= i.high;
    }).length;
    expect(hits).toBeGreaterThanOrEqual(31);
  });
});
