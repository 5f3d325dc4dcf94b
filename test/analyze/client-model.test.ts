import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze/analyze.js';
import type { Analysis } from '../../core/analyze/analysis.js';
import { dayFromYmd } from '../../core/basics/calendar.js';
import type { SaleLine } from '../../core/read/types.js';
import type { OptionsInput } from '../../core/options/options.js';
import { seededUniform } from '../model/simulate.js';

// 80 clients over two years: most buy every 20–60 days and some stop; 20 bought once, long ago.
// "Loss" buys at a loss on every repeat day (profit −50), "Mixed" nets a positive repeat profit.
const asOf = dayFromYmd(2026, 3, 31);
const start = asOf - 730;
const uniform = seededUniform(11);
let row = 1;
const lines: SaleLine[] = [];
const sale = (client: string, day: number, amount: number, profit: number) => lines.push({ row: ++row, client, day, amount: amount * 100, profit: profit * 100 });
for (let i = 0; i < 60; i++) {
  const gap = 20 + Math.floor(uniform() * 40);
  const stop = uniform() < 0.3 ? start + 200 + Math.floor(uniform() * 300) : asOf;
  for (let day = start + Math.floor(uniform() * 60); day <= stop; day += gap) sale(`Client ${String(i).padStart(2, '0')}`, day, 1000, 200);
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
  it('fits both BG/NBD and MBG/NBD, and by default scores the clients with MBG/NBD, saying why', () => {
    const a = run({});
    expect(a.model.used).toBe('mbgnbd');
    expect(a.model.why).toBe('auto-mbgnbd');
    expect(a.model.bgnbd?.kind).toBe('bgnbd');
    expect(a.model.mbgnbd?.kind).toBe('mbgnbd');
    expect(a.model.skipped).toBeNull();
    expect(run({ model: 'bgnbd' }).model).toMatchObject({ used: 'bgnbd', why: 'requested' });
    expect(run({ model: 'none' }).model).toMatchObject({ used: null, why: 'disabled', bgnbd: null, skipped: { code: 'disabled' } });
  });

  it('does not call a lost one-time buyer alive, as BG/NBD does', () => {
    const once = byName(run({})).get('Once 00')!;
    expect(once.status).toBe('lost');
    expect(once.pAlive!).toBeLessThan(0.5);
    expect(byName(run({ model: 'bgnbd' })).get('Once 00')!.pAlive).toBeCloseTo(1, 12);
  });

  it('never scores a client P(alive) ≥ 0.9 whose silence is past its lost limit', () => {
    const lostButAlive = run({}).clients.filter((c) => c.status === 'lost' && c.pAlive !== null && c.pAlive >= 0.9);
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
