/**
 * A client's own facts that its actions and its reason for being in a list speak of (SPEC §6a:
 * "actions about this client"): the requests and unanswered contact attempts since its last
 * purchase day, the fall in the value of a purchase day, its latest complaint, and its movement.
 *
 * - Requests: those dated after the last purchase day and on or before asOf, and the latest one.
 * - Unanswered: the run of unanswered attempts at the end of those after the last purchase day
 *   (what the unresponsive sign looks at); `lastAnswered` is the latest answered attempt at any
 *   time up to asOf, or null when the client never answered.
 * - Day values: the means volume-drop compares (last 3 purchase days, up to 12 before them), in
 *   the measure's units; null with fewer than 6 purchase days.
 * - Complaint: the latest one on or before asOf, with its text when the sheet has one.
 * A client without a purchase day counts everything up to asOf.
 *
 * Worked example: last purchase 01.03, requests on 05.03, 10.03 and 20.03, asOf 31.03 →
 * 3 requests since the last purchase, the latest on 20.03.
 */
import type { ClientEvidence, MovementRow } from './analysis.js';
import { lastPurchaseDay, purchaseValuesOf, type Facts } from './facts.js';
import { dayValueMeans } from '../metrics/signals.js';

export interface ClientEvents {
  requests: number[];
  /** Sorted by day; attempts on the same day keep input order. */
  contacts: { day: number; answered: boolean }[];
  complaints: { day: number; text: string | null }[];
}

export function clientEvidence(
  facts: Facts,
  c: number,
  events: ClientEvents | undefined,
  movement: MovementRow | undefined,
  scale: number,
): ClientEvidence {
  const asOf = facts.asOf;
  const last = lastPurchaseDay(facts, c) ?? -Infinity;
  const requests = (events?.requests ?? []).filter((day) => day > last && day <= asOf);
  const contacts = (events?.contacts ?? []).filter((a) => a.day <= asOf);
  const after = contacts.filter((a) => a.day > last);
  let unanswered = 0;
  for (let i = after.length - 1; i >= 0 && !after[i].answered; i--) unanswered++;
  const answered = contacts.filter((a) => a.answered);
  const complaints = (events?.complaints ?? []).filter((k) => k.day <= asOf);
  const latestComplaint = complaints.reduce<ClientEvents['complaints'][number] | null>((p, k) => (p === null || k.day >= p.day ? k : p), null);
  const means = dayValueMeans(purchaseValuesOf(facts, c));
  return {
    requestsSinceLastPurchase: requests.length,
    lastRequest: requests.reduce<number | null>((p, day) => (p === null || day > p ? day : p), null),
    unansweredSinceLastPurchase: unanswered,
    lastAnswered: answered.length === 0 ? null : answered[answered.length - 1].day,
    recentDayValue: means === null ? null : means.recent / scale,
    earlierDayValue: means === null ? null : means.earlier / scale,
    lastComplaint: latestComplaint === null ? null : { day: latestComplaint.day, text: latestComplaint.text },
    movement: movement?.kinds ?? [],
    droppedProducts: movement?.droppedProducts ?? [],
    previousValue: movement?.previousValue ?? 0,
  };
}
