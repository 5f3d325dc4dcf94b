import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze/analyze.js';
import type { Analysis } from '../../core/analyze/analysis.js';
import { dayFromYmd } from '../../core/basics/calendar.js';
import type { SaleLine } from '../../core/read/types.js';
import type { OptionsInput } from '../../core/options/options.js';
import { chooseCountModel } from '../../core/analyze/client-model.js';
import { seededUniform } from '../model/simulate.js';

// 80 clients over two years: most buy every 20–60 days and some stop; 20 bought once, long ago.
// Each regular client has its own typical purchase (400–1,600, profit a fifth) and each day varies
// around it by ±30 %, so the spend model has differences between and within clients to fit.
// "Loss" buys at a loss on every repeat day (profit −50), "Mixed" nets a positive repeat profit.
const asOf = dayFromYmd(2026, 3, 31);
const start = asOf - 730;
const uniform = seededUniform(11);
const spendUniform = seededUniform(12);
let row = 1;
const lines: SaleLine[] = [];
const sale = (client: string, day: number, amount: number, profit: number) => lines.push({ row: ++row, client, day, amount: amount * 100, profit: profit * 100 });
for (let i = 0; i < 60; i++) {
  const gap = 20 + Math.floor(uniform() * 40);
  const stop = uniform() < 0.3 ? start + 200 + Math.floor(uniform() * 300) : asOf;
  const typical = 400 + spendUniform() * 1200;
  for (let day = start + Math.floor(uniform() * 60); day <= stop; day += gap) {
    const amount = Math.round(typical * (0.7 + 0.6 * spendUniform()));
    sale(`Client ${String(i).padStart(2, '0')}`, day, amount, Math.round(amount / 5));
  }
}
for (let i = 0; i < 20; i++) sale(`Once ${String(i).padStart(2, '0')}`, start + 10 + i * 5, 800, 150);
for (let k = 0; k < 8; k++) sale('Loss', asOf - 400 + k * 40, 500, k === 0 ? 100 : -50);
for (let k = 0; k < 8; k++) sale('Mixed', asOf - 400 + k * 40, 500, k % 2 === 0 ? -20 : 60);

function run(options: OptionsInput): Analysis {
  const outcome = analyze({ sales: lines }, { asOf, ...options });
  if (!outcome.ok) throw new Error(outcome.code);
  return outcome.analysis;
}
const byName = (a: Analysis) => new Map(a.clients.map((c) => [c.client, c]));

describe('the purchase models (SPEC §7, §7a)', () => {
  it('fits all three models, checks them, and by default scores the clients with the one of lowest error in the check, saying why', () => {
    const a = run({});
    expect([a.model.bgnbd?.kind, a.model.mbgnbd?.kind, a.model.paretonbd?.kind]).toEqual(['bgnbd', 'mbgnbd', 'paretonbd']);
    const check = a.model.check!;
    expect(check.holdoutDays).toBe(Math.round((Math.max(...a.clients.map((c) => c.lastPurchase!)) - Math.min(...a.clients.map((c) => c.firstPurchase!))) / 4));
    const maes = Object.entries(check.models).map(([kind, row]) => [kind, 'totals' in row ? row.totals.mae : Infinity] as const);
    const lowest = maes.reduce((best, row) => (row[1] < best[1] ? row : best));
    expect(lowest[1]).toBeLessThan(check.baseline.mae);
    expect(a.model).toMatchObject({ used: lowest[0], why: 'lowest-error', skipped: null });
    expect(run({ model: 'paretonbd' }).model).toMatchObject({ used: 'paretonbd', why: 'requested', check: { holdoutDays: check.holdoutDays } });
    expect(run({ model: 'mbgnbd', holdoutDays: 91 }).model.check?.holdoutDays).toBe(91);
    expect(run({ model: 'none' }).model).toMatchObject({ used: null, why: 'disabled', bgnbd: null, skipped: { code: 'disabled' }, check: null });
  });

  it('fits only the model asked for, with no check, for a cell function — and scores the clients the same', () => {
    const quick = run({ model: 'bgnbd', modelCheck: false });
    expect(quick.model).toMatchObject({ used: 'bgnbd', why: 'requested', mbgnbd: null, paretonbd: null, check: null });
    expect(quick.clients.map((c) => c.pAlive)).toEqual(run({ model: 'bgnbd' }).clients.map((c) => c.pAlive));
    expect(run({ modelCheck: false }).model).toMatchObject({ used: 'mbgnbd', why: 'no-check', bgnbd: null });
  });

  it('gives each scored client a 90 % interval around its P(alive)', () => {
    const scored = run({ model: 'mbgnbd' }).clients.filter((c) => c.pAlive !== null);
    expect(scored.length).toBeGreaterThan(0);
    for (const c of scored) {
      expect(c.pAliveLow!).toBeLessThanOrEqual(c.pAlive! + 1e-12);
      expect(c.pAliveHigh!).toBeGreaterThanOrEqual(c.pAlive! - 1e-12);
      expect(c.pAliveHigh!).toBeLessThanOrEqual(1);
    }
    expect(scored.some((c) => c.pAliveHigh! - c.pAliveLow! > 0.001)).toBe(true);
  });

  it('gives each valued client a 90 % interval around its 12-month value, and none where the value is empty', () => {
    const clients = run({ model: 'mbgnbd', measure: 'profit' }).clients;
    const valued = clients.filter((c) => c.expectedValue12m !== null);
    expect(valued.length).toBeGreaterThan(0);
    for (const c of valued) {
      expect(c.expectedValue12mLow!).toBeLessThan(c.expectedValue12m!);
      expect(c.expectedValue12mHigh!).toBeGreaterThan(c.expectedValue12m!);
    }
    const loss = byName({ clients } as Analysis).get('Loss')!;
    expect([loss.expectedValue12m, loss.expectedValue12mLow, loss.expectedValue12mHigh]).toEqual([null, null, null]);
  });

  it('does not call a lost one-time buyer alive under MBG/NBD or Pareto/NBD, as BG/NBD does', () => {
    for (const model of ['mbgnbd', 'paretonbd'] as const) {
      const once = byName(run({ model })).get('Once 00')!;
      expect(once.status).toBe('lost');
      expect(once.pAlive!, model).toBeLessThan(0.5);
    }
    expect(byName(run({ model: 'bgnbd' })).get('Once 00')!.pAlive).toBeCloseTo(1, 12);
  });

  it('never scores a client P(alive) ≥ 0.9 under MBG/NBD whose silence is past its lost limit', () => {
    const lostButAlive = run({ model: 'mbgnbd' }).clients.filter((c) => c.status === 'lost' && c.pAlive !== null && c.pAlive >= 0.9);
    expect(lostButAlive.map((c) => c.client)).toEqual([]);
  });

  it('gives no expected value to a client whose repeat days lose money, and never the population mean', () => {
    const a = run({ measure: 'profit' });
    const clients = byName(a);
    const loss = clients.get('Loss')!;
    expect(loss.pAlive).not.toBeNull();
    expect(loss.expectedValue12m).toBeNull();
    expect(clients.get('Mixed')!.expectedValue12m!).toBeGreaterThan(0);
    expect(a.model.gammaGamma!.clients).toBe(a.clients.filter((c) => c.purchaseDays > 1).length - 1);
    // Under the amount measure the same client spends positively and is valued.
    expect(byName(run({})).get('Loss')!.expectedValue12m!).toBeGreaterThan(0);
  });
});

