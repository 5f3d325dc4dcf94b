import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildFacts } from '../../core/analyze/facts.js';
import { salesColumns } from '../../core/read/sales-columns.js';
import { defaultHoldoutDays, modelCheck, type BacktestModel } from '../../core/analyze/model-check.js';
import { dayFromYmd } from '../../core/basics/calendar.js';
import { DEFAULT_STATUS_RULES } from '../../core/metrics/status.js';
import { bgnbd, bgnbdConditionalExpected, bgnbdExpected, COUNT_MODEL, paretoNbdConditionalExpected, type NbdParams, type ParetoParams } from '../../core/model/index.js';
import type { SaleLine } from '../../core/read/types.js';
import { rawRepeatDays } from '../model/cdnow.js';

const ymd = (text: string) => dayFromYmd(Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6, 8)));

/** BG/NBD as the check uses it. */
const BGNBD: BacktestModel<NbdParams> = {
  fit: (data) => bgnbd.fit(data),
  conditionalExpected: bgnbdConditionalExpected,
  expected: bgnbdExpected,
};

/** The CDNOW sample's transactions as sales lines (one per line of the file). */
function cdnowLines(): SaleLine[] {
  const text = readFileSync(fileURLToPath(new URL('../../../shared/data/cdnow_lifetimes/CDNOW_sample.txt', import.meta.url)), 'utf8');
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length >= 5)
    .map((f, i) => ({ row: i + 1, client: f[1]!, day: ymd(f[2]!), amount: Math.round(Number(f[4]) * 100) }));
}

