/**
 * The single list of Apps Script globals. Every export here becomes a top-level function of the
 * built Code.js (scripts/build-apps-script.mjs copies its JSDoc and hands the call to the bundle):
 * the simple triggers, the menu items, the server calls the sidebar makes through
 * google.script.run, and the spreadsheet functions of SPEC §9 (plain names, `@customfunction`).
 * Nothing is decided here: each function hands off to a module.
 *
 * A spreadsheet function's JSDoc is in the form Sheets shows in its formula help
 * (https://developers.google.com/apps-script/guides/sheets/functions#autocomplete,
 * https://developers.google.com/apps-script/concepts/jsdoc): the description with an example
 * formula on its first line, then `@param {type} name description` for each argument in order —
 * `{Range}` for a range, `{number}` or `{Date}` for a single value — with an example cell or value at
 * the end of the description, and `Optional.` before the description of an argument that may be
 * left out (Sheets builds the call's signature from the parameter names, so the description is
 * where "optional" can be said; whether it reads JSDoc's `[name]` is unconfirmed). The words are
 * the vocabulary's (core/i18n/en/functions.ts); a test holds each JSDoc to the catalog.
 */
import type { ColumnMapping, Lang, PanelSettings, RunRequest, SheetInspection } from '../core/index.js';
import type { TriggerEvent } from './auth-mode.js';
import { callFunction } from './custom-functions.js';
import { inspectSheet } from './inspect.js';
import { cancelSegment as cancelJob, continueSegment as continueJob, startSegment as startJob, type ContinueOutcome, type StartOutcome } from './segment-job.js';
import * as settings from './settings.js';
import { addWinbackMenu, menuLang } from './menu.js';
import { activateSheet, activeSheetName, sheetNames } from './sheets-port.js';
import { openHelp, openSidebar } from './sidebar-page.js';
import { makeTemplate as writeTemplate } from './template.js';

/** Adds the Winback menu (Open, Make this spreadsheet a template, Help) in any authorization mode. */
export function onOpen(e?: TriggerEvent): void {
  addWinbackMenu(e);
}

/** Runs when the add-on is installed (in AuthMode.FULL): the menu appears without reopening the spreadsheet. */
export function onInstall(e?: TriggerEvent): void {
  addWinbackMenu(e);
}

/** Menu: opens the Winback sidebar. */
export function showSidebar(): void {
  openSidebar();
}

/** Menu: writes the instructions and empty input sheets. */
export function makeTemplateFromMenu(): void {
  writeTemplate(menuLang());
}

