/**
 * The built add-on (dist/apps-script as `npm run build:sheets` makes it), loaded in a Node vm with
 * the typed fakes as its globals: the globals Apps Script needs exist, custom functions carry their
 * JSDoc and give the core's answers with dates read in the spreadsheet's time zone, and the menu,
 * sidebar, settings, inspection and template calls work against the fake spreadsheet.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayFromYmd, serialFromDay } from '../../core/basics/calendar.js';
import { catalog, runFunction } from '../../core/functions/index.js';
import { LANGS, words } from '../../core/i18n/index.js';
import ts from 'typescript';
import { assertPlainJson, buildAddOn, loadScript, loadServer, topLevelFunctions, type Built, type ServerGlobals } from './bundle.js';
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

/** The JSDoc comment right above a top-level function declaration in the bundle text: its lines without the `*`. */
function jsDocOf(code: string, name: string): { lines: string[]; params: string[] } | null {
  const match = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction ${name}\\(([^)]*)\\)`).exec(code);
  if (!match) return null;
  const lines = match[1].split('\n').map((line) => line.replace(/^\s*\*\s?/, '').trimEnd()).filter(Boolean);
  return { lines, params: match[2].split(',').map((p) => p.trim()).filter(Boolean) };
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

  it("gives each catalog function its JSDoc in the form Sheets' formula help shows: description and example, {Range} or a value type, Optional marked", () => {
    const en = words('en').functions;
    for (const definition of catalog) {
      const found = jsDocOf(built.code, definition.name);
      expect(found, definition.name).not.toBeNull();
      const { lines, params } = found!;
      expect(lines.at(-1), definition.name).toBe('@customfunction');
      const [description, example] = lines[0].split('. Example: ');
      expect(description, definition.name).toBe(en.description[definition.name]);
      expect(example, definition.name).toMatch(new RegExp(`^=${definition.name}\\(.+\\)$`));
      const required = definition.arguments.filter((a) => !a.optional).length;
      expect(example.slice(definition.name.length + 2, -1).split(', ').length, definition.name).toBeGreaterThanOrEqual(required);
      const documented = lines.filter((line) => line.startsWith('@param'));
      expect(documented.map((line) => line.split(' ')[2]), definition.name).toEqual(definition.arguments.map((a) => a.name));
      definition.arguments.forEach((argument, i) => {
        const [, type, , text] = /^@param \{(\w+)\} (\w+) (.+)$/.exec(documented[i])!;
        expect(type, `${definition.name} ${argument.name}`).toBe(argument.kind === 'range' ? 'Range' : argument.name === 'asOf' ? 'Date' : 'number');
        const wanted = `${argument.optional ? 'Optional. ' : ''}${en.argument[argument.word]}`;
        expect(text.startsWith(wanted), `${definition.name} ${argument.name}: ${text}`).toBe(true);
        expect(text, `${definition.name} ${argument.name}`).toMatch(/, e\.g\. \S/);
      });
      expect(lines.some((line) => line.startsWith('@return '))).toBe(true);
      expect(params, definition.name).toEqual(definition.arguments.map((a) => a.name));
    }
  });

  it('is one script that is strict from its first statement, wrappers included, as Apps Script loads it', () => {
    const file = ts.createSourceFile('Code.js', built.code, ts.ScriptTarget.Latest, false);
    const first = file.statements[0];
    expect(ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === 'use strict').toBe(true);
    const host = fakeHost({ timeZone: ZONE });
    const context = loadScript(built.code, host);
    for (const name of topLevelFunctions(built.code)) {
      // A sloppy function has its own `caller` and `arguments`; a strict one does not.
      expect(Object.prototype.hasOwnProperty.call(context[name], 'caller'), name).toBe(false);
    }
  });

  it('hands a trigger its event: onOpen(e) and onInstall(e) take the event Apps Script passes', () => {
    for (const name of ['onOpen', 'onInstall']) expect(jsDocOf(built.code, name)?.params, name).toEqual(['e']);
  });

  it('inlines the panel into one self-contained sidebar page with a locale slot and a fallback in every language', () => {
    expect(built.sidebar).toContain('<div id="app" data-locale=""></div>');
    const fallback = /<div id="wb-fallback">(.*?)<\/div>/.exec(built.sidebar)?.[1] ?? '';
    for (const lang of LANGS) {
      const text = words(lang).panel.errors.hostUnavailable.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
      expect(fallback, lang).toContain(`<p lang="${lang}">${text}</p>`);
    }
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
  it('adds its menu in the user language in AuthMode.NONE, touching nothing that needs authorization', () => {
    for (const [locale, open] of [
      ['ru_RU', 'Открыть'],
      ['en', 'Open'],
    ]) {
      const { host, server } = load({ locale });
      host.properties.values.set('winback.settings', JSON.stringify({ lang: 'ru' }));
      server.onOpen({ authMode: host.scriptApp.AuthMode.NONE });
      expect(host.log.denied).toEqual([]);
      const [menu] = host.app.ui.menus;
      expect(menu.items[0].caption).toBe(open);
      expect(menu.items.map((i) => i.functionName)).toEqual(['showSidebar', 'makeTemplateFromMenu', 'showHelp']);
      for (const item of menu.items) expect(typeof server[item.functionName]).toBe('function');
    }
  });

  it('speaks the language the panel was set to in this spreadsheet once it may read it (LIMITED, FULL)', () => {
    const { host, server } = load({ locale: 'en' });
    host.properties.values.set('winback.settings', JSON.stringify({ lang: 'ru' }));
    server.onOpen({ authMode: host.scriptApp.AuthMode.LIMITED });
    server.onInstall({ authMode: host.scriptApp.AuthMode.FULL });
    expect(host.app.ui.menus.map((menu) => menu.items[0].caption)).toEqual(['Открыть', 'Открыть']);
    server.showHelp();
    expect(host.app.ui.dialogs[0].page.getContent()).toContain('<html lang="ru">');
  });

  it("names the menu where the user finds it: under the project's name, Winback when created as the docs say", async () => {
    const docs = await readFile('docs/google-sheets.md', 'utf8');
    const title = /clasp create-script --type sheets --title (\w+)/.exec(docs)?.[1];
    expect(title).toBe('Winback');
    const { host, server } = load({ projectTitle: title });
    server.onOpen({ authMode: host.scriptApp.AuthMode.LIMITED });
    const [menu] = host.app.ui.menus;
    const path = [...menu.path, menu.items[0].caption].join(' → ');
    for (const lang of LANGS) {
      const help = words(lang).sheets.help.join(' ');
      const shown = lang === 'en' ? path : path.replace('Extensions', 'Расширения').replace('Open', words(lang).sheets.menu.open);
      expect(help, lang).toContain(shown);
    }
    expect(words('en').sheets.help.join(' ')).toMatch(/project's name/);
    expect(words('ru').sheets.help.join(' ')).toMatch(/имя его проекта/);
  });

  it('serves the sidebar with the user locale written in, and help as escaped text', () => {
    const { host, server } = load({ locale: 'ru_RU' });
    server.showSidebar();
    const [page] = host.app.ui.sidebars;
    expect(page.getContent()).toContain('<div id="app" data-locale="ru_RU"></div>');
    expect(page.title).toBe('Winback');
    server.showHelp();
    const help = host.app.ui.dialogs[0].page.getContent();
    expect(help).toMatch(/^<!DOCTYPE html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">/);
    expect(help).toContain('<title>Winback</title>');
    expect(help).toMatch(/<body>[\s\S]*<\/body>\n<\/html>$/);
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
