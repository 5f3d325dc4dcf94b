import { describe, expect, it } from 'vitest';
import { conversion, isConverted } from '../../core/metrics/conversion.js';

describe('conversion', () => {
  it('follows the worked example: 1 of 3 converted', () => {
    expect(conversion([10, 50, 100], [20, 200])).toEqual({ requests: 3, converted: 1, rate: 1 / 3 });
  });
  it('counts a purchase on the request day and on day +30, not +31 or before', () => {
    expect(isConverted(10, [10])).toBe(true);
    expect(isConverted(10, [40])).toBe(true);
    expect(isConverted(10, [41])).toBe(false);
    expect(isConverted(10, [9])).toBe(false);
  });
  it('has no rate without requests', () => {
    expect(conversion([], [1])).toEqual({ requests: 0, converted: 0, rate: null });
  });
});
