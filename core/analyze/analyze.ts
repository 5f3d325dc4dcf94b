/**
 * records + options → Analysis (DESIGN: pure, no clock; synchronous, or as steps that let a host
 * fit the purchase models in another thread: analysisStages). Calls the metrics in SPEC order:
 * window, ABC, XYZ, tiers, model, movement, status and signals, action lists and actions,
 * conversion, KPIs.
 */
import type { Analysis, AnalyzeOptions, ClientResult, Signal } from './analysis.js';
import { previousWindow, windowAt } from '../basics/calendar.js';
import { classify } from './classify.js';
import {
  buildFacts,
  firstPurchaseDay,
  formerValueAt,
  lastPurchaseDay,
  measureScale,
  purchaseCount,
  purchaseDaysOf,
  purchaseValuesOf,
  type Facts,
} from './facts.js';
import { planClientModel, runCountFitJob, type CountFitJob } from './client-model.js';
import type { CountFitResult } from '../model/index.js';
import { buildMatrix } from './matrix.js';
import { hasOpenComplaint, isOverdue, isUnresponsive, isVolumeDrop, requestsWithoutOrders } from '../metrics/signals.js';
import { statusAt, type StatusResult } from '../metrics/status.js';
import { valueTiers } from '../metrics/tiers.js';
import { actionList, actionListOrder, recommendedActions } from '../metrics/action-lists.js';
import { clientEvidence, type ClientEvents } from './evidence.js';
import { daysOverdue, nextPurchaseDay } from '../metrics/next-purchase.js';
import { movementAndTransitions } from './movement-rows.js';
import { conversionTables } from './conversion-tables.js';
import { developmentKpis } from './development.js';
import { quarterlyKpis } from '../metrics/kpis.js';
import { checkOptions, type OptionProblem } from '../options/check-options.js';
import { reportCurrency } from '../options/currency.js';
import type { OptionsInput } from '../options/options.js';
import type { ComplaintLine, ContactLine, ReadProfile, RejectedRow, RequestLine, SaleLine } from '../read/types.js';
import { isSalesColumns, lineCount, salesColumns, type SalesColumns } from '../read/sales-columns.js';
import type { SourceKey } from '../sources/sources.js';
import { windowFacts } from './window-facts.js';

export interface AnalyzeInput {
  /** The sales lines as the reader's columns, or as SaleLine objects (the spreadsheet functions, tests). */
  sales: SalesColumns | readonly SaleLine[];
  /** Requests of a requests sheet. */
  requests?: readonly RequestLine[];
  contacts?: readonly ContactLine[];
  complaints?: readonly ComplaintLine[];
  /** Data rows of the sales sheet and the rows the readers rejected (for the Data issues tab). */
  rows?: number;
  /** Rows of the sales sheet that are requests (its type column), when it has one. */
  salesRequests?: readonly RequestLine[];
  rejected?: readonly RejectedRow[];
  /** The user's name of each source's sheet or file, for the rows the analysis sets aside. */
  sheets?: Partial<Record<SourceKey, string>>;
  /** How the sales sheet was read (shown on Data issues and in the JSON). */
  profile?: ReadProfile;
}

/** Why there is nothing to analyse: no sales line, no column for the measure, or an option out of its rule. */
export type AnalyzeOutcome =
  | { ok: true; analysis: Analysis }
  | { ok: false; code: 'no-sales' | 'no-measure' }
  | { ok: false; code: 'bad-option'; problem: OptionProblem };

/**
 * What the analysis asks of whoever runs it, besides the input: start the count-model fits of
 * `jobs` (answered with nothing), and later the results of the same jobs, in job order. Between
 * the two the analysis makes everything the model does not touch, so a host with a second thread
 * (the command line's worker) fits while this one works; a driver in one thread ignores `fit` and
 * fits at `fitted`.
 */
export type FitStep = { kind: 'fit'; jobs: readonly CountFitJob[] } | { kind: 'fitted'; jobs: readonly CountFitJob[] };

