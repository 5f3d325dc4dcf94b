/**
 * The playground in headless Chromium: the panel, the local bridge, the in-memory workbook and
 * the core together, as a user drives them. Numbers shown in the page are checked against the
 * core run in Node on the same data (read by the command line's own reader).
 */
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileGrid } from '../helpers/read-file.js';
import { words } from '../../core/i18n/index.js';
import { segmentGrids } from '../helpers/pipeline.js';
import type { Grid } from '../../core/read/types.js';
import { generatedWorkbook } from '../../playground/generate.js';
import type { RunSummary } from '../../core/panel/bridge.js';
import {
  copyScreenshotsToDocs,
  launchChromium,
  openPage,
  openSheets,
  panelReady,
  ROOT,
  screenshot,
  segment,
  sheetTabs,
  startPlayground,
  type Playground,
  type TestPage,
} from './harness.js';

const EN_TABS = ['Summary', 'Clients', 'ABC-XYZ', 'Win-back', 'Movement', 'Conversion', 'KPI', 'Model check', 'Data issues'];
const RU_TABS = ['Сводка', 'Клиенты', 'ABC-XYZ', 'Возврат клиентов', 'Динамика', 'Конверсия', 'KPI', 'Проверка модели', 'Ошибки данных'];
const SAMPLE = `${ROOT}examples/sample-sales.xlsx`;

let playground: Playground;
let browser: Browser;
const pages: TestPage[] = [];

