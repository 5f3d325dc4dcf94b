/**
 * The prioritised win-back list and the recommended action per signal (SPEC §6).
 *
 * Actions: one per signal, in signal order. For a gold client `overdue` becomes `overdue-gold`
 * (a meeting with a senior manager and a new account manager). A lost bronze client gets only
 * `mailing-only`: spend on gold and silver first.
 *
 * Priority (decided here, see docs/analytics.md): clients with at least one signal, ordered by
 * tier (gold, silver, bronze, none), then by formerValue descending — the money at stake — then
 * by name in code-point order.
 *
 * Worked example: a lost bronze client with signals [overdue, complaint] → [mailing-only]; a
 * gold at-risk client with [overdue, volume-drop] → [overdue-gold, volume-drop].
 */
import type { ActionKey, Signal, Status, Tier } from '../analyze/analysis.js';
import { compareCodePoints } from '../basics/compare.js';
import { tierRank } from './tiers.js';

export function recommendedActions(signals: readonly Signal[], tier: Tier | null, status: Status | null): ActionKey[] {
  if (signals.length === 0) return [];
  if (status === 'lost' && tier === 'bronze') return ['mailing-only'];
  return signals.map((s) => (s === 'overdue' && tier === 'gold' ? 'overdue-gold' : s));
}

export interface WinBackCandidate {
  client: string;
  tier: Tier | null;
  formerValue: number;
  signals: readonly Signal[];
}

/** The candidates with at least one signal, most valuable first. */
export function winBackOrder<T extends WinBackCandidate>(clients: readonly T[]): T[] {
  return clients
    .filter((c) => c.signals.length > 0)
    .sort(
      (p, q) =>
        tierRank(p.tier) - tierRank(q.tier) ||
        q.formerValue - p.formerValue ||
        compareCodePoints(p.client, q.client),
    );
}
