/**
 * What `analyze` takes and returns. Every number here is defined in SPEC §2–§7; money is
 * reported in currency units (cents / 100), quantities in units (thousandths / 1000).
 */
import type { PeriodKind, Window } from '../basics/calendar.js';
import type { CurrencyChoice, Measure, ModelKind, XyzPreset } from '../options/choices.js';
import type { Day, ReadProfile, RejectedRow } from '../read/types.js';
import type { ModelCheck } from './model-check.js';

export type { Measure, ModelKind, XyzPreset };

/** The classes, tiers, statuses, signals and movement kinds results carry — stable keys, in report order. */
export const ABC_CLASSES = ['A', 'B', 'C'] as const;
export type AbcClass = (typeof ABC_CLASSES)[number];
export const XYZ_CLASSES = ['X', 'Y', 'Z', 'N'] as const;
export type XyzClass = (typeof XYZ_CLASSES)[number];
export const TIERS = ['gold', 'silver', 'bronze'] as const;
export type Tier = (typeof TIERS)[number];
export const STATUSES = ['new', 'active', 'at-risk', 'lost'] as const;
export type Status = (typeof STATUSES)[number];
/** The five signs of a leaving client (SPEC §6), in the order a client's signals are listed. */
export const SIGNALS = ['overdue', 'requests-without-orders', 'unresponsive', 'volume-drop', 'complaint'] as const;
export type Signal = (typeof SIGNALS)[number];
export const MOVEMENT_KINDS = [
  'vanished',
  'new',
  'reactivated',
  'buys-less',
  'buys-more',
  'less-often',
  'cheaper',
  'dropped-products',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
/** The action lists of SPEC §6a, in the order a client is placed in the first that applies. */
export const ACTION_LISTS = ['keep', 'win-back', 'grow', 'mailing'] as const;
export type ActionList = (typeof ACTION_LISTS)[number];
/**
 * A recommended action (SPEC §6): one per signal (`overdue-gold` for a gold client), `mailing-only`
 * instead of all of them for a lost client of low value, and for a client in the Grow list by its
 * movement alone `buying-less` (buys less, less often or cheaper) and `dropped-products`.
 */
export type ActionKey = Signal | 'overdue-gold' | 'mailing-only' | 'buying-less' | 'dropped-products';

/** The client's own facts the actions and the reasons speak of (SPEC §6a "about this client"). */
export interface ClientEvidence {
  /** Requests after the last purchase day (up to asOf), and the latest one's day. */
  requestsSinceLastPurchase: number;
  lastRequest: Day | null;
  /** Unanswered contact attempts after the last purchase day, and the last answered attempt's day. */
  unansweredSinceLastPurchase: number;
  lastAnswered: Day | null;
  /** Mean value of a purchase day: the last 3, and the (up to 12) before them. */
  recentDayValue: number | null;
  earlierDayValue: number | null;
  /** The latest complaint on or before asOf. */
  lastComplaint: { day: Day; text: string | null } | null;
  /** Movement between the previous period and this one (SPEC §7). */
  movement: MovementKind[];
  droppedProducts: string[];
  previousValue: number;
}

export interface AnalyzeOptions {
  /** Analysis date; default the latest accepted sales date. */
  asOf?: Day;
  period: PeriodKind;
  periods: number;
  measure: Measure;
  abc: { a: number; b: number };
  xyz: { method: 'cv' | 'regularity'; preset: XyzPreset; x: number; y: number; minPeriods: number };
  tiers: { gold: number; silver: number };
  status: { riskFactor: number; lostFactor: number; minLostDays: number; silenceDays: number; newDays: number };
  model: ModelKind;
  /** Days the model check hides before asOf (SPEC §7a); default a quarter of the span of purchase days, 28 to 365. */
  holdoutDays?: number;
  /** False: fit only the model asked for (MBG/NBD for auto) and run no check — a cell function's quick answer. */
  modelCheck?: boolean;
  /**
   * The currency money is shown in (core/options/currency.ts); default the one currency the input
   * showed, else none. An analysis holds the currency so decided.
   */
  currency?: CurrencyChoice;
}

/** One client's results (SPEC §9 `clients[]`, plus a few fields the report uses). */
export interface ClientResult {
  client: string;
  /** Measure over the window. */
  value: number;
  share: number | null;
  cumShare: number | null;
  abc: AbcClass | null;
  cv: number | null;
  /** Share of the XYZ series' periods with a purchase day (the `regularity` method's number). */
  regularity: number | null;
  xyz: XyzClass | null;
  formerValue: number;
  tier: Tier | null;
  status: Status | null;
  oneOff: boolean;
  signals: Signal[];
  cadenceDays: number | null;
  recencyDays: number | null;
  firstPurchase: Day | null;
  lastPurchase: Day | null;
  /** Purchase days on or before asOf, all history. */
  purchaseDays: number;
  /** Orders in the window (SPEC §2 "Orders"). */
  orders: number;
  /** The manager, region and industry of the client's latest line, when mapped. */
  manager: string | null;
  region: string | null;
  industry: string | null;
  pAlive: number | null;
  /** The 90 % interval of P(alive) from the fitted parameters' uncertainty (SPEC §7a); null without a covariance. */
  pAliveLow: number | null;
  pAliveHigh: number | null;
  expected90: number | null;
  /**
   * What the client is expected to bring in the next 12 months, in the measure's units: expected
   * purchase days in 365 days (BG/NBD) × expected value of a purchase day (Gamma-Gamma).
   */
  expectedValue12m: number | null;
  /** Its 90 % interval from both models' parameter uncertainty (core/model/intervals.ts); null without their covariances. */
  expectedValue12mLow: number | null;
  expectedValue12mHigh: number | null;
  /** Requests in the window and how many were converted (SPEC §7 "Conversion"). */
  requests: number;
  converted: number;
  /** Recommended actions, in the order of `signals`, then the movement's. */
  actions: ActionKey[];
  /** The action list the client is in (SPEC §6a), or null when nothing calls for action. */
  list: ActionList | null;
  /** What the client was worth in its last active year: its formerValue (SPEC §6a). */
  valueAtStake: number;
  /** Purchase days in the window (the same span as `orders`). */
  windowPurchaseDays: number;
  /** The day the client's cadence expects its next purchase, and how many days it is late (SPEC §7a). */
  nextPurchase: Day | null;
  daysOverdue: number | null;
  evidence: ClientEvidence;
}

export interface MatrixCell {
  abc: AbcClass;
  xyz: XyzClass;
  clients: number;
  value: number;
  share: number;
}

export interface MovementRow {
  client: string;
  kinds: MovementKind[];
  previousValue: number;
  value: number;
  previousPurchaseDays: number;
  purchaseDays: number;
  /** Products (or groups) dropped, when `dropped-products` is among the kinds. */
  droppedProducts: string[];
  previousCell: string;
  cell: string;
}

export interface ConversionRow {
  /** Client or manager name; `null` manager means "not set". */
  name: string;
  requests: number;
  converted: number;
  rate: number | null;
}

export interface QuarterKpi {
  quarter: string;
  from: Day;
  to: Day;
  /** False for a quarter that ends before the first purchase day in the data: its zeros mean "no data". */
  hasData: boolean;
  active: number;
  new: number;
  lost: number;
  returned: number;
  winBackRate: number | null;
}

export interface DevelopmentKpis {
  ordersPerClient: number | null;
  productsPerClient: number | null;
  averageOrderValue: number | null;
  /** Share of clients with value in either window whose value grew versus the previous window. */
  grewShare: number | null;
  /** Clients whose tier is better now than it was at the previous window's end. */
  betterTier: number;
}

/** The purchase-count models the analysis fits and checks (SPEC §7a). */
export type CountModelKind = 'bgnbd' | 'mbgnbd' | 'paretonbd';

/**
 * A fitted purchase model's parameters, per day, and how the fit went: r, α with a, b (BG/NBD,
 * MBG/NBD) or with s, β (Pareto/NBD).
 */
export interface BgnbdSummary {
  kind: CountModelKind;
  r: number;
  alpha: number;
  a?: number;
  b?: number;
  s?: number;
  beta?: number;
  logLikelihood: number;
  timeUnit: 'day';
  converged: boolean;
  iterations: number;
  /** Set when the fit is not informative: the parameters are then the attempted optimum. */
  skipped?: ModelSkipped;
}

/** Why a model gives no P(alive) (worded by the vocabulary's `report.modelSkipped`). */
export interface ModelSkipped {
  code: 'too-few-repeaters' | 'did-not-converge' | 'no-dropout' | 'no-better-than-baseline' | 'disabled';
}

/** Why the model used was used, or why none is (worded by the vocabulary's `report.modelWhy`). */
export type ModelWhy = 'requested' | 'lowest-error' | 'no-check' | 'not-informative' | 'no-better-than-baseline' | 'disabled';

/** The Gamma-Gamma spend model's parameters, over the clients with a positive mean repeat-day value. */
export interface GammaGammaSummary {
  p: number;
  q: number;
  gamma: number;
  logLikelihood: number;
  clients: number;
}

export interface ModelResults {
  /** The model behind P(alive) and the expected values, or null when none is informative. */
  used: CountModelKind | null;
  why: ModelWhy;
  /** Each model's fit on all the data, whichever model is used (null when the data cannot be fitted at all). */
  bgnbd: BgnbdSummary | null;
  mbgnbd: BgnbdSummary | null;
  paretonbd: BgnbdSummary | null;
  gammaGamma: GammaGammaSummary | null;
  /** Why P(alive) is empty, when it is. */
  skipped: ModelSkipped | null;
  /** The backtest of SPEC §7a, or null when there is too little history for one (or no model is wanted). */
  check: ModelCheck<CountModelKind> | null;
}

export interface Analysis {
  asOf: Day;
  /** The first purchase day in the data: a window or quarter before it has no data. */
  dataFrom: Day;
  window: Window;
  previousWindow: Window;
  options: AnalyzeOptions;
  /**
   * The sales sheet's data rows: accepted lines (dated up to asOf) + request rows + rejected rows
   * (a blank run counts all its rows) = rows. `rejected` also lists the optional sources' rows.
   */
  input: { rows: number; accepted: number; requests: number; rejected: RejectedRow[]; profile: ReadProfile | null };
  /** Clients in code-point order of name. */
  clients: ClientResult[];
  matrix: MatrixCell[];
  /** The clients of the four action lists, list by list (Keep, Win back, Grow, Mailing only), each as SPEC §6a orders it. */
  winBack: ClientResult[];
  movement: MovementRow[];
  /** Previous cell → current cell → clients ("none" when a client has no cell). */
  transitions: Record<string, Record<string, number>>;
  conversion: { overall: ConversionRow; byManager: ConversionRow[]; byClient: ConversionRow[] };
  kpis: { quarters: QuarterKpi[]; development: DevelopmentKpis };
  model: ModelResults;
  /** Which optional inputs were present, so the report can say which signals could not be checked. */
  sources: { requests: boolean; contacts: boolean; complaints: boolean; profit: boolean; quantity: boolean; product: boolean; document: boolean };
}
