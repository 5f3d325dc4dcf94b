import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SeededRandom } from '../../examples/random.js';

describe('SeededRandom', () => {
  it('gives the documented first values for seed 1', () => {
    expect(new SeededRandom(1).next()).toBe(0.6270739405881613);
    expect(new SeededRandom(1).int(1, 6)).toBe(4);
  });

  it('repeats its sequence for the same seed and not for another', () => {
    const draw = (seed: number) => {
      const rng = new SeededRandom(seed);
      return Array.from({ length: 20 }, () => rng.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('keeps int() within its bounds, both included', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 50 }), (seed, min, width) => {
        const rng = new SeededRandom(seed);
        for (let i = 0; i < 50; i++) {
          const x = rng.int(min, min + width);
          if (x < min || x > min + width || !Number.isInteger(x)) return false;
        }
        return true;
      }),
    );
  });

  it('draws normals with mean ≈ 0 and sd ≈ 1, lognormals with mean ≈ 1, Poisson counts with the asked mean', () => {
    const rng = new SeededRandom(7);
    const n = 20_000;
    const normals = Array.from({ length: n }, () => rng.normal());
    const mean = normals.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(normals.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
    const lognormalMean = Array.from({ length: n }, () => rng.lognormal(0.35)).reduce((a, b) => a + b, 0) / n;
    expect(Math.abs(lognormalMean - 1)).toBeLessThan(0.02);
    const poissonMean = Array.from({ length: n }, () => rng.poisson(2.5)).reduce((a, b) => a + b, 0) / n;
    expect(Math.abs(poissonMean - 2.5)).toBeLessThan(0.05);
  });

  it('picks weighted items in proportion to their weights', () => {
    const rng = new SeededRandom(3);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++) if (rng.weighted(['a', 'b'], [3, 1]) === 'a') heavy++;
    expect(heavy / 10_000).toBeGreaterThan(0.73);
    expect(heavy / 10_000).toBeLessThan(0.77);
  });

  it('shuffles into a permutation of the items', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = new SeededRandom(5).shuffled(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
  });
});
