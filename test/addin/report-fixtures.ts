/**
 * Hand-made report tabs (SheetSpecs) for the host tests: every cell format, value colours, a heat
 * map, a pareto and a stacked chart, a plain block and an empty table, and client names that a
 * careless host would turn into formulas or numbers.
 */
import { dayFromYmd } from '../../core/basics/calendar.js';
import type { SheetSpec, TableSpec } from '../../core/report/spec.js';

export const HOSTILE_NAMES = ['=HYPERLINK("x")', '+7 Строй', '@x', '-5', '=1+1', '0042'];

export const STATUS_COLOURS = { active: '#C6EFCE', lost: '#FFC7CE' };

/** Clients table: text, money, percent, decimal, integer and date columns. */
export function clientsTable(lang: 'en' | 'ru', clients: readonly string[] = ['ООО Ромашка', 'Acme Ltd', ...HOSTILE_NAMES]): TableSpec {
  const header = lang === 'en' ? ['Client', 'Value', 'Share', 'cv', 'Orders', 'Last purchase', 'Status'] : ['Клиент', 'Объём', 'Доля', 'cv', 'Заказы', 'Последняя покупка', 'Статус'];
  return {
    id: 'clients',
    columns: [
      { key: 'client', header: header[0], format: 'text', width: 30 },
      { key: 'value', header: header[1], format: 'money', width: 14 },
      { key: 'share', header: header[2], format: 'percent', width: 8 },
      { key: 'cv', header: header[3], format: 'decimal', width: 6 },
      { key: 'orders', header: header[4], format: 'integer', width: 8 },
      { key: 'lastPurchase', header: header[5], format: 'date', width: 12 },
      { key: 'status', header: header[6], format: 'text', width: 10 },
    ],
    rows: clients.map((client, i) => [
      client,
      1000 - i * 10.25,
      (clients.length - i) / 100,
      i % 3 === 0 ? null : 0.25 * i,
      i + 1,
      dayFromYmd(2026, 3, 1 + (i % 28)),
      i % 2 === 0 ? 'active' : 'lost',
    ]),
    valueColours: [{ column: 'status', colours: STATUS_COLOURS }],
    asTable: true,
  };
}

const matrixTable: TableSpec = {
  id: 'matrix',
  title: 'Clients per cell',
  columns: [
    { key: 'abc', header: 'ABC', format: 'text', width: 6 },
    { key: 'X', header: 'X', format: 'integer', width: 6 },
    { key: 'Y', header: 'Y', format: 'integer', width: 6 },
    { key: 'Z', header: 'Z', format: 'integer', width: 6 },
  ],
  rows: [
    ['A', 12, 3, 1],
    ['B', 5, 8, 2],
    ['C', 1, 4, 30],
  ],
  heatMap: { columns: ['X', 'Y', 'Z'], low: '#F8696B', mid: '#FFEB84', high: '#63BE7B' },
  asTable: false,
};

const paretoTable: TableSpec = {
  id: 'pareto',
  title: 'ABC curve',
  columns: [
    { key: 'client', header: 'Client', format: 'text', width: 20 },
    { key: 'value', header: 'Value', format: 'money', width: 12 },
    { key: 'cumShare', header: 'Cumulative share', format: 'percent', width: 10 },
  ],
  rows: [
    ['Acme Ltd', 700, 0.7],
    ['ООО Ромашка', 200, 0.9],
    ['Globex', 100, 1],
  ],
  asTable: true,
};

const emptyTable: TableSpec = {
  id: 'none',
  title: 'No rows yet',
  columns: [{ key: 'client', header: 'Client', format: 'text', width: 20 }],
  rows: [],
  asTable: true,
};

const quartersTable: TableSpec = {
  id: 'quarters',
  columns: [
    { key: 'quarter', header: 'Quarter', format: 'text', width: 8 },
    { key: 'lost', header: 'Lost', format: 'integer', width: 6 },
    { key: 'returned', header: 'Returned', format: 'integer', width: 8 },
  ],
  rows: [
    ['2025Q4', 4, 1],
    ['2026Q1', 6, 2],
  ],
  asTable: true,
};

/** Three tabs in `lang` (the names change with the language, as buildReport's do). */
export function sampleReport(lang: 'en' | 'ru' = 'en', clients?: readonly string[]): SheetSpec[] {
  return [
    {
      key: 'clients',
      name: lang === 'en' ? 'Clients' : 'Клиенты',
      notes: [lang === 'en' ? 'As of 2026-03-31; window 2025-03-01 – 2026-02-28.' : 'На 2026-03-31; окно 2025-03-01 – 2026-02-28.'],
      tables: [clientsTable(lang, clients)],
      charts: [],
      freezeHeader: true,
    },
    {
      key: 'matrix',
      name: lang === 'en' ? 'ABC-XYZ' : 'ABC-XYZ матрица',
      notes: [],
      tables: [matrixTable, paretoTable, emptyTable],
      charts: [{ kind: 'pareto', title: 'ABC curve', table: 'pareto', categories: 'client', series: ['value', 'cumShare'] }],
      freezeHeader: false,
    },
    {
      key: 'kpi',
      name: 'KPI',
      notes: ['Lost and returned clients per quarter.'],
      tables: [quartersTable],
      charts: [{ kind: 'stacked-column', title: 'Lost vs returned', table: 'quarters', categories: 'quarter', series: ['lost', 'returned'] }],
      freezeHeader: true,
    },
  ];
}
