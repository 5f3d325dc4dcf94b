import { describe, expect, it } from 'vitest';
import {
  coefficientOfVariation,
  cvThresholds,
  quantileType7,
  xyzByCv,
  xyzByRegularity,
  XYZ_PRESETS,
} from '../../core/metrics/xyz.js';

describe('xyz', () => {
  it('computes the worked example cv with the population standard deviation', () => {
    expect(coefficientOfVariation([10, 0, 20, 10])).toBeCloseTo(Math.sqrt(50) / 10, 12);
    expect(xyzByCv(0.7071, XYZ_PRESETS.default)).toBe('Y');
    expect(xyzByCv(0.7071, XYZ_PRESETS.classic)).toBe('Z');
  });

  it('matches Excel STDEV.P / AVERAGE on a monthly series (hand-checked: sd 7.5, mean 70.5)', () => {
    expect(coefficientOfVariation([63, 78, 63, 78])).toBeCloseTo(7.5 / 70.5, 12);
  });

  it('has no cv for an empty or non-positive series, and 0 for a flat one', () => {
    expect(coefficientOfVariation([])).toBeNull();
    expect(coefficientOfVariation([0, 0, 0])).toBeNull();
    expect(coefficientOfVariation([-1, 1, -1])).toBeNull();
    expect(coefficientOfVariation([5, 5, 5])).toBe(0);
  });

  it('classes at the thresholds inclusively', () => {
    expect(xyzByCv(0.5, XYZ_PRESETS.default)).toBe('X');
    expect(xyzByCv(1.0, XYZ_PRESETS.default)).toBe('Y');
    expect(xyzByCv(1.0000001, XYZ_PRESETS.default)).toBe('Z');
    expect(xyzByRegularity(0.75)).toBe('X');
    expect(xyzByRegularity(0.4)).toBe('Y');
    expect(xyzByRegularity(0.39)).toBe('Z');
  });

  it('uses R type-7 quantiles for the auto preset', () => {
    // R: quantile(c(0.1, 0.4, 0.9, 1.6), c(1/3, 2/3), type = 7) → 0.4, 0.9 (h = 1 and 2 exactly)
    expect(cvThresholds('auto', XYZ_PRESETS.default, [1.6, 0.1, 0.9, 0.4])).toEqual({ x: 0.4, y: 0.9 });
    // quantile(c(1, 2, 3, 4, 5), 1/3) = 1 + (4/3 − 1) … h = 4/3 → 2 + 1/3
    expect(quantileType7([1, 2, 3, 4, 5], 1 / 3)).toBeCloseTo(7 / 3, 12);
    expect(cvThresholds('auto', XYZ_PRESETS.default, [])).toEqual(XYZ_PRESETS.default);
    expect(cvThresholds('custom', { x: 0.2, y: 0.3 }, [1])).toEqual({ x: 0.2, y: 0.3 });
  });
});
