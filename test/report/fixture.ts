/**
 * A small hand-built Analysis for the report tests: eight clients covering every status, tier,
 * signal, action and movement kind; one rejected row of each reason; eight quarters of KPIs; a
 * fitted model. `sparseAnalysis` is the same data without requests, with the model skipped and no
 * rejected rows. Five client names are hostile spreadsheet text (formula-like, HTML).
 *
 * The numbers are consistent by hand: the window total is 185,000, so Acme (118,000) has share
 * 118/185 = 63.8 % (A) and Ромашка, ranked next, has 36/185 with 63.8 % before it (A); +7 Строй
 * starts at 83.2 % (B), =HYPERLINK at 91.4 % (B), @SUM at 95.7 % (C), −5 дней at 98.4 % (C).
 * Tiers come from the former values 120, 40, 15, 12, 8, 5, 3, 1.5 thousand (total 204.5):
 * before-shares 0, 58.7 % → gold; 78.2, 85.6, 91.4 % → silver; 95.4 % onwards → bronze.
 */
import type { Analysis, ClientEvidence, ClientResult } from '../../core/analyze/analysis.js';
import { dayFromYmd, previousWindow, windowAt } from '../../core/basics/calendar.js';
import { DEFAULT_OPTIONS } from '../../core/options/options.js';
import { daysOverdue, nextPurchaseDay } from '../../core/metrics/next-purchase.js';
import type { ReadProfile } from '../../core/read/types.js';

export const HOSTILE = {
  hyperlink: '=HYPERLINK("http://x","y")',
  plus: '+7 Строй',
  at: '@SUM(A1)',
  minus: '-5 дней',
  html: '<img src=x onerror=alert(1)>',
} as const;

const asOf = dayFromYmd(2026, 3, 15);
const window = windowAt(asOf, 'month', 12);
const TOTAL = 185_000;

/** A client's evidence with the given facts; the rest empty or zero. */
function evidence(fields: Partial<ClientEvidence> = {}): ClientEvidence {
  return {
    requestsSinceLastPurchase: 0,
    lastRequest: null,
    unansweredSinceLastPurchase: 0,
    lastAnswered: null,
    recentDayValue: null,
    earlierDayValue: null,
    lastComplaint: null,
    movement: [],
    droppedProducts: [],
    previousValue: 0,
    ...fields,
  };
}

/**
 * A client with the given fields; the rest empty or zero, the value at stake its former value,
 * a P(alive) interval of 0.9 × to 1.05 × P(alive) (at most 1) and a 12-month value interval of
 * 0.8 × to 1.25 × the value.
 */
function client(fields: Partial<ClientResult> & Pick<ClientResult, 'client'>): ClientResult {
  const pAlive = fields.pAlive ?? null;
  const value12m = fields.expectedValue12m ?? null;
  return {
    list: null,
    pAliveLow: pAlive === null ? null : Number((pAlive * 0.9).toFixed(3)),
    pAliveHigh: pAlive === null ? null : Math.min(1, Number((pAlive * 1.05).toFixed(3))),
    expectedValue12mLow: value12m === null ? null : value12m * 0.8,
    expectedValue12mHigh: value12m === null ? null : value12m * 1.25,
    valueAtStake: fields.formerValue ?? 0,
    windowPurchaseDays: fields.orders ?? 0,
    nextPurchase: nextPurchaseDay(fields.lastPurchase ?? null, fields.cadenceDays ?? null),
    daysOverdue: daysOverdue(nextPurchaseDay(fields.lastPurchase ?? null, fields.cadenceDays ?? null), asOf),
    evidence: evidence(),
    value: 0,
    share: null,
    cumShare: null,
    abc: null,
    cv: null,
    regularity: null,
    xyz: null,
    formerValue: 0,
    tier: null,
    status: null,
    oneOff: false,
    signals: [],
    cadenceDays: null,
    recencyDays: null,
    firstPurchase: null,
    lastPurchase: null,
    purchaseDays: 0,
    orders: 0,
    manager: null,
    region: null,
    industry: null,
    pAlive: null,
    expected90: null,
    expectedValue12m: null,
    requests: 0,
    converted: 0,
    actions: [],
    ...fields,
  };
}

/** Share and cumulative share of a window value, given the value ranked above it. */
const ranked = (value: number, above: number) => ({ value, share: value / TOTAL, cumShare: (above + value) / TOTAL });

const day = dayFromYmd;

