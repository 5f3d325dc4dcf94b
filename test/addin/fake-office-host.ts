/**
 * A fake Office host for the task pane page in a browser: served in place of Microsoft's office.js
 * (the e2e test intercepts the CDN URL), it defines `Office` (onReady, displayLanguage, document
 * settings, requirement sets, and `Office.addin.onVisibilityModeChanged` of the shared runtime),
 * `Excel.run` over the fake workbook of fake-excel.ts, and `CustomFunctions` (the shared runtime
 * registers the functions). The workbook starts with the sheets the test put in
 * `window.__winbackSheets`; the test inspects it through `window.__winbackBook`.
 *
 * With `window.__winbackHidden`, the runtime starts as Excel starts it for a workbook with WINBACK
 * formulas: the page loaded, the pane not shown (the test makes `document.visibilityState` say
 * "hidden"); `window.__winbackShowPane()` shows it, firing onVisibilityModeChanged("Taskpane").
 */
import { FakeWorkbook } from './fake-excel.js';

interface HostWindow {
  __winbackSheets?: { name: string; grid: unknown[][] }[];
  __winbackBook?: FakeWorkbook;
  __winbackFunctions?: string[];
  __winbackShowPane?: () => void;
  Office?: unknown;
  Excel?: unknown;
  CustomFunctions?: unknown;
}

const host = window as unknown as HostWindow;
const book = new FakeWorkbook();
for (const sheet of host.__winbackSheets ?? []) book.addSheet(sheet.name, sheet.grid);
host.__winbackBook = book;
host.__winbackFunctions = [];

const Succeeded = 'succeeded';
const visibilityHandlers: ((message: { visibilityMode: string }) => void)[] = [];
host.__winbackShowPane = () => {
  for (const handler of visibilityHandlers) handler({ visibilityMode: 'Taskpane' });
};

host.Office = {
  AsyncResultStatus: { Succeeded, Failed: 'failed' },
  VisibilityMode: { hidden: 'Hidden', taskpane: 'Taskpane' },
  addin: {
    onVisibilityModeChanged: (handler: (message: { visibilityMode: string }) => void) => {
      visibilityHandlers.push(handler);
      return Promise.resolve(() => Promise.resolve());
    },
  },
  context: {
    displayLanguage: 'en-US',
    requirements: { isSetSupported: (name: string, version: string) => name === 'ExcelApi' && book.supportsExcelApi(Number(version.split('.')[1])) },
    document: {
      settings: {
        get: (name: string) => book.settings.get(name),
        set: (name: string, value: unknown) => book.settings.set(name, value),
        saveAsync: (callback?: (result: { status: string }) => void) => {
          void book.settings.save().then(() => callback?.({ status: Succeeded }));
        },
      },
    },
  },
  onReady: (callback?: (info: { host: string; platform: string }) => void) => {
    const info = { host: 'Excel', platform: 'OfficeOnline' };
    return Promise.resolve().then(() => {
      callback?.(info);
      return info;
    });
  },
};

/** `Excel.run(batch)` or `Excel.run(options, batch)`, as Office.js declares it. */
host.Excel = {
  run: (first: unknown, second?: unknown) =>
    typeof first === 'function' ? book.run(first as never) : book.run(second as never, first as { delayForCellEdit?: boolean }),
};

host.CustomFunctions = {
  associate: (id: string) => host.__winbackFunctions!.push(id),
  Error: class {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  },
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
};
