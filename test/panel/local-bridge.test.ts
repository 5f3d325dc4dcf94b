import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../core/basics/calendar.js';
import type { Progress } from '../../core/pipeline/progress.js';
import type { Cell } from '../../core/read/types.js';
import { MemoryWorkbook, type SheetInput } from '../../playground/memory-port.js';
import { fileRows, openFile } from '../../playground/open-file.js';
import type { RunRequest } from '../../core/panel/bridge.js';
import { createLocalBridge } from '../../core/panel/local-bridge.js';
import { AS_OF, salesGrid } from './fixtures.js';

const EN_TABS = ['Summary', 'Clients', 'ABC-XYZ', 'Win-back', 'Movement', 'Conversion', 'KPI', 'Model check', 'Data issues'];
const RU_TABS = ['Сводка', 'Клиенты', 'ABC-XYZ', 'Возврат клиентов', 'Динамика', 'Конверсия', 'KPI', 'Проверка модели', 'Ошибки данных'];

function setup(sheets: SheetInput[] = [{ name: 'Sales', grid: salesGrid() }], blockRows = 4) {
  const workbook = new MemoryWorkbook(sheets, blockRows);
  const opened: string[] = [];
  const bridge = createLocalBridge(workbook, workbook.settingsStore(), {
    host: 'playground',
    locale: () => 'ru-RU',
    openSheet: async (name) => {
      opened.push(name);
    },
    makeTemplate: async () => {},
    pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
  });
  return { workbook, bridge, opened };
}

function request(patch: Partial<RunRequest> = {}, sources: Partial<RunRequest['sources']> = {}): RunRequest {
  return { sources: { sales: 'Sales', ...sources }, options: { asOf: dayFromYmd(2026, 3, 31) }, lang: 'en', ...patch };
}

const never = new AbortController().signal;

