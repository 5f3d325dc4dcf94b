/**
 * The HostBridge of hosts that run the core in the page — Excel's task pane and the playground —
 * over their WorkbookPort. Google Sheets has its own bridge over google.script.run.
 *
 * - `inspect` reads the head of the sheet through the port and inspects it (inspect.ts) — or,
 *   where the port hands the sheet over as rows read from a file (`readRows`), the whole sheet;
 * - `segment` runs read → analyze → report → write with progress and cancel (local-run.ts). A
 *   run of the sheet the last inspection read whole, with the mapping it read with, takes that
 *   read instead of reading the file again (the playground reads a 540,000-line file once, not
 *   once for the panel and once more for the run);
 * - settings live where the host keeps them in the document (`store`);
 * - opening a tab, making a template and the panel's opening with the document (where the host
 *   has it) are the host's own (`options`).
 */
import type { Lang } from '../i18n/index.js';
import type { ColumnMapping } from '../read/types.js';
import type { WorkbookPort } from './workbook-port.js';
import type { AutoOpenSwitch, HostBridge, HostKind, PanelSettings, RunRequest } from './bridge.js';
import { INSPECT_ROWS, inspectAndRead, inspectGrid } from './inspect.js';
import { portRunner, runLocally, type KeptRead, type PipelineRunner } from './local-run.js';

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

/** The last inspection's read of a whole sheet, and the mapping it read with. */
interface WholeRead extends KeptRead {
  mapping: ColumnMapping | undefined;
}

export function createLocalBridge(port: WorkbookPort, store: SettingsStore, options: LocalHostOptions): HostBridge {
  let whole: WholeRead | null = null;
  /** The kept read, when the run reads exactly what the inspection read. */
  const keptFor = (request: RunRequest) => (whole && whole.sheet === request.sources.sales && !request.headers && sameMapping(whole.mapping, request.mapping) ? whole : undefined);
  return {
    host: options.host,
    autoOpen: options.autoOpen,
    locale: options.locale,
    async listSheets() {
      const [names, active] = await Promise.all([port.sheetNames(), port.activeSheet()]);
      return { names, active };
    },
    async inspect(sheet, mapping) {
      whole = null;
      const rows = port.readRows?.(sheet);
      if (rows) {
        const { inspection, read } = inspectAndRead(sheet, rows, undefined, mapping);
        whole = { sheet, mapping, read };
        return inspection;
      }
      const head = await port.readHead(sheet, INSPECT_ROWS);
      return inspectGrid(sheet, head.grid, head.rows, mapping);
    },
    segment: (request, onProgress, signal) => runLocally(port, request, onProgress, signal, options.pause, options.run ?? portRunner(port, keptFor(request))),
    loadSettings: () => store.load(),
    saveSettings: (settings) => store.save(settings),
    openSheet: (name) => options.openSheet(name),
    makeTemplate: (lang) => options.makeTemplate(lang),
  };
}

/** The same columns picked for the same fields (undefined: none picked, the reader detects them). */
function sameMapping(a: ColumnMapping | undefined, b: ColumnMapping | undefined): boolean {
  if (!a || !b) return a === b;
  const keys = Object.keys(a) as (keyof ColumnMapping)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
