/// <reference types="google-apps-script" />
/**
 * The sidebar and help pages. The sidebar is the built `Sidebar.html` (the panel bundled into one
 * self-contained file); the user's locale is written into its `data-locale` attribute before it is
 * served, so the panel starts in the user's language without a round trip.
 *
 * Example: locale `ru_RU` → `<div id="app" data-locale="ru_RU">`.
 */
import type { HtmlOutputApi, HtmlServiceApi, SessionApi } from './gas-api.js';
import { showDialog, showSidebar } from './sheets-port.js';
import { langOfLocale, words } from '../core/index.js';

export const SIDEBAR_FILE = 'Sidebar';
/** The placeholder the build leaves in Sidebar.html. */
export const LOCALE_SLOT = 'data-locale=""';

function htmlService(): HtmlServiceApi {
  return HtmlService;
}

/**
 * The user's Google locale, e.g. `en` or `ru_RU`; empty when the script may not ask (an add-on's
 * onOpen before authorization runs in AuthMode.NONE).
 */
export function userLocale(): string {
  const session: SessionApi = Session;
  try {
    return session.getActiveUserLocale();
  } catch {
    return '';
  }
}

export function openSidebar(): void {
  const locale = userLocale().replace(/[^A-Za-z_-]/g, '');
  const html = htmlService().createHtmlOutputFromFile(SIDEBAR_FILE).getContent().replace(LOCALE_SLOT, `data-locale="${locale}"`);
  showSidebar(htmlService().createHtmlOutput(html).setTitle(words(langOfLocale(locale)).sheets.title));
}

export function openHelp(): void {
  const sheets = words(langOfLocale(userLocale())).sheets;
  const body = sheets.help.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
  const page: HtmlOutputApi = htmlService().createHtmlOutput(`<div style="font:14px/1.5 Arial,sans-serif">${body}</div>`);
  showDialog(page, sheets.title);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
