/**
 * A realistic, seeded example company: a building-materials distributor selling to B2B clients in
 * Russia (cement, dry mixes, roofing, insulation, fasteners, steel, …), with account managers,
 * regions and industries, requests, contact attempts and complaints. Every status and signal of
 * SPEC §6 appears, told by named showcase clients (see clients.ts and examples/README.md), among
 * background clients whose value follows a Pareto curve.
 *
 * Output: arrays of plain objects in the core's units (example-types.ts), sorted by day — one object
 * per sales line, its strings shared between lines, its numbers small integers, so a million lines
 * take about 150 MB and two seconds. The same options always give the same data; nothing reads the
 * clock.
 *
 * How: (1) clients and their scenarios, (2) a purchase plan per client (days and target values) with
 * its requests, contacts and complaints, (3) orders, returns and credit notes as events sorted by day,
 * (4) each event becomes document lines: the order value spread over 1 + Poisson lines of the client's
 * usual products at the day's price (list price + 7 % a year, minus the client's volume discount).
 * Returns: about 2 % of the orders of steady background clients are partly returned a few days later,
 * 0.6 % get a credit note (quantity 0, price 0, negative amount), one showcase sale is returned in full
 * (see `fullReturn`), and one client has only a return and a credit note.
 *
 * Example: `generateDistributor({ seed: 7, clients: 600, years: 3, endDay: dayFromYmd(2026, 10, 31),
 * linesTarget: 30_000 })` → about 30,000 sales lines from 2023-11-01 to 2026-10-31, the last one
 * dated 2026-10-31.
 */
import type { Day } from '../core/read/types.js';
import { CREDIT_NOTE_GROUP, CREDIT_NOTE_PRODUCT, PRODUCTS, type Product } from './catalog.js';
import { buildClients, SHOWCASE, type ClientSpec } from './clients.js';
import { addCompanions, type CompanionSinks } from './companions.js';
import type { ClientProfile, DistributorData, GeneratedSale } from './example-types.js';
import { planPurchases, workday, type PlanContext, type PurchasePlan } from './purchase-plans.js';
import { SeededRandom } from './random.js';

export interface DistributorOptions {
  seed: number;
  /** Number of clients; at least the 22 showcase clients and the probes. */
  clients: number;
  /** Years of history before `endDay`; at least 2 (the lost and returning stories need them). */
  years: number;
  /** The last day of the data; a sale is dated on it. */
  endDay: Day;
  /** About how many sales lines to make (sets the lines per order); default 3 lines per order. */
  linesTarget?: number;
  /**
   * Names of extra clients with a few ordinary sales each — for tests that need hostile text
   * (a formula, HTML) in the data; the bundled examples have none.
   */
  probes?: readonly string[];
}

type EventKind = 'order' | 'partial-return' | 'full-return' | 'credit-note' | 'orphan-return' | 'orphan-credit';

/** Something that becomes sales lines on its day. */
interface SaleEvent {
  day: Day;
  client: number;
  kind: EventKind;
  /** Target value in kopecks (orders). */
  value: number;
  /** Exact line count, or 0 for a random count. */
  lines: number;
  minLines: number;
  /** The order a return or credit note refers to. */
  source: SaleEvent | null;
  /** True when a later return or credit note refers to this order, so its lines are kept. */
  keep: boolean;
  /** The lines the order became, when kept. */
  emitted: GeneratedSale[] | null;
}

const DEFAULT_LINES_PER_ORDER = 3;
const PARTIAL_RETURN_CHANCE = 0.02;
const CREDIT_NOTE_CHANCE = 0.006;
const CREDIT_NOTE_SHARE = 0.05;
const SPLIT_ORDER_CHANCE = 0.03;
const YEARLY_PRICE_RISE = 0.07;
const MARGIN_NOISE = 0.02;
const PRODUCT_BY_NAME = new Map(PRODUCTS.map((p) => [p.name, p]));

