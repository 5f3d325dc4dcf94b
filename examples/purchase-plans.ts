/**
 * When each client buys and how much: the purchase days and target value of each, planned from the
 * client's scenario so that its status and signals come out as the scenario says (SPEC §6).
 *
 * Purchase days are laid out backwards from the last one with gaps of cadence ± 10 %, moved off
 * weekends to the Friday before, so the recency — what status hinges on — is exact by construction.
 * The margins that make each scenario hold whatever the random draws:
 * - at-risk: cadence 14 / 21 / 30 with recency 38 / 48 / 62 days (+ up to 2 for a weekend). The median
 *   gap is within cadence ± 10 % ± 2 days, so recency is above 1.5 × median and below max(3 × median, 60).
 * - regular, new, volume-drop, returning: the last purchase is at most half a cadence (+ 2) days ago,
 *   well under 1.5 × the median gap.
 * - lost: the last purchase is 200+ days ago, above the lost limit of every cadence used (≤ 60).
 * - new: the first purchase is at most 87 days before the end (< newDays 90).
 * - volume-drop: the last 3 purchase days are worth 15 % of the usual value, the earlier ones vary
 *   ± 20 %, so the ratio stays far below 50 %.
 *
 * Example: a regular client with cadence 30 whose last purchase is 2026-10-20 buys on about
 * 2026-09-18, 2026-08-21, … back to its entry day, each day worth its order value × noise.
 */
import { ymdFromDay } from '../core/basics/calendar.js';
import type { Day } from '../core/read/types.js';
import type { ClientSpec } from './clients.js';
import type { SeededRandom } from './random.js';

export interface PlanContext {
  start: Day;
  end: Day;
}

export interface PurchasePlan {
  /** Purchase days, ascending, all within [start, end]. */
  days: Day[];
  /** Target value in kopecks of each purchase day. */
  values: number[];
  /** Purchase days from this index on are shipped as a single line (the small orders of a volume drop). */
  singleLineFrom: number;
  /** Lines every order of this plan has at least (the fully returned sale has several). */
  minLines: number;
}

/** Recency of at-risk clients per cadence (see the margins above). */
const AT_RISK_RECENCY: Readonly<Record<number, number>> = { 14: 38, 21: 48, 30: 62 };
const JITTER = 0.1;
/** Regular background clients now and then skip an order. */
const SKIP_CHANCE = 0.05;
const VALUE_NOISE = 0.35;
const VOLUME_DROP_NOISE = 0.2;
const VOLUME_DROP_SHARE = 0.15;
const SMALL_ORDERS = 3;
const FIRST_SEASON_MONTH = 4;
const LAST_SEASON_MONTH = 10;

export function planPurchases(rng: SeededRandom, client: ClientSpec, ctx: PlanContext): PurchasePlan {
  const { start, end } = ctx;
  const c = client.cadence;
  const ago = (min: number, max: number): number => client.lastAgo ?? rng.int(min, max);
  const recentLast = (): Day => (client.pinnedToEnd ? end : workday(end - rng.int(0, Math.floor(c / 2))));
  switch (client.scenario) {
    case 'regular':
    case 'growing':
    case 'seasonal': {
      const entry = client.scenario === 'growing' ? start : backgroundEntry(rng, client, ctx, end - 200);
      const skip = client.showcase ? 0 : SKIP_CHANCE;
      const days = schedule(rng, recentLast(), entry, c, ctx, skip);
      if (client.scenario === 'growing') return steady(rng, client, days, (d) => 0.4 + (1.6 * (d - days[0])) / (end - days[0] || 1));
      if (client.scenario === 'seasonal') return steady(rng, client, days.filter(inSeason), seasonalWeight);
      return steady(rng, client, days, () => 1);
    }
    case 'lost': {
      const last = workday(end - ago(200, Math.max(200, Math.min(700, end - start - 150))));
      const days = schedule(rng, last, backgroundEntry(rng, client, ctx, last - 6 * c), c, ctx, client.showcase ? 0 : SKIP_CHANCE);
      return steady(rng, client, days, () => 1);
    }
    case 'at-risk': {
      const last = workday(end - (AT_RISK_RECENCY[c] ?? 2 * c));
      return steady(rng, client, schedule(rng, last, start, c, ctx, 0), () => 1);
    }
    case 'volume-drop':
      return volumeDrop(rng, client, schedule(rng, workday(end - rng.int(0, Math.floor(0.3 * c))), start, c, ctx, 0));
    case 'returning':
      return steady(rng, client, returningDays(rng, client, ctx), () => 1);
    case 'new': {
      const first = end - ago(20, 85);
      const days = client.singlePurchase ? [workday(first)] : schedule(rng, workday(end - rng.int(0, Math.floor(0.3 * c))), first, c, ctx, 0);
      return steady(rng, client, days, () => 1);
    }
    case 'one-off':
      return steady(rng, client, [workday(end - ago(200, end - start - 30))], () => 1);
    case 'requests-without-orders':
      return steadyUntil(rng, client, ctx, workday(end - ago(70, 140)));
    case 'unresponsive':
      return steadyUntil(rng, client, ctx, workday(end - ago(100, 160)));
    case 'complaint':
      return steadyUntil(rng, client, ctx, workday(end - ago(45, 70)));
    case 'full-return':
      return { ...steady(rng, client, [workday(end - (client.lastAgo ?? 150))], () => 1), minLines: 3 };
    case 'returns-only':
      return steady(rng, client, [], () => 1);
    case 'probe':
      return steady(rng, client, schedule(rng, recentLast(), end - 150, c, ctx, 0), () => 1);
  }
}

