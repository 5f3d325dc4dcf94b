/**
 * The single list of Apps Script globals. Every export here becomes a top-level function of the
 * built Code.js (scripts/build-apps-script.mjs copies its JSDoc and hands the call to the bundle):
 * the simple triggers, the menu items, the server calls the sidebar makes through
 * google.script.run, and the spreadsheet functions of SPEC §9 (plain names, `@customfunction`).
 * Nothing is decided here: each function hands off to a module.
 */
import { langOfLocale, words, type ColumnMapping, type Lang, type PanelSettings, type RunRequest, type SheetInspection } from '../core/index.js';
import { callFunction } from './custom-functions.js';
import { inspectSheet } from './inspect.js';
import { cancelSegment as cancelJob, continueSegment as continueJob, startSegment as startJob, type ContinueOutcome, type StartOutcome } from './segment-job.js';
import * as settings from './settings.js';
import { activateSheet, activeSheetName, addMenu, sheetNames } from './sheets-port.js';
import { openHelp, openSidebar, userLocale } from './sidebar-page.js';
import { makeTemplate as writeTemplate } from './template.js';

/** Adds Extensions → Winback (Open, Make this spreadsheet a template, Help) in the user's language. */
export function onOpen(): void {
  const menu = words(langOfLocale(userLocale())).sheets.menu;
  addMenu([
    { caption: menu.open, functionName: 'showSidebar' },
    { caption: menu.template, functionName: 'makeTemplateFromMenu' },
    { caption: menu.help, functionName: 'showHelp' },
  ]);
}

/** Runs when the add-on is installed: the menu appears without reopening the spreadsheet. */
export function onInstall(): void {
  onOpen();
}

/** Menu: opens the Winback sidebar. */
export function showSidebar(): void {
  openSidebar();
}

/** Menu: writes the instructions and empty input sheets. */
export function makeTemplateFromMenu(): void {
  writeTemplate(langOfLocale(userLocale()));
}

/** Menu: shows a short help. */
export function showHelp(): void {
  openHelp();
}

/** Sidebar: the sheets of the spreadsheet and the active one. */
export function listSheets(): { names: string[]; active: string } {
  return { names: sheetNames(), active: activeSheetName() };
}

/** Sidebar: the detected header, mapping and a preview of a sheet. */
export function inspect(sheet: string, mapping?: ColumnMapping): SheetInspection {
  return inspectSheet(sheet, mapping ?? undefined);
}

/** Sidebar: reads and analyses, and plans the writes of a run. */
export function startSegment(request: RunRequest): StartOutcome {
  return startJob(request);
}

/** Sidebar: writes the next blocks of a run (about 20 seconds of work per call). */
export function continueSegment(jobId: string, lang: Lang): ContinueOutcome {
  return continueJob(jobId, lang);
}

/** Sidebar: forgets a cancelled run. */
export function cancelSegment(jobId: string): void {
  cancelJob(jobId);
}

/** Sidebar: the settings remembered in this spreadsheet. */
export function loadSettings(): PanelSettings | null {
  return settings.loadSettings();
}

/** Sidebar: remembers the settings in this spreadsheet. */
export function saveSettings(value: PanelSettings): void {
  settings.saveSettings(value);
}

/** Sidebar: activates a tab (the summary's links). */
export function openSheet(name: string): void {
  activateSheet(name);
}

/** Sidebar: writes the instructions and empty input sheets in a language. */
export function makeTemplate(lang: Lang): void {
  writeTemplate(lang);
}

/**
 * Status of one client from its own lines: active, at-risk, lost or new
 * @param {B2:B40} dates Date of each sales line
 * @param {C2:C40} amounts Amount of each sales line
 * @param {F1} asOf Analysis date, e.g. a cell with =MAX(Sales!B:B)
 * @return The status: active, at-risk, lost or new
 * @customfunction
 */
export function CHURNSIGNAL(dates: unknown, amounts: unknown, asOf: unknown) {
  return callFunction('CHURNSIGNAL', [dates, amounts, asOf]);
}

