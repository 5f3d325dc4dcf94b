/**
 * One workbook through every host gives the same report: the seeded example company with its
 * companion sheets under Cyrillic names, each with rows the core rejects, segmented by the
 * command line (its .xlsx read back), the playground's in-memory port, the Excel port over its
 * fake and the built Google Sheets add-on over its fakes. Every tab must hold the same cells —
 * values and number formats, header rows included — freeze the same rows, anchor its charts at the
 * same cells, and the Data issues tab must list the same rows under the user's own sheet names.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExcelBridgeOver } from '../../addin/excel-bridge.js';
import { main } from '../../cli/main.js';
import { dateOfDay, dayFromYmd, dayOfDate, serialFromDay, ymdFromDay } from '../../core/basics/calendar.js';
import { cellAddress } from '../../core/layout/addresses.js';
import type { RunRequest } from '../../core/panel/bridge.js';
import { createLocalBridge } from '../../core/panel/local-bridge.js';
import type { Cell } from '../../core/read/types.js';
import { generateDistributor } from '../../examples/distributor.js';
import { MemoryWorkbook } from '../../playground/memory-port.js';
import { FakeWorkbook } from '../addin/fake-excel.js';
import { buildAddOn, loadServer } from '../apps-script/bundle.js';
import { fakeHost, midnightIn } from '../apps-script/fakes.js';
import { HOSTILE_PROBES } from '../helpers/probes.js';

const ZONE = 'Europe/Moscow';
const SHEETS = { sales: 'Продажи 2026', requests: 'Запросы', contacts: 'Контакты', complaints: 'Жалобы' } as const;
type SourceName = keyof typeof SHEETS;

/** The workbook as plain cells, dates as day numbers (each host gets them its own way). */
function workbook(): Record<SourceName, Cell[][]> {
  const data = generateDistributor({ seed: 7, clients: 40, years: 3, endDay: dayFromYmd(2026, 10, 31), linesTarget: 3000, probes: HOSTILE_PROBES });
  const day = (d: number) => ({ day: d }) as unknown as Cell;
  return {
    sales: [
      ['Отчёт о продажах'],
      [],
      ['Контрагент', 'Дата', 'Номенклатура', 'Количество', 'Сумма', 'Менеджер'],
      ...data.sales.map((s) => [s.client, day(s.day), s.product, s.quantity / 1000, s.amount / 100, s.manager]),
      [],
      ['Итого', null, null, null, 1_000_000],
    ],
    requests: [['Клиент', 'Дата'], ...data.requests.map((r) => [r.client, day(r.day)]), ['ООО Ромашка', 'когда-нибудь'], ['', day(data.endDay)]],
    contacts: [['Клиент', 'Дата', 'Ответил'], ...data.contacts.map((c) => [c.client, day(c.day), c.answered ? 'да' : 'нет']), ['ООО Ромашка', day(data.endDay), 'может быть']],
    complaints: [['Клиент', 'Дата', 'Жалоба'], ...data.complaints.map((c) => [c.client, day(c.day), c.text])],
  };
}

/** The cells with each `{day}` turned into what a host stores for a date. */
function withDates(grid: Cell[][], date: (day: number) => Cell): Cell[][] {
  return grid.map((row) => row.map((cell) => (cell && typeof cell === 'object' && 'day' in cell ? date((cell as unknown as { day: number }).day) : cell)));
}

/** A tab as the test compares it: every non-empty cell (0-based row, column) with its value and format. */
interface Tab {
  name: string;
  cells: Map<string, [string | number, string]>;
  frozenRows: number;
  charts: string[];
}

const request: RunRequest = { sources: { ...SHEETS }, options: {}, lang: 'ru' };
const serialOfDate = (date: Date) => serialFromDay(dayOfDate(date));

