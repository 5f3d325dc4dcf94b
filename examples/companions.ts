/**
 * Requests, contact attempts and complaints of one client, built around its purchase plan so the
 * signals of SPEC §6 appear exactly for the clients whose scenario says so:
 * - requests: some purchases are preceded by a request 1–6 days before (converted); a few clients
 *   have a stray request earlier in their history; a `requests-without-orders` client sends 3–5
 *   requests after its last purchase.
 * - contacts: some clients are called now and then before their last purchase (mostly answered); a
 *   lost client may get 1–2 win-back calls after it (never 3, so no false `unresponsive`); an
 *   `unresponsive` client has 2 answered calls, then 3–4 unanswered ones after its last purchase.
 * - complaints: a few steady clients complain and buy again afterwards (no signal); a `complaint`
 *   client complains 3–10 days after its last purchase and never buys again.
 *
 * Example: a requests-without-orders client whose last purchase is 95 days before the end gets
 * requests on, say, end − 80, end − 41 and end − 7.
 */
import { COMPLAINT_TEXTS } from './catalog.js';
import type { ClientSpec } from './clients.js';
import type { GeneratedComplaint, GeneratedContact, GeneratedRequest } from './example-types.js';
import type { PlanContext, PurchasePlan } from './purchase-plans.js';
import type { SeededRandom } from './random.js';

export interface CompanionSinks {
  requests: GeneratedRequest[];
  contacts: GeneratedContact[];
  complaints: GeneratedComplaint[];
}

const REQUEST_BEFORE_ORDER = 0.12;
const STRAY_REQUEST = 0.08;
const CALLED = 0.35;
const CALL_ANSWERED = 0.85;
const WIN_BACK_CALL = 0.5;
const WIN_BACK_ANSWERED = 0.4;
const RESOLVED_COMPLAINT = 0.04;

export function addCompanions(rng: SeededRandom, client: ClientSpec, plan: PurchasePlan, ctx: PlanContext, out: CompanionSinks): void {
  const { days } = plan;
  if (days.length === 0) return;
  const first = days[0];
  const last = days[days.length - 1];
  addRequests(rng, client, days, ctx, out.requests);
  if (rng.chance(CALLED)) {
    for (let i = rng.int(1, 6); i > 0; i--) out.contacts.push(contact(client, rng.int(first, last), rng.chance(CALL_ANSWERED)));
  }
  if ((client.scenario === 'lost' || client.scenario === 'one-off') && rng.chance(WIN_BACK_CALL)) {
    for (let i = rng.int(1, 2); i > 0; i--) out.contacts.push(contact(client, rng.int(last + 1, ctx.end), rng.chance(WIN_BACK_ANSWERED)));
  }
  if (client.scenario === 'unresponsive') {
    out.contacts.push(contact(client, rng.int(first, last), true), contact(client, rng.int(first, last), true));
    for (const day of daysAfter(rng, last, ctx.end, rng.int(3, 4))) out.contacts.push(contact(client, day, false));
  }
  addComplaints(rng, client, days, ctx, out.complaints);
}

function addRequests(rng: SeededRandom, client: ClientSpec, days: readonly number[], ctx: PlanContext, out: GeneratedRequest[]): void {
  const request = (day: number): GeneratedRequest => ({ client: client.name, day, manager: client.manager });
  for (const day of days) {
    if (!rng.chance(REQUEST_BEFORE_ORDER)) continue;
    const asked = day - rng.int(1, 6);
    if (asked >= ctx.start) out.push(request(asked));
  }
  const first = days[0];
  const last = days[days.length - 1];
  if (last - 35 > first && rng.chance(STRAY_REQUEST)) {
    for (let i = rng.int(1, 2); i > 0; i--) out.push(request(rng.int(first, last - 35)));
  }
  if (client.scenario === 'requests-without-orders') {
    for (const day of daysAfter(rng, last, ctx.end, rng.int(3, 5))) out.push(request(day));
  }
}

function addComplaints(rng: SeededRandom, client: ClientSpec, days: readonly number[], ctx: PlanContext, out: GeneratedComplaint[]): void {
  const complaint = (day: number): GeneratedComplaint => ({ client: client.name, day, text: rng.pick(COMPLAINT_TEXTS) });
  const steady = client.scenario === 'regular' || client.scenario === 'growing' || client.scenario === 'seasonal';
  if (steady && days.length >= 3 && rng.chance(RESOLVED_COMPLAINT)) {
    const i = rng.int(0, days.length - 2);
    if (days[i + 1] - days[i] > 1) out.push(complaint(days[i] + 1));
  }
  if (client.scenario === 'complaint') out.push(complaint(Math.min(ctx.end, days[days.length - 1] + rng.int(3, 10))));
}

function contact(client: ClientSpec, day: number, answered: boolean): GeneratedContact {
  return { client: client.name, day, answered };
}

/** `count` days after `after` and up to `end`, ascending (repeats allowed). */
function daysAfter(rng: SeededRandom, after: number, end: number, count: number): number[] {
  const days: number[] = [];
  for (let i = 0; i < count; i++) days.push(rng.int(after + 1, end));
  return days.sort((a, b) => a - b);
}