export function generateDistributor(options: DistributorOptions): DistributorData {
  const { seed, years, endDay } = options;
  const probes = options.probes ?? [];
  if (options.clients < SHOWCASE.length + probes.length) throw new RangeError(`clients must be at least ${SHOWCASE.length + probes.length}`);
  if (!(years >= 2)) throw new RangeError('years must be at least 2');
  const rng = new SeededRandom(seed);
  const ctx: PlanContext = { start: endDay - Math.round(years * 365.25) + 1, end: endDay };
  const specs = buildClients(rng, options.clients, probes);
  const sinks: CompanionSinks = { requests: [], contacts: [], complaints: [] };
  const events: SaleEvent[] = [];
  for (let i = 0; i < specs.length; i++) {
    const plan = planPurchases(rng, specs[i], ctx);
    addCompanions(rng, specs[i], plan, ctx, sinks);
    addEvents(rng, i, specs[i], plan, ctx, events);
  }
  events.sort((a, b) => a.day - b.day || a.client - b.client);
  const orders = events.filter((e) => e.kind === 'order').length;
  const extraLines = events.length - orders;
  const linesPerOrder = options.linesTarget ? Math.max(1, (options.linesTarget - extraLines) / Math.max(1, orders)) : DEFAULT_LINES_PER_ORDER;
  const writer = new LineWriter(rng, specs, ctx, linesPerOrder);
  for (const e of events) writer.write(e);
  const byDay = <T extends { day: Day }>(rows: T[]): T[] => rows.sort((a, b) => a.day - b.day);
  return {
    seed,
    startDay: ctx.start,
    endDay,
    clients: specs.map(profileOf),
    sales: writer.sales,
    requests: byDay(sinks.requests),
    contacts: byDay(sinks.contacts),
    complaints: byDay(sinks.complaints),
    fullReturn: writer.fullReturn,
  };
}

function profileOf(spec: ClientSpec): ClientProfile {
  return { name: spec.name, scenario: spec.scenario, showcase: spec.showcase, manager: spec.manager, region: spec.region, industry: spec.industry };
}

function event(day: Day, client: number, kind: EventKind, value: number, source: SaleEvent | null): SaleEvent {
  if (source) source.keep = true;
  return { day, client, kind, value, lines: 0, minLines: 1, source, keep: false, emitted: null };
}

/** The orders of a plan, and the returns and credit notes that follow some of them. */
function addEvents(rng: SeededRandom, client: number, spec: ClientSpec, plan: PurchasePlan, ctx: PlanContext, out: SaleEvent[]): void {
  const mayReturn = !spec.showcase && (spec.scenario === 'regular' || spec.scenario === 'growing' || spec.scenario === 'seasonal');
  plan.days.forEach((day, i) => {
    const order = event(day, client, 'order', plan.values[i], null);
    order.minLines = plan.minLines;
    if (i >= plan.singleLineFrom) order.lines = 1;
    out.push(order);
    if (spec.scenario === 'full-return') out.push(event(workday(day + 10), client, 'full-return', 0, order));
    if (mayReturn && rng.chance(PARTIAL_RETURN_CHANCE)) followUp(day + rng.int(3, 25), 'partial-return', order);
    if (mayReturn && rng.chance(CREDIT_NOTE_CHANCE)) followUp(day + rng.int(5, 30), 'credit-note', order);
  });
  if (spec.scenario === 'returns-only') {
    out.push(event(workday(ctx.end - 300), client, 'orphan-return', 0, null), event(workday(ctx.end - 200), client, 'orphan-credit', 0, null));
  }

  function followUp(day: Day, kind: EventKind, order: SaleEvent): void {
    if (day <= ctx.end) out.push(event(day, client, kind, 0, order));
  }
}

/** Turns events into sales lines, numbering documents in date order like an accounting system. */
class LineWriter {
  readonly sales: GeneratedSale[] = [];
  fullReturn = { client: '', saleDocument: '', returnDocument: '' };
  private saleNumber = 0;
  private returnNumber = 0;
  private creditNumber = 0;

  constructor(
    private readonly rng: SeededRandom,
    private readonly clients: readonly ClientSpec[],
    private readonly ctx: PlanContext,
    private readonly linesPerOrder: number,
  ) {}

  write(e: SaleEvent): void {
    switch (e.kind) {
      case 'order':
        return this.order(e);
      case 'partial-return':
        return this.partialReturn(e);
      case 'full-return':
        return this.wholeReturn(e);
      case 'credit-note':
        return this.creditNote(e.day, this.clients[e.client], -Math.max(100, Math.round(sum(e.source?.emitted ?? []) * CREDIT_NOTE_SHARE)));
      case 'orphan-return':
        return this.orphanReturn(e);
      case 'orphan-credit':
        return this.creditNote(e.day, this.clients[e.client], -500_000);
    }
  }

