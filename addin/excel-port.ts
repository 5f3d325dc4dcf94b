/// <reference types="office-js" />
/**
 * The Excel host's WorkbookPort (core/panel/workbook-port.ts). With excel-read.ts, excel-write.ts,
 * excel-charts.ts, excel-batch.ts, excel-template.ts and tab-marks.ts it is the only code that
 * talks to the Excel API; `officeExcelHost()` below is the only place that reaches Office.js globals.
 *
 * - Every batch waits while the user edits a cell (`delayForCellEdit`) instead of failing.
 * - `readSheet`: the table of a sheet (its head first, then only its columns and rows) in blocks
 *   under the payload limit, dates in the 1900 system; `streamSheet`: the same block by block;
 *   `readHead`: its first rows only.
 * - `writeReport`: new tabs first, then a swap with the tabs of the last run (found by the
 *   registry in the document settings or by their marks, never a user's sheet and never a sheet
 *   this run analyses); on a failure the workbook is put back as it was (excel-write.ts).
 * - `makeTemplate`: instructions and empty input tables (excel-template.ts); the mapping is saved
 *   as the panel's settings and the task pane is set to open with the document.
 * One payload estimate per port: what Excel refuses once sizes every later request.
 */
import { langOfLocale, type Grid, type Lang, type SheetSpec, type WorkbookPort, type WrittenTab } from '../core/index.js';
import { is1904System } from './date-system.js';
import type { DocumentSettings, ExcelContext, ExcelHost } from './excel-api.js';
import { headGrid, readHead, readTable, streamTable } from './excel-read.js';
import { writeTemplate } from './excel-template.js';
import { newReportRun, reconcileReport, writeReportTabs } from './excel-write.js';
import { AUTO_SHOW_TASKPANE_KEY, documentSettingsStore, PANEL_SETTINGS_KEY } from './panel-settings.js';
import { PayloadEstimate } from './payload.js';
import { tabMarks } from './tab-marks.js';
import { parseRegistry, TAB_REGISTRY_KEY } from './tab-registry.js';

/** Worksheet custom properties, the preferred tab mark, arrived with ExcelApi 1.12. */
const CUSTOM_PROPERTIES_API = 12;

export class ExcelWorkbookPort implements WorkbookPort {
  private readonly payload = new PayloadEstimate();

  constructor(private readonly host: ExcelHost) {}

  /** A batch that waits for the user to leave cell-edit mode. */
  private run<T>(batch: (context: ExcelContext) => Promise<T>): Promise<T> {
    return this.host.run(batch, { delayForCellEdit: true });
  }

  sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load(['items/name', 'items/visibility']);
      await context.sync();
      return worksheets.items.filter((sheet) => sheet.visibility === 'Visible').map((sheet) => sheet.name);
    });
  }

  activeSheet(): Promise<string> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load('name');
      await context.sync();
      return sheet.name;
    });
  }

  readSheet(name: string, onProgress?: (done: number, total: number) => void): Promise<Grid> {
    return this.run((context) => readTable(context, name, { payload: this.payload, onProgress }));
  }

  /** The table of a sheet block by block, as Excel sends it (for a run in a worker). */
  streamSheet(name: string, onRows: (rows: Grid) => void | Promise<void>, onProgress?: (done: number, total: number) => void): Promise<void> {
    return this.run((context) => streamTable(context, name, { payload: this.payload, onProgress }, onRows));
  }

  readHead(name: string): Promise<{ grid: Grid; rows: number }> {
    return this.run(async (context) => {
      const table = await readHead(context, name, { payload: this.payload });
      return table ? headGrid(table) : { grid: [], rows: 0 };
    });
  }

  async writeReport(sheets: SheetSpec[], onProgress?: (done: number, total: number) => void, sources: readonly string[] = []): Promise<WrittenTab[]> {
    const target = {
      registry: parseRegistry(this.host.settings.get(TAB_REGISTRY_KEY)),
      protectedNames: new Set(sources),
      payload: this.payload,
      marks: tabMarks(this.host.supportsExcelApi(CUSTOM_PROPERTIES_API)),
      onProgress,
    };
    const run = newReportRun();
    let written;
    try {
      written = await this.run((context) => writeReportTabs(context, sheets, target, run));
    } catch (error) {
      written = await this.run((context) => reconcileReport(context, run));
      if (!written) throw error;
    }
    this.host.settings.set(
      TAB_REGISTRY_KEY,
      written.map(({ key, id, name }) => ({ key, id, name })),
    );
    await this.host.settings.save();
    return written.map(({ key, name }) => ({ key, name }));
  }

  /** Makes a sheet the active one (the panel's links to the written tabs). */
  activateSheet(name: string): Promise<void> {
    return this.run(async (context) => {
      context.workbook.worksheets.getItem(name).activate();
      await context.sync();
    });
  }

  /** Turns the workbook into a template a colleague fills and segments. */
  async makeTemplate(lang: Lang): Promise<void> {
    const plan = await this.run((context) => writeTemplate(context, lang));
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

/** Whether the workbook the add-in runs in uses the 1904 date system (for the functions, which have no port). */
export function workbookUses1904(): Promise<boolean> {
  return Excel.run(async (context) => {
    const probe = context.workbook.functions.date(1904, 1, 1);
    probe.load('value');
    await context.sync();
    return is1904System(probe.value);
  });
}

/** The real Excel: `Excel.run` and the document's settings. (Type-checks that Office.js satisfies excel-api.ts.) */
export function officeExcelHost(): ExcelHost {
  return {
    run: (batch, options = {}) => Excel.run(options, (context) => batch(context)),
    settings: officeDocumentSettings(),
    supportsExcelApi: (minor) => Office.context.requirements.isSetSupported('ExcelApi', `1.${minor}`),
  };
}
