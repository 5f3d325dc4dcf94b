import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { abcClass, rankAbc } from '../../core/metrics/abc.js';

describe('rankAbc', () => {
  it('classes the worked example 50/30/15/5 as A, A, B, C', () => {
    const ranks = rankAbc([15, 50, 5, 30], ['c', 'a', 'd', 'b']);
    expect(ranks.map((r) => [r.index, r.abc])).toEqual([
      [1, 'A'],
      [3, 'A'],
      [0, 'B'],
      [2, 'C'],
    ]);
    expect(ranks.map((r) => r.before)).toEqual([0, 0.5, 0.8, 0.95]);
    expect(ranks.map((r) => r.cumShare)).toEqual([0.5, 0.8, 0.95, 1]);
  });

  it('breaks ties by name in code-point order and leaves non-positive values unranked', () => {
    const ranks = rankAbc([10, 10, 0, -5, 10], ['b', 'B', 'z', 'y', 'a']);
    expect(ranks.map((r) => r.index)).toEqual([1, 4, 0]);
  });

  it('puts the item that crosses a boundary in the upper class', () => {
    expect(abcClass(0.7999)).toBe('A');
    expect(abcClass(0.8)).toBe('B');
    expect(abcClass(0.95)).toBe('C');
  });

  it('reproduces the Heizer textbook classes with 70/95 cut-offs, and the SPEC 80/95 rule by hand', () => {
    const lines = readFileSync('../shared/data/abc_example_heizer/abc_example.csv', 'utf8').trim().split('\n').slice(1);
    const items = lines.map((l) => l.split(','));
    const names = items.map((i) => i[0]);
    const values = items.map((i) => Number(i[3]));
    const printed = Object.fromEntries(items.map((i) => [i[0], i[5]]));
    const book = Object.fromEntries(rankAbc(values, names, { a: 0.7, b: 0.95 }).map((r) => [names[r.index], r.abc]));
    expect(book).toEqual(printed);
    // SPEC 80/95 with "the item that crosses a boundary belongs to the upper class": cumulative
    // shares before each item are 0, 38.8, 72.0, 83.3, 89.8, 95.2 … % → A A A B B C C C C C
    const spec = rankAbc(values, names).map((r) => r.abc).join('');
    expect(spec).toBe('AAABBCCCCC');
  });
});
