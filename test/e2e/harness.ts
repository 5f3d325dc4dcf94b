/**
 * What the playground's browser tests share: the playground server and headless Debian Chromium
 * (started by browser.ts, which the benchmark shares), pages that record their errors, the
 * accessibility check (axe-core, pinned in package.json) and the screenshots folder.
 */
import { readFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT } from './browser.js';

export { launchChromium, ROOT, startPlayground, type Playground } from './browser.js';

export const OUTPUT = `${ROOT}test-output`;

export interface TestPage {
  page: Page;
  /** Page errors, console errors and dialogs (an alert would mean a script ran from data). */
  problems: string[];
}

export async function openPage(browser: Browser, url: string, width: number, query = '', height = 1000): Promise<TestPage> {
  const page = await browser.newPage({ viewport: { width, height }, acceptDownloads: true });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(`${url}${query}`);
  return { page, problems };
}

/** Until the panel has inspected the sheet: Segment enabled, or the sheet's problem shown. */
export async function panelReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const segment = document.querySelector<HTMLButtonElement>('#wb-segment');
      return (segment && !segment.disabled) || document.querySelector('#wb-columns-error');
    },
    null,
    { timeout: 60_000 },
  );
}

/** Click Segment and wait for the result (or the run's message). */
export async function segment(page: Page): Promise<void> {
  await page.click('#wb-segment');
  await page.waitForSelector('#wb-result, #wb-run-message', { timeout: 120_000 });
}

/** The names on the playground's sheet tabs. */
export function sheetTabs(page: Page): Promise<string[]> {
  return page.$$eval('#pg-tabs [role="tab"]', (tabs) => tabs.map((t) => t.textContent ?? ''));
}

/** Open a workbook through the page's test hook; cells given as JSON (dates as ISO text). */
export async function openSheets(page: Page, sheets: { name: string; grid: (string | number | null)[][] }[], name = 'test.xlsx'): Promise<void> {
  await page.evaluate(([s, n]) => (window as never as { winbackPlayground: { open(s: unknown, n: string): void } }).winbackPlayground.open(s, n), [sheets, name] as const);
  await panelReady(page);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core over the whole page as it is now: no serious or critical violation of any rule (WCAG
 * 2.0–2.2 A and AA and axe's best practices). The script is evaluated through the DevTools
 * protocol, which the page's Content-Security-Policy does not govern; `step` names the moment in
 * the failure message. `exclude` leaves out parts checked at another step (the playground's
 * sheet grid, thousands of cells, is checked where it changes rather than at every panel step).
 */
export async function expectAccessible(page: Page, step: string, exclude: string[] = []): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (left) => {
    const axe = (window as never as { axe: { run(context: object, options: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run({ include: [document], exclude: left }, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, exclude);
  expect(violations, step).toEqual([]);
}

/** Whether an element is wholly inside the viewport as it is scrolled now. */
export async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth && box.height > 0;
  });
}

/** Screenshots the user guide shows (copied to docs/img/ with UPDATE_DOCS_IMAGES=1). */
const forDocs: string[] = [];

/**
 * Save a screenshot into test-output/: a page as its viewport, an element whole. `docs` marks it
 * for the user guide.
 */
export async function screenshot(target: Page | ReturnType<Page['locator']>, name: string, docs = false): Promise<void> {
  await mkdir(OUTPUT, { recursive: true });
  const path = `${OUTPUT}/${name}.png`;
  await target.screenshot({ path });
  if (docs) forDocs.push(name);
}

/** With UPDATE_DOCS_IMAGES=1, copy this run's screenshots for the guide to docs/img/. */
export async function copyScreenshotsToDocs(): Promise<void> {
  if (process.env.UPDATE_DOCS_IMAGES !== '1') return;
  await mkdir(`${ROOT}docs/img`, { recursive: true });
  for (const name of forDocs) await copyFile(`${OUTPUT}/${name}.png`, `${ROOT}docs/img/${name}.png`);
}
