/**
 * Every English word of the report: tab names, column headers, labels of the stable keys
 * (statuses, tiers, signals, movement kinds, reject reasons), recommended actions (SPEC §6),
 * explanatory notes, and why a model or an input could not be used.
 *
 * Its shape is the type every language's report words have (`ReportWords`): a missing or extra
 * key in another language is a compile error. Texts that depend on numbers are functions taking
 * only numbers and strings, so every entry can be checked with sample arguments.
 *
 * Example: `report.status['at-risk']` → `at-risk`; `report.notes.window('2026-03-15', …)` → one sentence.
 */
import type { ActionKey, ActionList, Measure, ModelSkipped, ModelWhy, MovementKind, Signal, Status, Tier } from '../../analyze/analysis.js';
import type { PeriodKind } from '../../basics/calendar.js';
import type { SheetKey } from '../../report/spec.js';
import type { FieldKey } from '../../read/fields.js';
import type { FileProfile, RejectReason, TextEncodingName } from '../../read/types.js';
import type { SourceKey } from '../../sources/sources.js';
import { format, plural } from './format.js';

const periodWords: Record<PeriodKind, [string, string]> = {
  month: ['month', 'months'],
  quarter: ['quarter', 'quarters'],
  week: ['week', 'weeks'],
};

/** `4 quarters`, `1 month`: a count of periods (the panel's result line uses it too). */
export const countOf = (n: number, kind: PeriodKind) => `${n} ${plural(n, ...periodWords[kind])}`;

