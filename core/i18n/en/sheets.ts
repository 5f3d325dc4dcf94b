/**
 * The English words only the Google Sheets host shows: its menu, its help and its own messages.
 *
 * Example: `sheets.menu.open` → `Open`.
 */
export const sheets = {
  title: 'Winback',
  menu: {
    open: 'Open',
    template: 'Make this spreadsheet a template',
    help: 'Help',
  },
  help: [
    'Winback finds the clients you are losing and who to win back first.',
    '1. Put your sales lines on a sheet: client, date, amount (one row per line of a sales document).',
    '2. Extensions → Winback → Open, pick the sheet, check the columns, press Segment.',
    '3. The report is written to its own tabs (Clients, ABC-XYZ, Win-back, …); your sheets are never changed.',
    'Functions: =CHURNSIGNAL(dates, amounts, asOf), =ABCXYZ(clients, dates, amounts), =PALIVE(clients, dates, amounts) and more — type =CHURN to see them.',
    'Nothing leaves this spreadsheet: Winback has no server and sends no data anywhere.',
  ],
  template: {
    sheet: 'Instructions',
    lines: [
      'Winback — how to use this spreadsheet',
      '1. Paste your sales lines into the Sales sheet, one row per line of a sales document: client, date, amount are required; the other columns help when you have them.',
      '2. Optional: client requests into Requests, calls and letters into Contacts (answered: yes / no), complaints into Complaints.',
      '3. Extensions → Winback → Open, then Segment. The report is written to its own tabs; these sheets are never changed.',
      '4. Share a copy: File → Share → copy the link and change its ending from /edit to /copy — whoever opens it gets their own copy with Winback inside.',
    ],
  },
  jobExpired: 'The run was interrupted for too long and its state expired. Run it again.',
  reportTooLarge: 'The report is too large to be written in steps. Shorten the period or split the sheet.',
  /** Cancelled after some tabs were written (before that, the panel's own "nothing was written"). */
  cancelledWhileWriting: 'Stopped. The tabs written so far are replaced on the next run.',
};

/** The shape every language's Sheets words have. */
export type SheetsWords = typeof sheets;
