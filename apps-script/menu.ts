/**
 * The add-on menu (Extensions → Winback, or the script project's name for a bound script) and the
 * language the menu items and menu actions speak.
 *
 * The language is the one the panel was last set to in this spreadsheet (its saved settings),
 * else the user's Google language. An add-on's onOpen in AuthMode.NONE — installed, not yet used
 * in this document — may not read the document properties ("don't take any action that requires
 * authorization (such as checking script Properties) while the add-on is in ScriptApp.AuthMode.NONE",
 * https://developers.google.com/workspace/add-ons/concepts/menus), so there it is the user's
 * language only; the items are the same in every mode (each one asks for authorization when
 * clicked).
 *
 * Example: settings {lang: 'ru'}, user locale `en` → onOpen in LIMITED: Открыть / Сделать таблицу
 * шаблоном / Справка; in NONE: Open / Make this spreadsheet a template / Help.
 */
import { langOfLocale, words, type Lang } from '../core/index.js';
import { isAuthModeNone, type TriggerEvent } from './auth-mode.js';
import { loadSettings } from './settings.js';
import { addMenu } from './sheets-port.js';
import { userLocale } from './sidebar-page.js';

export function menuLang(event?: TriggerEvent): Lang {
  const saved = isAuthModeNone(event) ? undefined : loadSettings()?.lang;
  return saved ? langOfLocale(saved) : langOfLocale(userLocale());
}

export function addWinbackMenu(event?: TriggerEvent): void {
  const menu = words(menuLang(event)).sheets.menu;
  addMenu([
    { caption: menu.open, functionName: 'showSidebar' },
    { caption: menu.template, functionName: 'makeTemplateFromMenu' },
    { caption: menu.help, functionName: 'showHelp' },
  ]);
}
