/**
 * The English words only the Google Sheets host shows: its menu, its help and its own messages.
 *
 * The menu: an editor add-on's menu is Extensions → Winback; a script added to a spreadsheet with
 * Extensions → Apps Script puts it under the script project's name (Winback when the project is
 * created or renamed so, as docs/google-sheets.md does), so the help says both.
 *
 * Example: `sheets.menu.open` → `Open`; `sheets.tooManyCells(1700000, 250000)` →
 * `The report needs 1,700,000 cells, but this spreadsheet has room for only 250,000 more …`.
 */
import { format } from './format.js';

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
    "2. Extensions → Winback → Open (a script added with Extensions → Apps Script shows its project's name instead of Winback), pick the sheet, check the columns, press Segment.",
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
      "3. Extensions → Winback → Open (or the script project's name instead of Winback), then Segment. The report is written to its own tabs; these sheets are never changed.",
      '4. Share a copy: File → Share → copy the link and change its ending from /edit to /copy — whoever opens it gets their own copy with Winback inside.',
    ],
  },
  jobExpired: 'The run was interrupted for too long and its state expired. Run it again.',
  /** A second run while one is writing (two Segment clicks, or two people in one spreadsheet). */
  runInProgress:
    'Another Winback run is writing the report in this spreadsheet right now. Wait until it has finished, then press Segment again (a run left unfinished is released after 7 minutes).',
  busy: 'The spreadsheet is busy with another Winback step. Press Segment again in a few seconds.',
  runReplaced: 'This run was stopped: it was cancelled, or another run took its place. The next run replaces the tabs it wrote.',
  tooManyCells: (needed: number, free: number) =>
    `The report needs ${format.count(needed)} cells, but this spreadsheet has room for only ${format.count(free)} more (Google Sheets holds 10,000,000 cells in all, empty ones included). Nothing was written. Delete sheets, rows or columns you do not need, or copy the sales into a new spreadsheet, and run again.`,
  tabDeleted: (tab: string) => `The tab "${tab}" was deleted while the report was being written. Press Segment to write the report again.`,
  writeFailed: (tab: string, reason: string) =>
    `Writing the tab "${tab}" failed several times (${reason}). The next run replaces the tabs written so far; press Segment to try again.`,
  readFailed: (sheet: string, reason: string) => `Reading the sheet "${sheet}" failed several times (${reason}). Nothing was written; press Segment to try again.`,
  /** The cache kept dropping what the run had read, so it never got to write. */
  stateLost:
    'Google Sheets kept dropping what this run had read, so it stopped before writing. Press Segment to try again; if it happens again, split the sales into smaller sheets.',
  /** The sidebar lost its server calls for good during a run. */
  connectionLost: 'Google Sheets stopped answering while the report was being made. The next run replaces the tabs written so far; press Segment to run it again.',
  /** Cancelled after some tabs were written (before that, the panel's own "nothing was written"). */
  cancelledWhileWriting: 'Stopped. The tabs written so far are replaced on the next run.',
};

/** The shape every language's Sheets words have. */
export type SheetsWords = typeof sheets;