describe('the model check on CDNOW, the published 39/39-week split', () => {
  const lines = cdnowLines();
  const asOf = dayFromYmd(1998, 6, 30);
  const facts = buildFacts(salesColumns(lines), asOf, 'amount');
  const outcome = modelCheck(facts, { bgnbd: BGNBD }, DEFAULT_STATUS_RULES, 273);
  if (!outcome.ok) throw new Error(outcome.code);
  const check = outcome.check;
  const calibration = rawRepeatDays('19970930');

  it('splits on 1997-09-30 and checks every client (all joined in the first quarter of 1997)', () => {
    expect(check.split).toBe(dayFromYmd(1997, 9, 30));
    expect(check.clients).toBe(2357);
  });

  it('predicts each client’s holdout purchase days by its conditional expectation, summed as an independent sum gives', () => {
    const row = check.models.bgnbd;
    if (!('totals' in row)) throw new Error('BG/NBD not fitted');
    const fit = bgnbd.fit(calibration);
    if (!fit.ok) throw new Error(fit.code);
    expect(fit.params.a).toBeCloseTo(0.793, 3);
    let sum = 0;
    for (let k = 0; k < calibration.x.length; k++) sum += bgnbdConditionalExpected(fit.params, 273, calibration.x[k]!, calibration.tx[k]!, calibration.T[k]!);
    expect(row.totals.predicted).toBeCloseTo(sum, 6);
    // Actual: the distinct purchase days after 1997-09-30 of every customer.
    const after = new Set(lines.filter((l) => l.day > check.split).map((l) => `${l.client} ${l.day}`));
    expect(row.totals.actual).toBe(after.size);
    expect(check.baseline.actual).toBe(after.size);
  });

  it('tracks cumulative repeat purchase days week by week, actual and Σ E[X(t)] over the cohort', () => {
    const start = dayFromYmd(1997, 1, 1);
    expect(check.tracking.weekEnd[0]).toBe(start + 6);
    expect(check.tracking.weekEnd).toHaveLength(Math.floor((asOf - start + 1) / 7));
    const week = 30;
    const end = check.tracking.weekEnd[week - 1]!;
    const firsts = new Map<string, number>();
    const days = new Map<string, Set<number>>();
    for (const l of lines) {
      firsts.set(l.client, Math.min(firsts.get(l.client) ?? Infinity, l.day));
      (days.get(l.client) ?? days.set(l.client, new Set()).get(l.client)!).add(l.day);
    }
    let actual = 0;
    for (const [client, set] of days) for (const d of set) if (d !== firsts.get(client) && d <= end) actual++;
    expect(check.tracking.actual[week - 1]).toBe(actual);
    const fit = bgnbd.fit(calibration);
    if (!fit.ok) throw new Error(fit.code);
    let expected = 0;
    for (const first of firsts.values()) expected += bgnbdExpected(fit.params, end + 1 - first);
    expect(check.tracking.predicted.bgnbd![week - 1]).toBeCloseTo(expected, 6);
  });

  it('tracks with Pareto/NBD the published weekly series of weeks 20–25 (REFERENCE_RESULTS.md), and the predicted total is Σ E[Y(273) | x, t_x, T]', () => {
    const all = modelCheck(facts, COUNT_MODEL, DEFAULT_STATUS_RULES, 273);
    if (!all.ok) throw new Error(all.code);
    const tracking = all.check.tracking;
    expect(tracking.actual.slice(19, 25)).toEqual([1359, 1414, 1484, 1517, 1573, 1672]);
    expect(tracking.predicted.paretonbd!.slice(19, 25).map(Math.round)).toEqual([1309, 1385, 1460, 1533, 1604, 1674]);
    const fit = COUNT_MODEL.paretonbd.fit(calibration);
    if (!fit.ok) throw new Error(fit.code);
    let sum = 0;
    for (let k = 0; k < calibration.x.length; k++) sum += paretoNbdConditionalExpected(fit.params as ParetoParams, 273, calibration.x[k]!, calibration.tx[k]!, calibration.T[k]!);
    const row = all.check.models.paretonbd;
    if (!('totals' in row)) throw new Error('Pareto/NBD not fitted');
    expect(row.totals.predicted).toBeCloseTo(sum, 6);
    // BG/NBD through the shared interface is the check's BG/NBD above.
    const bg = all.check.models.bgnbd;
    expect('totals' in bg && bg.totals.predicted).toBeCloseTo((check.models.bgnbd as { totals: { predicted: number } }).totals.predicted, 9);
  });

  it('gives the mean holdout purchase days by calibration frequency, 7+ last', () => {
    expect(check.byFrequency.map((r) => r.frequency)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(check.byFrequency.reduce((s, r) => s + r.clients, 0)).toBe(2357);
    expect(check.byFrequency[0]!.clients).toBe(1411);
    // Repeat buyers buy more in the holdout than one-time buyers, in the data and in the model.
    expect(check.byFrequency[7]!.actual).toBeGreaterThan(check.byFrequency[0]!.actual);
    expect(check.byFrequency[7]!.predicted.bgnbd!).toBeGreaterThan(check.byFrequency[0]!.predicted.bgnbd!);
  });
});

describe('the model check on hand-built data', () => {
  const d = (m: number, day: number) => dayFromYmd(2026, m, day);
  let row = 1;
  const sale = (client: string, day: number): SaleLine => ({ row: ++row, client, day, amount: 10_000 });
  // asOf 31 March, holdout 30 days → split 1 March. Steady buys on 1 Jan, 15 Jan, 1 Feb, 15 Feb and
  // twice after the split; Gone bought on 1 and 10 January only; Late first bought on 15 March,
  // after the split, so it is not checked.
  const lines = [
    ...[d(1, 1), d(1, 15), d(2, 1), d(2, 15), d(3, 10), d(3, 25)].map((day) => sale('Steady', day)),
    sale('Gone', d(1, 1)),
    sale('Gone', d(1, 10)),
    sale('Late', d(3, 15)),
  ];
  const facts = buildFacts(salesColumns(lines), d(3, 31), 'amount');
  const nothing: BacktestModel<null> = { fit: () => ({ ok: false, code: 'too-few-repeaters' }), conditionalExpected: () => 0, expected: () => 0 };

  it('uses a quarter of the span of purchase days, within 28 and 365 days', () => {
    expect(defaultHoldoutDays(0, 400)).toBe(100);
    expect(defaultHoldoutDays(0, 40)).toBe(28);
    expect(defaultHoldoutDays(0, 4000)).toBe(365);
  });

  it('checks the clients that bought by the split, with the baseline as their own past rate', () => {
    const outcome = modelCheck(facts, { none: nothing }, DEFAULT_STATUS_RULES, 30);
    if (!outcome.ok) throw new Error(outcome.code);
    const { check } = outcome;
    expect([check.split, check.clients]).toEqual([d(3, 1), 2]);
    expect(check.models.none).toEqual({ skipped: 'too-few-repeaters' });
    // Steady: x = 3, T = 59 days (1 Jan → 1 Mar) → 3/59 × 30 predicted, 2 actual; Gone: 1/59 × 30, 0.
    const steady = (3 / 59) * 30;
    const gone = (1 / 59) * 30;
    expect(check.baseline.predicted).toBeCloseTo(steady + gone, 12);
    expect(check.baseline.actual).toBe(2);
    expect(check.baseline.mae).toBeCloseTo((Math.abs(steady - 2) + gone) / 2, 12);
    expect(check.tracking.predicted.none).toBeNull();
  });

  it('scores the rules: who was called lost or at risk at the split, and who was then silent', () => {
    const outcome = modelCheck(facts, { none: nothing }, { ...DEFAULT_STATUS_RULES, silenceDays: 20 }, 30);
    if (!outcome.ok) throw new Error(outcome.code);
    // silenceDays 20: Gone (cadence unknown, so lost after 2 × 20 days) is silent 50 days at the
    // split: lost, and it is silent afterwards. Steady (cadence 14, risk limit 21) is 14 days silent:
    // active, and it buys again.
    expect(outcome.check.rules.lost).toEqual({ called: 1, right: 1, precision: 1, silent: 1, found: 1, recall: 1 });
    expect(outcome.check.rules.lostOrAtRisk).toMatchObject({ called: 1, right: 1, silent: 1, found: 1 });
  });

  it('gives no check when the holdout reaches back past the first purchase day', () => {
    expect(modelCheck(facts, { none: nothing }, DEFAULT_STATUS_RULES, 200)).toEqual({ ok: false, code: 'too-short' });
    expect(modelCheck(buildFacts(salesColumns([]), d(3, 31), 'amount'), { none: nothing }, DEFAULT_STATUS_RULES)).toEqual({ ok: false, code: 'too-short' });
  });
});
