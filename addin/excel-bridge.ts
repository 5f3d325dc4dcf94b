/**
 * The task pane's HostBridge in Excel: the shared local bridge (core/panel/local-bridge.ts) over the Excel
 * port, with the panel's settings in the document, Excel's own tab activation and templates, and
 * the switch that opens the task pane with the document (panel-settings.ts).
 * In the task pane the pipeline runs in a Web Worker (worker-pipeline.ts); without a worker (the
 * tests' default, a webview without workers, a worker that cannot load) it runs in the page.
 * A run that Excel refuses for a reason the user can act on (a cell being edited, a protected
 * workbook, a row too large) ends with that reason in words (excel-errors.ts), not "something went wrong".
 */
import { nextPaint } from '../ui/next-paint.js';
import { createLocalBridge, portRunner, type HostBridge } from '../core/index.js';
import type { ExcelHost } from './excel-api.js';
import { ExcelWorkbookPort, officeExcelHost, officeLocale } from './excel-port.js';
import { excelErrorMessage } from './excel-errors.js';
import { workerRunner, type WorkerLike } from './worker-pipeline.js';
import { autoOpenSwitch, documentSettingsStore } from './panel-settings.js';

/** The bridge over any Excel host — the real one in the task pane, the fake one in tests; the pipeline in `createWorker`'s worker when given. */
export function createExcelBridgeOver(host: ExcelHost, locale: () => string, createWorker?: () => WorkerLike): HostBridge {
  const port = new ExcelWorkbookPort(host);
  const bridge = createLocalBridge(port, documentSettingsStore(host.settings), {
    host: 'excel',
    locale,
    openSheet: (name) => port.activateSheet(name),
    makeTemplate: (lang) => port.makeTemplate(lang),
    autoOpen: autoOpenSwitch(host.settings),
    pause: nextPaint,
    run: createWorker ? workerRunner(port, createWorker, portRunner(port)) : undefined,
  });
  return {
    ...bridge,
    segment: async (request, onProgress, signal) => {
      try {
        return await bridge.segment(request, onProgress, signal);
      } catch (error) {
        const message = excelErrorMessage(error, request.lang);
        if (message === null) throw error;
        return { ok: false, message };
      }
    },
  };
}

/** The bridge over the Excel the task pane runs in (call after Office.onReady), with the pipeline in a worker. */
export function createExcelBridge(): HostBridge {
  // Resolved against the page (HTML Standard: a dedicated worker's URL is parsed relative to the
  // document's base URL), which webpack writes beside pipeline-worker.js (webpack.config.js).
  const createWorker = typeof Worker === 'function' ? () => new Worker('pipeline-worker.js') as unknown as WorkerLike : undefined;
  return createExcelBridgeOver(officeExcelHost(), officeLocale, createWorker);
}
