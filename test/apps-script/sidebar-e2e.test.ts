/**
 * The built sidebar (dist Sidebar.html, the panel inlined into one page) in headless Chromium,
 * with a fake `google.script.run` that forwards every call — as JSON, the way Apps Script would —
 * to the built server bundle running in Node's vm over the fake spreadsheet. Segments a sales
 * sheet end to end: the tabs are written, the summary shows, the source is unchanged, and only
 * JSON crosses (a Date crossing would fail). Screenshot: test-output/sheets-sidebar.png.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, expectAccessible, launchChromium } from '../e2e/harness.js';
import { assertPlainJson, buildAddOn, loadServer, type ServerGlobals } from './bundle.js';
import { fakeHost, midnightIn, type FakeHost } from './fakes.js';

const ZONE = 'Europe/Moscow';
/** Where the page is served from inside the test (every other request is refused). */
const SIDEBAR_URL = 'http://sidebar.test/';

/** google.script.run in the page: each call goes to window.__gasCall and back as JSON. */
const FAKE_RUN = `
window.google = { script: { host: { close() {} }, run: runner({}) } };
function runner(handlers) {
  return new Proxy({}, {
    get(_, name) {
      if (name === 'withSuccessHandler') return (f) => runner({ ...handlers, ok: f });
      if (name === 'withFailureHandler') return (f) => runner({ ...handlers, fail: f });
      if (name === 'withUserObject') return () => runner(handlers);
      return (...args) => {
        window.__gasCall(String(name), JSON.stringify(args)).then((text) => {
          const answer = JSON.parse(text);
          if ('error' in answer) handlers.fail && handlers.fail(new Error(answer.error));
          else handlers.ok && handlers.ok(answer.value);
        });
      };
    },
  });
}`;

function salesSheet(): (string | number | Date)[][] {
  const rows: (string | number | Date)[][] = [['Клиент', 'Дата', 'Сумма']];
  for (let c = 0; c < 30; c++) {
    for (let m = 0; m < (c % 3 === 0 ? 6 : 20); m++) {
      rows.push([`ООО "Клиент ${c}"`, midnightIn(ZONE, 2024, 1 + m, 5 + (c % 20)), 1000 + c * 10 + m]);
    }
  }
  rows.push(['<img src=x onerror=alert(1)>', midnightIn(ZONE, 2025, 8, 1), 500]);
  return rows;
}

let browser: Browser;
let host: FakeHost;
let server: ServerGlobals;
let sidebar: string;
const calls: string[] = [];

beforeAll(async () => {
  const built = await buildAddOn();
  sidebar = built.sidebar;
  host = fakeHost({ timeZone: ZONE, files: { Sidebar: built.sidebar } });
  server = loadServer(built.code, host);
  host.book.addSheet('Продажи', salesSheet());
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('the Google Sheets sidebar', () => {
  it('segments a sheet end to end through google.script.run', async () => {
    const page = await browser.newPage({ viewport: { width: 300, height: 1100 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.exposeFunction('__gasCall', (name: string, args: string) => {
      calls.push(name);
      try {
        const value = server[name](...(JSON.parse(args) as unknown[]));
        const answer = value === undefined ? null : value;
        assertPlainJson(answer, name);
        return JSON.stringify({ value: answer });
      } catch (error) {
        return JSON.stringify({ error: (error as Error).message });
      }
    });
    await page.addInitScript(FAKE_RUN);
    await page.route('**/*', (route) =>
      route.request().url() === SIDEBAR_URL
        ? route.fulfill({ contentType: 'text/html', body: sidebar.replace('data-locale=""', 'data-locale="ru"') })
        : route.abort(),
    );
    await page.goto(SIDEBAR_URL);
    await page.waitForFunction(() => {
      const button = document.querySelector<HTMLButtonElement>('#wb-segment');
      return button !== null && !button.disabled;
    }, null, { timeout: 60_000 });
    await expectAccessible(page, 'the sidebar when it opens');
    await page.click('#wb-segment');
    await page.waitForSelector('#wb-result', { timeout: 120_000 });
    await expectAccessible(page, 'the sidebar with the summary');

    expect(problems).toEqual([]);
    expect(calls).toContain('startSegment');
    expect(calls).toContain('continueSegment');
    const names = host.book.getSheets().map((s) => s.getName());
    expect(names).toEqual(expect.arrayContaining(['Продажи', 'Клиенты', 'ABC-XYZ', 'Ошибки данных']));
    expect(await page.locator('#wb-result').innerText()).toContain('Готово');
    expect(await page.locator('img').count()).toBe(0);
    const source = host.book.sheet('Продажи');
    expect(source.getLastRow()).toBe(salesSheet().length);
    await mkdir(join(ROOT, 'test-output'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-output/sheets-sidebar.png'), fullPage: true });
  }, 180_000);
});