describe('createLocalBridge over the in-memory workbook', () => {
  it('lists the sheets and the active one, and hands the host its own calls', async () => {
    const { bridge, opened } = setup([
      { name: 'Sales', grid: salesGrid() },
      { name: 'Notes', grid: [] },
    ]);
    expect(await bridge.listSheets()).toEqual({ names: ['Sales', 'Notes'], active: 'Sales' });
    expect(bridge.host).toBe('playground');
    expect(bridge.locale()).toBe('ru-RU');
    await bridge.openSheet('Notes');
    expect(opened).toEqual(['Notes']);
  });

  it('inspects a sheet: the detected columns and the first rows as the core reads them', async () => {
    const { bridge } = setup();
    const inspection = await bridge.inspect('Sales');
    expect(inspection.ok).toBe(true);
    expect(inspection.rows).toBe(salesGrid().length);
    expect(inspection.headerRow).toBe(0);
    expect(inspection.headers).toEqual(['Client', 'Date', 'Amount']);
    expect(inspection.mapping).toEqual({ client: 0, date: 1, amount: 2 });
    expect(inspection.preview[0]).toEqual({ row: 2, values: { client: 'Alpha', date: '2025-01-15', amount: '100.00' } });
  });

  it('segments: progress runs through read, analyze, report and write, and the summary has the hand-worked numbers', async () => {
    const { bridge, workbook } = setup();
    const before = structuredClone(workbook.sheet('Sales').grid);
    const seen: Progress[] = [];
    const result = await bridge.segment(request(), (p) => seen.push(p), never);
    if (!result.ok) throw new Error(result.message);
    expect(result.summary.asOf).toBe(AS_OF);
    expect(result.summary.statusCounts).toEqual({ active: 1, 'at-risk': 1, lost: 1, new: 1 });
    expect(result.summary.topWinBack.map((c) => c.client)).toEqual(['Delta', 'Beta']);
    expect(result.summary.rejectedRows).toBe(2);
    expect(result.tabs.map((tab) => tab.name)).toEqual(EN_TABS);
    expect(await workbook.sheetNames()).toEqual(['Sales', ...EN_TABS]);
    expect(workbook.sheet('Sales').grid).toEqual(before);

    const stages = seen.map((p) => p.stage).filter((stage, i, all) => stage !== all[i - 1]);
    expect(stages).toEqual(['read', 'analyze', 'report', 'write']);
    const reads = seen.filter((p) => p.stage === 'read' && p.total > 0).map((p) => p.done);
    expect(reads).toEqual([4, 8, 12, 16, 20, 24, 28, 29]);
  });

  it('a run in Russian replaces its own tabs in place; a user sheet named like a tab is left alone', async () => {
    const userClients = [['my own notes']];
    const { bridge, workbook } = setup([
      { name: 'Sales', grid: salesGrid() },
      { name: 'Клиенты', grid: userClients },
    ]);
    await bridge.segment(request(), () => {}, never);
    const result = await bridge.segment(request({ lang: 'ru' }), () => {}, never);
    if (!result.ok) throw new Error(result.message);
    expect(result.tabs.map((tab) => tab.name)).toEqual(['Сводка', 'Клиенты (2)', ...RU_TABS.slice(2)]);
    expect(await workbook.sheetNames()).toEqual(['Sales', 'Клиенты', 'Сводка', 'Клиенты (2)', ...RU_TABS.slice(2)]);
    expect(workbook.sheet('Клиенты').grid).toEqual(userClients);
    expect(result.summary.topWinBack[0]!.status).toBe('at-risk');
  });

  it('uses the mapping the user corrected', async () => {
    const grid: Cell[][] = [
      ['Client', 'Date', 'Total', 'Net sales'],
      ['Acme', '2026-03-02', 120, 100],
      ['Acme', '2026-03-20', 240, 200],
    ];
    const { bridge, workbook } = setup([{ name: 'Sales', grid }]);
    const guessed = await bridge.inspect('Sales');
    expect(guessed.mapping.amount).toBe(2);
    const corrected = await bridge.inspect('Sales', { ...guessed.mapping, amount: 3 });
    expect(corrected.preview.map((r) => r.values.amount)).toEqual(['100.00', '200.00']);

    const result = await bridge.segment(request({ mapping: { client: 0, date: 1, amount: 3 } }), () => {}, never);
    if (!result.ok) throw new Error(result.message);
    const clients = workbook.sheet('Clients').report!.spec.tables[0]!;
    const value = clients.columns.findIndex((c) => c.key === 'value');
    expect(clients.rows[0]![value]).toBe(300);
  });

  it('refuses a sheet with no date column with a sentence, in the language of the run', async () => {
    const grid: Cell[][] = [
      ['Client', 'Amount'],
      ['Acme', 100],
    ];
    const { bridge, workbook } = setup([{ name: 'Sales', grid }]);
    const inspection = await bridge.inspect('Sales');
    expect(inspection.ok).toBe(false);
    expect(inspection.failure).toEqual({ code: 'missing-columns', missing: ['date'] });
    expect(inspection.headers).toEqual(['Client', 'Amount']);
    expect(inspection.mapping).toEqual({ client: 0, amount: 1 });
    expect(await bridge.segment(request(), () => {}, never)).toEqual({
      ok: false,
      message: 'This sheet has no date column. Pick the column that holds the sale date.',
    });
    expect(await bridge.segment(request({ lang: 'ru' }), () => {}, never)).toEqual({
      ok: false,
      message: 'На этом листе нет столбца с датой. Выберите столбец, в котором дата продажи.',
    });
    expect(await workbook.sheetNames()).toEqual(['Sales']);
  });

  it('says which sheet is gone, and which optional sheet cannot be used', async () => {
    const { bridge } = setup([
      { name: 'Sales', grid: salesGrid() },
      { name: 'Notes', grid: [['Just', 'text']] },
    ]);
    expect(await bridge.segment(request({}, { sales: 'Old' }), () => {}, never)).toEqual({
      ok: false,
      message: 'There is no sheet "Old" in this workbook any more. Pick another sheet.',
    });
    expect(await bridge.segment(request({}, { requests: 'Notes' }), () => {}, never)).toEqual({
      ok: false,
      message: 'The requests sheet "Notes" has no client or date column. Pick another sheet or "none".',
    });
  });

  it('reads optional sheets and labels their rejected rows with the sheet', async () => {
    const requests: Cell[][] = [
      ['Client', 'Date'],
      ['Delta', '2026-02-10'],
      ['Delta', '2026-02-20'],
      ['Delta', '2026-03-05'],
      ['Delta', 'soon'],
    ];
    const { bridge, workbook } = setup([
      { name: 'Sales', grid: salesGrid() },
      { name: 'Requests', grid: requests },
    ]);
    const result = await bridge.segment(request({}, { requests: 'Requests' }), () => {}, never);
    if (!result.ok) throw new Error(result.message);
    expect(result.summary.rejectedRows).toBe(3);
    const delta = result.summary.topWinBack.find((c) => c.client === 'Delta')!;
    expect(delta.signals).toEqual(['overdue', 'requests-without-orders']);
    const issues = workbook.sheet('Data issues').report!.spec.tables.at(-1)!;
    expect(issues.rows.some((row) => row.includes('Requests') && row.includes(5))).toBe(true);
  });

  it('stops when cancelled while reading, and writes nothing', async () => {
    const { bridge, workbook } = setup();
    const controller = new AbortController();
    const result = await bridge.segment(
      request(),
      (p) => {
        if (p.stage === 'read' && p.done >= 8) controller.abort();
      },
      controller.signal,
    );
    expect(result).toEqual({ ok: false, cancelled: true, message: 'Cancelled. Nothing was written.' });
    expect(await workbook.sheetNames()).toEqual(['Sales']);
  });

  it('keeps the settings in the workbook', async () => {
    const { bridge } = setup();
    expect(await bridge.loadSettings()).toBeNull();
    await bridge.saveSettings({ salesSheet: 'Sales', mapping: { client: 0, date: 1, amount: 2 }, lang: 'ru' });
    expect(await bridge.loadSettings()).toEqual({ salesSheet: 'Sales', mapping: { client: 0, date: 1, amount: 2 }, lang: 'ru' });
  });

  it("runs on the inspection's read of a file's whole sheet, reading the file again only for another mapping", async () => {
    const csv = salesGrid()
      .map((row) => row.join(';'))
      .join('\n');
    const sheet = openFile('Sales.csv', new TextEncoder().encode(csv))[0]!;
    const { bridge, workbook } = setup([{ name: 'Sales', file: fileRows(sheet, 10) }]);
    const reads: string[] = [];
    const readRows = workbook.readRows.bind(workbook);
    workbook.readRows = (name) => {
      reads.push(name);
      return readRows(name);
    };
    const { bridge: gridBridge } = setup();
    const expected = await gridBridge.segment(request(), () => {}, never);

    const inspection = await bridge.inspect('Sales');
    expect(reads).toEqual(['Sales']);
    const first = await bridge.segment(request(), () => {}, never);
    const again = await bridge.segment(request({ lang: 'ru' }), () => {}, never);
    expect(reads).toEqual(['Sales']);
    if (!first.ok || !again.ok || !expected.ok) throw new Error('a run failed');
    expect(first.summary).toEqual(expected.summary);
    expect(again.summary.statusCounts).toEqual(expected.summary.statusCounts);
    expect(again.summary.rejectedRows).toBe(expected.summary.rejectedRows);

    await bridge.inspect('Sales', inspection.mapping);
    await bridge.segment(request({ mapping: inspection.mapping }), () => {}, never);
    expect(reads).toEqual(['Sales', 'Sales']);
    await bridge.segment(request({ mapping: { client: 0, date: 1, amount: 2, product: 1 } }), () => {}, never);
    await bridge.segment(request({ headers: { client: 'Client' } }), () => {}, never);
    expect(reads).toEqual(['Sales', 'Sales', 'Sales', 'Sales']);
  });
});
