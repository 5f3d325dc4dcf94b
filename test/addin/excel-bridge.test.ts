/**
 * The Excel HostBridge over the fake Excel API, driven as the panel drives it: list, inspect,
 * segment the example distributor (sales + requests + complaints sheets), then the real report
 * (core/report) lands in Excel with tables, charts and colours; the inputs are unchanged; settings
 * round-trip through the document; a tab link activates the tab.
 */
import { describe, expect, it } from 'vitest';
import { dayFromYmd, serialFromDay } from '../../core/basics/calendar.js';
import type { Progress } from '../../core/pipeline/progress.js';
import { generateDistributor } from '../../examples/distributor.js';
import { createExcelBridgeOver } from '../../addin/excel-bridge.js';
import { words } from '../../core/i18n/index.js';
import { FakeWorkbook } from './fake-excel.js';

const data = generateDistributor({ seed: 3, clients: 80, years: 3, endDay: dayFromYmd(2026, 10, 31), linesTarget: 5000 });

function workbook(): FakeWorkbook {
  const book = new FakeWorkbook();
  book.addSheet('Продажи', [['Клиент', 'Дата', 'Сумма', 'Менеджер'], ...data.sales.map((s) => [s.client, serialFromDay(s.day), s.amount / 100, s.manager])]);
  book.addSheet('Запросы', [['Клиент', 'Дата'], ...data.requests.map((r) => [r.client, serialFromDay(r.day)])]);
  book.addSheet('Жалобы', [['Клиент', 'Дата', 'Жалоба'], ...data.complaints.map((c) => [c.client, serialFromDay(c.day), c.text])]);
  return book;
}

const snapshot = (book: FakeWorkbook, name: string) => JSON.stringify([...book.sheet(name).cells]);

