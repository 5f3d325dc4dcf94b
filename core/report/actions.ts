/**
 * The words a sales head acts on, per client (SPEC §6, §6a): each recommended action as the
 * seed's method filled with the client's own facts, and why the client is in its list.
 *
 * - overdue: the days since the last purchase and the client's usual interval (when known);
 *   overdue-gold also names the account manager to replace.
 * - requests-without-orders: how many requests since the last purchase, and the latest one's date.
 * - unresponsive: how many attempts in a row went unanswered, and when the client last answered.
 * - volume-drop: the mean value of a purchase day before and now (SPEC §6's two means).
 * - complaint: the latest complaint's date and text (the first 200 characters).
 * - buying-less: the value in the previous period and in this one.
 * - dropped-products: the products, each quoted, so a comma inside a name cannot split it.
 * The reason: at risk → the days and the usual interval; kept for a complaint → its date; win back
 * and mailing → the tier and the days; grow → its signs and losing movements in words.
 *
 * Worked example (en): an at-risk client silent 50 days, usually every 20 days →
 * why "No purchase for 50 days; usually every 20." and the overdue action starting
 * "No purchase for 50 days (usually every 20): invite the client to company events…".
 */
import type { ActionKey, ClientResult } from '../analyze/analysis.js';
import { words, type Lang } from '../i18n/index.js';
import { LOSING_MOVEMENTS } from '../metrics/action-lists.js';

/** What an action sentence is filled with: the client's own facts (the panel's cards carry them too). */
export type ActionFacts = Pick<ClientResult, 'recencyDays' | 'cadenceDays' | 'manager' | 'value' | 'evidence'>;

/** The longest complaint text quoted in an action; a longer one is cut with an ellipsis. */
export const COMPLAINT_TEXT_LIMIT = 200;

export function actionSentence(lang: Lang, c: ActionFacts, key: ActionKey): string {
  const { report: m, format } = words(lang);
  const a = m.action;
  const e = c.evidence;
  const days = c.recencyDays ?? 0;
  switch (key) {
    case 'overdue':
      return a.overdue(days, c.cadenceDays ?? 0);
    case 'overdue-gold':
      return a['overdue-gold'](days, c.manager ?? '');
    case 'requests-without-orders':
      return a[key](e.requestsSinceLastPurchase, e.lastRequest === null ? '' : format.date(e.lastRequest));
    case 'unresponsive':
      return a.unresponsive(e.unansweredSinceLastPurchase, e.lastAnswered === null ? '' : format.date(e.lastAnswered));
    case 'volume-drop':
      return a[key](format.amount(e.earlierDayValue ?? 0), format.amount(e.recentDayValue ?? 0));
    case 'complaint':
      return a.complaint(e.lastComplaint === null ? '' : format.date(e.lastComplaint.day), cut(e.lastComplaint?.text ?? ''));
    case 'mailing-only':
      return a[key]();
    case 'buying-less':
      return a[key](format.amount(e.previousValue), format.amount(c.value));
    case 'dropped-products':
      return a[key](e.droppedProducts.map(format.quote).join(', '));
  }
}

/** Every recommended action of the client, in order. */
export function actionSentences(lang: Lang, c: ClientResult): string[] {
  return c.actions.map((key) => actionSentence(lang, c, key));
}

/** Why the client is in its list, with its own facts; null when it is in none. */
export function listReason(lang: Lang, c: ClientResult): string | null {
  const { report: m, format } = words(lang);
  const days = c.recencyDays ?? 0;
  switch (c.list) {
    case null:
      return null;
    case 'keep':
      if (c.status === 'at-risk') return m.why.atRisk(days, c.cadenceDays ?? 0);
      return m.why.complaint(c.evidence.lastComplaint === null ? '' : format.date(c.evidence.lastComplaint.day));
    case 'win-back':
      return m.why.lost(c.tier === null ? '' : m.tier[c.tier], days);
    case 'grow':
      return m.why.grow(signsInWords(lang, c).join(', ').toLowerCase());
    case 'mailing':
      return m.why.mailing(days);
  }
}

/** The client's signs of leaving, then its losing movements (SPEC §6a), in words. */
export function signsInWords(lang: Lang, c: ClientResult): string[] {
  const m = words(lang).report;
  return [
    ...c.signals.map((s) => m.signal[s]),
    ...c.evidence.movement.filter((kind) => LOSING_MOVEMENTS.includes(kind)).map((kind) => m.movement[kind]),
  ];
}

function cut(text: string): string {
  const chars = [...text.trim()];
  return chars.length <= COMPLAINT_TEXT_LIMIT ? chars.join('') : `${chars.slice(0, COMPLAINT_TEXT_LIMIT).join('')}…`;
}