describe('choosing the model (SPEC §7a)', () => {
  const totals = (mae: number) => ({ totals: { predicted: 10, actual: 10, mae } });
  const informative = { bgnbd: null, mbgnbd: null, paretonbd: null };
  const check = (bgnbd: number, mbgnbd: number, paretonbd: number, baseline: number) => ({
    models: { bgnbd: totals(bgnbd), mbgnbd: totals(mbgnbd), paretonbd: totals(paretonbd) },
    baseline: { predicted: 10, actual: 10, mae: baseline },
  });

  it('takes the lowest error that beats the baseline, and none when the baseline is as good', () => {
    expect(chooseCountModel('auto', check(0.9, 0.8, 0.85, 1), informative)).toEqual({ used: 'mbgnbd', why: 'lowest-error' });
    expect(chooseCountModel('auto', check(0.7, 0.8, 0.85, 1), informative)).toEqual({ used: 'bgnbd', why: 'lowest-error' });
    expect(chooseCountModel('auto', check(0.9, 0.8, 0.85, 0.8), informative)).toEqual({ used: null, why: 'no-better-than-baseline', skipped: { code: 'no-better-than-baseline' } });
  });

  it('passes over a model that is not informative on all the data or in the check', () => {
    expect(chooseCountModel('auto', check(0.7, 0.8, 0.85, 1), { ...informative, bgnbd: { code: 'no-dropout' } })).toEqual({ used: 'mbgnbd', why: 'lowest-error' });
    const calibrationFailed = { ...check(0.7, 0.8, 0.85, 1), models: { bgnbd: { skipped: 'no-dropout' as const }, mbgnbd: totals(0.8), paretonbd: totals(0.75) } };
    expect(chooseCountModel('auto', calibrationFailed, informative)).toEqual({ used: 'paretonbd', why: 'lowest-error' });
  });

  it('takes MBG/NBD without a check, and the model asked for whatever the check says', () => {
    expect(chooseCountModel('auto', null, informative)).toEqual({ used: 'mbgnbd', why: 'no-check' });
    expect(chooseCountModel('bgnbd', check(0.9, 0.8, 0.85, 0.5), informative)).toEqual({ used: 'bgnbd', why: 'requested' });
    expect(chooseCountModel('paretonbd', null, { ...informative, paretonbd: { code: 'too-few-repeaters' } })).toEqual({ used: null, why: 'not-informative', skipped: { code: 'too-few-repeaters' } });
  });
});