export const report = {
  tabs: {
    summary: 'Summary',
    clients: 'Clients',
    matrix: 'ABC-XYZ',
    winback: 'Win-back',
    movement: 'Movement',
    conversion: 'Conversion',
    kpi: 'KPI',
    check: 'Model check',
    issues: 'Data issues',
  } satisfies Record<SheetKey, string>,
  status: {
    active: 'Active',
    'at-risk': 'At risk',
    lost: 'Lost',
    new: 'New',
  } satisfies Record<Status, string>,
  /** The action lists of SPEC §6a, and what each is for. */
  list: {
    keep: 'Keep',
    'win-back': 'Win back',
    grow: 'Grow',
    mailing: 'Mailing only',
  } satisfies Record<ActionList, string>,
  listPurpose: {
    keep: 'at risk, or a recent complaint: the time to keep them is running out',
    'win-back': 'lost gold and silver clients: worth a personal effort',
    grow: 'still buying, but less, less often, cheaper, or without answering',
    mailing: 'lost clients of low value: a low-cost mailing only',
  } satisfies Record<ActionList, string>,
  /** Why a client is in its list, with its own facts. */
  why: {
    atRisk: (days: number, usual: number) => (usual > 0 ? `No purchase for ${days} days; usually every ${usual}.` : `No purchase for ${days} days.`),
    complaint: (date: string) => `Complaint of ${date}, no purchase since.`,
    lost: (tier: string, days: number) => `Lost ${tier.toLowerCase()} client: no purchase for ${days} days.`,
    grow: (signs: string) => `Still buying, but: ${signs}.`,
    mailing: (days: number) => `Lost, low value: no purchase for ${days} days.`,
  },
  tier: {
    gold: 'Gold',
    silver: 'Silver',
    bronze: 'Bronze',
  } satisfies Record<Tier, string>,
  signal: {
    overdue: 'No purchase for too long',
    'requests-without-orders': 'Requests without orders',
    unresponsive: 'Does not answer',
    'volume-drop': 'Much smaller orders',
    complaint: 'Recent complaint',
  } satisfies Record<Signal, string>,
  movement: {
    vanished: 'Stopped buying',
    new: 'New client',
    reactivated: 'Came back',
    'buys-less': 'Buys less',
    'buys-more': 'Buys more',
    'less-often': 'Buys less often',
    cheaper: 'Buys cheaper',
    'dropped-products': 'Dropped products',
  } satisfies Record<MovementKind, string>,
  reject: {
    blank: 'Empty row',
    subtotal: 'Subtotal or total row',
    'no-client': 'Client is empty',
    'bad-date': 'Date cannot be read',
    'bad-amount': 'Amount cannot be read',
    'bad-answered': '"Answered" is not yes or no',
    'unclosed-quote': 'A quote is opened and never closed (the rest of the line is not read as cells)',
    'bad-bytes': "Holds characters that are not text in the file's encoding",
    'duplicate-row': 'The sheet lists this row number twice (the first copy is read)',
    'bad-cell': 'A cell refers to a text the workbook does not have',
    'after-as-of': 'Dated after the analysis date',
    'far-future': 'Dated far after all the other lines (a mistyped year?)',
    'unknown-client': 'The client has no sales line',
  } satisfies Record<RejectReason, string>,
  /** The recommended actions of SPEC §6, each filled with the client's own facts. */
  action: {
    overdue: (days: number, usual: number) =>
      `No purchase for ${days} days${usual > 0 ? ` (usually every ${usual})` : ''}: invite the client to company events (client club, round table, seminar, master class) and make a personal offer.`,
    'overdue-gold': (days: number, manager: string) =>
      `No purchase for ${days} days: arrange a meeting with a senior manager and assign a new account manager${manager ? ` instead of ${manager}` : ''}; invite the client to company events and make a personal offer.`,
    'requests-without-orders': (requests: number, last: string) =>
      `${requests} requests since the last purchase, the latest on ${last}: prepare an individual commercial offer on the assortment, made for this client.`,
    unresponsive: (attempts: number, lastAnswered: string) =>
      `${attempts} contact attempts unanswered since the last purchase (${lastAnswered ? `last answered on ${lastAnswered}` : 'never answered'}): send a reminder listing the services, bonuses and discounts the client already has; "thank you for being with us" greetings; company news no more than once in 3 months.`,
    'volume-drop': (before: string, now: string) =>
      `A purchase day now brings ${now} on average, against ${before} before: announce new services, bonuses and volume discounts; offer prices fixed for a period in return for a committed volume.`,
    complaint: (date: string, text: string) =>
      `Complaint of ${date}${text ? ` ("${text}")` : ''}: run a quality survey and a frank conversation at the client's office with our management; compensate as a credit on the problem order, not as a blanket discount on the next one.`,
    'mailing-only': () => 'Low-cost channel only (mailing); spend on gold and silver clients first.',
    'buying-less': (before: string, now: string) =>
      `Bought ${before} in the previous period and ${now} in this one: ask what changed; announce new services, bonuses and volume discounts; offer prices fixed for a period in return for a committed volume.`,
    'dropped-products': (products: string) => `Stopped buying ${products}: find out why, and make an offer on these products.`,
  } satisfies Record<ActionKey, unknown>,
  measure: {
    amount: 'Revenue',
    profit: 'Gross profit',
    quantity: 'Quantity',
  } satisfies Record<Measure, string>,
  /** The input sources, as their sheets are named by default. */
  source: {
    sales: 'Sales',
    requests: 'Requests',
    contacts: 'Contacts',
    complaints: 'Complaints',
  } satisfies Record<SourceKey, string>,
  /** Input fields, for messages about missing columns. */
  field: {
    client: 'client',
    date: 'date',
    amount: 'amount',
    profit: 'profit',
    quantity: 'quantity',
    price: 'price',
    product: 'product',
    group: 'product group',
    document: 'document',
    manager: 'manager',
    region: 'region',
    industry: 'industry',
    type: 'type',
    answered: 'answered',
    text: 'text',
  } satisfies Record<FieldKey, string>,
  words: {
    yes: 'yes',
    no: 'no',
    noCell: 'no class',
    allRequests: 'All requests',
    managerNotSet: '(not set)',
    noStatus: 'No purchase (returns only)',
    noData: 'no data',
    rowsRead: 'Sales rows read',
    rowsUsed: 'Used in the analysis',
    rowsRequests: 'Requests in the sales sheet (counted as requests)',
    rowsRejected: 'Rejected (see Data issues)',
    rowsRejectedOther: 'Rejected in requests, contacts and complaints',
    baseline: 'Each client’s own past rate',
    calledLost: 'Lost',
    calledGone: 'Lost or at risk',
    orMore: (n: number) => `${n} or more`,
  },
  columns: {
    client: 'Client',
    value: (measure: string) => measure,
    previousValue: (measure: string) => `${measure}, previous period`,
    formerValue: (measure: string) => `${measure}, last active year`,
    share: 'Share',
    cumShare: 'Cumulative share',
    abc: 'ABC',
    cv: 'Variation (cv)',
    xyz: 'XYZ',
    tier: 'Tier',
    status: 'Status',
    signals: 'Signs of leaving',
    actions: 'Recommended actions',
    cadenceDays: 'Usual gap, days',
    recencyDays: 'Days since last purchase',
    firstPurchase: 'First purchase',
    lastPurchase: 'Last purchase',
    nextPurchase: 'Next purchase due',
    daysOverdue: 'Days overdue',
    purchaseDays: 'Purchase days, all history',
    previousPurchaseDays: 'Purchase days, previous period',
    orders: 'Orders in the period',
    windowPurchaseDays: 'Purchase days in the period',
    list: 'List',
    why: 'Why in this list',
    valueAtStake: 'Value at stake',
    verdict: 'Verdict',
    used: 'Scores the clients',
    p: 'p',
    q: 'q',
    gamma: 'γ',
    manager: 'Manager',
    region: 'Region',
    industry: 'Industry',
    pAlive: 'P(alive)',
    pAliveLow: 'P(alive), low (90 %)',
    pAliveHigh: 'P(alive), high (90 %)',
    expected90: 'Purchases expected in 90 days',
    expectedValue12m: 'Value expected in 12 months',
    expectedValue12mLow: 'Value in 12 months, low (90 %)',
    expectedValue12mHigh: 'Value in 12 months, high (90 %)',
    priority: 'Priority',
    kinds: 'Changes',
    change: 'Change',
    droppedProducts: 'Products no longer bought',
    previousCell: 'Cell before',
    cell: 'Cell now',
    kind: 'Change',
    clients: 'Clients',
    abcClass: 'ABC class',
    transitionFrom: 'Before ↓ / now →',
    requests: 'Requests',
    converted: 'Followed by a purchase',
    rate: 'Conversion',
    quarter: 'Quarter',
    active: 'Active clients',
    newClients: 'New',
    lost: 'Lost',
    returned: 'Returned',
    winBackRate: 'Win-back rate',
    ordersPerClient: 'Orders per client',
    productsPerClient: 'Products per client',
    averageOrderValue: 'Average order value',
    grewShare: 'Clients that grew',
    betterTier: 'Moved to a better tier',
    model: 'Model',
    r: 'r',
    alpha: 'α (per day)',
    a: 'a',
    b: 'b',
    s: 's',
    beta: 'β (per day)',
    logLikelihood: 'Log-likelihood',
    converged: 'Converged',
    iterations: 'Iterations',
    sheet: 'Sheet',
    row: 'Row',
    reason: 'Reason',
    cellValue: 'Cell value',
    rows: 'Rows',
    inputRows: 'Input',
    predicted: 'Predicted purchase days',
    actual: 'Actual purchase days',
    difference: 'Predicted − actual',
    mae: 'Mean error per client',
    rule: 'Status at the split',
    called: 'Clients called so',
    right: 'Of them bought nothing',
    precision: 'Right',
    silent: 'Clients who bought nothing',
    found: 'Of them called so',
    recall: 'Found',
    frequency: 'Purchase days before the split',
    actualMean: 'Actual, mean',
    baseline: 'Own past rate',
    weekEnd: 'Week ending',
    toRow: 'To row',
    aspect: 'What',
    reading: 'How it was read',
    name: 'Name',
    lines: 'Sales lines',
    letters: 'Letters of another alphabet or extra spaces',
  },
  titles: {
    matrixClients: 'Clients per cell',
    matrixValue: (measure: string) => `${measure} per cell`,
    matrixShare: 'Share of the total',
    pareto: (n: number) => `Top ${n} clients by value`,
    transitions: 'Moves between cells: previous period (rows) → this period (columns)',
    movementSummary: 'Clients by kind of change',
    movementList: 'Clients whose buying changed',
    conversionByManager: 'By manager',
    conversionByClient: 'By client',
    quarters: 'Quarterly dynamics',
    development: 'Client development, this period against the previous one',
    models: 'Purchase models',
    spendModel: 'Spend model (Gamma-Gamma)',
    statuses: 'Clients by status',
    listTop: (list: string, clients: number, atStake: string) => `${list}: ${format.count(clients)} ${plural(clients, 'client', 'clients')}, ${atStake} at stake`,
    atStakeByList: 'Value at stake per list',
    atStakeByManager: 'Value at stake per manager',
    input: 'Rows of the input',
    checkModels: 'How well each model predicted the hidden weeks',
    checkRules: 'How well the status named the clients who then bought nothing',
    checkFrequency: 'Purchase days in the hidden weeks, by purchase days before them',
    checkTracking: 'Repeat purchase days week by week',
    issuesSummary: 'Rejected rows by reason',
    issuesList: 'Rejected rows',
    profile: 'How the sales data was read',
    lookAlikes: 'Client names that look the same (possible duplicates)',
  },
  /** The line under a block of the Summary tab that opens the whole list. */
  links: {
    list: (clients: number) => `Open the whole list on the Win-back tab (${format.count(clients)} ${plural(clients, 'client', 'clients')}) →`,
    matrix: 'Open the ABC-XYZ tab →',
    clients: 'Every client, with all its figures, is on the Clients tab →',
    issues: 'See every row that was not used on the Data issues tab →',
  },
  charts: {
    statuses: 'Clients by status',
    atStake: 'Value at stake per list',
    pareto: 'Pareto: value and cumulative share',
    movement: 'Clients by kind of change',
    lostReturned: 'Lost and returned clients per quarter',
    checkTracking: 'Repeat purchase days, cumulative: actual and predicted',
    checkFrequency: 'Mean purchase days in the hidden weeks, by purchase days before them',
    active: 'Active clients at quarter end',
  },
  notes: {
    window: (asOf: string, from: string, to: string, periods: number, kind: PeriodKind, previousFrom: string, previousTo: string) =>
      `As of ${asOf}. Period of analysis: ${from} – ${to} (${countOf(periods, kind)}); previous period: ${previousFrom} – ${previousTo}.`,
    /** The one line above a long list whose notes are under it. */
    lead: (asOf: string) => `As of ${asOf} · notes under the list ↓`,
    measure: (measure: string) => `Value = ${measure.toLowerCase()} over the period of analysis.`,
    clients:
      'One row per client, largest first. Sort and filter with the buttons in the header row.',
    abc: (a: string, b: string) =>
      `ABC: A — the clients that make the first ${a} of value, B — the next ones up to ${b}, C — the rest; clients with no value in the period have no class.`,
    xyzCv: (x: string, y: string, minPeriods: number, kind: PeriodKind) =>
      `XYZ — how steady purchases are ${periodWords[kind][0]} to ${periodWords[kind][0]} (cv = standard deviation ÷ mean): X up to ${x}, Y up to ${y}, Z above; N — fewer than ${countOf(minPeriods, kind)} of history.`,
    xyzAuto: (minPeriods: number, kind: PeriodKind) =>
      `XYZ — how steady purchases are ${periodWords[kind][0]} to ${periodWords[kind][0]} (cv = standard deviation ÷ mean): the boundaries split the clients into thirds by cv; N — fewer than ${countOf(minPeriods, kind)} of history.`,
    xyzRegularity: (x: string, y: string, minPeriods: number, kind: PeriodKind) =>
      `XYZ — share of ${periodWords[kind][1]} with a purchase: X at least ${x}, Y at least ${y}, Z less; N — fewer than ${countOf(minPeriods, kind)} of history.`,
    status: (riskFactor: string, lostFactor: string, minLostDays: number, newDays: number) =>
      `Status: lost — no purchase for more than ${lostFactor} × the usual gap between purchases (at least ${minLostDays} days); at-risk — more than ${riskFactor} × the usual gap; new — first purchase less than ${newDays} days ago.`,
    tiers: (gold: string, silver: string) =>
      `Tier by value in the last active year: gold — the clients that make the first ${gold} of it, silver — the next ones up to ${silver}, bronze — the rest.`,
    modelFitted: (model: string, why: string) =>
      `P(alive): the chance that the client still buys from us (${model} model, ${why}). Purchases expected in 90 days: purchase days expected in the next 90 days. Value expected in 12 months: the model's purchase days in the next 12 months × the value of a purchase day (Gamma-Gamma).`,
    modelSkipped: (reason: string) => `P(alive) and the expected purchases and values are empty: ${reason}`,
    oneTimeAlive:
      'BG/NBD lets a client leave only after a repeat purchase, so every client who bought once shows P(alive) 100 %: for them read the status, which comes from the rules.',
    spendNotPositive:
      'Value expected in 12 months is empty for a client whose purchases after the first do not add up to a positive value (for example a loss-making client under the profit measure).',
    summary: (asOf: string) => `What to do this week, as of ${asOf}: the clients to act on, in four lists, most valuable first.`,
    summaryLists:
      'Keep: at risk, or a recent complaint. Win back: lost gold and silver clients. Grow: still buying, but less, less often, cheaper or without answering. Mailing only: lost clients of low value.',
    valueAtStake: 'Value at stake: what the client was worth in its last active year.',
    summaryEmpty: 'No client needs action this week.',
    checkIntro: (days: number, from: string, to: string, split: string, clients: number) =>
      `The model check: the last ${format.count(days)} days (${from} – ${to}) were hidden; every purchase model was fitted on the data up to ${split} and asked how many purchase days each of the ${format.count(clients)} clients who had bought by then would have in the hidden days.`,
    checkVerdict: (model: string, days: number, predicted: string, actual: string) =>
      `On your data the ${model} model predicted ${predicted} purchase days in the last ${format.count(days)} days; there were ${actual}.`,
    checkUsed: (model: string, why: string) => `${model} scores the clients: ${why}.`,
    checkNone: 'No purchase model predicted the hidden days better than each client’s own past rate: P(alive) is not shown, and the lists rely on the status rules alone.',
    checkRules: (called: number, split: string, right: number, share: string) =>
      `Of the ${format.count(called)} clients the status called lost on ${split}, ${format.count(right)} (${share}) bought nothing in the hidden days.`,
    checkSkipped: (model: string, reason: string) => `${model} could not be checked: ${reason}`,
    checkTooShort: 'There is too little history for a model check: the hidden days would reach back before the first purchase.',
    checkCharts: 'The first chart follows the repeat purchase days week by week, through the data the models saw and the hidden days after the split; the second compares the hidden days’ purchases by how many purchase days a client had before.',
    noPrevious: (from: string) =>
      `The data start on ${from}, inside the previous period: that period is incomplete, so clients can look new or grown.`,
    quartersNoData: (from: string) => `The data start on ${from}: the quarters before it show "no data".`,
    notChecked: (signals: string) => `Signs not checked, because their data was not provided: ${signals}.`,
    winback:
      'Every client to act on, in four lists: Keep, Win back, Grow, Mailing only; in each list the most value at stake first. The actions are about the client itself.',
    winbackBronze: 'Lost clients of low value get only a low-cost mailing: spend on gold and silver first.',
    winbackEmpty: 'No client needs action.',
    matrix: 'Only clients with a positive value in the period of analysis are in the matrix.',
    pareto: (n: number) => `The ${n} largest clients with their cumulative share: the chart shows how few clients make most of the value.`,
    movement: (change: string) =>
      `Compares the period of analysis with the previous period of the same length. A change counts from ${change}.`,
    droppedProducts: (share: string) =>
      `Dropped products: a product that made at least ${share} of the client's purchases before and is not bought now.`,
    movementOrder: 'Largest drops in value first.',
    movementEmpty: 'No client changed its buying noticeably.',
    conversion: (days: number) =>
      `A request counts as followed by a purchase when the client buys within ${days} days on or after it. Requests dated in the period of analysis.`,
    conversionMissing:
      'Requests were not provided, so conversion cannot be calculated. Add a requests sheet (client, date, manager) and run again.',
    conversionEmpty: 'No requests are dated in the period of analysis.',
    kpi: (quarters: number) =>
      `The last ${quarters} complete quarters. Active: status New, Active or At risk at quarter end.`,
    kpiLostReturned:
      'Lost: became lost in the quarter. Returned: bought in the quarter after being lost. Win-back rate: returned ÷ clients lost at the start of the quarter.',
    modelNotConverged: 'The model fit did not fully converge: treat P(alive) with care.',
    issues: (rows: number, accepted: number, requests: number, rejected: number) =>
      `Sales rows read: ${format.count(rows)}; used: ${format.count(accepted)}; requests: ${format.count(requests)}; rejected: ${format.count(rejected)}. Rejected rows are not in the analysis: correct them in the source and run again.`,
    lookAlikes:
      'These names differ only in letters that look the same in Latin and Cyrillic, or in spaces: they are counted as different clients. If they are one client, write the name the same way in the source.',
    issuesOther: (rejected: number) => `Rows rejected in the requests, contacts and complaints: ${format.count(rejected)}.`,
    issuesNone: 'No rows were rejected.',
  },
  /** Why the purchase model was not fitted (ModelSkipped codes). */
  modelSkipped: {
    'too-few-repeaters': 'too few clients bought more than once to fit the purchase model.',
    'did-not-converge': 'the purchase model could not be fitted to this data.',
    'no-dropout': 'the purchase model finds no sign of clients leaving in this data, so it would call every client alive; rely on the status instead.',
    'no-better-than-baseline':
      'no purchase model predicted the last weeks better than each client’s own past rate (see the Model check tab), so the lists rely on the status rules alone.',
    disabled: 'the purchase model is switched off.',
  } satisfies Record<ModelSkipped['code'], string>,
  /** Why the model used was chosen. */
  modelWhy: {
    requested: 'chosen in the settings',
    'lowest-error': 'chosen automatically: it predicted the hidden last weeks best, and better than each client’s own past rate (see the Model check tab)',
    'no-check': 'chosen automatically, as there is too little history to check the models: it does not assume that a client who bought once is still a client',
    'not-informative': 'no purchase model is informative on this data',
    'no-better-than-baseline': 'no purchase model predicted the hidden last weeks better than each client’s own past rate (see the Model check tab), so the lists rely on the rules alone',
    disabled: 'the purchase model is switched off',
  } satisfies Record<ModelWhy, string>,
  /** How the sales data was read (ReadProfile), the rows of the Data issues table and the panel's line. */
  profile: {
    encoding: 'Encoding',
    encodings: { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', 'windows-1251': 'Windows-1251 (Cyrillic)' } satisfies Record<TextEncodingName, string>,
    encodingUnsure: (strays: number) =>
      strays > 0
        ? `not sure: ${format.count(strays)} ${plural(strays, 'byte is', 'bytes are')} not valid in it (their rows are rejected)`
        : 'not sure: the bytes also look like another encoding',
    delimiter: 'Columns separated by',
    delimiters: { ',': 'comma', ';': 'semicolon', '\t': 'tab' } satisfies Record<FileProfile['delimiter'], string>,
    delimiterUnsure: 'not sure: another separator splits the first lines as evenly',
    headerRow: 'Header row',
    column: (field: string) => `Column for ${field}`,
    columnChoice: (header: string, column: string) => `"${header}" (column ${column})`,
    otherCandidates: (others: string) => `also possible: ${others}`,
    decimals: (field: string) => `Decimal separator of ${field}`,
    marks: { comma: 'comma (1 234,50)', dot: 'point (1,234.50)', mixed: 'mixed: some cells use a comma, others a point', none: 'none needed (whole numbers)' },
    ambiguous: (cells: number) => `${format.count(cells)} ${plural(cells, 'cell', 'cells')} such as 1,234 read by the column's separator`,
    ambiguousUndecided: (cells: number) => `${format.count(cells)} ${plural(cells, 'cell', 'cells')} such as 1,234 could be read either way: 1,234 was read as 1234 and 1.234 as 1.234`,
    currency: 'Currency of the amounts',
    currencySeen: (currencies: string, several: boolean) => (several ? `several: ${currencies}` : currencies),
    currencyUsed: (code: string) => `the report shows money in ${code}`,
    currencyNone: 'the report shows money without a currency',
    dates: 'Dates of the accepted rows',
    dateRange: (from: string, to: string) => `${from} – ${to}`,
    twoDigitYears: 'Two-digit years',
    twoDigitYearsRead: (dates: number) => `${format.count(dates)} ${plural(dates, 'date', 'dates')}: 00–29 read as 2000–2029, 30–99 as 1930–1999`,
    invisible: 'Invisible characters',
    invisibleRemoved: (names: number) => `removed from ${format.count(names)} client ${plural(names, 'name', 'names')}`,
    line: (encoding: string, delimiter: string, headerRow: number) => `Read as ${encoding}, columns separated by ${delimiter}, header in row ${headerRow}.`,
    sheetLine: (headerRow: number) => `Header in row ${headerRow}.`,
  },
  /** Why a sheet or an analysis could not be used (ReadFailure and analyze codes). */
  failure: {
    empty: 'the sheet is empty',
    'no-header': 'no header row with client, date and amount columns in the first 30 rows',
    'missing-columns': (fields: string) => `required columns not found: ${fields}`,
    'unknown-header': (header: string, headers: string) => `no column headed "${header}" (the headers are: ${headers})`,
    'no-sales': 'no sales lines to analyse',
    'no-measure': 'no column for the chosen measure (profit or quantity)',
  },
};

/** The shape every language's report words have. */
export type ReportWords = typeof report;
