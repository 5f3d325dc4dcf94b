import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze/analyze.js';
import { dayFromYmd } from '../../core/basics/calendar.js';
import type { SaleLine } from '../../core/read/types.js';

const d = (iso: string) => dayFromYmd(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
let row = 1;
const sale = (client: string, iso: string, money: number): SaleLine => ({ row: ++row, client, day: d(iso), amount: money * 100 });

/*
 * Worked by hand: asOf 2025-12-31, window 2025, previous window 2024 (ends 2024-12-31).
 * formerValue looks back 364 days from the last purchase, so a purchase on the same date a year
 * before it (365 days) is out.
 *   then (2024-12-31): A 100, C 50, B 10, E 5 of 165 → above 0, 0.606, 0.909, 0.970
 *     → gold, gold, silver, bronze; D no tier.
 *   now  (2025-12-31): B 200, E 60, C 50, D 40, A 10 of 360 → above 0, 0.556, 0.722, 0.861, 0.972
 *     → gold, gold, gold, silver, bronze.
 *   betterTier: B silver → gold, E bronze → gold = 2 (A fell, C stayed, D had no tier then).
 *   grewShare: window values A 10/100, B 200/10, C 0/50, D 40/0, E 60/5 → B, D, E grew of 5 = 0.6.
 *   orders in 2025: A, B, D, E one each → 1 per buying client, average (10 + 200 + 40 + 60) / 4.
 */
const sales: SaleLine[] = [
  sale('A', '2024-06-01', 100),
  sale('A', '2025-06-01', 10),
  sale('B', '2024-03-01', 10),
  sale('B', '2025-03-01', 200),
  sale('C', '2024-05-01', 50),
  sale('D', '2025-02-01', 40),
  sale('E', '2024-01-15', 5),
  sale('E', '2025-07-01', 60),
];

describe('development KPIs (hand-worked example)', () => {
  const outcome = analyze({ sales, rows: sales.length + 1, rejected: [] }, { asOf: d('2025-12-31'), model: 'none' });
  if (!outcome.ok) throw new Error(outcome.code);
  const development = outcome.analysis.kpis.development;

  it('counts clients whose value tier is better now than at the previous window’s end', () => {
    expect(outcome.analysis.clients.map((c) => [c.client, c.tier])).toEqual([
      ['A', 'bronze'],
      ['B', 'gold'],
      ['C', 'gold'],
      ['D', 'silver'],
      ['E', 'gold'],
    ]);
    expect(development.betterTier).toBe(2);
  });

  it('gives the share that grew, orders per client and the average order', () => {
    expect(development.grewShare).toBe(0.6);
    expect(development.ordersPerClient).toBe(1);
    expect(development.averageOrderValue).toBe(77.5);
    expect(development.productsPerClient).toBeNull();
  });
});
