/**
 * The built task pane (dist/excel/taskpane.html) in headless Chromium with a fake Office host in
 * place of Microsoft's office.js: the panel mounts over the Excel bridge, a click on Segment reads
 * the sales sheet, writes the report tabs into the (fake) workbook and shows the summary; the
 * source sheet is unchanged; the page asks nothing of the network beyond office.js; the shared
 * runtime registered the functions. "Make this workbook a template" adds the input sheets and
 * turns on the task pane's auto-open, which the panel's checkbox turns off again. Loaded for the functions with the pane hidden, the page reads
 * nothing until the pane is shown. When office.js cannot be loaded, the page says so in English and
 * Russian instead of staying blank. The pipeline runs in the page's Web Worker (pipeline-worker.js,
 * served and started); when that script does not load (a 404), the run falls back to the page,
 * says so under the progress bar, and still writes the report. Screenshot: test-output/excel-taskpane.png.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFromYmd, serialFromDay } from '../../core/basics/calendar.js';
import { generateDistributor } from '../../examples/distributor.js';
import { launchChromium } from '../e2e/browser.js';
import { expectAccessible } from '../e2e/harness.js';
import { LANGS, words } from '../../core/i18n/index.js';
import { ensureAddinBuilt, ROOT } from './build-addin.js';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'application/javascript', '.json': 'application/json', '.png': 'image/png', '.xml': 'application/xml' };

function salesGrid(): unknown[][] {
  const data = generateDistributor({ seed: 5, clients: 60, years: 3, endDay: dayFromYmd(2026, 10, 31), linesTarget: 4000 });
  return [
    ['Winback test export', '', '', ''],
    ['Клиент', 'Дата', 'Сумма', 'Номенклатура'],
    ...data.sales.map((s) => [s.client, serialFromDay(s.day), s.amount / 100, s.product]),
  ];
}

function serve(dir: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    try {
      if (!path.startsWith(dir)) throw new Error('outside');
      const body = readFileSync(path);
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let server: Server;
let browser: Browser;
let fakeOffice: string;
const grid = salesGrid();

beforeAll(async () => {
  const dist = await ensureAddinBuilt();
  const bundled = await build({ entryPoints: [join(ROOT, 'test/addin/fake-office-host.ts')], bundle: true, format: 'iife', platform: 'browser', write: false });
  fakeOffice = bundled.outputFiles[0].text;
  server = await serve(dist);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

interface Opening {
  /** Load the page as Excel does for a workbook with WINBACK formulas: the pane not shown. */
  hidden?: boolean;
  /** What happens to the request for office.js: the fake host, or blocked (a proxy). */
  office?: 'fake' | 'blocked';
  /** The pipeline worker's script: served, or missing from the host (404). */
  worker?: 'served' | 'missing';
}