/**
 * Per client: status, signals, recency, cadence, last and next purchase
 * @param {Sales!A2:A} clients Client of each sales line
 * @param {Sales!B2:B} dates Date of each sales line
 * @param {Sales!C2:C} amounts Amount of each sales line
 * @param {F1} asOf Analysis date; default the latest date given
 * @return A table: client, status, signals, recency days, cadence days, last purchase (serial date)
 * @customfunction
 */
export function CHURNSIGNALS(clients: unknown, dates: unknown, amounts: unknown, asOf?: unknown) {
  return callFunction('CHURNSIGNALS', [clients, dates, amounts, asOf]);
}

/**
 * Per client: value, share, ABC, cv, XYZ over the last periods
 * @param {Sales!A2:A} clients Client of each sales line
 * @param {Sales!B2:B} dates Date of each sales line
 * @param {Sales!C2:C} amounts Amount of each sales line
 * @param {F1} asOf Analysis date; default the latest date given
 * @param {12} periods Months in the window (default 12)
 * @return A table: client, value, share, ABC, cv, XYZ
 * @customfunction
 */
export function ABCXYZ(clients: unknown, dates: unknown, amounts: unknown, asOf?: unknown, periods?: unknown) {
  return callFunction('ABCXYZ', [clients, dates, amounts, asOf, periods]);
}

/**
 * A, B or C of one value among values
 * @param {B2} value The value to class
 * @param {B2:B100} values All values
 * @param {0.8} a Share for A (default 0.8)
 * @param {0.95} b Share for B (default 0.95)
 * @return A, B or C
 * @customfunction
 */
export function ABCCLASS(value: unknown, values: unknown, a?: unknown, b?: unknown) {
  return callFunction('ABCCLASS', [value, values, a, b]);
}

/**
 * X, Y, Z or N of a per-period series (blank periods count as 0)
 * @param {B2:M2} series Values per period
 * @param {0.5} x cv limit for X (default 0.5)
 * @param {1} y cv limit for Y (default 1.0)
 * @return X, Y, Z or N
 * @customfunction
 */
export function XYZCLASS(series: unknown, x?: unknown, y?: unknown) {
  return callFunction('XYZCLASS', [series, x, y]);
}

/**
 * Per client: value in its last active year and tier (gold, silver, bronze)
 * @param {Sales!A2:A} clients Client of each sales line
 * @param {Sales!B2:B} dates Date of each sales line
 * @param {Sales!C2:C} amounts Amount of each sales line
 * @return A table: client, value in the last active year, tier
 * @customfunction
 */
export function VALUETIERS(clients: unknown, dates: unknown, amounts: unknown) {
  return callFunction('VALUETIERS', [clients, dates, amounts]);
}

/**
 * Median gap between purchase days, in days
 * @param {B2:B40} dates Purchase dates
 * @return The median gap in days
 * @customfunction
 */
export function CADENCE(dates: unknown) {
  return callFunction('CADENCE', [dates]);
}

/**
 * Share of requests followed by a purchase within days (default 30)
 * @param {Requests!B2:B} requestDates Request dates
 * @param {Sales!B2:B} purchaseDates Purchase dates
 * @param {30} days Days allowed (default 30)
 * @return The share of converted requests
 * @customfunction
 */
export function CONVERSION(requestDates: unknown, purchaseDates: unknown, days?: unknown) {
  return callFunction('CONVERSION', [requestDates, purchaseDates, days]);
}

/**
 * Per client: x, t_x, T, P(alive) and expected purchases in 90 days (BG/NBD)
 * @param {Sales!A2:A} clients Client of each sales line
 * @param {Sales!B2:B} dates Date of each sales line
 * @param {Sales!C2:C} amounts Amount of each sales line
 * @param {F1} asOf Analysis date; default the latest date given
 * @return A table: client, x, t_x, T, P(alive), expected purchases in 90 days
 * @customfunction
 */
export function PALIVE(clients: unknown, dates: unknown, amounts: unknown, asOf?: unknown) {
  return callFunction('PALIVE', [clients, dates, amounts, asOf]);
}