export function analyze(input: AnalyzeInput, optionsInput: OptionsInput = {}): AnalyzeOutcome {
  const stages = analysisStages(input, optionsInput);
  let answer: readonly CountFitResult[] | undefined;
  for (;;) {
    const next = stages.next(answer);
    if (next.done) return next.value;
    answer = next.value.kind === 'fitted' ? next.value.jobs.map(runCountFitJob) : undefined;
  }
}

/** The analysis as steps (FitStep), for a driver that fits elsewhere; `analyze` is its in-thread driver. */
export function* analysisStages(input: AnalyzeInput, optionsInput: OptionsInput = {}): Generator<FitStep, AnalyzeOutcome, unknown> {
  const checked = checkOptions(optionsInput);
  if (!checked.ok) return { ok: false, code: 'bad-option', problem: checked.problem };
  const options = checked.options;
  const sales = isSalesColumns(input.sales) ? input.sales : salesColumns(input.sales);
  if (sales.length === 0) return { ok: false, code: 'no-sales' };
  if (options.measure !== 'amount' && sales[options.measure] === null) return { ok: false, code: 'no-measure' };
  const asOf = options.asOf ?? maxDay(sales.day);
  const late = lateRows(sales, asOf, input.sheets?.sales);
  const facts = buildFacts(sales, asOf, options.measure);
  const currency = reportCurrency(options.currency, input.profile?.currencies ?? []) ?? 'none';
  const analysis = yield* assemble(input, sales, facts, { ...options, asOf, currency }, late);
  return { ok: true, analysis };
}

function* assemble(input: AnalyzeInput, sales: SalesColumns, facts: Facts, options: AnalyzeOptions, late: RejectedRow[]): Generator<FitStep, Analysis, unknown> {
  const asOf = facts.asOf;
  const plan = planClientModel(facts, { kind: options.model, rules: options.status, holdoutDays: options.holdoutDays, check: options.modelCheck !== false });
  yield { kind: 'fit', jobs: plan.jobs };
  const window = windowAt(asOf, options.period, options.periods);
  const previous = previousWindow(window);
  const current = windowFacts(facts, window);
  const before = windowFacts(facts, previous);
  const classes = classify(facts, current, options);
  const statuses = facts.names.map((_, c) => statusAt(purchaseDaysOf(facts, c), asOf, options.status));
  const former = facts.names.map((_, c) => formerValueAt(facts, c, asOf));
  const tiers = valueTiers(former, facts.names, options.tiers);
  const events = eventsByClient(input);
  const scale = measureScale(options.measure);
  const { movement, transitions } = movementAndTransitions(facts, current, before, classes, options);
  const movementOf = new Map(movement.map((row) => [row.client, row]));
  const kpis = {
    quarters: quarterlyKpis({ start: facts.purchaseStart, days: facts.purchaseDay }, asOf, options.status),
    development: developmentKpis(facts, current, before, tiers, options),
  };
  // What each client's row needs besides the model, made while the fits run.
  const rowParts = facts.names.map((client, c) => {
    const status = statuses[c];
    const signals = signalsOf(facts, c, status, events.get(client));
    const evidence = clientEvidence(facts, c, events.get(client), movementOf.get(client), scale);
    const candidate = { client, status: status?.status ?? null, tier: tiers[c], signals, movement: evidence.movement, valueAtStake: former[c] / scale };
    const list = actionList(candidate);
    return { status, signals, evidence, candidate, list, next: nextPurchaseDay(lastPurchaseDay(facts, c), status?.cadenceDays ?? null) };
  });
  // The driver answers 'fitted' with the results of the jobs (FitStep).
  const model = plan.finish((yield { kind: 'fitted', jobs: plan.jobs }) as readonly CountFitResult[]);

  const clients: ClientResult[] = facts.names.map((client, c) => {
    const { status, signals, evidence, candidate, list, next } = rowParts[c];
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
      expectedValue12mLow: model.expectedValue12mLow[c],
      expectedValue12mHigh: model.expectedValue12mHigh[c],
      requests: 0,
      converted: 0,
      actions: recommendedActions(candidate, list),
      list,
      valueAtStake: candidate.valueAtStake,
      evidence,
    };
  });
  const conversion = conversionTables(facts, clients, allRequests(input), window);
  const rejected = [...(input.rejected ?? []), ...late, ...companionRows(input, facts)];
  return {
    asOf,
    dataFrom: facts.purchaseDay.reduce((min, day) => Math.min(min, day), asOf),
    window,
    previousWindow: previous,
    options,
    input: {
      rows: input.rows ?? lineCount(sales),
      accepted: lineCount(sales) - late.length,
      requests: input.salesRequests?.length ?? 0,
      rejected,
      profile: input.profile ?? null,
    },
    clients,
    matrix: buildMatrix(clients, classes.total / scale),
    winBack: actionListOrder(clients),
    movement,
    transitions,
    conversion,
    kpis,
    model: model.results,
    sources: {
      requests: input.requests !== undefined || input.salesRequests !== undefined,
      contacts: input.contacts !== undefined,
      complaints: input.complaints !== undefined,
      profit: sales.profit !== null,
      quantity: sales.quantity !== null,
      product: facts.productNames.length > 0,
      document: facts.lineDocument.some((d) => d >= 0),
    },
  };
}