describe('Excel bridge over the fake Excel API', () => {
  it('segments end to end: the report lands as Excel tabs with tables, charts and colours', async () => {
    const book = workbook();
    const before = ['Продажи', 'Запросы', 'Жалобы'].map((name) => snapshot(book, name));
    const bridge = createExcelBridgeOver(book, () => 'ru-RU');
    expect(bridge.host).toBe('excel');
    expect(bridge.locale()).toBe('ru-RU');
    expect(await bridge.listSheets()).toEqual({ names: ['Продажи', 'Запросы', 'Жалобы'], active: 'Продажи' });
    const inspection = await bridge.inspect('Продажи');
    expect(inspection.ok).toBe(true);
    expect(inspection.mapping).toMatchObject({ client: 0, date: 1, amount: 2 });

    const stages = new Set<string>();
    const result = await bridge.segment(
      { sources: { sales: 'Продажи', requests: 'Запросы', complaints: 'Жалобы' }, options: {}, lang: 'ru' },
      (p: Progress) => stages.add(p.stage),
      new AbortController().signal,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...stages]).toEqual(expect.arrayContaining(['read', 'analyze', 'write']));
    expect(result.tabs.map((t) => t.name)).toEqual(result.tabs.map((t) => book.sheet(t.name).name));
    expect(book.sheets.length).toBe(3 + result.tabs.length);

    const tab = (key: string) => book.sheet(result.tabs.find((t) => t.key === key)!.name);
    const matrix = tab('matrix');
    const pareto = matrix.charts.find((c) => c.series.some((s) => s.axisGroup === 'Secondary'));
    expect(pareto?.series.map((s) => s.chartType)).toEqual(['ColumnClustered', 'Line']);
    expect(matrix.conditionalFormats.some((f) => f.type === 'ColorScale')).toBe(true);
    expect(tab('kpi').charts.length).toBeGreaterThan(0);
    // The long lists freeze through their header, under one lead line; their notes are under the list.
    for (const key of ['clients', 'winback']) {
      const list = tab(key);
      const a = (row: number) => String(list.cells.get(`${row},0`)?.value ?? '');
      expect(list.frozenRows, key).toBe(2);
      expect(a(0)).toMatch(/^Дата анализа: \d\d\.\d\d\.\d{4} · пояснения под списком ↓$/);
      let row = 2;
      while (a(row) !== '') row++;
      expect(row, key).toBeGreaterThan(10);
      expect(a(row + 1), key).toMatch(/^Дата анализа: \d\d\.\d\d\.\d{4}\. Период анализа/);
    }
    expect(tab('clients').cells.get('1,0')?.value).toBe('Клиент');
    expect(tab('clients').conditionalFormats.some((f) => f.type === 'CellValue')).toBe(true);
    expect(book.tables.some((t) => t.sheetId === tab('clients').id)).toBe(true);
    expect(book.syncs.filter((s) => s.wrote).every((s) => s.suspended)).toBe(true);

    expect(['Продажи', 'Запросы', 'Жалобы'].map((name) => snapshot(book, name))).toEqual(before);

    const again = await bridge.segment({ sources: { sales: 'Продажи' }, options: {}, lang: 'ru' }, () => {}, new AbortController().signal);
    expect(again.ok && again.tabs.map((t) => t.name)).toEqual(result.tabs.map((t) => t.name));
    expect(book.sheets.length).toBe(3 + result.tabs.length);
  });

  it('writes the money in the currency the amounts show: text amounts "1 234,50 ₽" → every money cell in ₽', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Продажи', [['Клиент', 'Дата', 'Сумма'], ...data.sales.slice(0, 400).map((s) => [s.client, serialFromDay(s.day), `${(s.amount / 100).toFixed(2).replace('.', ',')} ₽`])]);
    const bridge = createExcelBridgeOver(book, () => 'ru-RU');
    const result = await bridge.segment({ sources: { sales: 'Продажи' }, options: { model: 'none' }, lang: 'en' }, () => {}, new AbortController().signal);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const money = new Set<string>();
    for (const tab of result.tabs) for (const cell of book.sheet(tab.name).cells.values()) if (cell.format.includes('#,##0.00')) money.add(cell.format);
    expect([...money]).toEqual(['"₽"#,##0.00']);
  });

  it('inspects a sheet by reading its head only, however long the sheet is', async () => {
    const book = new FakeWorkbook();
    book.addGeneratedSheet('Sales', 1_000_000, 3, (r, c) => (r === 0 ? ['Client', 'Date', 'Amount'][c] : [`Client ${r % 900}`, 45_000 + (r % 700), r % 97][c]));
    const bridge = createExcelBridgeOver(book, () => 'en-US');
    const inspection = await bridge.inspect('Sales');
    expect(inspection).toMatchObject({ ok: true, rows: 1_000_000, headerRow: 0, mapping: { client: 0, date: 1, amount: 2 } });
    expect(inspection.preview[0]).toMatchObject({ row: 2, values: { client: 'Client 1', date: '2023-03-16', amount: '1.00' } });
    expect(book.syncs.length).toBeLessThanOrEqual(3);
    expect(book.syncs.reduce((sum, s) => sum + s.responseBytes, 0)).toBeLessThan(50_000);
  });

  it("protects only the run's own sheets: a tab inspected by mistake is still replaced by the next run", async () => {
    const book = workbook();
    const bridge = createExcelBridgeOver(book, () => 'ru-RU');
    const request = { sources: { sales: 'Продажи' }, options: {}, lang: 'ru' as const };
    const first = await bridge.segment(request, () => {}, new AbortController().signal);
    if (!first.ok) throw new Error(first.message);
    await bridge.inspect(first.tabs[0].name);
    const again = await bridge.segment(request, () => {}, new AbortController().signal);
    expect(again.ok && again.tabs.map((t) => t.name)).toEqual(first.tabs.map((t) => t.name));
    expect(book.sheets.length).toBe(3 + first.tabs.length);
  });

  it('waits while the user edits a cell instead of failing, and finishes once they press Enter', async () => {
    const book = workbook();
    const bridge = createExcelBridgeOver(book, () => 'en-US');
    book.beginCellEdit();
    const running = bridge.segment({ sources: { sales: 'Продажи' }, options: {}, lang: 'en' }, () => {}, new AbortController().signal);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(book.syncs.every((s) => s.delayed)).toBe(true);
    book.endCellEdit();
    expect((await running).ok).toBe(true);
  });

  it('says in the user language why Excel refused: a cell being edited, a protected workbook, a row too large', async () => {
    const request = (lang: 'en' | 'ru') => ({ sources: { sales: 'Продажи' }, options: {}, lang });
    const signal = new AbortController().signal;

    const old = new FakeWorkbook({ honoursDelayForCellEdit: false });
    old.addSheet('Продажи', [['Клиент', 'Дата', 'Сумма'], ['Acme', 46_000, 5]]);
    old.beginCellEdit();
    expect(await createExcelBridgeOver(old, () => 'ru-RU').segment(request('ru'), () => {}, signal)).toEqual({
      ok: false,
      message: words('ru').excel.errors.cellEdit,
    });

    const locked = workbook();
    locked.structureProtected = true;
    expect(await createExcelBridgeOver(locked, () => 'en-US').segment(request('en'), () => {}, signal)).toEqual({
      ok: false,
      message: words('en').excel.errors.protectedStructure,
    });
    expect(locked.sheets.map((s) => s.name)).toEqual(['Продажи', 'Запросы', 'Жалобы']);

    const huge = new FakeWorkbook();
    huge.addSheet('Продажи', [['Клиент', 'Дата', 'Сумма'], ['Acme', 46_000, 5], ['Б'.repeat(3_000_000), 46_001, 7]]);
    expect(await createExcelBridgeOver(huge, () => 'en-US').segment(request('en'), () => {}, signal)).toEqual({
      ok: false,
      message: words('en').excel.errors.tooLarge,
    });
  });

  it('turns the pane opening with the workbook off and on again, saved in the document (a template turns it on)', async () => {
    const book = workbook();
    const opened = () => createExcelBridgeOver(book, () => 'en-US').autoOpen!;
    expect(await opened().get()).toBe(false);
    await createExcelBridgeOver(book, () => 'en-US').makeTemplate('en');
    book.reopen();
    expect(book.opensPaneWithDocument).toBe(true);
    expect(await opened().get()).toBe(true);
    await opened().set(false);
    book.reopen();
    expect(book.opensPaneWithDocument).toBe(false);
    expect(await opened().get()).toBe(false);
    await opened().set(true);
    book.reopen();
    expect(book.opensPaneWithDocument).toBe(true);
  });

  it('keeps the panel settings in the document and opens a tab on request', async () => {
    const book = workbook();
    const bridge = createExcelBridgeOver(book, () => 'en-US');
    expect(await bridge.loadSettings()).toBeNull();
    await bridge.saveSettings({ salesSheet: 'Продажи', lang: 'en' });
    expect(await createExcelBridgeOver(book, () => 'en-US').loadSettings()).toEqual({ salesSheet: 'Продажи', lang: 'en' });
    await bridge.openSheet('Жалобы');
    expect(book.activeSheetId).toBe(book.sheet('Жалобы').id);
  });
});
