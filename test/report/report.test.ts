import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../core/analyze/analysis.js';
import { dayFromYmd } from '../../core/basics/calendar.js';
import { LANGS, words, type Lang } from '../../core/i18n/index.js';
import type { SheetSpec, SpecValue, TableSpec } from '../../core/report/spec.js';
import { buildReport } from '../../core/report/index.js';
import { rejectedRows } from '../../core/report/context.js';
import { layoutTab } from '../../core/layout/tab-layout.js';
import { HOSTILE, fullAnalysis, sparseAnalysis } from './fixture.js';
import { expectGolden } from './golden.js';

const sheetOf = (sheets: SheetSpec[], key: SheetSpec['key']) => sheets.find((s) => s.key === key)!;
const tableOf = (sheet: SheetSpec, id: string) => sheet.tables.find((table) => table.id === id)!;
/** The cells of one column, by key. */
const columnOf = (table: TableSpec, key: string): SpecValue[] => {
  const index = table.columns.findIndex((c) => c.key === key);
  expect(index, `column ${key}`).toBeGreaterThanOrEqual(0);
  return table.rows.map((row) => row[index]);
};
/** One row as a key → cell object, found by its first cell. */
const rowOf = (table: TableSpec, first: SpecValue) => {
  const row = table.rows.find((r) => r[0] === first);
  expect(row, `row ${String(first)}`).toBeDefined();
  return Object.fromEntries(table.columns.map((c, i) => [c.key, row![i]]));
};

const variants: [string, () => Analysis][] = [
  ['', fullAnalysis],
  ['sparse-', sparseAnalysis],
];
/** The tabs the sparse analysis changes (the others are the same as for the full one). */
const SPARSE_TABS = new Set(['summary', 'clients', 'winback', 'conversion', 'kpi', 'issues']);

describe('buildReport layouts (golden files)', () => {
  for (const lang of LANGS) {
    for (const sheet of buildReport(fullAnalysis(), lang)) {
      it(`${sheet.key} in ${lang}`, () => expectGolden(`${sheet.key}.${lang}`, sheet));
    }
    for (const sheet of buildReport(sparseAnalysis(), lang).filter((s) => SPARSE_TABS.has(s.key))) {
      it(`sparse ${sheet.key} in ${lang}`, () => expectGolden(`sparse-${sheet.key}.${lang}`, sheet));
    }
  }
});

describe('buildReport structure', () => {
  const all = LANGS.flatMap((lang) => variants.map(([name, analysis]) => ({ lang, name, sheets: buildReport(analysis(), lang) })));

  it('returns the nine tabs in order, the Summary first, named in the language', () => {
    expect(buildReport(fullAnalysis(), 'en').map((s) => s.name)).toEqual([
      'Summary',
      'Clients',
      'ABC-XYZ',
      'Win-back',
      'Movement',
      'Conversion',
      'KPI',
      'Model check',
      'Data issues',
    ]);
    expect(buildReport(fullAnalysis(), 'ru').map((s) => s.name)).toEqual([
      'Сводка',
      'Клиенты',
      'ABC-XYZ',
      'Возврат клиентов',
      'Динамика',
      'Конверсия',
      'KPI',
      'Проверка модели',
      'Ошибки данных',
    ]);
  });

  it('keeps tab names valid for Excel: at most 31 characters, none of []:*?/\\', () => {
    for (const { sheets } of all) {
      for (const s of sheets) {
        expect(s.name.length).toBeLessThanOrEqual(31);
        expect(s.name).not.toMatch(/[[\]:*?/\\]/);
      }
    }
  });

  it('gives every row one cell per column, finite numbers only, and unique keys and ids', () => {
    for (const { sheets } of all) {
      for (const s of sheets) {
        expect(new Set(s.tables.map((table) => table.id)).size).toBe(s.tables.length);
        for (const table of s.tables) {
          expect(new Set(table.columns.map((c) => c.key)).size).toBe(table.columns.length);
          expect(table.rows.length).toBeGreaterThan(0);
          for (const row of table.rows) {
            expect(row).toHaveLength(table.columns.length);
            for (const cell of row) if (typeof cell === 'number') expect(Number.isFinite(cell)).toBe(true);
          }
        }
      }
    }
  });

  it('holds whole day numbers in date columns and whole numbers in integer columns', () => {
    for (const { sheets } of all) {
      for (const table of sheets.flatMap((s) => s.tables)) {
        for (const c of table.columns.filter((col) => col.format === 'date' || col.format === 'integer')) {
          for (const cell of columnOf(table, c.key)) if (cell !== null) expect(Number.isInteger(cell)).toBe(true);
        }
      }
    }
  });

  it('points charts, colours and heat maps only at tables and columns that exist', () => {
    for (const { sheets } of all) {
      for (const s of sheets) {
        for (const chart of s.charts) {
          const table = tableOf(s, chart.table);
          expect(table, `${s.key} chart table ${chart.table}`).toBeDefined();
          const keys = table.columns.map((c) => c.key);
          expect(keys).toContain(chart.categories);
          for (const series of chart.series) expect(keys).toContain(series);
        }
        for (const table of s.tables) {
          const keys = table.columns.map((c) => c.key);
          for (const colours of table.valueColours ?? []) expect(keys).toContain(colours.column);
          for (const key of table.heatMap?.columns ?? []) expect(keys).toContain(key);
        }
      }
    }
  });
});

