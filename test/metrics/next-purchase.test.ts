import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../core/basics/calendar.js';
import { daysOverdue, nextPurchaseDay } from '../../core/metrics/next-purchase.js';

const d = (m: number, day: number) => dayFromYmd(2026, m, day);

describe('the next purchase the client’s cadence expects', () => {
  it('is the last purchase day plus the cadence, a half day rounding up (the doc example)', () => {
    expect(nextPurchaseDay(d(3, 1), 21.5)).toBe(d(3, 23));
    expect(nextPurchaseDay(d(3, 1), 21)).toBe(d(3, 22));
    expect(nextPurchaseDay(d(3, 1), 30.25)).toBe(d(3, 31));
  });

  it('is unknown without a cadence or a purchase', () => {
    expect(nextPurchaseDay(d(3, 1), null)).toBeNull();
    expect(nextPurchaseDay(null, 14)).toBeNull();
  });

  it('counts the days overdue after it, 0 while it is still due, null when unknown', () => {
    expect(daysOverdue(d(3, 23), d(3, 31))).toBe(8);
    expect(daysOverdue(d(3, 23), d(3, 23))).toBe(0);
    expect(daysOverdue(d(3, 23), d(3, 20))).toBe(0);
    expect(daysOverdue(null, d(3, 20))).toBeNull();
  });
});
