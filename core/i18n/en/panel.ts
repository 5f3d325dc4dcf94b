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
import type { PanelField } from '../../panel/fields.js';

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
    found: (rows: string, headerRow: number) => `Found a sales table: ${rows} rows, headers in row ${headerRow}.`,
  },
  columns: {
    legend: 'Columns',
    help: 'Check what each column holds. If a guess is wrong, pick the right column.',
    required: 'required',
    notUsed: '— not used —',
    option: (letter: string, header: string) => (header ? `${letter}: ${header}` : `${letter}: (no header)`),
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
      default: 'Standard: X up to 0.5, Y up to 1.0',
      classic: 'Classic: X up to 0.1, Y up to 0.25',
      auto: 'Split clients into thirds',
      custom: 'My own thresholds',
      regularity: 'Share of periods with a purchase',
    },
    xyzX: 'X up to',
    xyzY: 'Y up to',
    abcA: 'A: first share of value, %',
    abcB: 'B: up to share of value, %',
    tierGold: 'Gold: first share of value, %',
    tierSilver: 'Silver: up to share of value, %',
    riskFactor: 'At risk after this many usual gaps',
    lostFactor: 'Lost after this many usual gaps',
    minLostDays: 'Lost after at least, days',
    newDays: 'New for, days',
    model: 'Purchase model',
    modelNames: { auto: 'Automatic', bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD', none: 'Off' },
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
    rows: (done: string, total: string) => `${done} of ${total} rows`,
    steps: (done: string, total: string) => `${done} of ${total}`,
    cancelled: 'Cancelled. Nothing was written.',
  },
  result: {
    heading: 'Done',
    line: (n: number, clients: string, asOf: string, from: string, to: string) =>
      `${clients} ${n === 1 ? 'client' : 'clients'} as of ${asOf}; period of analysis ${from} – ${to}.`,
    statusHeading: 'Clients by status',
    matrixHeading: 'ABC-XYZ matrix, clients per cell',
    matrixCaption: 'Rows: ABC by value; columns: XYZ by steadiness (N: short history).',
    winBackHeading: 'Win back first',
    winBackNone: 'No client shows a sign of leaving.',
    winBackAll: (n: string) => `Open the whole list (${n} clients)`,
    actions: 'What to do',
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
  playground: {
    title: 'Winback playground',
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
    shownRows: (shown: string, total: string) => `Showing the first ${shown} of ${total} rows.`,
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
