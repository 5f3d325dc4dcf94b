/**
 * Value tiers: who is worth winning back (SPEC §5).
 *
 * formerValue = the measure summed over the client's lines dated from (last purchase day − 364)
 * to the last purchase day inclusive — what the client was worth in its last active year, so a
 * client lost two years ago keeps the value it had. Clients with formerValue > 0 are ranked as in
 * ABC; gold if the share ranked above is < 0.75, silver if < 0.95, otherwise bronze.
 *
 * Worked example: former values 60, 25, 10, 5 → before 0, 0.60, 0.85, 0.95 → gold, gold,
 * silver, bronze.
 */
import type { Tier } from '../analyze/analysis.js';
import { rankAbc } from './abc.js';

export interface TierThresholds {
  gold: number;
  silver: number;
}

export const DEFAULT_TIERS: TierThresholds = { gold: 0.75, silver: 0.95 };
/** formerValue looks back this many days before the last purchase day (365 days in all). */
export const FORMER_VALUE_LOOKBACK = 364;

const TIER_OF = { A: 'gold', B: 'silver', C: 'bronze' } as const;

/** Tier per item (null where formerValue ≤ 0), in input order. */
export function valueTiers(
  formerValues: ArrayLike<number>,
  names: ArrayLike<string>,
  thresholds: TierThresholds = DEFAULT_TIERS,
): (Tier | null)[] {
  const tiers: (Tier | null)[] = new Array(formerValues.length).fill(null);
  for (const r of rankAbc(formerValues, names, { a: thresholds.gold, b: thresholds.silver })) {
    tiers[r.index] = TIER_OF[r.abc];
  }
  return tiers;
}

/** Order of tiers from most to least valuable (no tier last). */
export function tierRank(tier: Tier | null): number {
  return tier === 'gold' ? 0 : tier === 'silver' ? 1 : tier === 'bronze' ? 2 : 3;
}

/** formerValue of one client from its lines (any order): the values dated in its last active year. */
export function formerValue(days: ArrayLike<number>, values: ArrayLike<number>, lastPurchase: number): number {
  let sum = 0;
  for (let i = 0; i < days.length; i++) {
    if (days[i] <= lastPurchase && days[i] >= lastPurchase - FORMER_VALUE_LOOKBACK) sum += values[i];
  }
  return sum;
}
