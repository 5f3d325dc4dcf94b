/**
 * A fake Office host for the task pane page in a browser: served in place of Microsoft's office.js
 * (the e2e test intercepts the CDN URL), it defines `Office` (onReady, displayLanguage, document
 * settings), `Excel.run` over the fake workbook of fake-excel.ts, and `CustomFunctions` (the
 * shared runtime registers the functions). The workbook starts with the sheets the test put in
 * `window.__winbackSheets`; the test inspects it through `window.__winbackBook`.
 */
import { FakeWorkbook } from './fake-excel.js';

interface HostWindow {
  __winbackSheets?: { name: string; grid: unknown[][] }[];
  __winbackBook?: FakeWorkbook;
  __winbackFunctions?: string[];
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

host.Office = {
  AsyncResultStatus: { Succeeded, Failed: 'failed' },
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