const acme = client({
  client: 'Acme Ltd',
  ...ranked(118_000, 0),
  abc: 'A',
  cv: 0.21,
  regularity: 1,
  xyz: 'X',
  formerValue: 120_000,
  tier: 'gold',
  status: 'active',
  cadenceDays: 14,
  recencyDays: 3,
  firstPurchase: day(2021, 2, 10),
  lastPurchase: day(2026, 3, 12),
  purchaseDays: 118,
  orders: 26,
  manager: 'Иванова',
  region: 'Москва',
  industry: 'Строительство',
  pAlive: 0.998,
  expected90: 6.42,
  expectedValue12m: 32100.0,
  requests: 4,
  converted: 4,
  evidence: evidence({ movement: ['buys-more'], previousValue: 80_000 }),
});

const romashka = client({
  client: 'ООО Ромашка',
  ...ranked(36_000, 118_000),
  abc: 'A',
  cv: 0.74,
  regularity: 0.83,
  xyz: 'Y',
  formerValue: 40_000,
  tier: 'gold',
  status: 'at-risk',
  signals: ['overdue', 'requests-without-orders'],
  actions: ['overdue-gold', 'requests-without-orders', 'dropped-products'],
  cadenceDays: 21,
  recencyDays: 40,
  firstPurchase: day(2022, 5, 4),
  lastPurchase: day(2026, 2, 3),
  purchaseDays: 60,
  orders: 14,
  manager: 'Smith',
  region: 'Казань',
  industry: 'Торговля',
  pAlive: 0.71,
  expected90: 2.05,
  expectedValue12m: 10250.0,
  requests: 5,
  converted: 1,
  list: 'keep',
  evidence: evidence({
    requestsSinceLastPurchase: 4,
    lastRequest: day(2026, 3, 10),
    movement: ['cheaper', 'dropped-products'],
    droppedProducts: ['Цемент М500', 'Труба 20 мм, оцинкованная'],
    previousValue: 40_000,
  }),
});

const plus = client({
  client: HOSTILE.plus,
  ...ranked(15_000, 154_000),
  abc: 'B',
  cv: 1.35,
  regularity: 0.58,
  xyz: 'Z',
  formerValue: 15_000,
  tier: 'silver',
  status: 'active',
  signals: ['unresponsive', 'volume-drop'],
  actions: ['unresponsive', 'volume-drop'],
  cadenceDays: 30,
  recencyDays: 12,
  firstPurchase: day(2023, 9, 1),
  lastPurchase: day(2026, 3, 3),
  purchaseDays: 28,
  orders: 11,
  manager: 'Иванова',
  region: 'Москва',
  pAlive: 0.93,
  expected90: 1.87,
  expectedValue12m: 9350.0,
  requests: 2,
  converted: 1,
  list: 'grow',
  evidence: evidence({
    unansweredSinceLastPurchase: 3,
    lastAnswered: day(2025, 12, 1),
    recentDayValue: 300,
    earlierDayValue: 700,
    movement: ['buys-less', 'less-often'],
    previousValue: 25_000,
  }),
});

const hyperlink = client({
  client: HOSTILE.hyperlink,
  ...ranked(8_000, 169_000),
  abc: 'B',
  xyz: 'N',
  formerValue: 8_000,
  tier: 'silver',
  status: 'new',
  signals: ['complaint'],
  actions: ['complaint'],
  recencyDays: 20,
  firstPurchase: day(2026, 1, 10),
  lastPurchase: day(2026, 2, 23),
  purchaseDays: 2,
  orders: 2,
  region: 'Тверь',
  pAlive: 0.88,
  expected90: 1.1,
  expectedValue12m: 5500.0,
  requests: 1,
  converted: 1,
  list: 'keep',
  evidence: evidence({ lastComplaint: { day: day(2026, 3, 2), text: '=1+1 wrong grade delivered' }, movement: ['new'] }),
});

const at = client({
  client: HOSTILE.at,
  ...ranked(5_000, 177_000),
  abc: 'C',
  cv: 0.42,
  regularity: 0.5,
  xyz: 'X',
  formerValue: 5_000,
  tier: 'bronze',
  status: 'active',
  cadenceDays: 45,
  recencyDays: 30,
  firstPurchase: day(2024, 6, 1),
  lastPurchase: day(2026, 2, 13),
  purchaseDays: 12,
  orders: 6,
  manager: 'Smith',
  pAlive: 0.9,
  expected90: 1.6,
  expectedValue12m: 8000.0,
});

