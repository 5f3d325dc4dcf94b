/// <reference types="office-js" />
/**
 * The Excel host's WorkbookPort (core/ports.ts). With excel-read.ts, excel-write.ts,
 * excel-charts.ts, excel-batch.ts and excel-template.ts it is the only code that talks to the
 * Excel API; `officeExcelHost()` below is the only place that reaches Office.js globals.
 *
 * - `readSheet`: the used range in ~4 MB row blocks, one sync each, dates in the 1900 system.
 * - `writeReport`: new tabs for the report, replacing only the tabs the last run wrote (their ids
 *   are kept in the document's add-in settings), never a user's sheet and never a sheet read as
 *   input in this session.
 * - `makeTemplate`: instructions and empty input tables (excel-template.ts); the mapping is saved
 *   as the panel's settings and the task pane is set to open with the document.
 */
import { langOfLocale, type Grid, type Lang, type SheetSpec, type WorkbookPort, type WrittenTab } from '../core/index.js';
import type { DocumentSettings, ExcelHost } from './excel-api.js';
import { readUsedRange } from './excel-read.js';
import { writeTemplate } from './excel-template.js';
import { writeReportTabs } from './excel-write.js';
import { AUTO_SHOW_TASKPANE_KEY, documentSettingsStore, PANEL_SETTINGS_KEY } from './panel-settings.js';
import { parseRegistry, TAB_REGISTRY_KEY } from './tab-registry.js';

export class ExcelWorkbookPort implements WorkbookPort {
  /** Sheets read as input by this port: a re-run never deletes them, even if it wrote them once. */
  private readonly sheetsRead = new Set<string>();

  constructor(private readonly host: ExcelHost) {}

  sheetNames(): Promise<string[]> {
    return this.host.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load(['items/name', 'items/visibility']);
      await context.sync();
      return worksheets.items.filter((sheet) => sheet.visibility === 'Visible').map((sheet) => sheet.name);
    });
  }

  activeSheet(): Promise<string> {
    return this.host.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load('name');
      await context.sync();
      return sheet.name;
    });
  }

  readSheet(name: string, onProgress?: (done: number, total: number) => void): Promise<Grid> {
    this.sheetsRead.add(name);
    return this.host.run((context) => readUsedRange(context, name, onProgress));
  }

  async writeReport(sheets: SheetSpec[], onProgress?: (done: number, total: number) => void): Promise<WrittenTab[]> {
    const registry = parseRegistry(this.host.settings.get(TAB_REGISTRY_KEY));
    const written = await this.host.run((context) =>
      writeReportTabs(context, sheets, { registry, protectedNames: this.sheetsRead, onProgress }),
    );
    this.host.settings.set(
      TAB_REGISTRY_KEY,
      written.map(({ key, id, name }) => ({ key, id, name })),
    );
    await this.host.settings.save();
    return written.map(({ key, name }) => ({ key, name }));
  }

  /** Makes a sheet the active one (the panel's links to the written tabs). */
  activateSheet(name: string): Promise<void> {
    return this.host.run(async (context) => {
      context.workbook.worksheets.getItem(name).activate();
      await context.sync();
    });
  }

  /** Turns the workbook into a template a colleague fills and segments. */
  async makeTemplate(lang: Lang): Promise<void> {
    const plan = await this.host.run((context) => writeTemplate(context, lang));
    const stored = await documentSettingsStore(this.host.settings).load();
    this.host.settings.set(PANEL_SETTINGS_KEY, { ...stored, ...plan.settings });
    this.host.settings.set(AUTO_SHOW_TASKPANE_KEY, true);
    await this.host.settings.save();
  }
}

/** The add-in settings of the open document, as `DocumentSettings`. */
function officeDocumentSettings(): DocumentSettings {
  const settings = Office.context.document.settings;
  return {
    get: (name) => settings.get(name),
    set: (name, value) => settings.set(name, value),
    save: () =>
      new Promise<void>((resolve, reject) =>
        settings.saveAsync((result) => (result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(result.error))),
      ),
  };
}

/** The language of Office's user interface, e.g. `ru-RU`. */
export function officeLocale(): string {
  return Office.context.displayLanguage;
}

/**
 * The language the WINBACK.* functions word their errors in: Office's, or English where the
 * functions run before Office.js is ready or without it (a functions-only runtime).
 */
export function functionLanguage(): Lang {
  return typeof Office === 'undefined' || !Office.context ? 'en' : langOfLocale(Office.context.displayLanguage);
}

/** The real Excel: `Excel.run` and the document's settings. (Type-checks that Office.js satisfies excel-api.ts.) */
export function officeExcelHost(): ExcelHost {
  return { run: (batch) => Excel.run((context) => batch(context)), settings: officeDocumentSettings() };
}
