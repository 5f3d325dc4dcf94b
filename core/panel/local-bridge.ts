/**
 * The HostBridge of hosts that run the core in the page — Excel's task pane and the playground —
 * over their WorkbookPort. Google Sheets has its own bridge over google.script.run.
 *
 * - `inspect` reads the head of the sheet through the port and inspects it (inspect.ts);
 * - `segment` runs read → analyze → report → write with progress and cancel (local-run.ts);
 * - settings live where the host keeps them in the document (`store`);
 * - opening a tab, making a template and the panel's opening with the document (where the host
 *   has it) are the host's own (`options`).
 */
import type { Lang } from '../i18n/index.js';
import type { WorkbookPort } from './workbook-port.js';
import type { AutoOpenSwitch, HostBridge, HostKind, PanelSettings } from './bridge.js';
import { INSPECT_ROWS, inspectGrid } from './inspect.js';
import { runLocally, type PipelineRunner } from './local-run.js';

/** Where a host keeps the panel's settings in the document. */
export interface SettingsStore {
  load(): Promise<PanelSettings | null>;
  save(settings: PanelSettings): Promise<void>;
}

export interface LocalHostOptions {
  host: HostKind;
  locale: () => string;
  openSheet(name: string): Promise<void>;
  makeTemplate(lang: Lang): Promise<void>;
  /** The panel opening with the document, when the host can do that. */
  autoOpen?: AutoOpenSwitch;
  /** Resolves once the page has had a chance to paint (between the stages of a run). */
  pause(): Promise<void>;
  /** Where the pipeline runs; in this thread over the port by default. */
  run?: PipelineRunner;
}

export function createLocalBridge(port: WorkbookPort, store: SettingsStore, options: LocalHostOptions): HostBridge {
  return {
    host: options.host,
    autoOpen: options.autoOpen,
    locale: options.locale,
    async listSheets() {
      const [names, active] = await Promise.all([port.sheetNames(), port.activeSheet()]);
      return { names, active };
    },
    async inspect(sheet, mapping) {
      const rows = port.readRows?.(sheet);
      if (rows) return inspectGrid(sheet, rows, undefined, mapping);
      const head = await port.readHead(sheet, INSPECT_ROWS);
      return inspectGrid(sheet, head.grid, head.rows, mapping);
    },
    segment: (request, onProgress, signal) => runLocally(port, request, onProgress, signal, options.pause, options.run),
    loadSettings: () => store.load(),
    saveSettings: (settings) => store.save(settings),
    openSheet: (name) => options.openSheet(name),
    makeTemplate: (lang) => options.makeTemplate(lang),
  };
}