describe('the long lists (Clients, Win-back) on screen', () => {
  const all = LANGS.flatMap((lang) => variants.map(([name, analysis]) => ({ lang, name, sheets: buildReport(analysis(), lang) })));

  it('freeze through their header row, with only the lead line above it and every note under the list', () => {
    for (const { lang, name, sheets } of all) {
      for (const key of ['clients', 'winback'] as const) {
        const spec = sheetOf(sheets, key);
        const layout = layoutTab(spec);
        const header = layout.tables[0].headerRow;
        expect([header, layout.frozenRows], `${name}${key} ${lang}`).toEqual([1, 2]);
        const [lead, notes] = layout.notes;
        expect(lead).toEqual({ row: 0, texts: [words(lang).report.notes.lead(words(lang).format.date(dayFromYmd(2026, 3, 15)))], place: 'above' });
        expect(notes.texts).toEqual(spec.notes);
        expect(notes.row).toBe(layout.tables[0].firstDataRow + layout.tables[0].rowCount + 1);
        expect(spec.notes.length, `${name}${key} ${lang}`).toBeGreaterThanOrEqual(4);
      }
    }
    expect(words('en').report.notes.lead('2026-03-15')).toBe('As of 2026-03-15 · notes under the list ↓');
    expect(words('ru').report.notes.lead('15.03.2026')).toBe('Дата анализа: 15.03.2026 · пояснения под списком ↓');
  });

  it('keep every other tab as it was: notes on top, a blank row, then the tables', () => {
    for (const spec of buildReport(fullAnalysis(), 'en').filter((s) => s.key !== 'clients' && s.key !== 'winback')) {
      const layout = layoutTab(spec);
      expect(layout.notes, spec.key).toEqual([{ row: 0, texts: spec.notes, place: 'above' }]);
      expect(layout.tables[0]?.titleRow ?? layout.tables[0]?.headerRow, spec.key).toBe(spec.notes.length + 1);
    }
  });
});