let dir: string;
const reports: Record<string, Tab[]> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'winback-parity-'));
  const book = workbook();
  await Promise.all([
    commandLine(book).then((tabs) => (reports['command line'] = tabs)),
    playground(book).then((tabs) => (reports.playground = tabs)),
    excel(book).then((tabs) => (reports.excel = tabs)),
    sheets(book).then((tabs) => (reports.sheets = tabs)),
  ]);
}, 240_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function commandLine(book: Record<SourceName, Cell[][]>): Promise<Tab[]> {
  const input = new ExcelJS.Workbook();
  for (const source of Object.keys(SHEETS) as SourceName[]) {
    const ws = input.addWorksheet(SHEETS[source]);
    for (const row of withDates(book[source], dateOfDay)) ws.addRow(row);
  }
  const path = join(dir, 'book.xlsx');
  const out = join(dir, 'report.xlsx');
  await input.xlsx.writeFile(path);
  expect(await main(['segment', path, '--lang', 'ru', '--out', out, '--quiet'])).toBe(0);
  const report = new ExcelJS.Workbook();
  await report.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
  return report.worksheets.map((ws) => {
    const cells: Tab['cells'] = new Map();
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const value = cell.value instanceof Date ? serialOfDate(cell.value) : (cell.value as string | number | null);
        if (value !== null && value !== '') cells.set(`${r - 1},${c - 1}`, [value, cell.numFmt || 'General']);
      });
    });
    const view = (ws.views as Partial<ExcelJS.WorksheetViewFrozen>[] | null)?.[0];
    return { name: ws.name, cells, frozenRows: view?.ySplit ?? 0, charts: [] };
  });
}

async function playground(book: Record<SourceName, Cell[][]>): Promise<Tab[]> {
  const memory = new MemoryWorkbook((Object.keys(SHEETS) as SourceName[]).map((s) => ({ name: SHEETS[s], grid: withDates(book[s], dateOfDay) })));
  const bridge = createLocalBridge(memory, memory.settingsStore(), {
    host: 'playground',
    locale: () => 'ru',
    openSheet: async () => {},
    makeTemplate: async () => {},
    pause: async () => {},
  });
  const result = await bridge.segment(request, () => {}, { aborted: false });
  expect(result.ok).toBe(true);
  return memory.sheets
    .filter((sheet) => sheet.report)
    .map((sheet) => {
      const cells: Tab['cells'] = new Map();
      sheet.report!.rendered.rows.forEach((row, r) =>
        row.cells.forEach((value, c) => {
          if (value === null || value === '') return;
          const format = row.kind === 'data' && typeof value === 'number' ? sheet.report!.rendered.numberFormats[row.formats![c]!] : '@';
          cells.set(`${r},${c}`, [row.formats?.[c] === 'date' && typeof value === 'number' ? serialFromDay(value) : value, format]);
        }),
      );
      return { name: sheet.name, cells, frozenRows: sheet.report!.rendered.frozenRows, charts: [] };
    });
}


async function excel(book: Record<SourceName, Cell[][]>): Promise<Tab[]> {
  const fake = new FakeWorkbook();
  for (const source of Object.keys(SHEETS) as SourceName[]) fake.addSheet(SHEETS[source], withDates(book[source], serialFromDay) as (string | number | boolean)[][]);
  const result = await createExcelBridgeOver(fake, () => 'ru-RU').segment(request, () => {}, { aborted: false });
  if (!result.ok) throw new Error(result.message);
  return result.tabs.map(({ name }) => {
    const sheet = fake.sheet(name);
    const cells: Tab['cells'] = new Map();
    for (const [key, cell] of sheet.cells) if (cell.value !== '' && cell.value !== null) cells.set(key, [cell.value as string | number, cell.format]);
    return { name, cells, frozenRows: sheet.frozenRows, charts: sheet.charts.map((chart) => chart.position!.from) };
  });
}

async function sheets(book: Record<SourceName, Cell[][]>): Promise<Tab[]> {
  const { code } = await buildAddOn();
  const host = fakeHost({ timeZone: ZONE, locale: 'ru' });
  const date = (day: number) => {
    const { year, month, day: d } = ymdFromDay(day);
    return midnightIn(ZONE, year, month, d);
  };
  for (const source of Object.keys(SHEETS) as SourceName[]) host.book.addSheet(SHEETS[source], withDates(book[source], date) as never);
  const server = loadServer(code, host);
  const start = server.startSegment(JSON.parse(JSON.stringify(request))) as { ok: boolean; jobId: string; message?: string };
  if (!start.ok) throw new Error(start.message);
  let next: { finished: boolean; result?: { ok: boolean; tabs: { name: string }[] } };
  do next = server.continueSegment(start.jobId, 'ru') as typeof next;
  while (!next.finished);
  return next.result!.tabs.map(({ name }) => {
    const sheet = host.book.sheet(name);
    const cells: Tab['cells'] = new Map();
    for (const [key, value] of sheet.values) {
      const [row, column] = key.split(':').map(Number);
      cells.set(`${row - 1},${column - 1}`, [value as string | number, sheet.format(row, column) ?? 'General']);
    }
    const charts = sheet.charts.map((chart) => cellAddress(chart.record.position!.row - 1, chart.record.position!.column - 1));
    return { name, cells, frozenRows: sheet.frozenRows, charts };
  });
}

