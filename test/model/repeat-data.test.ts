import { describe, expect, it } from 'vitest';
import { COUNT_MODEL, COUNT_MODELS } from '../../core/model/count-model.js';
import { aggregateRepeatData, isClientTriple } from '../../core/model/repeat-data.js';
import { cdnowSummary } from './cdnow.js';

describe('aggregateRepeatData', () => {
  it('merges identical triples (the worked example)', () => {
    const d = aggregateRepeatData({ x: [0, 2, 2, 0], tx: [0, 5, 5, 0], T: [10, 9, 9, 10] });
    expect(d.clients).toBe(4);
    expect(d.repeaters).toBe(2);
    expect(d.excluded).toBe(0);
    expect(Array.from(d.xValues)).toEqual([0, 2]);
    expect(Array.from(d.xWeight)).toEqual([2, 2]);
    expect(Array.from(d.times)).toEqual([0, 5, 9, 10]);
    expect(Array.from(d.rowX)).toEqual([0, 1]);
    expect(Array.from(d.rowTx)).toEqual([0, 1]);
    expect(Array.from(d.rowT)).toEqual([3, 2]);
    expect(Array.from(d.rowWeight)).toEqual([2, 2]);
    expect(d.sumX).toBe(4);
    expect(d.sumT).toBe(38);
  });

  it('adds weights and treats t_x of a client with x = 0 as 0', () => {
    const d = aggregateRepeatData({ x: [0, 0, 1], tx: [3, 0, 2], T: [7, 7, 7], weight: [2.5, 1, 4] });
    expect(d.clients).toBe(7.5);
    expect(d.repeaters).toBe(4);
    expect(Array.from(d.rowWeight)).toEqual([3.5, 4]);
    expect(Array.from(d.times)).toEqual([0, 2, 7]);
  });

  it('counts and leaves out invalid rows and rows beyond the shortest array', () => {
    const d = aggregateRepeatData({
      x: [1, -1, 1.5, NaN, 2, 1, 1, 3],
      tx: [1, 0, 1, 1, 5, 1, 1, 1],
      T: [2, 2, 2, 2, 4, Infinity, 2],
      weight: [1, 1, 1, 1, 1, 1, 0, 1],
    });
    // Kept: row 0 only. Excluded: negative x, fractional x, NaN x, t_x > T, T = ∞, weight 0, no T.
    expect(d.clients).toBe(1);
    expect(d.excluded).toBe(7);
  });
});

describe('aggregated data as repeat data', () => {
  it('are their distinct triples with weights, and come back unchanged when aggregated again', () => {
    const d = aggregateRepeatData({ x: [0, 2, 2, 0, -1], tx: [0, 5, 5, 0, 0], T: [10, 9, 9, 10, 3] });
    expect(Array.from(d.x)).toEqual([0, 2]);
    expect(Array.from(d.tx)).toEqual([0, 5]);
    expect(Array.from(d.T)).toEqual([10, 9]);
    expect(Array.from(d.weight)).toEqual([2, 2]);
    const again = aggregateRepeatData(d);
    expect(again).toBe(d);
    expect(again.excluded).toBe(1);
  });

  it('fit every model to the same parameters as the clients they stand for', () => {
    const clients = cdnowSummary();
    const aggregated = aggregateRepeatData(clients);
    for (const kind of COUNT_MODELS) expect(COUNT_MODEL[kind].fit(aggregated)).toEqual(COUNT_MODEL[kind].fit(clients));
  });
});

describe('isClientTriple', () => {
  it('accepts whole x ≥ 0 with 0 ≤ t_x ≤ T, ignoring t_x when x = 0', () => {
    expect(isClientTriple(2, 3, 3)).toBe(true);
    expect(isClientTriple(0, NaN, 0)).toBe(true);
    expect(isClientTriple(2, 4, 3)).toBe(false);
    expect(isClientTriple(2, -1, 3)).toBe(false);
    expect(isClientTriple(0.5, 1, 3)).toBe(false);
    expect(isClientTriple(1, 1, -1)).toBe(false);
  });
});