describe('Clients tab', () => {
  const clients = tableOf(sheetOf(buildReport(fullAnalysis(), 'en'), 'clients'), 'clients');

  it('lists every client, ranked ones by value, then the unranked by name', () => {
    expect(columnOf(clients, 'client')).toEqual([
      'Acme Ltd',
      'ООО Ромашка',
      HOSTILE.plus,
      HOSTILE.hyperlink,
      HOSTILE.at,
      HOSTILE.minus,
      HOSTILE.html,
      'Петров ИП',
    ]);
  });

  it('writes shares as fractions, dates as day numbers and labels in the language', () => {
    const acme = rowOf(clients, 'Acme Ltd');
    expect(acme.share).toBeCloseTo(118 / 185, 12);
    expect(acme.cumShare).toBeCloseTo(118 / 185, 12);
    expect(acme.lastPurchase).toBe(dayFromYmd(2026, 3, 12));
    expect(acme.status).toBe('Active');
    expect(acme.tier).toBe('Gold');
    const romashka = rowOf(tableOf(sheetOf(buildReport(fullAnalysis(), 'ru'), 'clients'), 'clients'), 'ООО Ромашка');
    expect(romashka.status).toBe('Под угрозой');
    expect(romashka.tier).toBe('Золото');
    expect(romashka.signals).toBe('Давно не покупает, Запросы без заказов');
  });

  it('colours the status and tier cells by their translated labels', () => {
    for (const lang of LANGS) {
      const table = tableOf(sheetOf(buildReport(fullAnalysis(), lang), 'clients'), 'clients');
      const [status, tier] = table.valueColours!;
      expect(status.column).toBe('status');
      expect(Object.keys(status.colours).sort()).toEqual(Object.values(words(lang).report.status).sort());
      expect(tier.column).toBe('tier');
      expect(Object.keys(tier.colours).sort()).toEqual(Object.values(words(lang).report.tier).sort());
    }
  });

  it('leaves P(alive) empty and says why when the model was skipped', () => {
    const sheet = sheetOf(buildReport(sparseAnalysis(), 'en'), 'clients');
    expect(columnOf(sheet.tables[0], 'pAlive').every((cell) => cell === null)).toBe(true);
    expect(sheet.notes).toContain(
      'P(alive) and the expected purchases and values are empty: too few clients bought more than once to fit the purchase model.',
    );
    expect(sheet.notes.join(' ')).toContain('Signs not checked, because their data was not provided: Requests without orders, Does not answer.');
  });
});

describe('ABC-XYZ tab', () => {
  const sheet = sheetOf(buildReport(fullAnalysis(), 'en'), 'matrix');

  it('counts, sums and shares clients per cell in A-B-C rows and X-Y-Z-N columns', () => {
    expect(tableOf(sheet, 'counts').rows).toEqual([
      ['A', 1, 1, 0, 0],
      ['B', 0, 0, 1, 1],
      ['C', 1, 0, 1, 0],
    ]);
    expect(tableOf(sheet, 'values').rows).toEqual([
      ['A', 118_000, 36_000, 0, 0],
      ['B', 0, 0, 15_000, 8_000],
      ['C', 5_000, 0, 3_000, 0],
    ]);
    expect(rowOf(tableOf(sheet, 'shares'), 'C').Z).toBeCloseTo(3 / 185, 12);
  });

  it('feeds the Pareto chart with the ranked clients and their cumulative share', () => {
    const pareto = tableOf(sheet, 'pareto');
    expect(columnOf(pareto, 'client')).toHaveLength(6);
    expect(columnOf(pareto, 'cumShare').at(-1)).toBeCloseTo(1, 12);
    expect(sheet.charts).toEqual([
      { kind: 'pareto', title: 'Pareto: value and cumulative share', table: 'pareto', categories: 'client', series: ['value', 'cumShare'] },
    ]);
  });

  it('lays out the transition matrix with the cells that occur and "no class" last', () => {
    const transitions = tableOf(sheet, 'transitions');
    expect(transitions.columns.map((c) => c.key)).toEqual(['from', 'AX', 'AY', 'BZ', 'BN', 'CX', 'CZ', 'none']);
    expect(transitions.rows).toEqual([
      ['AX', 1, 1, 0, 0, 0, 0, 0],
      ['AY', 0, 0, 1, 0, 0, 0, 0],
      ['BY', 0, 0, 0, 0, 0, 0, 1],
      ['CX', 0, 0, 0, 0, 1, 0, 0],
      ['CN', 0, 0, 0, 0, 0, 0, 1],
      ['no class', 0, 0, 0, 1, 0, 1, 0],
    ]);
  });
});