describe('one workbook through every host', () => {
  it('writes the same tabs, in the same order, everywhere', () => {
    const names = reports.excel.map((tab) => tab.name);
    expect(names).toEqual(['Сводка', 'Клиенты', 'ABC-XYZ', 'Возврат клиентов', 'Динамика', 'Конверсия', 'KPI', 'Проверка модели', 'Ошибки данных']);
    for (const host of Object.keys(reports)) expect(reports[host].map((tab) => tab.name), host).toEqual(names);
  });

  it('holds the same cells, values and number formats, on every tab', () => {
    for (const [index, reference] of reports.excel.entries()) {
      for (const host of ['command line', 'playground', 'sheets']) {
        const tab = reports[host][index];
        expect(Object.fromEntries(tab.cells), `${host}: ${tab.name}`).toEqual(Object.fromEntries(reference.cells));
      }
    }
  });

  it('freezes the same header rows and anchors its charts at the same cells', () => {
    for (const [index, reference] of reports.excel.entries()) {
      for (const host of ['command line', 'playground', 'sheets']) expect(reports[host][index].frozenRows, `${host}: ${reference.name}`).toBe(reference.frozenRows);
      expect(reports.sheets[index].charts, reference.name).toEqual(reference.charts);
    }
    expect(reports.excel.find((tab) => tab.name === 'KPI')!.charts).toHaveLength(2);
  });

  it('freezes the long lists through their header under one lead line, with every note under the list, on every host', () => {
    for (const host of Object.keys(reports)) {
      for (const name of ['Клиенты', 'Возврат клиентов']) {
        const tab = reports[host].find((t) => t.name === name)!;
        const a = (row: number) => String(tab.cells.get(`${row},0`)?.[0] ?? '');
        expect(tab.frozenRows, `${host}: ${name}`).toBe(2);
        expect(a(0), `${host}: ${name}`).toBe('Дата анализа: 31.10.2026 · пояснения под списком ↓');
        let row = 2;
        while (a(row) !== '') row++;
        expect(row, `${host}: ${name}`).toBeGreaterThan(10);
        expect(a(row + 1), `${host}: ${name}`).toMatch(/^Дата анализа: 31\.10\.2026\. Период анализа: /);
      }
    }
  });

  it("lists the rejected rows under the user's own sheet names, the same everywhere", () => {
    const rejected = (host: string) => {
      const cells = reports[host].at(-1)!.cells;
      const header = [...cells].find(([, [value]]) => value === 'Лист')![0].split(',').map(Number)[0];
      const rows: (string | number)[][] = [];
      // Sheet, row, reason, cell value (column 2 holds the last row of a run of blank rows).
      for (let r = header + 1; cells.has(`${r},0`); r++) rows.push([0, 1, 3, 4].map((c) => cells.get(`${r},${c}`)?.[0] ?? ''));
      return rows;
    };
    const salesRows = workbook().sales.length;
    expect(rejected('excel')).toEqual([
      [SHEETS.sales, salesRows - 1, 'Пустая строка', ''],
      [SHEETS.sales, salesRows, 'Строка итогов', ''],
      [SHEETS.requests, expect.any(Number), 'Не удалось прочитать дату', 'когда-нибудь'],
      [SHEETS.requests, expect.any(Number), 'Не указан клиент', ''],
      [SHEETS.contacts, expect.any(Number), 'В поле «Ответил» не «да» и не «нет»', 'может быть'],
    ]);
    for (const host of ['command line', 'playground', 'sheets']) expect(rejected(host), host).toEqual(rejected('excel'));
  });
});
