/**
 * The panel's settings (PanelSettings), remembered in the spreadsheet's document properties so the
 * next run — by anyone who opens the spreadsheet — is one click. One JSON value under one key (a
 * property value holds 9 KB; settings are a few hundred bytes).
 *
 * Example: saveSettings({salesSheet: "Sales", lang: "ru"}) → property `winback.settings` =
 * `{"salesSheet":"Sales","lang":"ru"}`; loadSettings() gives the object back.
 */
import type { PanelSettings } from '../core/index.js';
import { readDocumentProperty, writeDocumentProperty } from './properties.js';

const SETTINGS_KEY = 'winback.settings';

/** The saved settings; null when there are none or they are not an object. */
export function loadSettings(): PanelSettings | null {
  const text = readDocumentProperty(SETTINGS_KEY);
  if (text === null) return null;
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as PanelSettings) : null;
}

export function saveSettings(settings: PanelSettings): void {
  writeDocumentProperty(SETTINGS_KEY, JSON.stringify(settings));
}
