import { describe, expect, it } from 'vitest';
import { expectedBracket } from '../../core/model/expected-bracket.js';
import { hyp2f1 } from '../../core/model/special.js';

/** The published, untransformed form: [1 − (1 − z)^(r+x) 2F1(r + x, b + x; a + b + x − 1; z)] / (a − 1). */
function published(r: number, a: number, b: number, x: number, z: number): number {
  return (1 - (1 - z) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z)) / (a - 1);
}

describe('expectedBracket', () => {
  it('gives the worked example: a = 2, u = v = 0, z = 0.5 → 0', () => {
    expect(expectedBracket(2, 0, 0, 0.5)).toBeCloseTo(0, 14);
  });

  it('equals the published BG/NBD bracket (Euler transformation)', () => {
    for (const [r, a, b, x, z] of [
      [0.243, 0.793, 2.426, 2, 0.5],
      [0.243, 0.793, 2.426, 0, 0.9],
      [1.5, 3, 0.4, 12, 0.3],
      [0.8, 1.7, 5, 40, 0.97],
    ]) {
      const value = expectedBracket(a, b - 1 - r, b + x - 1, z);
      expect(Math.abs(value - published(r, a, b, x, z))).toBeLessThan(1e-11 * Math.max(1, Math.abs(value)));
    }
  });

  it('is continuous through a = 1, where the published form is 0/0', () => {
    const [r, b, x, z] = [0.5, 2, 3, 0.6];
    const at = (a: number) => expectedBracket(a, b - 1 - r, b + x - 1, z);
    expect(Number.isFinite(published(r, 1, b, x, z))).toBe(false);
    // Just outside the interpolated zone the direct ratio is still accurate to ~1e-11.
    const left = published(r, 1 - 2e-5, b, x, z);
    const right = published(r, 1 + 2e-5, b, x, z);
    expect(Math.abs(at(1) - (left + right) / 2)).toBeLessThan(1e-8);
    expect(Math.abs(at(1 + 2e-5) - right)).toBeLessThan(1e-9);
    expect(Math.abs(at(1 + 5e-6) - (5 * right + 3 * left) / 8)).toBeLessThan(1e-8);
  });

  it('is 0 at z = 0', () => {
    expect(Math.abs(expectedBracket(0.8, 0.3, 1.2, 0))).toBe(0);
  });
});
