/**
 * The task pane's HostBridge in Excel: the shared local bridge (core/panel/local-bridge.ts) over the Excel
 * port, with the panel's settings in the document and Excel's own tab activation and templates.
 */
import { nextPaint } from '../ui/next-paint.js';
import { createLocalBridge, type HostBridge } from '../core/index.js';
import type { ExcelHost } from './excel-api.js';
import { ExcelWorkbookPort, officeExcelHost, officeLocale } from './excel-port.js';
import { documentSettingsStore } from './panel-settings.js';

/** The bridge over any Excel host — the real one in the task pane, the fake one in tests. */
export function createExcelBridgeOver(host: ExcelHost, locale: () => string): HostBridge {
  const port = new ExcelWorkbookPort(host);
  return createLocalBridge(port, documentSettingsStore(host.settings), {
    host: 'excel',
    locale,
    openSheet: (name) => port.activateSheet(name),
    makeTemplate: (lang) => port.makeTemplate(lang),
    pause: nextPaint,
  });
}

/** The bridge over the Excel the task pane runs in (call after Office.onReady). */
export function createExcelBridge(): HostBridge {
  return createExcelBridgeOver(officeExcelHost(), officeLocale);
}
