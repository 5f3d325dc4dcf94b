import { describe, expect, it } from 'vitest';
import { cadence, countUpTo, statusAt } from '../../core/metrics/status.js';

describe('cadence', () => {
  it('is unknown below three purchase days', () => {
    expect(cadence([1, 5])).toBeNull();
  });
  it('is the median of the gaps (even count averages the middle two)', () => {
    expect(cadence([0, 10, 30])).toBe(15);
    expect(cadence([0, 10, 30, 33])).toBe(10);
  });
  it('looks at the last 12 gaps only', () => {
    const days = [0, 1000, ...Array.from({ length: 13 }, (_, i) => 1100 + i * 7)];
    expect(cadence(days)).toBe(7);
  });
});

describe('statusAt', () => {
  const days = [0, 30, 60, 90];
  it('follows the worked example: at-risk at 140, lost at 181', () => {
    expect(statusAt(days, 135)?.status).toBe('active');
    expect(statusAt(days, 136)?.status).toBe('at-risk');
    expect(statusAt(days, 180)?.status).toBe('at-risk');
    expect(statusAt(days, 181)).toMatchObject({ status: 'lost', recencyDays: 91, cadenceDays: 30, riskLimit: 45, lostLimit: 90 });
  });
  it('uses the 60-day floor for the lost limit of frequent buyers', () => {
    const weekly = [0, 7, 14, 21];
    expect(statusAt(weekly, 21 + 60)?.status).toBe('at-risk');
    expect(statusAt(weekly, 21 + 61)?.status).toBe('lost');
  });
  it('uses 90 / 180 days when cadence is unknown, and new within 90 days of the first purchase', () => {
    expect(statusAt([100], 189)?.status).toBe('new');
    expect(statusAt([100], 190)?.status).toBe('active');
    expect(statusAt([100], 191)?.status).toBe('at-risk');
    expect(statusAt([100], 281)?.status).toBe('lost');
  });
  it('has no status without purchase days, and honours count', () => {
    expect(statusAt([], 10)).toBeNull();
    expect(statusAt(days, 70, undefined, countUpTo(days, 70))).toMatchObject({ recencyDays: 10, cadenceDays: 30 });
  });
});
