/**
 * The panel's result view of an analysis (`RunSummary`): small, plain JSON of numbers and stable
 * keys, so every host — including Google Sheets, where it crosses google.script.run — shows the
 * same, and the panel words it in whichever language it speaks now (a language switch after a
 * run re-words the cards; nothing in here is text in a language).
 *
 * - `clients`: every client of the analysis. The numbers explain each other:
 *   `clients` = Σ `statusCounts` + `noStatus` (a client with only returns has no purchase day and
 *   so no status, SPEC §6) and `clients` = Σ `matrix` + `noClass` (a client whose value in the
 *   window is not positive — it bought nothing in the period — has no ABC class and is not in the
 *   matrix, SPEC §3 step 5).
 * - `period`, `periods`: the window the run used (e.g. 4 quarters), beside its dates.
 * - `topWinBack`: the first `top` clients of the win-back list (already in priority order) with
 *   their tier, status, signs and recommended actions as keys, the value at stake (the client's
 *   formerValue, SPEC §6a) and the days since the last purchase (recencyDays).
 * - `rejectedRows`: every row the Data issues tab lists (unreadable, blank, subtotal, after asOf).
 * - `model`: why P(alive) is empty or uncertain, with the counts behind a "too few" verdict; null
 *   when the model fitted and converged, or was switched off.
 *
 * Example: clients A (active), B (lost, gold, overdue, formerValue 6,000, silent 289 days) →
 * statusCounts {active: 1, lost: 1, …}, noStatus 0, topWinBack [{client: 'B', tier: 'gold',
 * status: 'lost', signals: ['overdue'], actions: ['overdue-gold'], valueAtStake: 6000, recencyDays: 289}].
 */
import { STATUSES, type ActionKey, type ActionList, type Analysis, type ModelSkipped, type Signal, type Status, type Tier } from '../analyze/analysis.js';
import type { PeriodKind } from '../basics/calendar.js';
import { formatDay } from '../basics/calendar.js';
import type { ActionFacts } from './actions.js';
import { MIN_CLIENTS, MIN_REPEATERS } from '../model/nbd-fit.js';

/** How many win-back clients the panel shows. */
export const SUMMARY_TOP = 5;

/** One win-back card: who, how valuable, how long silent, why, and what to do. */
export interface WinBackCard extends ActionFacts {
  client: string;
  /** The action list the client is in (SPEC §6a). */
  list: ActionList | null;
  tier: Tier | null;
  status: Status | null;
  signals: Signal[];
  actions: ActionKey[];
  /** formerValue: what the client was worth in its last active year, in the measure's units. */
  valueAtStake: number;
  /** Days from the last purchase day to asOf; null for a client with no purchase day. */
  recencyDays: number | null;
}

/** Why P(alive) is empty or uncertain. */
export type ModelSummary =
  | {
      kind: 'skipped';
      code: Exclude<ModelSkipped['code'], 'disabled'>;
      /** Clients with a purchase day, and those with more than one; and what the model needs. */
      clients: number;
      repeaters: number;
      minClients: number;
      minRepeaters: number;
    }
  | { kind: 'not-converged' };

/** The numbers the panel's result view shows; small enough to cross google.script.run. */
export interface RunSummary {
  asOf: string;
  windowFrom: string;
  windowTo: string;
  period: PeriodKind;
  periods: number;
  clients: number;
  statusCounts: Record<Status, number>;
  /** Clients without a status: no purchase day at all, only returns. */
  noStatus: number;
  /** Client counts per ABC-XYZ cell, e.g. { AX: 12, BZ: 3 }. */
  matrix: Record<string, number>;
  /** Clients not in the matrix: no positive value in the window. */
  noClass: number;
  topWinBack: WinBackCard[];
  winBackCount: number;
  rejectedRows: number;
  model: ModelSummary | null;
}

export function summarize(analysis: Analysis, top = SUMMARY_TOP): RunSummary {
  const counts = statusCounts(analysis);
  const matrix = matrixCounts(analysis);
  const clients = analysis.clients.length;
  return {
    asOf: formatDay(analysis.asOf),
    windowFrom: formatDay(analysis.window.from),
    windowTo: formatDay(analysis.window.to),
    period: analysis.options.period,
    periods: analysis.options.periods,
    clients,
    statusCounts: counts,
    noStatus: clients - sum(Object.values(counts)),
    matrix,
    noClass: clients - sum(Object.values(matrix)),
    topWinBack: analysis.winBack.slice(0, top).map((c) => ({
      client: c.client,
      list: c.list,
      tier: c.tier,
      status: c.status,
      signals: [...c.signals],
      actions: [...c.actions],
      valueAtStake: c.formerValue,
      recencyDays: c.recencyDays,
      cadenceDays: c.cadenceDays,
      manager: c.manager,
      value: c.value,
      evidence: c.evidence,
    })),
    winBackCount: analysis.winBack.length,
    rejectedRows: analysis.input.rejected.length,
    model: modelSummary(analysis),
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function statusCounts(analysis: Analysis): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const c of analysis.clients) if (c.status) counts[c.status] += 1;
  return counts;
}

function matrixCounts(analysis: Analysis): Record<string, number> {
  const cells: Record<string, number> = {};
  for (const cell of analysis.matrix) if (cell.clients > 0) cells[`${cell.abc}${cell.xyz}`] = cell.clients;
  return cells;
}

function modelSummary(analysis: Analysis): ModelSummary | null {
  const { used, skipped } = analysis.model;
  if (skipped && skipped.code !== 'disabled') {
    const buyers = analysis.clients.filter((c) => c.purchaseDays > 0);
    return {
      kind: 'skipped',
      code: skipped.code,
      clients: buyers.length,
      repeaters: buyers.filter((c) => c.purchaseDays > 1).length,
      minClients: MIN_CLIENTS,
      minRepeaters: MIN_REPEATERS,
    };
  }
  const fit = used === null ? null : analysis.model[used];
  if (fit && !fit.converged) return { kind: 'not-converged' };
  return null;
}
