/// <reference types="google-apps-script" />
/**
 * The sidebar and help pages: the only file that calls HtmlService and Session. The sidebar is the
 * built `Sidebar.html` (the panel bundled into one self-contained file); the user's locale is
 * written into its `data-locale` attribute before it is served, so the panel starts in the user's
 * language without a round trip.
 *
 * Example: locale `ru_RU` → `<div id="app" data-locale="ru_RU">`.
 */
import type { HtmlOutputApi, HtmlServiceApi, SessionApi } from './gas-api.js';
import { showDialog, showSidebar } from './sheets-port.js';
import { langOfLocale, words, type Lang } from '../core/index.js';

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

/**
 * The help as a full HTML page — doctype, `lang`, charset, title — in the language given: a
 * dialog's HtmlOutput is a page of its own (https://developers.google.com/apps-script/guides/dialogs),
 * and a fragment leaves the browser to guess its encoding and language.
 */
export function openHelp(lang: Lang): void {
  const sheets = words(lang).sheets;
  const body = sheets.help.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<base target="_top">',
    `<title>${escapeHtml(sheets.title)}</title>`,
    '<style>body { font: 14px/1.5 Arial, sans-serif; margin: 0 8px; }</style>',
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
  ].join('\n');
  const page: HtmlOutputApi = htmlService().createHtmlOutput(html);
  showDialog(page, sheets.title);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
