/**
 * The panel's result view of an analysis (`RunSummary`): small, plain JSON in the user's language,
 * so every host — including Google Sheets, where it crosses google.script.run — shows the same.
 *
 * - `clients`: every client of the analysis; `statusCounts`: clients per status (clients with only
 *   returns have no status and are not counted there).
 * - `matrix`: clients per ABC-XYZ cell with at least one client, keyed `AX`, `BZ`, `CN`, …
 * - `topWinBack`: the first `top` clients of the win-back list (already in priority order) with
 *   their tier, status, signs of leaving and recommended actions, as text in `lang`.
 * - `rejectedRows`: every row the Data issues tab lists (unreadable, blank, subtotal, after asOf).
 * - `modelNote`: why P(alive) is empty or uncertain; null when the model fitted or was switched off.
 *
 * Example: clients A (active), B (lost, gold, overdue) → statusCounts {active: 1, lost: 1, …},
 * topWinBack [{client: 'B', tier: 'Gold', status: 'lost', signals: ['No purchase for too long'],
 * actions: ['Arrange a meeting with a senior manager …']}].
 */
import type { Analysis } from '../analyze/analysis.js';
import { formatDay } from '../basics/calendar.js';
import { actionSentences } from './actions.js';
import { signalLabel, statusLabel, tierLabel, words, type Lang } from '../i18n/index.js';

/** How many win-back clients the panel shows. */
export const SUMMARY_TOP = 5;

/** The numbers the panel's result view shows; small enough to cross google.script.run. */
export interface RunSummary {
  asOf: string;
  windowFrom: string;
  windowTo: string;
  clients: number;
  statusCounts: Record<'active' | 'at-risk' | 'lost' | 'new', number>;
  /** Client counts per ABC-XYZ cell, e.g. { AX: 12, BZ: 3 }. */
  matrix: Record<string, number>;
  /** The top of the win-back list with its recommended actions (already in the user's language). */
  topWinBack: { client: string; list: string; tier: string; status: string; signals: string[]; actions: string[] }[];
  winBackCount: number;
  rejectedRows: number;
  modelNote: string | null;
}

export function summarize(analysis: Analysis, lang: Lang, top = SUMMARY_TOP): RunSummary {
  return {
    asOf: formatDay(analysis.asOf),
    windowFrom: formatDay(analysis.window.from),
    windowTo: formatDay(analysis.window.to),
    clients: analysis.clients.length,
    statusCounts: statusCounts(analysis),
    matrix: matrixCounts(analysis),
    topWinBack: analysis.winBack.slice(0, top).map((c) => ({
      client: c.client,
      list: c.list ? words(lang).report.list[c.list] : '',
      tier: c.tier ? tierLabel(lang, c.tier) : '',
      status: c.status ? statusLabel(lang, c.status) : '',
      signals: c.signals.map((s) => signalLabel(lang, s)),
      actions: actionSentences(lang, c),
    })),
    winBackCount: analysis.winBack.length,
    rejectedRows: analysis.input.rejected.length,
    modelNote: modelNote(analysis, lang),
  };
}

function statusCounts(analysis: Analysis): RunSummary['statusCounts'] {
  const counts = { active: 0, 'at-risk': 0, lost: 0, new: 0 };
  for (const c of analysis.clients) if (c.status) counts[c.status] += 1;
  return counts;
}

function matrixCounts(analysis: Analysis): Record<string, number> {
  const cells: Record<string, number> = {};
  for (const cell of analysis.matrix) if (cell.clients > 0) cells[`${cell.abc}${cell.xyz}`] = cell.clients;
  return cells;
}

function modelNote(analysis: Analysis, lang: Lang): string | null {
  const m = words(lang).report;
  const { used, skipped } = analysis.model;
  if (skipped && skipped.code !== 'disabled') return m.notes.modelSkipped(m.modelSkipped[skipped.code]);
  const fit = used === null ? null : analysis.model[used];
  if (fit && !fit.converged) return m.notes.modelNotConverged;
  return null;
}
