import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_DROPOUT } from '../../core/model/repeat-fit.js';
import {
  fitParetoNbd,
  paretoNbdConditionalExpected,
  paretoNbdExpected,
  paretoNbdLogLikelihood,
  paretoNbdPAlive,
  type ParetoFitResult,
  type ParetoParams,
} from '../../core/model/paretonbd.js';
import { paretoLikelihood } from '../../core/model/pareto-likelihood.js';
import { aggregateRepeatData } from '../../core/model/repeat-data.js';
import { hyp2f1, logGamma } from '../../core/model/special.js';
import { cdnowSummary, purchaseDays, rawRepeatDays } from './cdnow.js';
import { simulateBgnbd } from './simulate.js';

// All reference numbers: shared/data/REFERENCE_RESULTS.md, "Pareto/NBD on the same data".
const FHL: ParetoParams = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const CLVTOOLS: ParetoParams = { r: 0.55315, alpha: 10.57633, s: 0.60625, beta: 11.6715 };
const BTYD: ParetoParams = { r: 0.5533971, alpha: 10.5801985, s: 0.6060625, beta: 11.6562237 };
const CLVTOOLS_SE = [0.0476264, 0.8427222, 0.1872594, 6.2105448];
const NAMES = ['r', 'alpha', 's', 'beta'] as const;
const summary = cdnowSummary();
const weekly = fitParetoNbd(summary);

function params(fit: ParetoFitResult): ParetoParams {
  if (!fit.ok) throw new Error(`fit failed: ${fit.code} ${fit.message}`);
  return fit.params;
}

/**
 * One client's likelihood as note 009 writes it (eq. 18–20, the A₀ of the α ≥ β / α < β cases),
 * with the general `hyp2f1` — an independent check of the rearranged, log-space form.
 */
function noteLikelihood({ r, alpha, s, beta }: ParetoParams, x: number, tx: number, T: number): number {
  const kappa = r + s + x;
  const [big, other] = alpha >= beta ? [alpha, s + 1] : [beta, r + x];
  const gap = Math.abs(alpha - beta);
  const term = (t: number) => hyp2f1(kappa, other, kappa + 1, gap / (big + t)) / (big + t) ** kappa;
  const a0 = term(tx) - term(T);
  const front = Math.exp(logGamma(r + x) - logGamma(r)) * alpha ** r * beta ** s;
  return Math.log(front * (1 / ((alpha + T) ** (r + x) * (beta + T) ** s) + (s / kappa) * a0));
}

describe('the Pareto/NBD log-likelihood', () => {
  it('has the worked value ln(5/8) for x = 0, T = 1 at r = α = s = β = 1', () => {
    expect(paretoNbdLogLikelihood({ r: 1, alpha: 1, s: 1, beta: 1 }, { x: [0], tx: [0], T: [1] })).toBeCloseTo(Math.log(0.625), 12);
  });

  it('equals note 009 with its hypergeometric A₀ for α ≥ β and α < β', () => {
    const clients = [
      [0, 0, 38.9],
      [2, 30.43, 38.86],
      [26, 30.86, 31],
      [7, 2, 60],
    ] as const;
    for (const p of [BTYD, { ...BTYD, alpha: 20, beta: 3 }, { r: 2, alpha: 1.5, s: 0.3, beta: 40 }]) {
      for (const [x, tx, T] of clients) {
        expect(paretoNbdLogLikelihood(p, { x: [x], tx: [tx], T: [T] })).toBeCloseTo(noteLikelihood(p, x, tx, T), 8);
      }
    }
  });

  it('has an exact gradient (central differences agree to 1e-6 relative)', () => {
    const data = aggregateRepeatData(summary);
    const ll = paretoLikelihood(data);
    for (const p of [[0.55, 10.6, 0.61, 11.7], [0.55, 14, 0.61, 6], [2, 3, 0.2, 30]]) {
      const gradient = new Float64Array(4);
      ll(p[0], p[1], p[2], p[3], gradient);
      for (let i = 0; i < 4; i++) {
        const h = 1e-6 * p[i];
        const up = [...p];
        const down = [...p];
        up[i] += h;
        down[i] -= h;
        const numeric = (ll(up[0], up[1], up[2], up[3]) - ll(down[0], down[1], down[2], down[3])) / (2 * h);
        expect(Math.abs(gradient[i] - numeric), NAMES[i]).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)) + 1e-4);
      }
    }
  });

  it('stays finite where the textbook form overflows (x = 2,000 purchase days, T = 20,000 days)', () => {
    const days = { r: 0.55, alpha: 74, s: 0.61, beta: 82 };
    const ll = paretoNbdLogLikelihood(days, { x: [2000, 1500, 0], tx: [19_990, 12_000, 0], T: [20_000, 20_000, 20_000] });
    expect(Number.isFinite(ll)).toBe(true);
    expect(Number.isFinite(noteLikelihood(days, 2000, 19_990, 20_000))).toBe(false);
    const alive = paretoNbdPAlive(days, 2000, 19_990, 20_000);
    expect(alive).toBeGreaterThan(0.99);
    expect(paretoNbdPAlive(days, 1500, 12_000, 20_000)).toBeLessThan(1e-6);
    expect(Number.isFinite(paretoNbdConditionalExpected(days, 365, 2000, 19_990, 20_000))).toBe(true);
  });

  it('returns NaN for invalid parameters', () => {
    expect(paretoNbdLogLikelihood({ ...BTYD, s: 0 }, summary)).toBeNaN();
    expect(paretoNbdPAlive({ ...BTYD, beta: NaN }, 1, 1, 2)).toBeNaN();
    expect(paretoNbdConditionalExpected(BTYD, 52, 1, 3, 2)).toBeNaN();
    expect(paretoNbdExpected(BTYD, -1)).toBeNaN();
  });
});

