/**
 * The built add-on (dist/apps-script as `npm run build:sheets` makes it), loaded in a Node vm with
 * the typed fakes as its globals: the globals Apps Script needs exist, custom functions carry their
 * JSDoc and give the core's answers with dates read in the spreadsheet's time zone, and the menu,
 * sidebar, settings, inspection and template calls work against the fake spreadsheet.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dayFromYmd, serialFromDay } from '../../core/basics/calendar.js';
import { catalog, runFunction } from '../../core/functions/index.js';
import { words } from '../../core/i18n/index.js';
import { assertPlainJson, buildAddOn, loadServer, type Built, type ServerGlobals } from './bundle.js';
import { fakeHost, midnightIn, type FakeHost } from './fakes.js';

const ZONE = 'Europe/Moscow';
const SERVER_CALLS = [
  'onOpen',
  'onInstall',
  'showSidebar',
  'makeTemplateFromMenu',
  'showHelp',
  'listSheets',
  'inspect',
  'startSegment',
  'continueSegment',
  'cancelSegment',
  'loadSettings',
  'saveSettings',
  'openSheet',
  'makeTemplate',
];

let built: Built;

beforeAll(async () => {
  built = await buildAddOn();
});

function load(options: Parameters<typeof fakeHost>[0] = {}): { host: FakeHost; server: ServerGlobals } {
  const host = fakeHost({ timeZone: ZONE, files: { Sidebar: built.sidebar }, ...options });
  return { host, server: loadServer(built.code, host) };
}

const serial = (year: number, month: number, day: number) => serialFromDay(dayFromYmd(year, month, day));
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The JSDoc comment right above a top-level function declaration in the bundle text. */
function jsDocOf(code: string, name: string): { doc: string; params: string[] } | null {
  const match = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction ${name}\\(([^)]*)\\)`).exec(code);
  if (!match) return null;
  return { doc: match[1], params: match[2].split(',').map((p) => p.trim()).filter(Boolean) };
}

describe('the built files', () => {
  it('has the manifest with V8 and exactly the two scopes', () => {
    const manifest = JSON.parse(built.manifest);
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
  });

  it('exposes every trigger, menu item, server call and custom function as a top-level function', () => {
    const { server } = load();
    for (const name of [...SERVER_CALLS, ...catalog.map((f) => f.name)]) {
      expect(typeof server[name], name).toBe('function');
      expect(built.code, name).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
  });

  it('gives each catalog function its JSDoc with @customfunction, its description and its arguments in order', () => {
    for (const definition of catalog) {
      const found = jsDocOf(built.code, definition.name);
      expect(found, definition.name).not.toBeNull();
      const { doc, params } = found!;
      expect(doc).toContain('@customfunction');
      expect(doc.split('\n')[1].replace(/^\s*\*\s*/, '')).toBe(words('en').functions.description[definition.name]);
      const documented = [...doc.matchAll(/@param \{[^}]*\} (\w+)/g)].map((m) => m[1]);
      const names = definition.arguments.map((a) => a.name);
      expect(documented, definition.name).toEqual(names);
      expect(params, definition.name).toEqual(names);
    }
  });

  it('inlines the panel into one self-contained sidebar page with a locale slot', () => {
    expect(built.sidebar).toContain('<div id="app" data-locale=""></div>');
    expect(built.sidebar).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import|https?:\/\/fonts/);
    const scripts = built.sidebar.match(/<script>/g) ?? [];
    expect(scripts).toHaveLength(1);
  });
});

describe('custom functions', () => {
  const lines = (dates: [number, number, number][]) => dates.map(([y, m, d]) => [midnightIn(ZONE, y, m, d)]);
  const purchases: [number, number, number][] = [
    [2026, 1, 1],
    [2026, 1, 31],
    [2026, 3, 2],
    [2026, 4, 1],
  ];
  const amounts = [[100], [120], [90], [110]];

  it('CHURNSIGNAL reads date cells in the spreadsheet zone: 45 days after a 30-day cadence is still active', () => {
    const { server } = load();
    expect(server.CHURNSIGNAL(lines(purchases), amounts, serial(2026, 5, 16))).toBe('active');
    expect(server.CHURNSIGNAL(lines(purchases), amounts, serial(2026, 5, 17))).toBe('at-risk');
    expect(server.CHURNSIGNAL(lines(purchases), amounts, midnightIn(ZONE, 2026, 7, 1))).toBe('lost');
  });

  it('CHURNSIGNAL, ABCXYZ and PALIVE give what the core gives for the same dates as serials', () => {
    const { server } = load();
    const clients: string[][] = [];
    const dates: Date[][] = [];
    const serials: number[][] = [];
    const money: number[][] = [];
    for (let c = 0; c < 40; c++) {
      for (let k = 0; k < 6 + (c % 9); k++) {
        const [y, m, d] = [2024, 1 + ((c * 7 + k * 3) % 24), 1 + ((c * 11 + k * 5) % 28)];
        clients.push([`Client ${c}`]);
        dates.push([midnightIn(ZONE, y, m, d)]);
        serials.push([serial(y, m, d)]);
        money.push([100 + ((c * 37 + k * 13) % 900)]);
      }
    }
    const asOf = serial(2026, 1, 15);
    expect(server.CHURNSIGNAL(dates.slice(0, 10), money.slice(0, 10), midnightIn(ZONE, 2026, 1, 15))).toBe(
      (runFunction('CHURNSIGNAL', [serials.slice(0, 10), money.slice(0, 10), asOf]) as { value: unknown }).value,
    );
    for (const name of ['ABCXYZ', 'PALIVE']) {
      const core = runFunction(name, [clients, serials, money]);
      if (!core.ok) {
        // PALIVE on 40 irregular clients: the model finds no dropout, and both hosts say so alike.
        expect(() => server[name](clients, dates, money), name).toThrow(core.message);
        continue;
      }
      const sheets = plain(server[name](clients, dates, money));
      expect(sheets, name).toEqual((core as { value: unknown[][] }).value.map((row) => row.map((v) => v ?? '')));
      expect((sheets as unknown[][]).length, name).toBeGreaterThan(10);
    }
  });

  it('throws an Error with the catalog message on a bad argument', () => {
    const { server } = load();
    expect(() => server.CHURNSIGNAL(lines(purchases), amounts, '')).toThrow(/asOf is required/);
    expect(() => server.CADENCE([['not a date']])).toThrow(/not a date/);
  });

  it('asks the spreadsheet for its time zone only when an argument holds a date', () => {
    const { host, server } = load();
    server.ABCCLASS(5, [[1], [5], [10]]);
    expect(host.log.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(0);
    server.CADENCE(lines(purchases));
    expect(host.log.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(1);
  });

  it('answers ABCXYZ on a 200,000-line range (time printed, not asserted)', () => {
    const { host, server } = load();
    const clients: string[][] = [];
    const dates: Date[][] = [];
    const money: number[][] = [];
    const days = Array.from({ length: 1100 }, (_, d) => midnightIn(ZONE, 2023, 1, 1 + d));
    for (let i = 0; i < 200_000; i++) {
      clients.push([`Client ${(i * 7919) % 3000}`]);
      dates.push([new Date(days[(i * 104_729) % days.length].getTime())]);
      money.push([10 + ((i * 31) % 5000) / 7]);
    }
    const started = performance.now();
    const result = server.ABCXYZ(clients, dates, money) as unknown[][];
    const ms = performance.now() - started;
    console.log(`ABCXYZ over 200,000 lines: ${ms.toFixed(0)} ms in Node (Apps Script allows 30 s); ${host.log.count('Utilities.formatDate')} formatDate calls`);
    expect(result.length).toBe(3000);
    expect(host.log.count('Utilities.formatDate')).toBe(days.length);
  });
});

describe('menu, sidebar and server calls', () => {
  it('adds Extensions → Winback in the user language, each item naming a global', () => {
    for (const [locale, open] of [
      ['ru_RU', 'Открыть'],
      ['en', 'Open'],
    ]) {
      const { host, server } = load({ locale });
      server.onOpen({ authMode: 'NONE' });
      const [menu] = host.app.ui.menus;
      expect(menu.items[0].caption).toBe(open);
      expect(menu.items.map((i) => i.functionName)).toEqual(['showSidebar', 'makeTemplateFromMenu', 'showHelp']);
      for (const item of menu.items) expect(typeof server[item.functionName]).toBe('function');
    }
  });

  it('serves the sidebar with the user locale written in, and help as escaped text', () => {
    const { host, server } = load({ locale: 'ru_RU' });
    server.showSidebar();
    const [page] = host.app.ui.sidebars;
    expect(page.getContent()).toContain('<div id="app" data-locale="ru_RU"></div>');
    expect(page.title).toBe('Winback');
    server.showHelp();
    const help = host.app.ui.dialogs[0].page.getContent();
    expect(help).toContain('<p>Winback находит клиентов');
    expect(help.match(/<p>/g)).toHaveLength(6);
  });

  it('lists sheets, inspects the top of a sheet with one getValues, and opens a sheet', () => {
    const { host, server } = load();
    const grid = [
      ['Клиент', 'Дата', 'Сумма'],
      ...Array.from({ length: 5000 }, (_, i) => [`ООО ${i % 50}`, midnightIn(ZONE, 2026, 1, 1 + (i % 90)), 1234.5]),
    ];
    host.book.addSheet('Продажи', grid);
    host.book.addSheet('Notes');
    expect(plain(server.listSheets())).toEqual({ names: ['Продажи', 'Notes'], active: 'Продажи' });
    host.log.reset();
    const inspection = server.inspect('Продажи', null) as Record<string, unknown>;
    assertPlainJson(inspection);
    expect(host.log.count('Range.getValues')).toBe(1);
    expect(inspection).toMatchObject({ sheet: 'Продажи', rows: 5001, ok: true, headerRow: 0, mapping: { client: 0, date: 1, amount: 2 } });
    expect((inspection.preview as unknown[])[0]).toEqual({ row: 2, values: { client: 'ООО 0', date: '2026-01-01', amount: '1234.50' } });
    server.openSheet('Notes');
    expect(host.book.active?.name).toBe('Notes');
  });

  it('remembers settings in the document properties', () => {
    const { host, server } = load();
    expect(server.loadSettings()).toBeNull();
    server.saveSettings({ salesSheet: 'Sales', lang: 'ru', options: { periods: 6 } });
    expect(plain(server.loadSettings())).toEqual({ salesSheet: 'Sales', lang: 'ru', options: { periods: 6 } });
    expect([...host.properties.values.keys()]).toEqual(['winback.settings']);
  });

  it('makes a template once: instructions, input sheets the core recognises, and settings mapping them', () => {
    const { host, server } = load();
    host.book.addSheet('Sales', [['my own data']]);
    server.makeTemplate('en');
    expect(host.book.sheets.map((s) => s.name)).toEqual(['Sales', 'Instructions', 'Sales (2)', 'Requests', 'Contacts', 'Complaints']);
    expect(host.book.sheet('Sales').rows(1, 1, 1)).toEqual([['my own data']]);
    expect(host.book.sheet('Sales (2)').rows(1, 1, 9)).toEqual([['Client', 'Date', 'Document', 'Product', 'Quantity', 'Amount', 'Profit', 'Manager', 'Region']]);
    expect(host.book.sheet('Sales (2)').frozenRows).toBe(1);
    const settings = plain(server.loadSettings()) as Record<string, unknown>;
    expect(settings).toMatchObject({ salesSheet: 'Sales (2)', requestsSheet: 'Requests', contactsSheet: 'Contacts', complaintsSheet: 'Complaints', lang: 'en' });
    expect(settings.mapping).toEqual({ client: 0, date: 1, document: 2, product: 3, quantity: 4, amount: 5, profit: 6, manager: 7, region: 8 });
    host.book.sheet('Sales (2)').fill([['Client', 'Date', 'Document', 'Product', 'Quantity', 'Amount'], ['Acme', midnightIn(ZONE, 2026, 3, 5), 'D1', 'P', 1, 10]]);
    server.makeTemplate('en');
    expect(host.book.sheets).toHaveLength(6);
    expect(host.book.sheet('Sales (2)').cell(2, 1)).toBe('Acme');
    const inspection = server.inspect('Sales (2)', null) as { ok: boolean; mapping: Record<string, number> };
    expect(inspection.ok).toBe(true);
    expect(inspection.mapping).toMatchObject({ client: 0, date: 1, amount: 5, quantity: 4 });
  });
});
