/**
 * Replacing a report in Excel as real Excel behaves (the fake models each, with its source):
 * - worksheet ids change when the workbook is reopened (office-js-docs#297): a re-run still
 *   replaces the old tabs — by their marks (custom properties on ExcelApi 1.12, sheet-scoped names
 *   before) — and leaves a copy the user made of one of them;
 * - a sync can fail part-way: whichever sync of a re-run fails, the previous report is there as it
 *   was and nothing of the failed run is left;
 * - a very hidden tab cannot be deleted as it is: the run makes it hidden first;
 * - a request over the payload limit is refused: writes are halved and resent, and the estimate
 *   learns, so few requests are refused.
 */
import { describe, expect, it } from 'vitest';
import { ExcelWorkbookPort } from '../../addin/excel-port.js';
import type { SheetSpec } from '../../core/report/spec.js';
import { FAKE_PAYLOAD_LIMIT, FakeWorkbook, type FakeSheet } from './fake-excel.js';
import { clientsTable, sampleReport } from './report-fixtures.js';

/** Every sheet's name and cells, to compare a workbook before and after. */
function snapshot(book: FakeWorkbook): string {
  return JSON.stringify(book.sheets.map((sheet) => [sheet.name, sheet.visibility, [...sheet.cells], sheet.charts.length, sheet.frozenRows]));
}

function workbookWithReport(excelApi = 16) {
  const book = new FakeWorkbook({ excelApi });
  book.addSheet('Sales', [['Client', 'Date', 'Amount']]);
  return { book, port: new ExcelWorkbookPort(book) };
}

const names = (book: FakeWorkbook) => book.sheets.map((sheet: FakeSheet) => sheet.name);

describe('Excel report: tabs stay ours after the workbook is reopened', () => {
  for (const [label, excelApi] of [
    ['custom properties (ExcelApi 1.12)', 16],
    ['sheet-scoped names (ExcelApi 1.8)', 8],
  ] as const) {
    it(`replaces the old tabs after a reopening gave every sheet a new id — marks by ${label}`, async () => {
      const { book, port } = workbookWithReport(excelApi);
      await port.writeReport(sampleReport('en'));
      const ids = book.sheets.map((sheet) => sheet.id);
      book.reopen();
      expect(book.sheets.map((sheet) => sheet.id).some((id) => ids.includes(id))).toBe(false);
      const tabs = await new ExcelWorkbookPort(book).writeReport(sampleReport('en', ['Only one client']));
      expect(tabs.map((t) => t.name)).toEqual(['Clients', 'ABC-XYZ', 'KPI']);
      expect(names(book)).toEqual(['Sales', 'Clients', 'ABC-XYZ', 'KPI']);
      expect(book.sheet('Clients').cell(3, 0).value).toBe('Only one client');
    });
  }

  it('also when the registry in the settings was never saved (only the marks remain)', async () => {
    const { book, port } = workbookWithReport();
    await port.writeReport(sampleReport('en'));
    book.settings.saved.clear();
    book.reopen();
    await new ExcelWorkbookPort(book).writeReport(sampleReport('ru'));
    expect(names(book)).toEqual(['Sales', 'Клиенты', 'ABC-XYZ матрица', 'KPI']);
  });

  it("leaves a copy the user made of a tab (it carries the mark, under another name)", async () => {
    const { book, port } = workbookWithReport();
    await port.writeReport(sampleReport('en'));
    const copy = book.addSheet('Clients March', [['kept']]);
    for (const [key, value] of book.sheet('Clients').customProperties) copy.customProperties.set(key, value);
    book.reopen();
    await new ExcelWorkbookPort(book).writeReport(sampleReport('en'));
    expect(book.sheet('Clients March').cell(0, 0).value).toBe('kept');
    expect(names(book)).toEqual(['Sales', 'Clients March', 'Clients', 'ABC-XYZ', 'KPI']);
  });

  it('removes a marked tab a cut-off run left under its temporary name', async () => {
    const { book, port } = workbookWithReport();
    const leftover = book.addSheet('~wbq1x2y3n0', [['half']]);
    leftover.customProperties.set('winback.tab', { key: 'winback.tab', value: '{"key":"clients","name":"Clients"}' });
    await port.writeReport(sampleReport('en'));
    expect(names(book)).toEqual(['Sales', 'Clients', 'ABC-XYZ', 'KPI']);
  });
});

