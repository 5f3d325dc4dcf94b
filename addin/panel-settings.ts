/**
 * The panel's settings (PanelSettings) kept in the workbook's add-in settings, so the next run —
 * or a colleague opening a templated workbook — starts with the same sheets, mapping and options.
 * Stored as one JSON-able object under `winback.panel`; anything that is not an object reads as
 * "no settings".
 */
import type { PanelSettings, SettingsStore } from '../core/index.js';
import type { DocumentSettings } from './excel-api.js';

export const PANEL_SETTINGS_KEY = 'winback.panel';

/** Excel's switch that opens the add-in's task pane when the document opens (with the manifest's TaskpaneId). */
export const AUTO_SHOW_TASKPANE_KEY = 'Office.AutoShowTaskpaneWithDocument';

export function documentSettingsStore(settings: DocumentSettings): SettingsStore {
  return {
    load: async () => {
      const stored = settings.get(PANEL_SETTINGS_KEY);
      return typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as PanelSettings) : null;
    },
    save: async (panel) => {
      settings.set(PANEL_SETTINGS_KEY, panel);
      await settings.save();
    },
  };
}