function maxDay(days: Int32Array): number {
  let max = -Infinity;
  for (let i = 0; i < days.length; i++) if (days[i] > max) max = days[i];
  return max;
}

/**
 * Lines dated after asOf are not analysed; they are reported (SPEC §2: nothing dropped silently).
 * An engine that sums lines keeps each line after a given asOf on its own (aggregation-sql.ts),
 * so every late entry is one line with its row.
 */
function lateRows(sales: SalesColumns, asOf: number, sheet: string | undefined): RejectedRow[] {
  const late: RejectedRow[] = [];
  const where = sheet === undefined ? {} : { sheet };
  for (let i = 0; i < sales.length; i++) if (sales.day[i] > asOf) late.push({ row: sales.row[i], reason: 'after-as-of', source: 'sales', ...where });
  return late;
}

/**
 * Rows of the optional sources no metric can use, reported with their sheet: any dated after
 * asOf, and contacts and complaints of a client with no sales line (a request of such a client
 * still counts in conversion: a prospect that asked and never bought).
 */
function companionRows(input: AnalyzeInput, facts: Facts): RejectedRow[] {
  const known = new Set(facts.names);
  const rows: RejectedRow[] = [];
  const add = (source: SourceKey, lines: readonly { row: number; client: string; day: number }[] | undefined, clientsMatter: boolean) => {
    const sheet = input.sheets?.[source];
    const where = sheet === undefined ? { source } : { source, sheet };
    for (const line of lines ?? []) {
      if (line.day > facts.asOf) rows.push({ row: line.row, reason: 'after-as-of', ...where });
      else if (clientsMatter && !known.has(line.client)) rows.push({ row: line.row, reason: 'unknown-client', value: line.client, ...where });
    }
  };
  add('requests', input.requests, false);
  add('sales', input.salesRequests, false);
  add('contacts', input.contacts, true);
  add('complaints', input.complaints, true);
  return rows;
}

/** The requests of the requests sheet and the request rows of the sales sheet. */
function allRequests(input: AnalyzeInput): readonly RequestLine[] {
  if (!input.salesRequests?.length) return input.requests ?? [];
  return input.requests ? [...input.requests, ...input.salesRequests] : input.salesRequests;
}

function eventsByClient(input: AnalyzeInput): Map<string, ClientEvents> {
  const events = new Map<string, ClientEvents>();
  const of = (client: string) => {
    let e = events.get(client);
    if (!e) events.set(client, (e = { requests: [], contacts: [], complaints: [] }));
    return e;
  };
  for (const r of allRequests(input)) of(r.client).requests.push(r.day);
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