describe('Excel report: a failed run leaves the previous report as it was', () => {
  it('whichever sync of the re-run fails (each failing half-way), and the next run still replaces', async () => {
    const probe = workbookWithReport();
    await probe.port.writeReport(sampleReport('en'));
    const before = probe.book.syncs.length;
    await probe.port.writeReport(sampleReport('ru'));
    const syncsOfRun = probe.book.syncs.length - before;
    expect(syncsOfRun).toBeGreaterThan(8);

    for (let k = 0; k < syncsOfRun; k++) {
      const { book, port } = workbookWithReport();
      await port.writeReport(sampleReport('en'));
      const previous = snapshot(book);
      book.failSyncAt(book.syncs.length + k);
      await expect(port.writeReport(sampleReport('ru')), `sync ${k}`).rejects.toMatchObject({ code: 'GeneralException' });
      expect(snapshot(book), `sync ${k}`).toBe(previous);
      const again = await port.writeReport(sampleReport('ru'));
      expect(again.map((t) => t.name), `sync ${k}`).toEqual(['Клиенты', 'ABC-XYZ матрица', 'KPI']);
      expect(names(book), `sync ${k}`).toEqual(['Sales', 'Клиенты', 'ABC-XYZ матрица', 'KPI']);
    }
  });

  it('finishes a run whose last sync failed after the new tabs had their names (only old tabs were left)', async () => {
    const { book, port } = workbookWithReport();
    await port.writeReport(sampleReport('en'));
    const start = book.syncs.length;
    const probe = workbookWithReport();
    await probe.port.writeReport(sampleReport('en'));
    const probeStart = probe.book.syncs.length;
    await probe.port.writeReport(sampleReport('ru'));
    // The swap is the last sync: fail it after 90 % of its operations (every rename, some deletes).
    book.failSyncAt(start + (probe.book.syncs.length - probeStart) - 1, 0.9);
    const tabs = await port.writeReport(sampleReport('ru'));
    expect(tabs.map((t) => t.name)).toEqual(['Клиенты', 'ABC-XYZ матрица', 'KPI']);
    expect(names(book)).toEqual(['Sales', 'Клиенты', 'ABC-XYZ матрица', 'KPI']);
  });

  it('replaces a tab of the last run that a macro made very hidden', async () => {
    const { book, port } = workbookWithReport();
    await port.writeReport(sampleReport('en'));
    book.sheet('KPI').visibility = 'VeryHidden';
    await port.writeReport(sampleReport('en'));
    expect(book.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Sales', 'Visible'],
      ['Clients', 'Visible'],
      ['ABC-XYZ', 'Visible'],
      ['KPI', 'Visible'],
    ]);
  });
});

describe('Excel report: the payload estimate learns', () => {
  it('halves and resends a write Excel refuses, and is refused at most twice for a 200,000-row tab', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `Клиент номер ${i} — ООО «Строительные материалы»`);
    const spec: SheetSpec = { key: 'clients', name: 'Clients', notes: [], tables: [clientsTable('ru', rows)], charts: [], freezeHeader: true };
    const { book, port } = workbookWithReport();
    await port.writeReport([spec]);
    const refused = book.syncs.filter((s) => s.failed);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThanOrEqual(2);
    expect(book.maxRequestBytes).toBeLessThanOrEqual(FAKE_PAYLOAD_LIMIT);
    expect(book.sheet('Clients').cell(200_000, 0).value).toBe(rows[199_999]);
    expect(book.sheet('Clients').cell(100_001, 0).value).toBe(rows[100_000]);
  });

  it('reads with what a write learnt: no read of the same port is refused afterwards', async () => {
    const rows = Array.from({ length: 120_000 }, (_, i) => `Клиент ${i}`);
    const spec: SheetSpec = { key: 'clients', name: 'Clients', notes: [], tables: [clientsTable('ru', rows)], charts: [], freezeHeader: true };
    const { book, port } = workbookWithReport();
    await port.writeReport([spec]);
    const afterWrite = book.syncs.length;
    await port.readSheet('Clients');
    expect(book.syncs.slice(afterWrite).filter((s) => s.failed)).toEqual([]);
  });
});
