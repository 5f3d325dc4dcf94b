import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze/analyze.js';
import type { Analysis } from '../../core/analyze/analysis.js';
import { dayFromYmd, formatDay } from '../../core/basics/calendar.js';
import type { SaleLine } from '../../core/read/types.js';

const d = (iso: string) => dayFromYmd(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
let row = 1;
const sale = (client: string, iso: string, money: number): SaleLine => ({ row: ++row, client, day: d(iso), amount: money * 100 });
const months = (from: number, count: number, day: number) =>
  Array.from({ length: count }, (_, i) => {
    const m = from + i;
    return `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  });

// Hand-worked example (see the comments in each test): asOf 2025-12-31, monthly 12-period window 2025.
const sales: SaleLine[] = [
  ...months(0, 24, 10).map((iso) => sale('Alpha', iso, 1000)),
  ...months(0, 15, 1).map((iso) => sale('Beta', iso, 500)),
  sale('Gamma', '2025-11-15', 300),
  sale('Gamma', '2025-12-15', 200),
  sale('Delta', '2025-06-01', 800),
  sale('Delta', '2025-06-05', -800),
  sale('Omega', '2025-05-05', -100),
  sale('Late', '2026-01-05', 999),
];
const requests = ['2025-06-05', '2025-12-11', '2025-12-12', '2025-12-13'].map((iso, i) => ({ row: i + 2, client: 'Alpha', day: d(iso) }));

function run(): Analysis {
  const outcome = analyze({ sales, requests, rows: sales.length + 1, rejected: [{ row: 99, reason: 'blank' }] }, { asOf: d('2025-12-31'), model: 'none' });
  if (!outcome.ok) throw new Error(outcome.code);
  return outcome.analysis;
}
const byName = (a: Analysis) => Object.fromEntries(a.clients.map((c) => [c.client, c]));

describe('analyze (hand-worked example)', () => {
  const a = run();
  const c = byName(a);

  it('uses the window Jan–Dec 2025 and reports the line after asOf', () => {
    expect([formatDay(a.window.from), formatDay(a.window.to)]).toEqual(['2025-01-01', '2025-12-31']);
    expect(a.input.rejected).toEqual([{ row: 99, reason: 'blank' }, { row: sales.length + 1, reason: 'after-as-of', source: 'sales' }]);
    expect(a.clients.map((x) => x.client)).toEqual(['Alpha', 'Beta', 'Delta', 'Gamma', 'Omega']);
  });

  it('ranks ABC over the window: 12000, 1500, 500 of 14000 → A, B, C', () => {
    expect([c.Alpha.abc, c.Beta.abc, c.Gamma.abc, c.Delta.abc, c.Omega.abc]).toEqual(['A', 'B', 'C', null, null]);
    expect(c.Beta.share).toBeCloseTo(1500 / 14000, 12);
    expect(c.Beta.cumShare).toBeCloseTo(13500 / 14000, 12);
  });

  it('classes XYZ: steady X, Beta stopped in March → cv √3 → Z, Gamma 2 months → N', () => {
    expect(c.Alpha.cv).toBe(0);
    expect(c.Beta.cv).toBeCloseTo(Math.sqrt(3), 12);
    expect([c.Alpha.xyz, c.Beta.xyz, c.Gamma.xyz]).toEqual(['X', 'Z', 'N']);
    const cell = (abc: string, xyz: string) => a.matrix.find((m) => m.abc === abc && m.xyz === xyz)!;
    expect(cell('A', 'X')).toMatchObject({ clients: 1, value: 12000 });
    expect(cell('B', 'Z').share).toBeCloseTo(1500 / 14000, 12);
    expect(cell('C', 'N').clients).toBe(1);
  });

  it('computes former value and tiers: 12000, 6000, 800, 500 → gold, gold, silver, bronze', () => {
    expect([c.Alpha.formerValue, c.Beta.formerValue, c.Delta.formerValue, c.Gamma.formerValue]).toEqual([12000, 6000, 800, 500]);
    expect([c.Alpha.tier, c.Beta.tier, c.Delta.tier, c.Gamma.tier, c.Omega.tier]).toEqual(['gold', 'gold', 'silver', 'bronze', null]);
  });

  it('finds status, signals, the action lists and actions', () => {
    expect([c.Alpha.status, c.Beta.status, c.Gamma.status, c.Delta.status, c.Omega.status]).toEqual(['active', 'lost', 'new', 'lost', null]);
    expect(c.Delta.oneOff).toBe(true);
    expect(c.Alpha.signals).toEqual(['requests-without-orders']);
    expect(c.Beta.actions).toEqual(['overdue-gold']);
    expect(c.Delta.actions).toEqual(['overdue']);
    expect(c.Beta.recencyDays).toBe(d('2025-12-31') - d('2025-03-01'));
    // Beta and Delta are lost gold and silver clients (Win back, 6000 before 800); Alpha is active
    // with requests and no order since (Grow); Gamma (new, no sign) and Omega (no purchase day) in none.
    expect(a.winBack.map((x) => [x.client, x.list])).toEqual([
      ['Beta', 'win-back'],
      ['Delta', 'win-back'],
      ['Alpha', 'grow'],
    ]);
    expect([c.Gamma.list, c.Omega.list]).toEqual([null, null]);
    expect([c.Beta.valueAtStake, c.Delta.valueAtStake, c.Alpha.valueAtStake]).toEqual([6000, 800, 12000]);
  });

  it('converts 1 of Alpha’s 4 requests in the window', () => {
    expect(a.conversion.overall).toEqual({ name: '', requests: 4, converted: 1, rate: 0.25 });
    expect([c.Alpha.requests, c.Alpha.converted]).toEqual([4, 1]);
  });

  it('reports movement and the transition matrix', () => {
    const kinds = Object.fromEntries(a.movement.map((m) => [m.client, m.kinds]));
    expect(kinds).toEqual({ Beta: ['buys-less', 'less-often'], Delta: ['new'], Gamma: ['new'] });
    expect(a.transitions).toEqual({ AX: { AX: 1, BZ: 1 }, none: { CN: 1 } });
  });

  it('counts the last quarter: 2 active, 1 new, Delta lost', () => {
    const q4 = a.kpis.quarters.at(-1)!;
    expect(q4).toMatchObject({ quarter: '2025Q4', active: 2, new: 1, lost: 1, returned: 0 });
  });

  it('refuses empty input and a missing measure with a code', () => {
    expect(analyze({ sales: [] })).toMatchObject({ ok: false, code: 'no-sales' });
    expect(analyze({ sales }, { measure: 'profit' })).toMatchObject({ ok: false, code: 'no-measure' });
  });
});