beforeAll(async () => {
  [playground, browser] = await Promise.all([startPlayground(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  playground?.stop();
  await copyScreenshotsToDocs();
});

async function open(width: number, query: string): Promise<Page> {
  const opened = await openPage(browser, playground.url, width, query);
  pages.push(opened);
  return opened.page;
}

/** No page error, console error or dialog happened on any page of the test. */
function expectNoProblems(): void {
  expect(pages.flatMap((p) => p.problems)).toEqual([]);
  pages.length = 0;
}

/** The core's summary of grids, computed in Node. */
function expectedSummary(sheets: { sales: Grid } & Partial<Record<'requests' | 'contacts' | 'complaints', Grid>>, lang: 'en' | 'ru'): RunSummary {
  const outcome = segmentGrids(sheets, lang);
  if (!outcome.ok) throw new Error('the core refused the data');
  return outcome.summary;
}

async function sampleSummary(lang: 'en' | 'ru'): Promise<RunSummary> {
  const read = async (sheet: string) => (await readFileGrid(SAMPLE, sheet)).grid;
  const [sales, requests, contacts, complaints] = await Promise.all(['Sales', 'Requests', 'Contacts', 'Complaints'].map(read));
  return expectedSummary({ sales: sales!, requests: requests!, contacts: contacts!, complaints: complaints! }, lang);
}

/** What the result view shows, read from the page. */
async function shownSummary(page: Page) {
  return page.evaluate(() => ({
    line: document.querySelector('#wb-result-line')?.textContent ?? '',
    statuses: Array.from(document.querySelectorAll('#wb-status-counts li'), (li) => [li.querySelector('span')!.textContent, li.querySelector('strong')!.textContent]),
    matrix: Object.fromEntries(Array.from(document.querySelectorAll('#wb-matrix td[data-cell]'), (td) => [(td as HTMLElement).dataset.cell, td.textContent])),
    winBack: Array.from(document.querySelectorAll('#wb-winback > li .wb-client'), (el) => el.textContent),
    tabs: Array.from(document.querySelectorAll('#wb-tabs button'), (b) => b.textContent),
    rejected: document.querySelector('#wb-rejected')?.textContent ?? '',
  }));
}

/** Scroll the page so the result is at the top (the workbook view stays in place beside it). */
async function showResult(page: Page): Promise<void> {
  await page.evaluate(() => document.getElementById('wb-result')!.scrollIntoView({ block: 'start' }));
}

function statusRows(summary: RunSummary, lang: 'en' | 'ru'): string[][] {
  const labels = words(lang).report.status;
  const count = words(lang).format.count;
  return (['new', 'active', 'at-risk', 'lost'] as const).map((s) => [labels[s], count(summary.statusCounts[s])]);
}

// Whole runs of the example in a browser on a shared machine: minutes, not the default minute.
describe('the playground in Chromium', { timeout: 240_000 }, () => {
  it('segments the example workbook: the summary matches the core, the tabs are written and open from the panel', async () => {
    const page = await open(800, '?lang=en');
    await panelReady(page);
    expect(await page.inputValue('#wb-sheet')).toBe('Sales');
    expect(await page.inputValue('#wb-source-requests')).toBe('Requests');
    await segment(page);
    const expected = await sampleSummary('en');
    const shown = await shownSummary(page);
    expect(shown.line).toBe(`${words('en').format.count(expected.clients)} clients as of ${expected.asOf}; period of analysis ${expected.windowFrom} – ${expected.windowTo} (12 months).`);
    expect(shown.statuses).toEqual(statusRows(expected, 'en'));
    expect(shown.matrix).toEqual(Object.fromEntries(['A', 'B', 'C'].flatMap((a) => ['X', 'Y', 'Z', 'N'].map((x) => [a + x, String(expected.matrix[a + x] ?? 0)]))));
    expect(shown.winBack).toEqual(expected.topWinBack.map((c) => c.client));
    expect(shown.tabs).toEqual(EN_TABS);
    expect(await sheetTabs(page)).toEqual(['Sales', 'Requests', 'Contacts', 'Complaints', ...EN_TABS]);
    expect(await page.locator('#wb-result-heading').evaluate((el) => el === document.activeElement)).toBe(true);
    await showResult(page);
    await screenshot(page, 'playground-en-800', true);

    await page.click('#wb-tabs button:text-is("Win-back")');
    await expect.poll(() => page.getAttribute('#pg-tabs [aria-selected="true"]', 'data-sheet')).toBe('Win-back');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-sheet'))).toBe('Win-back');
    const clientColumn = await page.$$eval('#pg-grid tbody tr.pg-row-header td', (cells) => cells.findIndex((td) => td.textContent === 'Client'));
    expect(clientColumn).toBeGreaterThan(0);
    const firstClient = await page.textContent(`#pg-grid tbody tr.pg-row-data td:nth-of-type(${clientColumn + 1})`);
    expect(firstClient).toBe(expected.topWinBack[0]!.client);
    expectNoProblems();
  });

  it('switches to Russian: the panel, the page and the next run speak Russian and replace the English tabs', async () => {
    const page = await open(800, '?lang=en');
    await panelReady(page);
    await segment(page);
    await page.click('#wb-lang-ru');
    expect(await page.getAttribute('#pg-panel .wb-panel', 'lang')).toBe('ru');
    expect(await page.textContent('#wb-result-heading')).toBe('Готово');
    expect(await page.textContent('#wb-segment')).toBe('Сегментировать');
    expect(await page.textContent('#pg-title')).toBe('Песочница Winback');
    expect(await page.textContent('.wb-result .wb-note')).toBe(words('ru').panel.result.otherLanguage);
    await segment(page);
    const expected = await sampleSummary('ru');
    const shown = await shownSummary(page);
    expect(shown.statuses).toEqual(statusRows(expected, 'ru'));
    expect(shown.winBack).toEqual(expected.topWinBack.map((c) => c.client));
    expect(shown.tabs).toEqual(RU_TABS);
    expect(await sheetTabs(page)).toEqual(['Sales', 'Requests', 'Contacts', 'Complaints', ...RU_TABS]);
    const ru = words('ru').report;
    expect(await page.$$eval('#wb-winback .wb-meta', (els) => els.map((e) => e.textContent))).toEqual(expected.topWinBack.map((c) => `${ru.list[c.list!]} · ${ru.tier[c.tier!]} · ${ru.status[c.status!]}`));
    await showResult(page);
    await screenshot(page, 'playground-ru-800', true);
    expectNoProblems();
  });

  for (const lang of ['en', 'ru'] as const) {
    it(`fits 320 px in ${lang === 'en' ? 'English' : 'Russian'}: nothing wider than the screen`, async () => {
      const page = await open(320, `?lang=${lang}`);
      await panelReady(page);
      await screenshot(page.locator('#pg-panel'), `panel-start-${lang}-320`, true);
      await segment(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await screenshot(page, `playground-${lang}-320`);
      await screenshot(page.locator('#wb-result'), `panel-result-${lang}-320`, true);
      expectNoProblems();
    });
  }

  it('shows every written tab in the workbook view, formatted', async () => {
    const page = await open(1280, '?lang=en');
    await panelReady(page);
    await segment(page);
    const keys = ['summary', 'clients', 'matrix', 'winback', 'movement', 'conversion', 'kpi', 'check', 'issues'];
    for (const [i, tab] of EN_TABS.entries()) {
      await page.click(`#pg-tabs [data-sheet="${tab}"]`);
      await expect.poll(() => page.getAttribute('#pg-tabs [aria-selected="true"]', 'data-sheet')).toBe(tab);
      const tables = await page.evaluate(
        (name) => (window as never as { winbackPlayground: { workbook(): { sheet(n: string): { report: { spec: { tables: unknown[] } } } } } }).winbackPlayground.workbook().sheet(name).report.spec.tables.length,
        tab,
      );
      expect(await page.locator('#pg-grid tr.pg-row-header').count(), tab).toBe(tables);
      await screenshot(page.locator('#pg-workbook'), `tab-${keys[i]}-en`, keys[i] !== 'issues');
    }
    const statusFill = await page.evaluate(() => {
      const book = (window as never as { winbackPlayground: { workbook(): { sheet(n: string): { report: { rendered: { rows: { kind: string; cells: unknown[]; fills?: (string | undefined)[] }[] } } } } } }).winbackPlayground.workbook();
      const rows = book.sheet('Clients').report.rendered.rows;
      const header = rows.find((r) => r.kind === 'header')!.cells;
      const status = header.indexOf('Status');
      const lost = rows.find((r) => r.kind === 'data' && r.cells[status] === 'Lost')!;
      return lost.fills![status];
    });
    expect(statusFill).toBe('#FFC7CE');
    // The Clients list under its lead line, its header on row 2 (frozen there in the hosts), and its
    // notes under it shown at their own row numbers past the 200 rows the view shows.
    await page.click('#pg-tabs [data-sheet="Clients"]');
    await expect.poll(() => page.getAttribute('#pg-tabs [aria-selected="true"]', 'data-sheet')).toBe('Clients');
    const rows = await page.$$eval('#pg-grid tbody tr', (trs) => trs.map((tr) => [tr.querySelector('th')!.textContent, tr.className, tr.querySelector('td')!.textContent]));
    expect(rows[0]).toEqual(['1', 'pg-row-note', expect.stringMatching(/^As of \d{4}-\d\d-\d\d · notes under the list ↓$/)]);
    expect(rows[1].slice(0, 2)).toEqual(['2', 'pg-row-header']);
    const notes = rows.slice(200);
    expect(notes.length).toBeGreaterThanOrEqual(4);
    expect(notes.every(([, kind]) => kind === 'pg-row-note')).toBe(true);
    expect(Number(notes[0]![0])).toBeGreaterThan(600);
    expect(notes[0]![2]).toMatch(/^As of \d{4}-\d\d-\d\d\. Period of analysis: /);
    expect(await page.textContent('#pg-grid-note')).toMatch(/^Showing the first 200 of [\d,]+ rows, and the notes under the list\.$/);
    expectNoProblems();
  });

  it('opens a 1C export (Windows-1251 CSV with title and subtotal rows) and links the rejected rows to Data issues', async () => {
    const file = `${ROOT}examples/sample-1c.csv`;
    const expected = expectedSummary({ sales: (await readFileGrid(file)).grid }, 'en');
    const page = await open(1280, '?sample=0&lang=en');
    await page.setInputFiles('#pg-file', file);
    await panelReady(page);
    expect(await page.textContent('#wb-inspect-status')).toMatch(/headers in row 4\.$/);
    expect(await page.textContent('#wb-col-client option:checked')).toBe('A: Контрагент');
    await segment(page);
    expect(expected.rejectedRows).toBeGreaterThan(0);
    const count = words('en').format.count(expected.rejectedRows);
    expect(await page.textContent('#wb-rejected')).toBe(`${count} rows could not be used. See Data issues`);
    await screenshot(page.locator('#wb-rejected'), 'panel-rejected-en', true);
    await page.click('#wb-open-issues');
    await expect.poll(() => page.getAttribute('#pg-tabs [aria-selected="true"]', 'data-sheet')).toBe('Data issues');
    await screenshot(page.locator('#pg-workbook'), 'tab-issues-1c-en', true);
    expectNoProblems();
  });

  it('opens a large file by its first 200 rows, and gives its row count once the panel has read it whole', async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `Client ${i % 40},2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')},${10 + i}`);
    const page = await open(1280, '?sample=0&lang=en');
    await page.evaluate(() => {
      const notes: string[] = [];
      (window as never as { notesSeen: string[] }).notesSeen = notes;
      new MutationObserver((changes) => {
        for (const change of changes) for (const node of change.addedNodes) notes.push(node.textContent ?? '');
      }).observe(document.getElementById('pg-grid-note')!, { childList: true });
    });
    await page.setInputFiles('#pg-file', { name: 'thousand.csv', mimeType: 'text/csv', buffer: Buffer.from(['Client,Date,Amount', ...lines].join('\n')) });
    await panelReady(page);
    await expect.poll(() => page.textContent('#pg-grid-note')).toBe('Showing the first 200 of 1,001 rows.');
    const seen = await page.evaluate(() => (window as never as { notesSeen: string[] }).notesSeen);
    expect(seen.slice(-2)).toEqual(['Showing the first 200 rows.', 'Showing the first 200 of 1,001 rows.']);
    expect(await page.locator('#pg-grid tbody tr').count()).toBe(200);
    expect(await page.textContent('#wb-inspect-status')).toBe('Found a sales table: 1,000 rows, headers in row 1.');
    await page.click('#wb-lang-ru');
    const ru = words('ru');
    expect(await page.textContent('#pg-grid-note')).toBe(ru.panel.playground.shownRows(ru.format.count(200), ru.format.count(1001)));
    expectNoProblems();
  });

  it('takes the correction of a wrongly guessed column: preview and results follow the picked column', async () => {
    const page = await open(800, '?sample=0&lang=en');
    const csv = ['Client,Date,Total,Net sales', 'Acme,2026-01-10,120,100', 'Acme,2026-02-10,240,200', 'Bolt,2026-02-12,60,50', ''].join('\n');
    await page.setInputFiles('#pg-file', { name: 'gross-and-net.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await panelReady(page);
    await page.click('#wb-columns-summary');
    expect(await page.inputValue('#wb-col-amount')).toBe('2');
    expect(await page.textContent('#wb-col-amount option:checked')).toBe('C: Total');
    expect(await page.$$eval('.wb-preview tbody tr td:nth-of-type(3)', (tds) => tds.map((td) => td.textContent))).toEqual(['120.00', '240.00', '60.00']);

    await page.selectOption('#wb-col-amount', '3');
    await expect.poll(() => page.$$eval('.wb-preview tbody tr td:nth-of-type(3)', (tds) => tds.map((td) => td.textContent))).toEqual(['100.00', '200.00', '50.00']);
    await screenshot(page.locator('#wb-columns'), 'panel-columns-en', true);
    await page.fill('#wb-set-asOf', '2026-02-28');
    await segment(page);
    const values = await page.evaluate(() => {
      const book = (window as never as { winbackPlayground: { workbook(): { sheet(n: string): { report: { spec: { tables: { columns: { key: string }[]; rows: unknown[][] }[] } } } } } }).winbackPlayground.workbook();
      const table = book.sheet('Clients').report.spec.tables[0]!;
      const at = (key: string) => table.columns.findIndex((c) => c.key === key);
      return table.rows.map((row) => [row[at('client')], row[at('value')]]);
    });
    expect(values).toEqual([
      ['Acme', 300],
      ['Bolt', 50],
    ]);
    const saved = await page.evaluate(() =>
      (window as never as { winbackPlayground: { workbook(): { settingsStore(): { load(): Promise<unknown> } } } }).winbackPlayground.workbook().settingsStore().load(),
    );
    expect(saved).toMatchObject({ salesSheet: 'gross-and-net', mapping: { client: 0, date: 1, amount: 3 }, lang: 'en' });
    expectNoProblems();
  });

  it('explains a sheet with no date column, and runs once the user picks it', async () => {
    const page = await open(320, '?sample=0&lang=en');
    const csv = ['Client;When;Amount', 'Acme;05.01.2026;100', 'Acme;05.02.2026;120', ''].join('\r\n');
    await page.setInputFiles('#pg-file', { name: 'no-date.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await panelReady(page);
    expect(await page.textContent('#wb-columns-error')).toBe('This sheet has no date column. Pick the column that holds the sale date.');
    expect(await page.getAttribute('#wb-col-date', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#wb-col-date', 'aria-describedby')).toBe('wb-columns-error');
    await screenshot(page.locator('#pg-panel'), 'panel-no-date-en-320', true);
    await page.click('#wb-segment');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('wb-col-date');

    await page.click('#wb-lang-ru');
    expect(await page.textContent('#wb-columns-error')).toBe('На этом листе нет столбца с датой. Выберите столбец, в котором дата продажи.');
    await page.click('#wb-lang-en');

    await page.selectOption('#wb-col-date', '1');
    await page.waitForSelector('#wb-inspect-status:has-text("Found a sales table")');
    expect(await page.$('#wb-columns-error')).toBeNull();
    await segment(page);
    expect(await page.textContent('#wb-result-line')).toMatch(/^1 client as of 2026-02-05;/);
    expectNoProblems();
  });

  it('segments 200,000 lines with the progress bar advancing, and can cancel a run', async () => {
    const page = await open(800, '?sample=0&lang=en');
    await page.evaluate(() => (window as never as { winbackPlayground: { generate(n: number): void } }).winbackPlayground.generate(200_000));
    await panelReady(page);
    const rows = Number(/([\d,]+) rows/.exec((await page.textContent('#wb-inspect-status'))!)![1]!.replace(/,/g, ''));
    expect(rows).toBeGreaterThan(190_000);
    await page.evaluate(() => {
      const seen: { value: number; text: string }[] = [];
      (window as never as { progressSeen: typeof seen }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.getElementById('wb-progressbar');
        if (bar) seen.push({ value: Number(bar.getAttribute('aria-valuenow')), text: bar.getAttribute('aria-valuetext') ?? '' });
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    });
    await segment(page);
    const seen = await page.evaluate(() => (window as never as { progressSeen: { value: number; text: string }[] }).progressSeen);
    const values = seen.map((s) => s.value);
    expect(values.every((v, i) => i === 0 || v >= values[i - 1]!)).toBe(true);
    expect(new Set(values).size).toBeGreaterThanOrEqual(15);
    expect(values.at(-1)).toBe(100);
    expect(seen.some((s) => /^Reading the sheet: 100,000 of [\d,]+ rows$/.test(s.text))).toBe(true);
    expect(seen.some((s) => s.text === 'Analysing')).toBe(true);
    expect(seen.some((s) => s.text.startsWith('Writing the tabs'))).toBe(true);

    const sheets = generatedWorkbook(200_000);
    const grid = (name: string) => sheets.find((s) => s.name === name)!.grid;
    const expected = expectedSummary({ sales: grid('Sales'), requests: grid('Requests'), contacts: grid('Contacts'), complaints: grid('Complaints') }, 'en');
    const shown = await shownSummary(page);
    expect(shown.line.startsWith(`${words('en').format.count(expected.clients)} clients`)).toBe(true);
    expect(shown.statuses).toEqual(statusRows(expected, 'en'));

    // Cancel from inside the page the moment the bar first moves: a run of 200,000 lines can end
    // before a click sent from the test arrives, and then there is nothing left to cancel.
    await page.evaluate(() => {
      new MutationObserver((_, observer) => {
        if (Number(document.getElementById('wb-progressbar')?.getAttribute('aria-valuenow')) <= 0) return;
        observer.disconnect();
        (document.getElementById('wb-cancel') as HTMLButtonElement).click();
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    });
    await page.click('#wb-segment');
    await page.waitForSelector('#wb-run-message');
    expect(await page.textContent('#wb-run-message')).toBe('Cancelled. Nothing was written.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('wb-segment');
    expectNoProblems();
  });

  it('shows a client named like HTML as text, and keeps formula-like names as text in the download', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const formula = '=HYPERLINK("http://example.com","x")';
    const grid: (string | number)[][] = [['Client', 'Date', 'Amount']];
    for (let m = 1; m <= 6; m++) grid.push([hostile, `2025-0${m}-10`, 5000]);
    for (let m = 1; m <= 9; m++) grid.push([formula, `2025-0${m}-12`, 100], ['Plain', `2025-0${m}-15`, 100]);
    grid.push(['Plain', '2025-10-15', 100], ['Plain', '2025-11-15', 100], ['Plain', '2025-12-15', 100]);
    const page = await open(800, '?sample=0&lang=en');
    await openSheets(page, [{ name: 'Sales', grid }], 'hostile.xlsx');
    await segment(page);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.textContent('#wb-winback .wb-client')).toBe(hostile);
    expect(await page.textContent('.wb-preview tbody tr td')).toBe(hostile);
    expect(await page.textContent('#pg-grid tbody tr:nth-of-type(2) td')).toBe(hostile);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#pg-download')]);
    expect(download.suggestedFilename()).toBe('hostile-winback.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await download.path())!)).buffer as ArrayBuffer);
    expect(book.worksheets.map((ws) => ws.name)).toEqual(['Sales', ...EN_TABS]);
    const sales = book.getWorksheet('Sales')!;
    expect([sales.getCell('A2').value, sales.getCell('A2').type]).toEqual([hostile, ExcelJS.ValueType.String]);
    const formulaCell = sales.getCell('A8');
    expect([formulaCell.value, formulaCell.type]).toEqual([formula, ExcelJS.ValueType.String]);
    const winBackTexts: unknown[] = [];
    book.getWorksheet('Win-back')!.eachRow((row) => row.eachCell((cell) => winBackTexts.push(cell.value)));
    expect(winBackTexts).toContain(hostile);
    expectNoProblems();
  });

  it('is usable with the keyboard alone, every control labelled', async () => {
    const page = await open(800, '?sample=0&lang=en');
    await openSheets(page, [{ name: 'Sales', grid: [['Client', 'Date', 'Amount'], ['Acme', '2026-01-10', 100], ['Acme', '2026-02-10', 100]] }]);
    const unlabelled = await page.$$eval('#pg-panel select, #pg-panel input', (controls) =>
      controls.filter((c) => (c as HTMLInputElement).labels?.length === 0 && !c.getAttribute('aria-label')).map((c) => c.id),
    );
    expect(unlabelled).toEqual([]);
    await page.focus('#wb-lang-en');
    const order: string[] = [];
    for (let i = 0; i < 40 && order.at(-1) !== 'wb-segment'; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || ''));
    }
    // Every required column was found, so the mapping is folded to its summary line; the read profile follows, folded too.
    expect(order.slice(0, 5)).toEqual(['wb-lang-ru', 'wb-sheet', 'wb-columns-summary', 'wb-profile-summary', 'wb-source-requests']);
    expect(order.indexOf('wb-set-asOf')).toBeGreaterThan(order.indexOf('wb-source-complaints'));
    expect(order.at(-1)).toBe('wb-segment');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#wb-result');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('wb-result-heading');
    expect(await page.getAttribute('#wb-announcer', 'aria-live')).toBe('polite');
    expect(await page.textContent('#wb-announcer')).toMatch(/^Done\. 1 client as of .* \(12 months\)\.$/);
    expectNoProblems();
  });

  it('makes the workbook a template: instructions and empty input sheets, and the panel pointed at them', async () => {
    const page = await open(800, '?sample=0&lang=en');
    await openSheets(page, [{ name: 'Notes', grid: [['just notes']] }]);
    await page.click('#wb-template');
    await page.waitForSelector('.wb-footer .wb-note');
    expect(await page.textContent('.wb-footer .wb-note')).toBe('The template is ready: instructions and empty tables were added.');
    expect(await sheetTabs(page)).toEqual(['Notes', 'Instructions', 'Sales', 'Requests', 'Contacts', 'Complaints']);
    await expect.poll(() => page.inputValue('#wb-sheet')).toBe('Sales');
    expect(await page.inputValue('#wb-source-complaints')).toBe('Complaints');
    expect(await page.textContent('#wb-inspect-status')).toBe('Found a sales table: 0 rows, headers in row 1.');
    expectNoProblems();
  });

  it('looks like Google Sheets in the Sheets host', async () => {
    const page = await open(320, '?lang=en&look=sheets');
    await panelReady(page);
    expect(await page.getAttribute('#pg-panel .wb-panel', 'class')).toContain('wb-look-google');
    expect(await page.$eval('#wb-segment', (b) => getComputedStyle(b).borderTopLeftRadius)).toBe('20px');
    await screenshot(page.locator('#pg-panel'), 'panel-sheets-en-320', true);
    expectNoProblems();
  });
});