const minus = client({
  client: HOSTILE.minus,
  ...ranked(3_000, 182_000),
  abc: 'C',
  cv: 1.9,
  regularity: 0.25,
  xyz: 'Z',
  formerValue: 3_000,
  tier: 'bronze',
  status: 'at-risk',
  signals: ['overdue'],
  actions: ['overdue'],
  cadenceDays: 35,
  recencyDays: 70,
  firstPurchase: day(2023, 5, 10),
  lastPurchase: day(2026, 1, 4),
  purchaseDays: 6,
  orders: 4,
  manager: 'Smith',
  region: 'Казань',
  pAlive: 0.52,
  expected90: 0.61,
  expectedValue12m: 3050.0,
  list: 'keep',
  evidence: evidence({ movement: ['reactivated'] }),
});

const petrov = client({
  client: 'Петров ИП',
  formerValue: 12_000,
  tier: 'silver',
  status: 'lost',
  signals: ['overdue'],
  actions: ['overdue'],
  cadenceDays: 28,
  recencyDays: 400,
  firstPurchase: day(2020, 3, 1),
  lastPurchase: day(2025, 2, 8),
  purchaseDays: 70,
  manager: 'Иванова',
  region: 'Москва',
  pAlive: 0.04,
  expected90: 0.02,
  expectedValue12m: 100.0,
  list: 'win-back',
  evidence: evidence({ movement: ['vanished'], previousValue: 14_000 }),
});

const html = client({
  client: HOSTILE.html,
  formerValue: 1_500,
  tier: 'bronze',
  status: 'lost',
  oneOff: true,
  signals: ['overdue', 'complaint'],
  actions: ['mailing-only'],
  recencyDays: 577,
  firstPurchase: day(2024, 8, 15),
  lastPurchase: day(2024, 8, 15),
  purchaseDays: 1,
  pAlive: 0.31,
  expected90: 0.05,
  expectedValue12m: 250.0,
  list: 'mailing',
  evidence: evidence({ lastComplaint: { day: day(2024, 8, 20), text: null }, movement: ['vanished'], previousValue: 1_500 }),
});

/** Code-point order of name, as analyze returns them. */
const clients = [plus, minus, html, hyperlink, at, acme, romashka, petrov];

function matrixOf(list: readonly ClientResult[]): Analysis['matrix'] {
  return (['A', 'B', 'C'] as const).flatMap((abc) =>
    (['X', 'Y', 'Z', 'N'] as const).map((xyz) => {
      const inCell = list.filter((c) => c.abc === abc && c.xyz === xyz);
      const value = inCell.reduce((sum, c) => sum + c.value, 0);
      return { abc, xyz, clients: inCell.length, value, share: value / TOTAL };
    }),
  );
}

const quarter = (label: string, q: [number, number], counts: [number, number, number, number], rate: number | null) => {
  const [year, n] = q;
  return {
    quarter: label,
    from: day(year, (n - 1) * 3 + 1, 1),
    to: day(year, n * 3 + 1, 1) - 1,
    active: counts[0],
    new: counts[1],
    lost: counts[2],
    returned: counts[3],
    winBackRate: rate,
    hasData: true,
  };
};

/**
 * A model check over the last 91 days (split 2025-12-14): 7 clients checked; MBG/NBD predicted
 * 18.9 purchase days against 18 actual (the lowest error), Pareto/NBD 19.6, BG/NBD 20.4, the own-rate
 * baseline 22.5.
 * Four weeks of tracking and the eight frequency rows (7 clients: x = 0, 0, 1, 2, 3, 5, 9).
 */
const CHECK: Analysis['model']['check'] = {
  holdoutDays: 91,
  split: asOf - 91,
  clients: 7,
  models: {
    bgnbd: { totals: { predicted: 20.4, actual: 18, mae: 1.3 } },
    mbgnbd: { totals: { predicted: 18.9, actual: 18, mae: 1.1 } },
    paretonbd: { totals: { predicted: 19.6, actual: 18, mae: 1.2 } },
  },
  baseline: { predicted: 22.5, actual: 18, mae: 1.6 },
  rules: {
    lost: { called: 2, right: 2, precision: 1, silent: 3, found: 2, recall: 2 / 3 },
    lostOrAtRisk: { called: 4, right: 3, precision: 0.75, silent: 3, found: 3, recall: 1 },
  },
  tracking: {
    weekEnd: [day(2025, 12, 7), day(2025, 12, 14), day(2025, 12, 21), day(2025, 12, 28)],
    actual: [10, 20, 31, 40],
    predicted: { bgnbd: [10.5, 21, 31.8, 42.1], mbgnbd: [10.2, 20.3, 30.9, 40.6], paretonbd: [10.4, 20.8, 31.2, 41.3] },
  },
  byFrequency: [0, 1, 2, 3, 4, 5, 6, 7].map((frequency) => {
    const clients = [2, 1, 1, 1, 0, 1, 0, 1][frequency]!;
    return { frequency, clients, actual: frequency * 0.5, predicted: { bgnbd: frequency * 0.55, mbgnbd: frequency * 0.52, paretonbd: frequency * 0.53 }, baseline: frequency * 0.6 };
  }),
};