  private order(e: SaleEvent): void {
    const client = this.clients[e.client];
    const favorites = client.favorites;
    const count = e.lines || Math.min(favorites.length, Math.max(e.minLines, 1 + this.rng.poisson(this.linesPerOrder - 1)));
    const offset = this.rng.int(0, favorites.length - 1);
    const splitAt = count >= 2 && this.rng.chance(SPLIT_ORDER_CHANCE) ? Math.ceil(count / 2) : count;
    const first = this.nextSale();
    const second = splitAt < count ? this.nextSale() : first;
    const share = e.value / count;
    const lines: GeneratedSale[] = [];
    for (let j = 0; j < count; j++) {
      const product = PRODUCTS[favorites[(offset + j) % favorites.length]];
      const price = this.priceOf(product, e.day, client);
      const quantity = quantityFor(share * this.rng.uniform(0.6, 1.4), price, product.step);
      const amount = Math.round((quantity * price) / 1000);
      const margin = clamp(product.margin - client.discount + MARGIN_NOISE * this.rng.normal(), 0.01, 0.45);
      lines.push(this.line(client, e.day, j < splitAt ? first : second, product, quantity, price, amount, Math.round(amount * margin)));
    }
    if (e.keep) e.emitted = lines;
  }

  /** One line of the order back, 10–50 % of its quantity, at the sale price. */
  private partialReturn(e: SaleEvent): void {
    const source = e.source?.emitted;
    if (!source || source.length === 0) return;
    const sold = this.rng.pick(source);
    const step = PRODUCT_BY_NAME.get(sold.product)?.step ?? 1000;
    const quantity = -Math.min(sold.quantity, Math.max(1, Math.round((sold.quantity * this.rng.uniform(0.1, 0.5)) / step)) * step);
    const amount = Math.round((quantity * sold.price) / 1000);
    const profit = sold.amount === 0 ? 0 : Math.round((amount * sold.profit) / sold.amount);
    this.sales.push({ ...sold, day: e.day, document: this.nextReturn(), quantity, amount, profit });
  }

  /** Every line of the order back, exactly negated, so sale and return net to zero. */
  private wholeReturn(e: SaleEvent): void {
    const source = e.source?.emitted ?? [];
    const document = this.nextReturn();
    for (const sold of source) {
      this.sales.push({ ...sold, day: e.day, document, quantity: -sold.quantity, amount: -sold.amount, profit: -sold.profit });
    }
    this.fullReturn = { client: this.clients[e.client].name, saleDocument: source[0]?.document ?? '', returnDocument: document };
  }

  /** A return of goods sold before the period: ten steps (pieces, or 0.05 t of steel) of one product. */
  private orphanReturn(e: SaleEvent): void {
    const client = this.clients[e.client];
    const product = PRODUCTS[client.favorites[0]];
    const price = this.priceOf(product, e.day, client);
    const quantity = -10 * product.step;
    const amount = Math.round((quantity * price) / 1000);
    this.line(client, e.day, this.nextReturn(), product, quantity, price, amount, Math.round(amount * product.margin));
  }

  /** A price correction: no quantity, no price, a negative amount that is all profit lost. */
  private creditNote(day: Day, client: ClientSpec, amount: number): void {
    this.sales.push({
      client: client.name, day, document: this.nextCredit(), product: CREDIT_NOTE_PRODUCT, group: CREDIT_NOTE_GROUP,
      quantity: 0, price: 0, amount, profit: amount, manager: client.manager, region: client.region, industry: client.industry,
    });
  }

  private line(client: ClientSpec, day: Day, document: string, product: Product, quantity: number, price: number, amount: number, profit: number): GeneratedSale {
    const row: GeneratedSale = {
      client: client.name, day, document, product: product.name, group: product.group, quantity, price, amount, profit,
      manager: client.manager, region: client.region, industry: client.industry,
    };
    this.sales.push(row);
    return row;
  }

  /** List price raised by 7 % a year since the start, less the client's discount, in kopecks. */
  private priceOf(product: Product, day: Day, client: ClientSpec): number {
    const rise = 1 + (YEARLY_PRICE_RISE * (day - this.ctx.start)) / 365;
    return Math.round(product.price * rise * (1 - client.discount));
  }

  private nextSale(): string {
    return `РТ-${String(++this.saleNumber).padStart(8, '0')}`;
  }

  private nextReturn(): string {
    return `ВЗ-${String(++this.returnNumber).padStart(6, '0')}`;
  }

  private nextCredit(): string {
    return `КР-${String(++this.creditNumber).padStart(6, '0')}`;
  }
}

/** The quantity closest to `value / price`, in whole steps, at least one step (thousandths). */
function quantityFor(value: number, price: number, step: number): number {
  return Math.max(1, Math.round((value * 1000) / price / step)) * step;
}

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}

function sum(lines: readonly GeneratedSale[]): number {
  let total = 0;
  for (const line of lines) total += line.amount;
  return total;
}