/** Menu: shows a short help. */
export function showHelp(): void {
  openHelp(menuLang());
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
 * Status of one client from its own lines: active, at-risk, lost or new. Example: =CHURNSIGNAL(B2:B40, C2:C40, F1)
 *
 * @param {Range} dates Date of each sales line, e.g. B2:B40
 * @param {Range} amounts Amount of each sales line, e.g. C2:C40
 * @param {Date} asOf Analysis date, e.g. a cell with =MAX(Sales!B:B)
 * @return The status: active, at-risk, lost or new
 * @customfunction
 */
export function CHURNSIGNAL(dates: unknown, amounts: unknown, asOf: unknown) {
  return callFunction('CHURNSIGNAL', [dates, amounts, asOf]);
}

/**
 * Per client: status, signals, recency, cadence, last and next purchase. Example: =CHURNSIGNALS(Sales!A2:A, Sales!B2:B, Sales!C2:C)
 *
 * @param {Range} clients Client of each sales line, e.g. Sales!A2:A
 * @param {Range} dates Date of each sales line, e.g. Sales!B2:B
 * @param {Range} amounts Amount of each sales line, e.g. Sales!C2:C
 * @param {Date} asOf Optional. Analysis date; default the latest date given, e.g. F1
 * @return A table: client, status, signals, recency days, cadence days, last purchase, next purchase (serial dates), days overdue
 * @customfunction
 */
export function CHURNSIGNALS(clients: unknown, dates: unknown, amounts: unknown, asOf?: unknown) {
  return callFunction('CHURNSIGNALS', [clients, dates, amounts, asOf]);
}

/**
 * Per client: value, share, ABC, cv, XYZ over the last periods. Example: =ABCXYZ(Sales!A2:A, Sales!B2:B, Sales!C2:C, F1, 12)
 *
 * @param {Range} clients Client of each sales line, e.g. Sales!A2:A
 * @param {Range} dates Date of each sales line, e.g. Sales!B2:B
 * @param {Range} amounts Amount of each sales line, e.g. Sales!C2:C
 * @param {Date} asOf Optional. Analysis date; default the latest date given, e.g. F1
 * @param {number} periods Optional. Months in the window (default 12), e.g. 12
 * @return A table: client, value, share, ABC, cv, XYZ
 * @customfunction
 */
export function ABCXYZ(clients: unknown, dates: unknown, amounts: unknown, asOf?: unknown, periods?: unknown) {
  return callFunction('ABCXYZ', [clients, dates, amounts, asOf, periods]);
}

/**
 * A, B or C of one value among values. Example: =ABCCLASS(B2, B$2:B$100)
 *
 * @param {number} value The value to class, e.g. B2
 * @param {Range} values All values, e.g. B$2:B$100
 * @param {number} a Optional. Share for A (default 0.8), e.g. 0.8
 * @param {number} b Optional. Share for B (default 0.95), e.g. 0.95
 * @return A, B or C
 * @customfunction
 */
export function ABCCLASS(value: unknown, values: unknown, a?: unknown, b?: unknown) {
  return callFunction('ABCCLASS', [value, values, a, b]);
}

/**
 * X, Y, Z or N of a per-period series (blank periods count as 0). Example: =XYZCLASS(B2:M2)
 *
 * @param {Range} series Values per period, e.g. B2:M2
 * @param {number} x Optional. cv limit for X (default 0.5), e.g. 0.5
 * @param {number} y Optional. cv limit for Y (default 1.0), e.g. 1
 * @return X, Y, Z or N
 * @customfunction
 */
export function XYZCLASS(series: unknown, x?: unknown, y?: unknown) {
  return callFunction('XYZCLASS', [series, x, y]);
}

/**
 * Per client: value in its last active year and tier (gold, silver, bronze). Example: =VALUETIERS(Sales!A2:A, Sales!B2:B, Sales!C2:C)
 *
 * @param {Range} clients Client of each sales line, e.g. Sales!A2:A
 * @param {Range} dates Date of each sales line, e.g. Sales!B2:B
 * @param {Range} amounts Amount of each sales line, e.g. Sales!C2:C
 * @return A table: client, value in the last active year, tier
 * @customfunction
 */
export function VALUETIERS(clients: unknown, dates: unknown, amounts: unknown) {
  return callFunction('VALUETIERS', [clients, dates, amounts]);
}

/**
 * Median gap between purchase days, in days. Example: =CADENCE(B2:B40)
 *
 * @param {Range} dates Purchase dates, e.g. B2:B40
 * @return The median gap in days
 * @customfunction
 */
export function CADENCE(dates: unknown) {
  return callFunction('CADENCE', [dates]);
}

/**
 * Share of requests followed by a purchase within days (default 30). Example: =CONVERSION(Requests!B2:B, Sales!B2:B, 30)
 *
 * @param {Range} requestDates Request dates, e.g. Requests!B2:B
 * @param {Range} purchaseDates Purchase dates, e.g. Sales!B2:B
 * @param {number} days Optional. Days allowed (default 30), e.g. 30
 * @return The share of converted requests
 * @customfunction
 */
export function CONVERSION(requestDates: unknown, purchaseDates: unknown, days?: unknown) {
  return callFunction('CONVERSION', [requestDates, purchaseDates, days]);
}

/**
 * Per client: x, t_x, T, P(alive) and expected purchases in 90 days (BG/NBD). Example: =PALIVE(Sales!A2:A, Sales!B2:B, Sales!C2:C)
 *
 * @param {Range} clients Client of each sales line, e.g. Sales!A2:A
 * @param {Range} dates Date of each sales line, e.g. Sales!B2:B
 * @param {Range} amounts Amount of each sales line, e.g. Sales!C2:C
 * @param {Date} asOf Optional. Analysis date; default the latest date given, e.g. F1
 * @return A table: client, x, t_x, T, P(alive), expected purchases in 90 days
 * @customfunction
 */
export function PALIVE(clients: unknown, dates: unknown, amounts: unknown, asOf?: unknown) {
  return callFunction('PALIVE', [clients, dates, amounts, asOf]);
}
