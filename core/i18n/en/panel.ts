/**
 * Every English word the panel (Excel task pane, Sheets sidebar, playground) shows. Report words
 * (tab names, statuses, tiers, signals, actions, reject reasons) stay in report.ts; the panel takes
 * those from there and only its own words from here.
 *
 * Texts that depend on numbers are functions of numbers and strings only; counts arrive already
 * formatted by `format.count`.
 *
 * Example: `panel.errors.missingColumn.date` →
 * `This sheet has no date column. Pick the column that holds the sale date.`
 */
import type { PeriodKind } from '../../basics/calendar.js';
import type { PanelField } from '../../panel/fields.js';
import { plural } from './format.js';
import { countOf } from './report.js';

export const panel = {
  title: 'Winback',
  tagline: 'Find the clients you are losing and win them back.',
  language: 'Language',
  /** This language's own name, as its speakers write it. */
  languageName: 'English',
  sheet: {
    legend: 'Sales',
    label: 'Sheet with sales',
    loading: 'Looking at the sheet…',
    found: (n: number, rows: string, headerRow: number) => `Found a sales table: ${rows} ${plural(n, 'row', 'rows')}, headers in row ${headerRow}.`,
  },
  columns: {
    legend: 'Columns',
    help: 'Check what each column holds. If a guess is wrong, pick the right column.',
    required: 'required',
    notUsed: '— not used —',
    option: (letter: string, header: string) => (header ? `${letter}: ${header}` : `${letter}: (no header)`),
    /** The amount when the sheet has none: quantity × unit price, by column letter. */
    product: (quantity: string, price: string) => `${quantity} × ${price}`,
    field: {
      client: 'Client',
      date: 'Sale date',
      amount: 'Amount',
      profit: 'Profit',
      quantity: 'Quantity',
      price: 'Unit price',
      product: 'Product',
      group: 'Product group',
      document: 'Document',
      manager: 'Manager',
      region: 'Region',
    } satisfies Record<PanelField, string>,
  },
  preview: {
    caption: 'First rows as Winback reads them',
    row: 'Row',
    skipped: 'Not used',
    empty: 'No data rows below the headers.',
  },
  /** How the sheet was read, before Segment (the lines themselves are the Data issues tab's, report.profile). */
  readProfile: {
    notUsed: (n: number, rows: string) => `${rows} ${plural(n, 'row', 'rows')} will not be used.`,
    sample: (seen: string, total: string, tab: string) => `Read from the first ${seen} of ${total} rows; the ${tab} tab of the report covers every row.`,
  },
  sources: {
    legend: 'Other sources (optional)',
    help: 'Sheets that make more signs of leaving visible.',
    requests: 'Requests sheet',
    contacts: 'Contacts sheet',
    complaints: 'Complaints sheet',
    none: '— none —',
  },
  settings: {
    legend: 'Settings',
    asOf: 'Analysis date',
    asOfHelp: 'Leave empty to use the date of the latest sale.',
    period: 'Period',
    periodNames: { month: 'Month', quarter: 'Quarter', week: 'Week' },
    periods: 'Periods in the analysis',
    measure: 'Value',
    more: 'More settings',
    xyz: 'Steadiness (XYZ)',
    xyzNames: {
      default: 'Standard: X if purchases vary by up to 0.5 of their average, Y up to 1.0',
      classic: 'Classic: X up to 0.1 of the average, Y up to 0.25',
      auto: 'Split clients into three equal groups',
      custom: 'My own limits',
      regularity: 'Share of periods with a purchase',
    },
    xyzX: 'X: purchases vary by at most (× average)',
    xyzY: 'Y: purchases vary by at most (× average)',
    abcA: 'A: the top clients bringing this % of value',
    abcB: 'B: the next clients, up to this % of value',
    tierGold: 'Gold: the top clients bringing this % of value at stake',
    tierSilver: 'Silver: the next clients, up to this % of value at stake',
    riskFactor: 'At risk after this many usual gaps',
    lostFactor: 'Lost after this many usual gaps',
    minLostDays: 'Lost after at least, days',
    newDays: 'New for, days',
    model: 'Purchase model',
    modelNames: { auto: 'Automatic', bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD', paretonbd: 'Pareto/NBD', none: 'Off' },
    holdoutDays: 'Days the model check hides',
    holdoutDaysHelp: 'Empty: automatic, a quarter of the history (28 to 365 days). The check hides these last days and compares each model’s forecast with what clients bought in them.',
    currency: 'Currency of the money',
    currencyNames: { auto: 'As the amounts show', none: 'No currency' },
    /** Explanations beside the settings. */
    explain: {
      xyz: {
        question: 'What do X, Y and Z measure?',
        answer:
          'How steadily a client buys. Winback takes what the client bought in each period and how far a typical period is from its average (the standard deviation divided by the average, called the coefficient of variation). 0 means exactly the same every period; 0.5 means a typical period is half the average above or below it. X: steady, Y: uneven, Z: in bursts. N: fewer than 3 periods of history.',
      },
      abc: {
        question: 'What do A, B, C and gold, silver, bronze mean?',
        answer:
          'ABC ranks clients by their value in the period of analysis: A are the largest clients that together bring the first 80 % of it, B the next 15 %, C the rest. Tiers rank clients the same way by their value at stake, what they were worth in their last active year: gold, silver, bronze. Gold and silver clients are the ones worth winning back.',
      },
      status: {
        question: 'How is a client called at risk or lost?',
        answer:
          'Winback compares how long a client has not bought with its own usual gap between purchases (the median of its last gaps). At risk: silent for longer than 1.5 usual gaps. Lost: longer than 3 usual gaps, and at least 60 days. With fewer than 3 purchases the usual gap is unknown: at risk after 90 days, lost after 180. New: first purchase less than 90 days ago.',
      },
      model: {
        question: 'What are BG/NBD and P(alive)?',
        answer:
          'BG/NBD is a statistical model of buying (Fader, Hardie and Lee, 2005). From how often and how recently each client bought, it estimates P(alive), the chance that the client still buys from you, and how many purchases to expect in the next 90 days. MBG/NBD is a variant that does not assume a client who bought once is still a client. Automatic uses MBG/NBD and says in the report when the data cannot support a model; Off leaves these columns empty.',
      },
    },
    reset: 'Restore defaults',
  },
  run: {
    segment: 'Segment',
    cancel: 'Cancel',
    progressLabel: 'Progress',
    stage: {
      read: 'Reading the sheet',
      analyze: 'Analysing',
      report: 'Preparing the tabs',
      write: 'Writing the tabs',
    },
    rows: (done: string, total: string, n: number) => `${done} of ${total} ${plural(n, 'row', 'rows')}`,
    steps: (done: string, total: string) => `${done} of ${total}`,
    cancelled: 'Cancelled. Nothing was written.',
    inPage: 'This run works in the pane itself, as the background worker could not start: the pane may answer slowly until it ends. The report will be the same.',
  },
  result: {
    heading: 'Done',
    line: (n: number, clients: string, asOf: string, from: string, to: string, periods: number, period: PeriodKind) =>
      `${clients} ${plural(n, 'client', 'clients')} as of ${asOf}; period of analysis ${from} – ${to} (${countOf(periods, period)}).`,
    statusHeading: 'Clients by status',
    noStatus: (n: number, shown: string) => `${shown} ${plural(n, 'client', 'clients')} only returned goods and never bought: no status.`,
    matrixHeading: 'ABC-XYZ matrix, clients per cell',
    matrixCaption: 'Rows: ABC by value, A the most valuable. Columns: XYZ by steadiness, X the steadiest; N: short history. A darker cell holds more clients; the colour says how many, not whether that is good.',
    noClass: (n: number, shown: string) => `${shown} ${plural(n, 'client', 'clients')} bought nothing in the period of analysis: no ABC-XYZ class.`,
    allClassified: 'Every client bought in the period of analysis and has a class.',
    winBackHeading: 'Win back first',
    winBackNone: 'No client shows a sign of leaving.',
    winBackAll: (n: number, shown: string) => `Open the whole list (${shown} ${plural(n, 'client', 'clients')})`,
    valueAtStake: (value: string) => `Value at stake: ${value}`,
    silent: (n: number, days: string) => `no purchase for ${days} ${plural(n, 'day', 'days')}`,
    actions: 'What to do',
    modelTooFew: (clients: string, repeaters: string, minClients: string, minRepeaters: string) =>
      `P(alive) and expected purchases are empty: the purchase model needs at least ${minClients} clients, ${minRepeaters} of them buying more than once; this data has ${clients} clients, ${repeaters} of them buying more than once. Rely on the status instead.`,
    explain: {
      statuses: {
        question: 'What do the statuses mean?',
        answer:
          'New: first purchase less than 90 days ago. Active: buys as usual. At risk: silent for longer than usual; the time to keep the client is now. Lost: silent for much longer than usual. Each client is measured against its own usual gap between purchases.',
      },
      matrix: {
        question: 'What do ABC and XYZ mean?',
        answer:
          'A: the largest clients, together the first 80 % of the value in the period; B: the next 15 %; C: the rest. X: buys about the same every period; Y: uneven; Z: in bursts; N: fewer than 3 periods of history. AX clients are large and steady; CZ clients are small and erratic.',
      },
      winBack: {
        question: 'How is this list ordered?',
        answer:
          'Clients with at least one sign of leaving, the most valuable first: gold, then silver, then bronze, each by value at stake, what the client bought in its last active year. Days without a purchase say how urgent it is.',
      },
      notConverged: {
        question: 'What does "did not fully converge" mean?',
        answer:
          "The model's search for the numbers that fit the data best stopped before it was sure it had found them. P(alive) is still an estimate, but a rough one: rely on the status (new, active, at risk, lost) first.",
      },
    },
    tabsHeading: 'Tabs written',
    rejected: (n: number, shown: string) => `${shown} ${n === 1 ? 'row' : 'rows'} could not be used.`,
    rejectedLink: 'See Data issues',
    rejectedNone: 'Every row was used.',
    otherLanguage: 'The tabs are in the language of the last run. Click Segment to write them in English.',
  },
  errors: {
    missingColumn: {
      client: "This sheet has no client column. Pick the column that holds the client's name.",
      date: 'This sheet has no date column. Pick the column that holds the sale date.',
      amount: 'This sheet has no amount column. Pick the column that holds the sale amount, or the quantity and the unit price.',
    },
    empty: 'This sheet is empty. Pick the sheet that holds your sales.',
    noHeader:
      'No header row with a client, a date and an amount was found in the first 30 rows. Pick the sheet that holds your sales, or add a header row above the data.',
    sourceUnusable: (source: string, sheet: string) =>
      `The ${source} sheet "${sheet}" has no client or date column. Pick another sheet or "none".`,
    sourceMissing: (source: string, sheet: string) => `The ${source} sheet "${sheet}" is not in this workbook any more. Pick another sheet.`,
    sourceNames: { requests: 'requests', contacts: 'contacts', complaints: 'complaints' },
    noSheet: (sheet: string) => `There is no sheet "${sheet}" in this workbook any more. Pick another sheet.`,
    noSales: 'None of the rows could be read as a sale. Check that the client, date and amount columns are the right ones.',
    noMeasure: 'There is no column for the chosen value. Pick the profit or quantity column, or measure by amount.',
    badNumber: (label: string) => `"${label}" needs a number. Correct it and try again.`,
    badSetting: (label: string, rule: string) => `"${label}" must be ${rule}. Correct it and try again.`,
    unexpected: 'Something went wrong and the tabs were not written. Try again; if it happens again, close and reopen Winback.',
    noWorkbook: 'Winback cannot reach the workbook. Close and reopen Winback.',
    /** Shown by a host page until the panel starts, and left there when it cannot start. */
    hostUnavailable:
      'Winback could not start: this page could not load what it needs from Excel or Google Sheets (a proxy or a firewall may block it). Check the connection, then close and reopen Winback.',
  },
  template: {
    button: 'Make this workbook a template',
    help: 'Adds an instructions sheet and empty tables with the expected headers, so a colleague only fills them and clicks Segment.',
    done: 'The template is ready: instructions and empty tables were added.',
    failed: 'The template could not be made. Try again.',
  },
  autoOpen: {
    label: 'Open Winback with this workbook',
    help: 'When on, the Winback pane opens by itself each time this workbook is opened. A template turns it on.',
    failed: 'This could not be saved in the workbook. Try again.',
  },
  playground: {
    title: 'Winback playground',
    notSpreadsheet: (name: string) => `${name} is not a spreadsheet. Open an .xlsx or a .csv file.`,
    preparing: 'Preparing the download',
    preparingSheet: (done: string, total: string) => `Preparing the download: sheet ${done} of ${total}`,
    compressing: 'Preparing the download: compressing',
    downloadReady: (name: string) => `${name} is ready.`,
    downloadFailed: 'The file could not be made. Try again.',
    note: 'Everything runs in this page: your file is not sent anywhere.',
    open: 'Open a file (.xlsx or .csv)',
    drop: 'or drop it here',
    sample: 'Open the example',
    download: 'Download as .xlsx',
    workbook: 'Workbook',
    sheets: 'Sheets',
    loading: (name: string) => `Opening ${name}…`,
    opened: (name: string) => `${name} is open.`,
    unreadable: (name: string) => `${name} could not be read. Open an .xlsx or a .csv file.`,
    shownFirstRows: (shown: string) => `Showing the first ${shown} rows.`,
    shownRows: (shown: string, total: string) => `Showing the first ${shown} of ${total} rows.`,
    shownRowsAndNotes: (shown: string, total: string) => `Showing the first ${shown} of ${total} rows, and the notes under the list.`,
    emptySheet: 'This sheet is empty.',
    templateSheet: 'Instructions',
    instructions: [
      'Winback — how to use this workbook',
      '1. Paste your sales lines into the Sales sheet, one row per line of a sales document: client, date and amount are required; the other columns help when you have them.',
      '2. Optional: client requests into Requests, calls and letters into Contacts (answered: yes / no), complaints into Complaints.',
      '3. Open Winback and click Segment. The report is written to its own tabs; these sheets are never changed.',
    ],
  },
};

/** The shape every language's panel words have. */
export type PanelWords = typeof panel;
