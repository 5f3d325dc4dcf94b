/**
 * The shape of the generated example data: plain rows in the core's units (see core/types.ts), so a
 * test can compare what the readers return with what was generated, cent for cent.
 *
 * Units: days are `Day` numbers, money is integer kopecks (cents), quantities are integer
 * thousandths of a unit, `price` is kopecks per unit, so `amount = round(quantity × price / 1000)`.
 */
import type { Day } from '../core/read/types.js';

/** The story a client's data is generated to tell; each one shows a status or signal of SPEC §6. */
export type Scenario =
  /** Steady cadence up to the end: status active. */
  | 'regular'
  /** Steady cadence with order values growing about fivefold over the period. */
  | 'growing'
  /** Buys only in the building season, April to October. */
  | 'seasonal'
  /** Stopped buying 200–700 days before the end: status lost. */
  | 'lost'
  /** Last purchase about twice its own cadence ago: status at-risk, signal overdue. */
  | 'at-risk'
  /** Still buys on cadence, but its last 3 purchase days are small: signal volume-drop. */
  | 'volume-drop'
  /** A silence of 250+ days, then regular purchases again in the last months. */
  | 'returning'
  /** First purchase within the last 90 days: status new (some of them one-off). */
  | 'new'
  /** A single purchase day long ago: oneOff, status lost. */
  | 'one-off'
  /** Three or more requests after its last purchase: signal requests-without-orders. */
  | 'requests-without-orders'
  /** Three or more unanswered contact attempts after its last purchase: signal unresponsive. */
  | 'unresponsive'
  /** A complaint in the last 90 days and no purchase after it: signal complaint. */
  | 'complaint'
  /** One sale, fully returned later: its value nets to exactly zero. */
  | 'full-return'
  /** Only a return and a credit note, no purchase day: no status at all. */
  | 'returns-only'
  /** A client a test adds under a name of its choosing (hostile text, say); a few ordinary sales. */
  | 'probe';

/** One client of the example company. */
export interface ClientProfile {
  name: string;
  scenario: Scenario;
  /** True for the named clients the README describes; false for the generated background. */
  showcase: boolean;
  manager: string;
  region: string;
  industry: string;
}

/** One line of a sales document (a shipment, a return or a credit note). */
export interface GeneratedSale {
  client: string;
  day: Day;
  document: string;
  product: string;
  group: string;
  /** Thousandths of a unit; negative on returns, 0 on credit notes. */
  quantity: number;
  /** Kopecks per unit; 0 on credit notes. */
  price: number;
  /** Kopecks; negative on returns and credit notes. */
  amount: number;
  /** Kopecks. */
  profit: number;
  manager: string;
  region: string;
  industry: string;
}

export interface GeneratedRequest {
  client: string;
  day: Day;
  manager: string;
}

export interface GeneratedContact {
  client: string;
  day: Day;
  answered: boolean;
}

export interface GeneratedComplaint {
  client: string;
  day: Day;
  text: string;
}

/** Everything `generateDistributor` returns; every list is sorted by day. */
export interface DistributorData {
  seed: number;
  /** First and last day of the generated period; a sale is dated on `endDay`, so asOf = endDay. */
  startDay: Day;
  endDay: Day;
  clients: ClientProfile[];
  sales: GeneratedSale[];
  requests: GeneratedRequest[];
  contacts: GeneratedContact[];
  complaints: GeneratedComplaint[];
  /** The sale document that was later returned in full, and its return document. */
  fullReturn: { client: string; saleDocument: string; returnDocument: string };
}