/** The user's names of the sheets the rejected rows come from, as the pipeline stamps them. */
const SALES_SHEET = { source: 'sales', sheet: 'Продажи 2026' } as const;

/** How the sales file was read: a 1C export in Windows-1251, the decimal comma, look-alike names. */
const PROFILE: ReadProfile = {
  file: { encoding: 'windows-1251', encodingSure: true, strayBytes: 0, delimiter: ';', delimiterSure: true },
  headerRow: 4,
  columns: [
    { field: 'client', column: 0, header: 'Контрагент', candidates: [] },
    { field: 'date', column: 1, header: 'Дата', candidates: [] },
    { field: 'amount', column: 2, header: 'Сумма', candidates: [{ column: 5, header: 'Сумма, руб.' }] },
  ],
  decimals: [{ field: 'amount', mark: 'comma', ambiguous: 2 }],
  currencies: ['RUB'],
  dates: { from: dayFromYmd(2024, 1, 9), to: dayFromYmd(2026, 3, 31) },
  twoDigitYears: 3,
  invisibleNames: 1,
  lookAlikes: [
    [
      { name: 'Сибирь', lines: 12 },
      { name: 'Cибирь', lines: 1 },
    ],
  ],
};

export function fullAnalysis(): Analysis {
  return {
    asOf,
    dataFrom: day(2020, 3, 1),
    window,
    previousWindow: previousWindow(window),
    // The amounts showed rubles (the profile), so analyze decided the report's currency: RUB.
    options: { ...DEFAULT_OPTIONS, asOf, currency: 'RUB' },
    input: {
      rows: 61,
      accepted: 52,
      requests: 1,
      profile: PROFILE,
      rejected: [
        { row: 40, reason: 'subtotal', value: 'Итого', ...SALES_SHEET },
        { row: 5, toRow: 7, reason: 'blank', ...SALES_SHEET },
        { row: 12, reason: 'no-client', ...SALES_SHEET },
        { row: 17, reason: 'bad-date', value: '31.02.2026', ...SALES_SHEET },
        { row: 23, reason: 'bad-amount', value: '=SUM(B2:B9)', ...SALES_SHEET },
        { row: 8, reason: 'bad-answered', value: 'maybe', source: 'contacts', sheet: 'Звонки' },
        { row: 51, reason: 'after-as-of', ...SALES_SHEET },
      ],
    },
    clients,
    matrix: matrixOf(clients),
    winBack: [romashka, hyperlink, minus, petrov, plus, html],
    movement: [
      { client: HOSTILE.plus, kinds: ['buys-less', 'less-often'], previousValue: 25_000, value: 15_000, previousPurchaseDays: 18, purchaseDays: 11, droppedProducts: [], previousCell: 'AY', cell: 'BZ' },
      { client: HOSTILE.minus, kinds: ['reactivated'], previousValue: 0, value: 3_000, previousPurchaseDays: 0, purchaseDays: 6, droppedProducts: [], previousCell: 'none', cell: 'CZ' },
      { client: HOSTILE.html, kinds: ['vanished'], previousValue: 1_500, value: 0, previousPurchaseDays: 1, purchaseDays: 0, droppedProducts: [], previousCell: 'CN', cell: 'none' },
      { client: HOSTILE.hyperlink, kinds: ['new'], previousValue: 0, value: 8_000, previousPurchaseDays: 0, purchaseDays: 2, droppedProducts: [], previousCell: 'none', cell: 'BN' },
      { client: 'Acme Ltd', kinds: ['buys-more'], previousValue: 80_000, value: 118_000, previousPurchaseDays: 20, purchaseDays: 26, droppedProducts: [], previousCell: 'AX', cell: 'AX' },
      { client: 'ООО Ромашка', kinds: ['cheaper', 'dropped-products'], previousValue: 40_000, value: 36_000, previousPurchaseDays: 18, purchaseDays: 14, droppedProducts: ['Цемент М500', 'Арматура 12 мм'], previousCell: 'AX', cell: 'AY' },
      { client: 'Петров ИП', kinds: ['vanished'], previousValue: 14_000, value: 0, previousPurchaseDays: 10, purchaseDays: 0, droppedProducts: [], previousCell: 'BY', cell: 'none' },
    ],
    transitions: {
      AX: { AX: 1, AY: 1 },
      AY: { BZ: 1 },
      BY: { none: 1 },
      CN: { none: 1 },
      CX: { CX: 1 },
      none: { BN: 1, CZ: 1 },
    },
    conversion: {
      overall: { name: '', requests: 12, converted: 7, rate: 7 / 12 },
      byManager: [
        { name: 'Иванова', requests: 6, converted: 5, rate: 5 / 6 },
        { name: 'Smith', requests: 5, converted: 1, rate: 1 / 5 },
        { name: '', requests: 1, converted: 1, rate: 1 },
      ],
      byClient: [
        { name: 'ООО Ромашка', requests: 5, converted: 1, rate: 1 / 5 },
        { name: 'Acme Ltd', requests: 4, converted: 4, rate: 1 },
        { name: HOSTILE.plus, requests: 2, converted: 1, rate: 1 / 2 },
        { name: HOSTILE.hyperlink, requests: 1, converted: 1, rate: 1 },
      ],
    },
    kpis: {
      quarters: [
        quarter('2024Q1', [2024, 1], [5, 1, 0, 0], null),
        quarter('2024Q2', [2024, 2], [6, 1, 0, 0], null),
        quarter('2024Q3', [2024, 3], [7, 1, 1, 0], null),
        quarter('2024Q4', [2024, 4], [6, 0, 1, 1], 1),
        quarter('2025Q1', [2025, 1], [6, 0, 0, 0], 0),
        quarter('2025Q2', [2025, 2], [5, 0, 2, 1], 0),
        quarter('2025Q3', [2025, 3], [4, 0, 0, 0], 0),
        quarter('2025Q4', [2025, 4], [5, 0, 1, 1], 0.5),
      ],
      development: { ordersPerClient: 63 / 6, productsPerClient: 4.2, averageOrderValue: TOTAL / 63, grewShare: 3 / 7, betterTier: 1 },
    },
    model: {
      used: 'mbgnbd',
      why: 'lowest-error',
      bgnbd: { kind: 'bgnbd', r: 0.843, alpha: 27.41, a: 0.312, b: 2.87, logLikelihood: -512.37, timeUnit: 'day', converged: true, iterations: 41 },
      mbgnbd: { kind: 'mbgnbd', r: 0.861, alpha: 27.9, a: 0.355, b: 3.12, logLikelihood: -515.02, timeUnit: 'day', converged: true, iterations: 37 },
      paretonbd: { kind: 'paretonbd', r: 0.912, alpha: 29.6, s: 0.604, beta: 81.7, logLikelihood: -513.88, timeUnit: 'day', converged: true, iterations: 52 },
      gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44, logLikelihood: -1204.6, clients: 6 },
      skipped: null,
      check: CHECK,
    },
    sources: { requests: true, contacts: true, complaints: true, profit: false, quantity: true, product: true, document: true },
  };
}

/** The same clients without requests data, with the model skipped and every row accepted. */
export function sparseAnalysis(): Analysis {
  const full = fullAnalysis();
  const strip = (c: ClientResult): ClientResult => ({ ...c, pAlive: null, pAliveLow: null, pAliveHigh: null, expected90: null, requests: 0, converted: 0 });
  const withoutRequests = (c: ClientResult): ClientResult =>
    c.client === 'ООО Ромашка' ? { ...strip(c), signals: ['overdue'], actions: ['overdue-gold'] } : strip(c);
  return {
    ...full,
    input: { rows: 52, accepted: 52, requests: 0, rejected: [], profile: null },
    clients: full.clients.map(withoutRequests),
    winBack: full.winBack.map(withoutRequests),
    conversion: { overall: { name: '', requests: 0, converted: 0, rate: null }, byManager: [], byClient: [] },
    model: {
      used: null,
      why: 'not-informative',
      bgnbd: null,
      mbgnbd: null,
      paretonbd: null,
      gammaGamma: null,
      skipped: { code: 'too-few-repeaters' },
      check: null,
    },
    sources: { ...full.sources, requests: false, contacts: false },
  };
}