describe('Win-back tab', () => {
  it('numbers the clients list by list, value at stake first, with why and one action about the client per line', () => {
    const table = sheetOf(buildReport(fullAnalysis(), 'en'), 'winback').tables[0];
    expect(columnOf(table, 'client')).toEqual(['ООО Ромашка', HOSTILE.hyperlink, HOSTILE.minus, 'Петров ИП', HOSTILE.plus, HOSTILE.html]);
    expect(columnOf(table, 'list')).toEqual(['Keep', 'Keep', 'Keep', 'Win back', 'Grow', 'Mailing only']);
    expect(columnOf(table, 'priority')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(columnOf(table, 'valueAtStake')).toEqual([40_000, 8_000, 3_000, 12_000, 15_000, 1_500]);
    const romashka = rowOf(table, 1);
    expect(romashka.why).toBe('No purchase for 40 days; usually every 21.');
    expect(romashka.actions).toBe(
      'No purchase for 40 days: arrange a meeting with a senior manager and assign a new account manager instead of Smith; invite the client to company events and make a personal offer.\n' +
        '4 requests since the last purchase, the latest on 2026-03-10: prepare an individual commercial offer on the assortment, made for this client.\n' +
        'Stopped buying “Цемент М500”, “Труба 20 мм, оцинкованная”: find out why, and make an offer on these products.',
    );
    expect(rowOf(table, 2).why).toBe('Complaint of 2026-03-02, no purchase since.');
    expect(rowOf(table, 4).why).toBe('Lost silver client: no purchase for 400 days.');
    expect(rowOf(table, 5).why).toBe('Still buying, but: does not answer, much smaller orders, buys less, buys less often.');
    expect(rowOf(table, 6).actions).toBe('Low-cost channel only (mailing); spend on gold and silver clients first.');
  });

  it('words the reasons and actions in Russian with the client\'s own facts', () => {
    const table = sheetOf(buildReport(fullAnalysis(), 'ru'), 'winback').tables[0];
    expect(rowOf(table, 2).actions).toMatch(/^Жалоба от 02\.03\.2026 \(«=1\+1 wrong grade delivered»\): /);
    expect(rowOf(table, 5).actions).toContain('3 попытки связаться без ответа после последней покупки (последний ответ — 01.12.2025)');
    expect(rowOf(table, 5).actions).toContain('День с покупкой теперь приносит в среднем 300,00 против 700,00 раньше');
    expect(rowOf(table, 1).actions).toContain('Перестал брать: «Цемент М500», «Труба 20 мм, оцинкованная».');
  });

  it('holds only a note when no client is in any list', () => {
    const sheet = sheetOf(buildReport({ ...fullAnalysis(), winBack: [] }, 'ru'), 'winback');
    expect(sheet.tables).toEqual([]);
    expect(sheet.notes.at(-1)).toBe('Ни с одним клиентом работать не нужно.');
  });
});

describe('Summary tab', () => {
  const sheet = sheetOf(buildReport(fullAnalysis(), 'en'), 'summary');

  it('counts clients per status and charts them, linking to the Clients tab', () => {
    const statuses = tableOf(sheet, 'statuses');
    expect(statuses.rows).toEqual([
      ['Active', 3],
      ['New', 1],
      ['At risk', 2],
      ['Lost', 2],
    ]);
    expect(statuses.link).toEqual({ sheet: 'clients', text: 'Every client, with all its figures, is on the Clients tab →' });
    expect(sheet.charts.map((c) => [c.kind, c.table, c.series])).toEqual([
      ['column', 'statuses', ['clients']],
      ['bar', 'at-stake', ['valueAtStake']],
    ]);
  });

  it('sums the value at stake per list and per manager', () => {
    expect(tableOf(sheet, 'at-stake').rows).toEqual([
      ['Keep', 3, 51_000],
      ['Win back', 1, 12_000],
      ['Grow', 1, 15_000],
      ['Mailing only', 1, 1_500],
    ]);
    expect(tableOf(sheet, 'at-stake-by-manager').rows).toEqual([
      ['Smith', 2, 43_000],
      ['Иванова', 2, 27_000],
      ['(not set)', 2, 9_500],
    ]);
  });

  it('shows the top of each list with the signs in words, the actions and a link to the whole list', () => {
    expect(sheet.tables.map((t) => t.id)).toEqual(['statuses', 'at-stake', 'top-keep', 'top-win-back', 'top-grow', 'top-mailing', 'at-stake-by-manager', 'counts', 'input']);
    const keep = tableOf(sheet, 'top-keep');
    expect(keep.title).toBe('Keep: 3 clients, 51,000.00 at stake');
    expect(keep.columns.map((c) => c.key)).toEqual(['client', 'manager', 'signs', 'actions', 'valueAtStake']);
    expect(columnOf(keep, 'client')).toEqual(['ООО Ромашка', HOSTILE.hyperlink, HOSTILE.minus]);
    expect(rowOf(keep, 'ООО Ромашка').signs).toBe('No purchase for too long, Requests without orders, Buys cheaper, Dropped products');
    expect(keep.link).toEqual({ sheet: 'winback', text: 'Open the whole list on the Win-back tab (3 clients) →' });
    expect(tableOf(sheet, 'top-win-back').title).toBe('Win back: 1 client, 12,000.00 at stake');
  });

  it('keeps to the top 10 of a long list, while the title counts them all', () => {
    const full = fullAnalysis();
    const many = Array.from({ length: 12 }, (_, i) => ({ ...full.winBack[0], client: `Client ${String(i).padStart(2, '0')}`, valueAtStake: 1000 - i }));
    const keep = tableOf(sheetOf(buildReport({ ...full, clients: many, winBack: many }, 'ru'), 'summary'), 'top-keep');
    expect(keep.rows).toHaveLength(10);
    expect(keep.title).toBe('Удержать: 12 клиентов, под угрозой 11\u00a0934,00');
    expect(keep.link!.text).toBe('Открыть весь список на листе «Возврат клиентов» (12 клиентов) →');
  });

  it('ends with the matrix counts and the input rows, each linking to its tab', () => {
    expect(tableOf(sheet, 'counts').link!.sheet).toBe('matrix');
    const input = tableOf(sheet, 'input');
    // Every row of the sales sheet is used, a request, or rejected: 52 + 1 + 8 = 61 (a run of blank rows counts each row).
    expect(input.rows).toEqual([
      ['Sales rows read', 61],
      ['Used in the analysis', 52],
      ['Requests in the sales sheet (counted as requests)', 1],
      ['Rejected (see Data issues)', 8],
      ['Rejected in requests, contacts and complaints', 1],
    ]);
    expect(input.link!.sheet).toBe('issues');
  });

  it('says so when no client is in any list, and still shows the statuses, matrix and input', () => {
    const empty = sheetOf(buildReport({ ...fullAnalysis(), winBack: [] }, 'en'), 'summary');
    expect(empty.tables.map((t) => t.id)).toEqual(['statuses', 'counts', 'input']);
    expect(empty.notes).toContain('No client needs action this week.');
    expect(empty.charts.map((c) => c.table)).toEqual(['statuses']);
  });
});

describe('Movement tab', () => {
  const sheet = sheetOf(buildReport(fullAnalysis(), 'en'), 'movement');

  it('summarises every kind of change, counting a client once per kind', () => {
    expect(tableOf(sheet, 'summary').rows).toEqual([
      ['Stopped buying', 2],
      ['New client', 1],
      ['Came back', 1],
      ['Buys less', 1],
      ['Buys more', 1],
      ['Buys less often', 1],
      ['Buys cheaper', 1],
      ['Dropped products', 1],
    ]);
  });

  it('lists the largest drops in value first with the change as a fraction', () => {
    const list = tableOf(sheet, 'movement');
    expect(columnOf(list, 'client')).toEqual([
      'Петров ИП',
      HOSTILE.plus,
      'ООО Ромашка',
      HOSTILE.html,
      HOSTILE.minus,
      HOSTILE.hyperlink,
      'Acme Ltd',
    ]);
    expect(rowOf(list, HOSTILE.plus).change).toBeCloseTo(-0.4, 12);
    expect(rowOf(list, HOSTILE.minus).change).toBeNull();
    expect(rowOf(list, 'ООО Ромашка').droppedProducts).toBe('Цемент М500\nАрматура 12 мм');
    expect(rowOf(list, 'Петров ИП').cell).toBe('no class');
  });
});

describe('Conversion tab', () => {
  it('shows by manager with the overall figures last, and by client, naming an empty manager', () => {
    const sheet = sheetOf(buildReport(fullAnalysis(), 'ru'), 'conversion');
    const byManager = tableOf(sheet, 'byManager');
    expect(columnOf(byManager, 'name')).toEqual(['Иванова', 'Smith', '(не указан)', 'Все запросы']);
    expect(byManager.rows.at(-1)).toEqual(['Все запросы', 12, 7, 7 / 12]);
    expect(tableOf(sheet, 'byClient').asTable).toBe(true);
  });

  it('says requests were not provided and shows no empty tables', () => {
    const sheet = sheetOf(buildReport(sparseAnalysis(), 'en'), 'conversion');
    expect(sheet.tables).toEqual([]);
    expect(sheet.notes.at(-1)).toMatch(/^Requests were not provided/);
  });
});

describe('KPI tab', () => {
  it('charts lost against returned and the active clients per quarter', () => {
    const sheet = sheetOf(buildReport(fullAnalysis(), 'en'), 'kpi');
    expect(columnOf(tableOf(sheet, 'quarters'), 'quarter')).toHaveLength(8);
    expect(sheet.charts.map((c) => [c.kind, c.series])).toEqual([
      ['column', ['lost', 'returned']],
      ['line', ['active']],
    ]);
    expect(columnOf(tableOf(sheet, 'quarters'), 'quarter').slice(0, 2)).toEqual(['Q1 2024', 'Q2 2024']);
    expect(tableOf(sheet, 'models').rows).toEqual([
      ['BG/NBD', 'no', 0.843, 27.41, 0.312, 2.87, null, null, -512.37, 'yes', null],
      ['MBG/NBD', 'yes', 0.861, 27.9, 0.355, 3.12, null, null, -515.02, 'yes', null],
      ['Pareto/NBD', 'no', 0.912, 29.6, null, null, 0.604, 81.7, -513.88, 'yes', null],
    ]);
    expect(tableOf(sheet, 'spend').rows).toEqual([[6.25, 3.74, 15.44, -1204.6, 6]]);
    expect(sheet.notes).toContain(
      'P(alive): the chance that the client still buys from us (MBG/NBD model, chosen automatically: it predicted the hidden last weeks best, and better than each client’s own past rate (see the Model check tab)). Purchases expected in 90 days: purchase days expected in the next 90 days. Value expected in 12 months: the model\'s purchase days in the next 12 months × the value of a purchase day (Gamma-Gamma).',
    );
  });

  it('names quarters in Russian, and says "no data" for quarters before the data start and when the previous period is not covered', () => {
    const full = fullAnalysis();
    const analysis = {
      ...full,
      dataFrom: dayFromYmd(2025, 5, 20),
      kpis: { ...full.kpis, quarters: full.kpis.quarters.map((q) => ({ ...q, hasData: q.to >= dayFromYmd(2025, 5, 20) })) },
    };
    const sheet = sheetOf(buildReport(analysis, 'ru'), 'kpi');
    const quarters = tableOf(sheet, 'quarters');
    expect(columnOf(quarters, 'quarter')).toEqual(['1 кв. 2024', '2 кв. 2024', '3 кв. 2024', '4 кв. 2024', '1 кв. 2025', '2 кв. 2025', '3 кв. 2025', '4 кв. 2025']);
    expect(columnOf(quarters, 'active').slice(0, 6)).toEqual(['нет данных', 'нет данных', 'нет данных', 'нет данных', 'нет данных', 5]);
    expect(sheet.notes).toContain('Данные начинаются 20.05.2025: в кварталах до этой даты — «нет данных».');
    expect(sheet.notes.join(' ')).toContain('Данные начинаются 20.05.2025, внутри прошлого периода');
    expect(sheetOf(buildReport(analysis, 'ru'), 'movement').notes.join(' ')).toContain('Данные начинаются 20.05.2025, внутри прошлого периода');
    const empty = { ...analysis, kpis: { ...analysis.kpis, development: { ...analysis.kpis.development, grewShare: null } } };
    expect(rowOf(tableOf(sheetOf(buildReport(empty, 'en'), 'kpi'), 'development'), 63 / 6).grewShare).toBe('no data');
  });

  it('gives the reason instead of the model block when the model was skipped', () => {
    const sheet = sheetOf(buildReport(sparseAnalysis(), 'ru'), 'kpi');
    expect(sheet.tables.map((table) => table.id)).toEqual(['quarters', 'development']);
    expect(sheet.notes).toContain(
      'Вероятность активности, ожидаемые покупки и суммы не рассчитаны: слишком мало клиентов покупали больше одного раза, чтобы построить модель покупок.',
    );
  });
});

describe('Data issues tab', () => {
  it('counts rejected rows per reason and lists each with the user\'s sheet name, its row and cell', () => {
    const sheet = sheetOf(buildReport(fullAnalysis(), 'en'), 'issues');
    expect(sheet.notes.slice(0, 2)).toEqual([
      'Sales rows read: 61; used: 52; requests: 1; rejected: 8. Rejected rows are not in the analysis: correct them in the source and run again.',
      'Rows rejected in the requests, contacts and complaints: 1.',
    ]);
    // The tab opens with the summary by reason, then how the file was read, look-alikes, the rows.
    expect(sheet.tables.map((t) => t.id)).toEqual(['summary', 'profile', 'lookAlikes', 'rejected']);
    expect(tableOf(sheet, 'summary').rows).toEqual([
      ['Empty row', 3],
      ['Subtotal or total row', 1],
      ['Client is empty', 1],
      ['Date cannot be read', 1],
      ['Amount cannot be read', 1],
      ['"Answered" is not yes or no', 1],
      ['Dated after the analysis date', 1],
    ]);
    expect(tableOf(sheet, 'rejected').rows.map((r) => r.slice(0, 3))).toEqual([
      ['Продажи 2026', 5, 7],
      ['Продажи 2026', 12, null],
      ['Продажи 2026', 17, null],
      ['Продажи 2026', 23, null],
      ['Продажи 2026', 40, null],
      ['Продажи 2026', 51, null],
      ['Звонки', 8, null],
    ]);
    expect(rowOf(tableOf(sheet, 'rejected'), 'Звонки').value).toBe('maybe');
  });

  it('says how the sales file was read: encoding, delimiter, header, columns and their candidates, decimals, currency, dates', () => {
    const rows = (lang: Lang) => tableOf(sheetOf(buildReport(fullAnalysis(), lang), 'issues'), 'profile').rows;
    expect(rows('en')).toEqual([
      ['Encoding', 'Windows-1251 (Cyrillic)'],
      ['Columns separated by', 'semicolon'],
      ['Header row', '4'],
      ['Column for client', '"Контрагент" (column A)'],
      ['Column for date', '"Дата" (column B)'],
      ['Column for amount', '"Сумма" (column C); also possible: "Сумма, руб." (column F)'],
      ['Decimal separator of amount', "comma (1 234,50); 2 cells such as 1,234 read by the column's separator"],
      ['Currency of the amounts', '₽ RUB; the report shows money in RUB'],
      ['Dates of the accepted rows', '2024-01-09 – 2026-03-31'],
      ['Two-digit years', '3 dates: 00–29 read as 2000–2029, 30–99 as 1930–1999'],
      ['Invisible characters', 'removed from 1 client name'],
    ]);
    expect(rows('ru')[0]).toEqual(['Кодировка', 'Windows-1251 (кириллица)']);
    expect(rows('ru')[8]).toEqual(['Даты принятых строк', '09.01.2024 – 31.03.2026']);
  });

  it('lists look-alike client names with the letters that set them apart, never merged', () => {
    const sheet = sheetOf(buildReport(fullAnalysis(), 'en'), 'issues');
    expect(tableOf(sheet, 'lookAlikes').rows).toEqual([
      ['Сибирь', 12, null],
      ['Cибирь', 1, 'C U+0043'],
    ]);
  });

  it('counts the rejected rows by source once for the tabs, a run of blank rows as all its rows', () => {
    expect(rejectedRows([{ row: 5, reason: 'bad-date' }, { row: 3, toRow: 9, reason: 'blank', source: 'requests' }])).toEqual({ sales: 1, other: 7 });
    expect(rejectedRows([{ row: 3, toRow: 9, reason: 'blank', source: 'sales' }, { row: 2, reason: 'bad-date', source: 'contacts' }])).toEqual({ sales: 7, other: 1 });
    expect(rejectedRows(fullAnalysis().input.rejected)).toEqual({ sales: 8, other: 1 });
  });

  it('says no rows were rejected, in both languages', () => {
    const notes = (lang: Lang) => sheetOf(buildReport(sparseAnalysis(), lang), 'issues').notes;
    expect(notes('en')).toContain('No rows were rejected.');
    expect(notes('ru')).toContain('Отклонённых строк нет.');
  });
});