/** A client that bought on cadence from its entry until `last`. */
function steadyUntil(rng: SeededRandom, client: ClientSpec, ctx: PlanContext, last: Day): PurchasePlan {
  const entry = backgroundEntry(rng, client, ctx, last - 6 * client.cadence);
  return steady(rng, client, schedule(rng, last, entry, client.cadence, ctx, 0), () => 1);
}

/** Values around the client's order value, scaled by `weight(day)`. */
function steady(rng: SeededRandom, client: ClientSpec, days: Day[], weight: (day: Day) => number): PurchasePlan {
  const values = days.map((d) => Math.round(client.orderValue * rng.lognormal(VALUE_NOISE) * weight(d)));
  return { days, values, singleLineFrom: days.length, minLines: 1 };
}

function volumeDrop(rng: SeededRandom, client: ClientSpec, days: Day[]): PurchasePlan {
  const smallFrom = days.length - SMALL_ORDERS;
  const values = days.map((_, i) =>
    Math.round(client.orderValue * (i < smallFrom ? rng.lognormal(VOLUME_DROP_NOISE) : VOLUME_DROP_SHARE)),
  );
  return { days, values, singleLineFrom: smallFrom, minLines: 1 };
}

/** Buys on cadence, falls silent for `silence` days, then buys every two weeks up to the end. */
function returningDays(rng: SeededRandom, client: ClientSpec, ctx: PlanContext): Day[] {
  const returnDay = ctx.end - (client.lastAgo ?? rng.int(90, 150));
  const silence = Math.min(client.silence ?? rng.int(250, 500), returnDay - ctx.start - 90);
  const before = schedule(rng, workday(returnDay - silence), ctx.start, client.cadence, ctx, 0);
  const after = schedule(rng, workday(ctx.end - rng.int(0, 4)), returnDay, 14, ctx, 0);
  return [...before, ...after];
}

/** Most clients were already buying when the period starts; a quarter joined later, before `latest`. */
function backgroundEntry(rng: SeededRandom, client: ClientSpec, ctx: PlanContext, latest: Day): Day {
  if (client.showcase || latest <= ctx.start || !rng.chance(0.25)) return ctx.start;
  return rng.int(ctx.start, latest);
}

/**
 * Days from `last` back to `first` with gaps of cadence ± 10 % (doubled now and then with
 * probability `skip`), each but the first moved off weekends; ascending, none before ctx.start.
 */
function schedule(rng: SeededRandom, last: Day, first: Day, cadence: number, ctx: PlanContext, skip: number): Day[] {
  const days: Day[] = [];
  let nominal = last;
  let day = last;
  while (nominal >= first && day >= ctx.start) {
    if (days.length === 0 || day < days[days.length - 1]) days.push(day);
    const gap = Math.max(1, Math.round(cadence * (1 + JITTER * rng.uniform(-1, 1))));
    nominal -= skip > 0 && rng.chance(skip) ? 2 * gap : gap;
    day = workday(nominal);
  }
  return days.reverse();
}

/** Saturday and Sunday move back to the Friday before. */
export function workday(day: Day): Day {
  const weekday = (((day + 4) % 7) + 7) % 7;
  if (weekday === 6) return day - 1;
  if (weekday === 0) return day - 2;
  return day;
}

function inSeason(day: Day): boolean {
  const { month } = ymdFromDay(day);
  return month >= FIRST_SEASON_MONTH && month <= LAST_SEASON_MONTH;
}

/** Summer months weigh more in a seasonal client's year. */
function seasonalWeight(day: Day): number {
  const { month } = ymdFromDay(day);
  return month >= 6 && month <= 8 ? 1.4 : 1;
}
