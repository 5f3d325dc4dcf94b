/**
 * The task pane's HostBridge in Excel: the shared local bridge (core/panel/local-bridge.ts) over the Excel
 * port, with the panel's settings in the document and Excel's own tab activation and templates.
 * A run that Excel refuses for a reason the user can act on (a cell being edited, a protected
 * workbook, a row too large) ends with that reason in words (excel-errors.ts), not "something went wrong".
 */
import { nextPaint } from '../ui/next-paint.js';
import { createLocalBridge, type HostBridge } from '../core/index.js';
import type { ExcelHost } from './excel-api.js';
import { ExcelWorkbookPort, officeExcelHost, officeLocale } from './excel-port.js';
import { excelErrorMessage } from './excel-errors.js';
import { documentSettingsStore } from './panel-settings.js';

/** The bridge over any Excel host — the real one in the task pane, the fake one in tests. */
export function createExcelBridgeOver(host: ExcelHost, locale: () => string): HostBridge {
  const port = new ExcelWorkbookPort(host);
  const bridge = createLocalBridge(port, documentSettingsStore(host.settings), {
    host: 'excel',
    locale,
    openSheet: (name) => port.activateSheet(name),
    makeTemplate: (lang) => port.makeTemplate(lang),
    pause: nextPaint,
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

/** The bridge over the Excel the task pane runs in (call after Office.onReady). */
export function createExcelBridge(): HostBridge {
  return createExcelBridgeOver(officeExcelHost(), officeLocale);
}