describe('fitParetoNbd on the CDNOW summary (weeks)', () => {
  it('reproduces Fader, Hardie & Lee within 0.001 relative (as CLVTools tests) and LL −9594.98', () => {
    expect(weekly).toMatchObject({ ok: true, converged: true, clients: 2357, excluded: 0 });
    const fitted = params(weekly);
    for (const key of NAMES) expect(Math.abs(fitted[key] / FHL[key] - 1), key).toBeLessThan(0.001);
    expect(weekly.ok && Math.abs(weekly.logLikelihood - -9594.98)).toBeLessThan(0.01);
    // The optimum: at least as likely as every published estimate.
    for (const published of [FHL, CLVTOOLS, BTYD]) {
      expect(weekly.ok && weekly.logLikelihood).toBeGreaterThanOrEqual(paretoNbdLogLikelihood(published, summary));
    }
    expect(weekly.ok && weekly.logLikelihood).toBeCloseTo(paretoNbdLogLikelihood(fitted, summary), 10);
  });

  it('gives the standard errors CLVTools prints, within 0.5 %', () => {
    const covariance = weekly.ok ? weekly.covariance : null;
    expect(covariance).not.toBeNull();
    CLVTOOLS_SE.forEach((se, i) => expect(Math.abs(Math.sqrt(covariance![i][i]) / se - 1), NAMES[i]).toBeLessThan(0.005));
  });

  it('converges to the same answer from a far start', () => {
    const far = params(fitParetoNbd(summary, { start: { r: 8, alpha: 0.5, s: 5, beta: 200 } }));
    for (const key of NAMES) expect(Math.abs(far[key] / params(weekly)[key] - 1), key).toBeLessThan(1e-4);
  });

  it('in days gives the same r and s, α and β × 7, and LL lower by Σx · ln 7', () => {
    const inDays = rawRepeatDays('19970930');
    const inWeeks = { x: inDays.x, tx: inDays.tx.map((v) => v / 7), T: inDays.T.map((v) => v / 7) };
    const [daily, weeks] = [fitParetoNbd(inDays), fitParetoNbd(inWeeks)];
    const [w, d] = [params(weeks), params(daily)];
    // The summary file rounds t_x and T to 0.01 week; the fit barely moves.
    for (const key of NAMES) expect(Math.abs(w[key] / params(weekly)[key] - 1), key).toBeLessThan(1e-3);
    expect(Math.abs(d.r / w.r - 1)).toBeLessThan(1e-5);
    expect(Math.abs(d.s / w.s - 1)).toBeLessThan(1e-5);
    expect(Math.abs(d.alpha / (7 * w.alpha) - 1)).toBeLessThan(1e-5);
    expect(Math.abs(d.beta / (7 * w.beta) - 1)).toBeLessThan(1e-5);
    const sumX = inDays.x.reduce((acc, v) => acc + v, 0);
    expect(sumX).toBe(2457);
    expect(daily.ok && weeks.ok && daily.logLikelihood - (weeks.logLikelihood - sumX * Math.log(7))).toBeCloseTo(0, 6);
  });
});

