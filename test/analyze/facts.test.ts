import { describe, expect, it } from 'vitest';
import { buildFacts, formerValueAt } from '../../core/analyze/facts.js';
import { salesColumns } from '../../core/read/sales-columns.js';
import type { SaleLine } from '../../core/read/types.js';

// Amounts in cents, as the readers give them; days are day numbers.
const sale = (row: number, client: string, day: number, cents: number): SaleLine => ({ row, client, day, amount: cents });

describe('formerValueAt (the worked example of its comment)', () => {
  const facts = buildFacts(
    salesColumns([sale(2, 'Near', 100, 10_000), sale(3, 'Near', 400, 5_000), sale(4, 'Far', 10, 10_000), sale(5, 'Far', 400, 5_000)]),
    500,
    'amount',
  );
  const near = facts.names.indexOf('Near');
  const far = facts.names.indexOf('Far');

  it('sums the year up to the last purchase on or before the day asked', () => {
    expect([500, 400, 399, 100, 99].map((end) => formerValueAt(facts, near, end))).toEqual([15_000, 15_000, 10_000, 10_000, 0]);
  });

  it('leaves out a purchase more than 364 days before that last purchase', () => {
    expect([400, 399, 10, 9].map((end) => formerValueAt(facts, far, end))).toEqual([5_000, 10_000, 10_000, 0]);
  });
});