async function loadTaskPane({ hidden = false, office = 'fake', worker = 'served' }: Opening = {}): Promise<{ page: Page; external: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 380, height: 900 } });
  const external: string[] = [];
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS && office === 'fake') return route.fulfill({ contentType: 'application/javascript', body: fakeOffice });
    if (url.endsWith('/pipeline-worker.js') && worker === 'missing') return route.fulfill({ status: 404, body: '' });
    if (url.startsWith(origin)) return route.continue();
    if (url !== OFFICE_JS) external.push(url);
    return route.abort();
  });
  await page.addInitScript(
    ({ sheets, hidden }) => {
      (window as unknown as { __winbackSheets: unknown }).__winbackSheets = sheets;
      if (hidden) {
        let visibility = 'hidden';
        Object.defineProperty(document, 'visibilityState', { get: () => visibility });
        (window as unknown as { __winbackReveal: () => void }).__winbackReveal = () => void (visibility = 'visible');
      }
    },
    { sheets: [{ name: 'Sales', grid }], hidden },
  );
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}/taskpane.html`);
  return { page, external, errors };
}

async function openTaskPane(opening: Opening = {}): Promise<{ page: Page; external: string[] }> {
  const { page, external, errors } = await loadTaskPane(opening);
  await page.waitForSelector('#wb-segment:not([disabled])', { timeout: 60_000 });
  expect(errors).toEqual([]);
  return { page, external };
}

/** Every text the progress bar's note showed during the run (the note goes with the bar when the run ends). */
async function watchProgressNote(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progressNotes: string[] }).__progressNotes = seen;
    new MutationObserver(() => {
      const note = document.getElementById('wb-progress-note');
      if (note && !note.hidden && note.textContent && !seen.includes(note.textContent)) seen.push(note.textContent);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __progressNotes: string[] }).__progressNotes);
}

const sheetNames = (page: Page) => page.evaluate(() => (window as any).__winbackBook.sheets.map((s: { name: string }) => s.name) as string[]);

describe('Excel task pane (built page, fake Office host, headless Chromium)', () => {
  it('segments the sales sheet end to end and shows the summary', async () => {
    const { page, external } = await openTaskPane();
    const functions = await page.evaluate(() => (window as any).__winbackFunctions as string[]);
    expect(functions.sort()).toEqual(['ABCCLASS', 'ABCXYZ', 'CADENCE', 'CHURNSIGNAL', 'CHURNSIGNALS', 'CONVERSION', 'PALIVE', 'VALUETIERS', 'XYZCLASS']);
    const sourceBefore = await page.evaluate(() => JSON.stringify([...(window as any).__winbackBook.sheet('Sales').cells]));
    await expectAccessible(page, 'the task pane when it opens');
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url().split('/').pop()!));
    const notes = await watchProgressNote(page);

    await page.click('#wb-segment');
    await page.waitForSelector('#wb-result', { timeout: 120_000 });
    expect(await notes()).toEqual([]);
    await expectAccessible(page, 'the task pane with the summary');

    const names = await sheetNames(page);
    expect(names[0]).toBe('Sales');
    expect(names).toEqual(expect.arrayContaining(['Clients', 'ABC-XYZ']));
    expect(names.length).toBeGreaterThanOrEqual(6);
    const clientsHeader = await page.evaluate(() => {
      const book = (window as any).__winbackBook;
      return book.tables.filter((t: { sheetId: string }) => t.sheetId === book.sheet('Clients').id).length;
    });
    expect(clientsHeader).toBeGreaterThan(0);
    expect(await page.evaluate(() => JSON.stringify([...(window as any).__winbackBook.sheet('Sales').cells]))).toBe(sourceBefore);
    expect(await page.textContent('#wb-result')).toMatch(/\d/);
    expect(external).toEqual([]);
    // The pipeline ran in a worker the page started from its own pipeline-worker.js.
    expect(workers).toEqual(['pipeline-worker.js']);
    const loaded = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => [entry.name.split('/').pop(), (entry as PerformanceResourceTiming & { responseStatus?: number }).responseStatus]),
    );
    expect(loaded).toContainEqual(['pipeline-worker.js', 200]);

    await mkdir(join(ROOT, 'test-output'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-output/excel-taskpane.png'), fullPage: true });
    await page.close();
  });

  it('segments in the page when the worker script does not load (404), saying so calmly under the progress bar, and says nothing went wrong', async () => {
    const { page } = await openTaskPane({ worker: 'missing' });
    const notes = await watchProgressNote(page);
    const lang = (await page.getAttribute('html', 'lang')) as (typeof LANGS)[number];
    await page.click('#wb-segment');
    await page.waitForSelector('#wb-result', { timeout: 120_000 });
    expect(await notes()).toEqual([words(lang).panel.run.inPage]);
    expect(await sheetNames(page)).toEqual(expect.arrayContaining(['Sales', 'Clients', 'ABC-XYZ']));
    expect(await page.textContent('#wb-result')).toMatch(/\d/);
    const body = await page.textContent('body');
    for (const lang of LANGS) expect(body).not.toContain(words(lang).panel.errors.unexpected);
    await page.close();
  });

  it('makes the workbook a template: input sheets, instructions, and the pane opens with the document until the panel turns that off', async () => {
    const { page } = await openTaskPane();
    await page.click('#wb-template');
    await page.waitForFunction(() => (window as any).__winbackBook.sheets.some((s: { name: string }) => s.name === 'Instructions'), null, { timeout: 30_000 });
    expect(await sheetNames(page)).toEqual(['Sales', 'Requests', 'Contacts', 'Complaints', 'Instructions']);
    const saved = await page.evaluate(() => Object.fromEntries((window as any).__winbackBook.settings.saved));
    expect(saved['Office.AutoShowTaskpaneWithDocument']).toBe(true);
    expect(saved['winback.panel']).toMatchObject({ salesSheet: 'Sales', requestsSheet: 'Requests', complaintsSheet: 'Complaints' });
    // The panel shows the pane's auto-open as on, and one click turns it off in the document.
    await page.waitForSelector('#wb-auto-open:checked', { timeout: 30_000 });
    await expectAccessible(page, 'the task pane with the auto-open checkbox');
    await page.uncheck('#wb-auto-open');
    await page.waitForFunction(() => (window as any).__winbackBook.settings.saved.get('Office.AutoShowTaskpaneWithDocument') === false, null, { timeout: 30_000 });
    expect(await page.evaluate(() => (window as any).__winbackBook.opensPaneWithDocument)).toBe(false);
    expect(await page.isChecked('#wb-auto-open')).toBe(false);
    await page.close();
  });

  it('reads nothing while it runs only for the functions, with the pane hidden, and starts when the pane is shown', async () => {
    const { page, errors } = await loadTaskPane({ hidden: true });
    await page.waitForFunction(() => (window as any).__winbackFunctions.length === 9, null, { timeout: 30_000 });
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(() => (window as any).__winbackBook.syncs.length)).toBe(0);
    expect(await page.$('#wb-segment')).toBeNull();
    await page.evaluate(() => {
      (window as any).__winbackReveal();
      (window as any).__winbackShowPane();
    });
    await page.waitForSelector('#wb-segment:not([disabled])', { timeout: 60_000 });
    expect(await page.evaluate(() => (window as any).__winbackBook.syncs.length)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says in English and Russian that it could not start when office.js cannot be loaded', async () => {
    const { page, external } = await loadTaskPane({ office: 'blocked' });
    await page.waitForLoadState('load');
    const shown = await page.locator('#app p').evaluateAll((ps) => ps.map((p) => [p.getAttribute('lang'), p.textContent]));
    expect(shown).toEqual(LANGS.map((lang) => [lang, words(lang).panel.errors.hostUnavailable]));
    expect(await page.isVisible('#app p[lang="ru"]')).toBe(true);
    expect(external).toEqual([]);
    await page.close();
  });
});
