/**
 * The action lists of SPEC §6a — what a sales head does on Monday — and the recommended actions
 * of SPEC §6 for each client in them.
 *
 * Membership: a client with a signal, or with a losing movement (buys-less, less-often, cheaper,
 * dropped-products), lands in exactly one list, the first that applies:
 * 1. `keep` — status at-risk, or any client not lost with a complaint;
 * 2. `win-back` — status lost, tier gold or silver;
 * 3. `grow` — status new or active with volume-drop, requests-without-orders, unresponsive or a
 *    losing movement;
 * 4. `mailing` — status lost, tier bronze or none.
 * Any other client is in no list (null).
 *
 * Order within a list: value at stake (formerValue) descending, then the number of signals
 * descending, then the name in code-point order; the lists follow one another in the order above.
 *
 * Actions: one per signal, in signal order; for a gold client `overdue` becomes `overdue-gold` (a
 * meeting with a senior manager and a new account manager). A client in the mailing list gets only
 * `mailing-only` (low-cost channel only). A client that stopped buying products it used to buy
 * gets `dropped-products` (in Keep, Win back and Grow: the products are something concrete to
 * talk about), and a client in the Grow list gets `buying-less` for buys-less, less-often or
 * cheaper unless it already has the volume-drop action.
 *
 * Worked example: a lost bronze client with [overdue, complaint] → mailing, [mailing-only]; an
 * active client bought yesterday with volume-drop → grow; an at-risk gold client with a complaint
 * → keep, [overdue-gold, complaint] — and keep comes before grow whatever the values.
 */
import { ACTION_LISTS, type ActionKey, type ActionList, type MovementKind, type Signal, type Status, type Tier } from '../analyze/analysis.js';
import { compareCodePoints } from '../basics/compare.js';

/** The movements that call for action (SPEC §6a). */
export const LOSING_MOVEMENTS: readonly MovementKind[] = ['buys-less', 'less-often', 'cheaper', 'dropped-products'];
const GROW_SIGNALS: readonly Signal[] = ['volume-drop', 'requests-without-orders', 'unresponsive'];

export interface ListCandidate {
  client: string;
  status: Status | null;
  tier: Tier | null;
  signals: readonly Signal[];
  movement: readonly MovementKind[];
  valueAtStake: number;
}

export function actionList(c: ListCandidate): ActionList | null {
  const losing = c.movement.some((kind) => LOSING_MOVEMENTS.includes(kind));
  if (c.signals.length === 0 && !losing) return null;
  if (c.status === 'at-risk' || (c.status !== 'lost' && c.signals.includes('complaint'))) return 'keep';
  if (c.status === 'lost') return c.tier === 'gold' || c.tier === 'silver' ? 'win-back' : 'mailing';
  if ((c.status === 'new' || c.status === 'active') && (losing || c.signals.some((s) => GROW_SIGNALS.includes(s)))) return 'grow';
  return null;
}

export function recommendedActions(c: ListCandidate, list: ActionList | null): ActionKey[] {
  if (list === null) return [];
  if (list === 'mailing') return ['mailing-only'];
  const actions: ActionKey[] = c.signals.map((s) => (s === 'overdue' && c.tier === 'gold' ? 'overdue-gold' : s));
  if (c.movement.includes('dropped-products')) actions.push('dropped-products');
  if (list !== 'grow') return actions;
  const buyingLess = c.movement.some((kind) => kind === 'buys-less' || kind === 'less-often' || kind === 'cheaper');
  if (buyingLess && !c.signals.includes('volume-drop')) actions.push('buying-less');
  return actions;
}

/** The clients in a list, list by list, each ordered as the file comment says. */
export function actionListOrder<T extends Pick<ListCandidate, 'client' | 'signals' | 'valueAtStake'> & { list: ActionList | null }>(
  clients: readonly T[],
): T[] {
  return clients
    .filter((c) => c.list !== null)
    .sort(
      (p, q) =>
        ACTION_LISTS.indexOf(p.list!) - ACTION_LISTS.indexOf(q.list!) ||
        q.valueAtStake - p.valueAtStake ||
        q.signals.length - p.signals.length ||
        compareCodePoints(p.client, q.client),
    );
}
