import { describe, expect, it } from 'vitest';
import { formerValue, valueTiers } from '../../core/metrics/tiers.js';

describe('value tiers', () => {
  it('classes the worked example 60/25/10/5 as gold, gold, silver, bronze', () => {
    expect(valueTiers([10, 60, 5, 25], ['c', 'a', 'd', 'b'])).toEqual(['silver', 'gold', 'bronze', 'gold']);
  });

  it('gives no tier to clients whose former value is not positive', () => {
    expect(valueTiers([0, -3, 7], ['a', 'b', 'c'])).toEqual([null, null, 'gold']);
  });

  it('sums the last active year inclusively: last purchase − 364 … last purchase', () => {
    const days = [0, 1, 365, 366, 400];
    const values = [1000, 10, 20, 30, -5];
    // last purchase 365 → window 1…365: 10 + 20; the return on day 400 is after the last purchase
    expect(formerValue(days, values, 365)).toBe(30);
    expect(formerValue(days, values, 366)).toBe(50);
  });
});
