/**
 * The panel's settings (PanelSettings) kept in the workbook's add-in settings, so the next run —
 * or a colleague opening a templated workbook — starts with the same sheets, mapping and options.
 * Stored as one JSON-able object under `winback.panel`; anything that is not an object reads as
 * "no settings".
 *
 * Beside them, Excel's own switch that opens the task pane with the document (`autoOpenSwitch`):
 * a template turns it on, the panel turns it off and on.
 */
import type { AutoOpenSwitch, PanelSettings, SettingsStore } from '../core/index.js';
import type { DocumentSettings } from './excel-api.js';

export const PANEL_SETTINGS_KEY = 'winback.panel';

/** Excel's switch that opens the add-in's task pane when the document opens (with the manifest's TaskpaneId). */
export const AUTO_SHOW_TASKPANE_KEY = 'Office.AutoShowTaskpaneWithDocument';

/**
 * The task pane's opening with the document, as Microsoft documents it ("Automatically open a task
 * pane with a document", learn.microsoft.com/office/dev/add-ins/develop/automatically-open-a-task-pane-with-a-document):
 * the pane opens when the document's settings hold `Office.AutoShowTaskpaneWithDocument` = true,
 * saved with `saveAsync`, and the manifest's ShowTaskpane action has the TaskpaneId of that name
 * (manifest.xml); [MS-OWEMXML] opens it only for the value "true", so false turns it off. The
 * article's best practice: let the user turn it off in the add-in's own UI. It is per document,
 * unlike `Office.addin.setStartupBehavior` (shared runtime 1.1), which loads the add-in without its
 * pane on every document and which Winback does not use.
 */
export function autoOpenSwitch(settings: DocumentSettings): AutoOpenSwitch {
  return {
    get: async () => settings.get(AUTO_SHOW_TASKPANE_KEY) === true,
    set: async (on) => {
      settings.set(AUTO_SHOW_TASKPANE_KEY, on);
      await settings.save();
    },
  };
}

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
