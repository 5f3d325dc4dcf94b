/**
 * ABC classes by cumulative share of value (SPEC §3). The same function serves clients,
 * products and managers.
 *
 * Definition: items with value v > 0 are ranked by v descending (ties: name in code-point
 * order); `before` is the share of the total held by the items ranked above. Class A if
 * before < a (default 0.80), B if before < b (0.95), otherwise C — so the item that crosses a
 * boundary belongs to the upper class. Items with v ≤ 0 get no class.
 *
 * Worked example (values 50, 30, 15, 5; total 100): before = 0, 0.50, 0.80, 0.95 →
 * A, A, B, C; share = 0.50, 0.30, 0.15, 0.05; cumShare = 0.50, 0.80, 0.95, 1.00.
 */
import type { AbcClass } from '../analyze/analysis.js';
import { compareCodePoints } from '../basics/compare.js';

export interface AbcThresholds {
  a: number;
  b: number;
}

export const DEFAULT_ABC: AbcThresholds = { a: 0.8, b: 0.95 };

export interface AbcRank {
  /** Index of the item in the input arrays. */
  index: number;
  /** 1 for the most valuable item. */
  rank: number;
  share: number;
  before: number;
  cumShare: number;
  abc: AbcClass;
}

/** Ranks the items with positive value; returns them most valuable first. */
export function rankAbc(
  values: ArrayLike<number>,
  names: ArrayLike<string>,
  thresholds: AbcThresholds = DEFAULT_ABC,
): AbcRank[] {
  const ranked: number[] = [];
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] > 0) {
      ranked.push(i);
      total += values[i];
    }
  }
  ranked.sort((i, j) => values[j] - values[i] || compareCodePoints(names[i], names[j]));
  const result: AbcRank[] = new Array(ranked.length);
  let above = 0;
  for (let k = 0; k < ranked.length; k++) {
    const index = ranked[k];
    const before = above / total;
    above += values[index];
    result[k] = {
      index,
      rank: k + 1,
      share: values[index] / total,
      before,
      cumShare: above / total,
      abc: abcClass(before, thresholds),
    };
  }
  return result;
}

/** The class of an item given the share of value ranked above it. */
export function abcClass(before: number, thresholds: AbcThresholds = DEFAULT_ABC): AbcClass {
  if (before < thresholds.a) return 'A';
  return before < thresholds.b ? 'B' : 'C';
}
