/**
 * records + options → Analysis (DESIGN: pure, sync, no clock). Calls the metrics in SPEC order:
 * window, ABC, XYZ, tiers, model, movement, status and signals, action lists and actions,
 * conversion, KPIs.
 */
import type { Analysis, AnalyzeOptions, ClientResult, Signal } from './analysis.js';
import { previousWindow, windowAt } from '../basics/calendar.js';
import { classify } from './classify.js';
import {
  buildFacts,
  firstPurchaseDay,
  lastPurchaseDay,
  linesOf,
  measureScale,
  purchaseCount,
  purchaseDaysOf,
  purchaseValuesOf,
  type Facts,
} from './facts.js';
import { fitClientModel } from './client-model.js';
import { buildMatrix } from './matrix.js';
import { hasOpenComplaint, isOverdue, isUnresponsive, isVolumeDrop, requestsWithoutOrders } from '../metrics/signals.js';
import { statusAt, type StatusResult } from '../metrics/status.js';
import { formerValue, valueTiers } from '../metrics/tiers.js';
import { actionList, actionListOrder, recommendedActions } from '../metrics/action-lists.js';
import { clientEvidence, type ClientEvents } from './evidence.js';
import { daysOverdue, nextPurchaseDay } from '../metrics/next-purchase.js';
import { movementAndTransitions } from './movement-rows.js';
import { conversionTables } from './conversion-tables.js';
import { developmentKpis } from './development.js';
import { quarterlyKpis } from '../metrics/kpis.js';
import { checkOptions, type OptionProblem } from '../options/check-options.js';
import type { OptionsInput } from '../options/options.js';
import type { ComplaintLine, ContactLine, RejectedRow, RequestLine, SaleLine } from '../read/types.js';
import { windowFacts } from './window-facts.js';

export interface AnalyzeInput {
  sales: readonly SaleLine[];
  requests?: readonly RequestLine[];
  contacts?: readonly ContactLine[];
  complaints?: readonly ComplaintLine[];
  /** Data rows of the sales sheet and the rows the readers rejected (for the Data issues tab). */
  rows?: number;
  rejected?: readonly RejectedRow[];
  /** The user's name of the sales sheet or file, for the rows dated after asOf. */
  salesSheet?: string;
}

/** Why there is nothing to analyse: no sales line, no column for the measure, or an option out of its rule. */
export type AnalyzeOutcome =
  | { ok: true; analysis: Analysis }
  | { ok: false; code: 'no-sales' | 'no-measure' }
  | { ok: false; code: 'bad-option'; problem: OptionProblem };

export function analyze(input: AnalyzeInput, optionsInput: OptionsInput = {}): AnalyzeOutcome {
  const checked = checkOptions(optionsInput);
  if (!checked.ok) return { ok: false, code: 'bad-option', problem: checked.problem };
  const options = checked.options;
  if (input.sales.length === 0) return { ok: false, code: 'no-sales' };
  if (options.measure !== 'amount' && !input.sales.some((s) => s[options.measure] !== undefined)) return { ok: false, code: 'no-measure' };
  const asOf = options.asOf ?? maxDay(input.sales);
  const { used, late } = splitByAsOf(input.sales, asOf, input.salesSheet);
  const facts = buildFacts(used, asOf, options.measure);
  return { ok: true, analysis: assemble(input, facts, { ...options, asOf }, late) };
}