describe('Pareto/NBD predictions (BTYD walkthrough parameters)', () => {
  it('scores customer 1516: P(alive) 0.9979, E[Y(52)] 25.46', () => {
    expect(Math.abs(paretoNbdPAlive(BTYD, 26, 30.86, 31) - 0.9979)).toBeLessThan(0.001);
    expect(Math.abs(paretoNbdConditionalExpected(BTYD, 52, 26, 30.86, 31) - 25.46)).toBeLessThan(0.01);
  });

  it('expects 1.473 repeat purchases from a new client in 52 weeks', () => {
    expect(Math.abs(paretoNbdExpected(BTYD, 52) - 1.473)).toBeLessThan(0.0005);
  });

  it("matches lifetimes' E[X(t)] for t = 0 … 9 weeks (atol 0.01) at the fitted parameters", () => {
    const lifetimes = [0, 0.05077821, 0.09916088, 0.14542507, 0.1897993, 0.23247466, 0.27361274, 0.31335159, 0.35181024, 0.38909211];
    lifetimes.forEach((v, t) => expect(Math.abs(paretoNbdExpected(params(weekly), t) - v), `t = ${t}`).toBeLessThan(0.01));
  });

  it('makes E[X(t)] the conditional expectation of a client just born, also at s = 1 exactly', () => {
    for (const p of [BTYD, { ...BTYD, s: 1 }]) {
      for (const t of [1, 52, 400]) expect(paretoNbdConditionalExpected(p, t, 0, 0, 0)).toBeCloseTo(paretoNbdExpected(p, t), 12);
    }
    // s = 1: E[X(t)] = (r/α) β ln(1 + t/β).
    const one = { ...BTYD, s: 1 };
    expect(paretoNbdExpected(one, 52)).toBeCloseTo((BTYD.r / BTYD.alpha) * BTYD.beta * Math.log1p(52 / BTYD.beta), 12);
  });

  it('lets a client with no repeat purchase fade as it ages', () => {
    const young = paretoNbdPAlive(BTYD, 0, 0, 5);
    const old = paretoNbdPAlive(BTYD, 0, 0, 40);
    expect(young).toBeLessThan(1);
    expect(old).toBeLessThan(young);
  });
});

describe('the weekly tracking of the BTYD walkthrough (fitted in days on the 39-week calibration)', () => {
  // lifetimes' expected_cumulative_transactions (tests/test_utils.py, freq "D", freq_multiplier 7):
  // week j covers the days [start, start + 7j); each client first seen before its end contributes
  // E[X(start + 7j − first day)] — every client, whatever they did later.
  const daily = params(fitParetoNbd(rawRepeatDays('19970930')));
  const days = purchaseDays();
  const start = Math.min(...days.map((d) => d[0]));
  const cumulative = (week: number) => {
    const end = start + 7 * week;
    let predicted = 0;
    let actual = 0;
    for (const client of days) {
      if (client[0] >= end) continue;
      predicted += paretoNbdExpected(daily, end - client[0]);
      actual += client.filter((day, i) => i > 0 && day < end).length;
    }
    return { predicted, actual };
  };
  const weeks = [19, 20, 21, 22, 23, 24, 25].map(cumulative);

  it('predicts 1309 1385 1460 1533 1604 1674 cumulative repeat purchases in weeks 20–25 (actual 1359 … 1672)', () => {
    expect(weeks.slice(1).map((w) => Math.round(w.predicted))).toEqual([1309, 1385, 1460, 1533, 1604, 1674]);
    expect(weeks.slice(1).map((w) => w.actual)).toEqual([1359, 1414, 1484, 1517, 1573, 1672]);
  });

  it('predicts 78.31 76.42 74.65 72.98 71.41 69.93 per week (atol 0.01)', () => {
    const weekly = [78.31, 76.42, 74.65, 72.98, 71.41, 69.93];
    weekly.forEach((v, i) => expect(Math.abs(weeks[i + 1].predicted - weeks[i].predicted - v), `week ${i + 20}`).toBeLessThan(0.01));
  });
});

describe('fitParetoNbd outcomes', () => {
  it('refuses thin data', () => {
    expect(fitParetoNbd({ x: [1, 0], tx: [1, 0], T: [2, 2] })).toMatchObject({ ok: false, code: 'too-few-repeaters' });
  });

  it('gives the no-dropout verdict when nobody leaves, with the attempted optimum', () => {
    const steady = simulateBgnbd({ r: 2, alpha: 20, a: 1e-6, b: 1e3 }, 400, 365, 7);
    const fit = fitParetoNbd(steady);
    expect(fit).toMatchObject({ ok: false, code: 'no-dropout' });
    if (fit.ok) return;
    const [r, alpha, s, beta] = fit.attempt!.values;
    expect(Number.isFinite(fit.attempt!.logLikelihood)).toBe(true);
    // Either the search ran to s → 0 / β → ∞, or the mean drop-out is below the floor.
    expect(s! / beta! / (r! / alpha! + s! / beta!)).toBeLessThan(MIN_DROPOUT);
    expect(fitParetoNbd(simulateBgnbd({ r: 2, alpha: 20, a: 0.8, b: 2.5 }, 400, 365, 7)).ok).toBe(true);
  });

  it('never throws on random data, and every success is finite and positive', () => {
    const client = fc
      .tuple(fc.nat(12), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 60, noNaN: true }))
      .map(([x, share, T]) => ({ x, tx: x === 0 ? 0 : share * T, T }));
    fc.assert(
      fc.property(fc.array(client, { maxLength: 60 }), (clients) => {
        const fit = fitParetoNbd({ x: clients.map((c) => c.x), tx: clients.map((c) => c.tx), T: clients.map((c) => c.T) });
        if (fit.ok) {
          expect(Number.isFinite(fit.logLikelihood)).toBe(true);
          for (const v of Object.values(fit.params)) expect(v > 0 && Number.isFinite(v)).toBe(true);
        } else {
          expect(fit.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 40 },
    );
  });
});