function assemble(input: AnalyzeInput, facts: Facts, options: AnalyzeOptions, late: RejectedRow[]): Analysis {
  const asOf = facts.asOf;
  const window = windowAt(asOf, options.period, options.periods);
  const previous = previousWindow(window);
  const withProducts = facts.productNames.length > 0;
  const current = windowFacts(facts, window, withProducts);
  const before = windowFacts(facts, previous, withProducts);
  const classes = classify(facts, current, options);
  const statuses = facts.names.map((_, c) => statusAt(purchaseDaysOf(facts, c), asOf, options.status));
  const former = facts.names.map((_, c) => formerValueOf(facts, c));
  const tiers = valueTiers(former, facts.names, options.tiers);
  const model = fitClientModel(facts, { kind: options.model, rules: options.status, holdoutDays: options.holdoutDays, check: options.modelCheck !== false });
  const events = eventsByClient(input);
  const scale = measureScale(options.measure);
  const { movement, transitions } = movementAndTransitions(facts, current, before, classes, options);
  const movementOf = new Map(movement.map((row) => [row.client, row]));

  const clients: ClientResult[] = facts.names.map((client, c) => {
    const status = statuses[c];
    const signals = signalsOf(facts, c, status, events.get(client));
    const evidence = clientEvidence(facts, c, events.get(client), movementOf.get(client), scale);
    const candidate = { client, status: status?.status ?? null, tier: tiers[c], signals, movement: evidence.movement, valueAtStake: former[c] / scale };
    const list = actionList(candidate);
    const next = nextPurchaseDay(lastPurchaseDay(facts, c), status?.cadenceDays ?? null);
    return {
      client,
      value: current.value[c] / scale,
      share: classes.share[c],
      cumShare: classes.cumShare[c],
      abc: classes.abc[c],
      cv: classes.cv[c],
      regularity: classes.regularity[c],
      xyz: classes.xyz[c],
      formerValue: former[c] / scale,
      tier: tiers[c],
      status: status?.status ?? null,
      oneOff: purchaseCount(facts, c) === 1,
      signals,
      cadenceDays: status?.cadenceDays ?? null,
      recencyDays: status?.recencyDays ?? null,
      firstPurchase: firstPurchaseDay(facts, c),
      lastPurchase: lastPurchaseDay(facts, c),
      purchaseDays: purchaseCount(facts, c),
      orders: current.orders[c],
      windowPurchaseDays: current.purchaseDays[c],
      nextPurchase: next,
      daysOverdue: daysOverdue(next, asOf),
      manager: facts.manager[c],
      region: facts.region[c],
      industry: facts.industry[c],
      pAlive: model.pAlive[c],
      pAliveLow: model.pAliveLow[c],
      pAliveHigh: model.pAliveHigh[c],
      expected90: model.expected90[c],
      expectedValue12m: model.expectedValue12m[c],
      requests: 0,
      converted: 0,
      actions: recommendedActions(candidate, list),
      list,
      valueAtStake: candidate.valueAtStake,
      evidence,
    };
  });
  const conversion = conversionTables(facts, clients, input.requests ?? [], window);
  const rejected = [...(input.rejected ?? []), ...late];
  return {
    asOf,
    dataFrom: facts.purchaseDay.reduce((min, day) => Math.min(min, day), asOf),
    window,
    previousWindow: previous,
    options,
    input: { rows: input.rows ?? input.sales.length, accepted: input.sales.length - late.length, rejected },
    clients,
    matrix: buildMatrix(clients, classes.total / scale),
    winBack: actionListOrder(clients),
    movement,
    transitions,
    conversion,
    kpis: {
      quarters: quarterlyKpis({ start: facts.purchaseStart, days: facts.purchaseDay }, asOf, options.status),
      development: developmentKpis(facts, current, before, options),
    },
    model: model.results,
    sources: {
      requests: input.requests !== undefined,
      contacts: input.contacts !== undefined,
      complaints: input.complaints !== undefined,
      profit: input.sales.some((s) => s.profit !== undefined),
      quantity: input.sales.some((s) => s.quantity !== undefined),
      product: facts.productNames.length > 0,
      document: facts.lineDocument.some((d) => d >= 0),
    },
  };
}

function maxDay(sales: readonly SaleLine[]): number {
  let max = -Infinity;
  for (const s of sales) if (s.day > max) max = s.day;
  return max;
}

/** Lines dated after asOf are not analysed; they are reported (SPEC §2: nothing dropped silently). */
function splitByAsOf(sales: readonly SaleLine[], asOf: number, sheet: string | undefined): { used: readonly SaleLine[]; late: RejectedRow[] } {
  const late: RejectedRow[] = [];
  const where = sheet === undefined ? {} : { sheet };
  for (const s of sales) if (s.day > asOf) late.push({ row: s.row, reason: 'after-as-of', source: 'sales', ...where });
  return { used: late.length === 0 ? sales : sales.filter((s) => s.day <= asOf), late };
}

function formerValueOf(facts: Facts, c: number): number {
  const last = lastPurchaseDay(facts, c);
  if (last === null) return 0;
  const lines = linesOf(facts, c);
  return formerValue(lines.days, lines.measure, last);
}

function eventsByClient(input: AnalyzeInput): Map<string, ClientEvents> {
  const events = new Map<string, ClientEvents>();
  const of = (client: string) => {
    let e = events.get(client);
    if (!e) events.set(client, (e = { requests: [], contacts: [], complaints: [] }));
    return e;
  };
  for (const r of input.requests ?? []) of(r.client).requests.push(r.day);
  for (const c of input.contacts ?? []) of(c.client).contacts.push({ day: c.day, answered: c.answered });
  for (const c of input.complaints ?? []) of(c.client).complaints.push({ day: c.day, text: c.text ?? null });
  for (const e of events.values()) e.contacts.sort((p, q) => p.day - q.day);
  return events;
}

function signalsOf(facts: Facts, c: number, status: StatusResult | null, events: ClientEvents | undefined): Signal[] {
  if (!status) return [];
  const last = lastPurchaseDay(facts, c)!;
  const signals: Signal[] = [];
  if (isOverdue(status.status)) signals.push('overdue');
  if (events && requestsWithoutOrders(events.requests, last, facts.asOf)) signals.push('requests-without-orders');
  if (events && isUnresponsive(events.contacts, last, facts.asOf)) signals.push('unresponsive');
  if (isVolumeDrop(purchaseValuesOf(facts, c), status.status))
    signals.push('volume-drop');
  if (events && hasOpenComplaint(events.complaints.map((k) => k.day), last, facts.asOf)) signals.push('complaint');
  return signals;
}
