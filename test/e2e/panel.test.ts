/**
 * The panel as a new user meets it, in the playground in headless Chromium: settings that are
 * never lost, the action in reach at task-pane size, terms explained, the summary's numbers adding
 * up, words in the user's language, a keyboard-only run, and axe-core at every step in both
 * languages, both looks and both widths. Expected numbers come from the core run in Node.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { words } from '../../core/i18n/index.js';
import type { RunSummary } from '../../core/panel/bridge.js';
import type { Grid } from '../../core/read/types.js';
import { generatedWorkbook } from '../../playground/generate.js';
import { runPipelineSync } from '../../core/pipeline/pipeline.js';
import { csvSource } from '../../core/read/csv.js';
import { cp1251 } from '../helpers/cp1251.js';
import { segmentGrids } from '../helpers/pipeline.js';
import { copyScreenshotsToDocs, expectAccessible, inViewport, launchChromium, openPage, openSheets, panelReady, screenshot, segment, startPlayground, type Playground, type TestPage } from './harness.js';

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

async function open(width: number, query: string, height = 1000): Promise<Page> {
  const opened = await openPage(browser, playground.url, width, query, height);
  pages.push(opened);
  return opened.page;
}

function expectNoProblems(): void {
  expect(pages.flatMap((p) => p.problems)).toEqual([]);
  for (const p of pages.splice(0)) void p.page.close();
}

/** A generated workbook of about 3,000 lines with its companion sheets, opened in the page. */
const SMALL = generatedWorkbook(3_000);
const grid = (name: string): Grid => SMALL.find((s) => s.name === name)!.grid;

async function openSmall(page: Page): Promise<void> {
  await page.evaluate(() => (window as never as { winbackPlayground: { generate(n: number): void } }).winbackPlayground.generate(3_000));
  await panelReady(page);
}

function expectedSmall(lang: 'en' | 'ru', options = {}): RunSummary {
  const outcome = segmentGrids({ sales: grid('Sales'), requests: grid('Requests'), contacts: grid('Contacts'), complaints: grid('Complaints') }, lang, options);
  if (!outcome.ok) throw new Error('the core refused the data');
  return outcome.summary;
}

/** Open every explanation in the panel (each is a <details>), by clicking its question. */
async function openExplanations(page: Page): Promise<void> {
  const closed = page.locator('.wb-explain:not([open]) > summary');
  while ((await closed.count()) > 0) await closed.first().click();
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const number = (text: string) => Number(text.replace(/[\s,\u00a0]/g, ''));

describe('the panel in Chromium', { timeout: 240_000 }, () => {
  it('keeps every setting changed in sequence: Quarter, then 4 periods, then other settings, then Segment runs 4 quarters and hides the days typed in', async () => {
    const page = await open(800, '?sample=0&lang=en');
    await openSmall(page);
    await page.selectOption('#wb-set-period', 'quarter');
    await page.fill('#wb-set-periods', '6');
    await page.fill('#wb-set-periods', '4');
    await page.selectOption('#wb-set-measure', 'profit');
    await page.click('.wb-more > summary');
    await page.selectOption('#wb-set-xyz', 'custom');
    await page.fill('#wb-set-xyzX', '0.4');
    await page.fill('#wb-set-newDays', '60');
    // The model check's hidden days sit beside the model, empty (automatic) until typed in, and
    // are not drawn while the model is off.
    expect(await page.inputValue('#wb-set-holdoutDays')).toBe('');
    await page.selectOption('#wb-set-model', 'none');
    expect(await page.locator('#wb-set-holdoutDays').count()).toBe(0);
    await page.selectOption('#wb-set-model', 'auto');
    await page.fill('#wb-set-holdoutDays', '60');
    await page.selectOption('#wb-set-currency', 'EUR');
    // The XYZ and model choices redraw the form: the earlier changes must survive them.
    expect([await page.inputValue('#wb-set-period'), await page.inputValue('#wb-set-periods'), await page.inputValue('#wb-set-measure')]).toEqual(['quarter', '4', 'profit']);
    await segment(page);
    const expected = expectedSmall('en', { period: 'quarter', periods: 4, measure: 'profit', xyz: { method: 'cv', preset: 'custom', x: 0.4, y: 1 }, status: { newDays: 60 }, holdoutDays: 60 });
    const line = await page.textContent('#wb-result-line');
    expect(line).toContain(`period of analysis ${expected.windowFrom} – ${expected.windowTo} (4 quarters).`);
    expect(expected.windowFrom).toBe('2025-10-01');
    const shownStatuses = await page.$$eval('#wb-status-counts strong', (els) => els.map((e) => e.textContent ?? ''));
    expect(shownStatuses.map(number)).toEqual((['new', 'active', 'at-risk', 'lost'] as const).map((s) => expected.statusCounts[s]));
    expect(await page.inputValue('#wb-set-period')).toBe('quarter');
    expect(await page.inputValue('#wb-set-periods')).toBe('4');
    const saved = await page.evaluate(() =>
      (window as never as { winbackPlayground: { workbook(): { settingsStore(): { load(): Promise<{ options: object }> } } } }).winbackPlayground.workbook().settingsStore().load(),
    );
    expect(saved.options).toMatchObject({ period: 'quarter', periods: 4, measure: 'profit', xyz: { method: 'cv', preset: 'custom', x: 0.4 }, status: { newDays: 60 }, holdoutDays: 60, currency: 'EUR' });
    // The run hid the 60 days typed in: the written Model check tab says so.
    const checkIntro = await page.evaluate(
      () => (window as never as { winbackPlayground: { workbook(): { sheet(n: string): { report: { spec: { notes: string[] } } } } } }).winbackPlayground.workbook().sheet('Model check').report.spec.notes[0],
    );
    expect(checkIntro).toMatch(/^The model check: the last 60 days \(/);
    const money = await page.evaluate(() =>
      (window as never as { winbackPlayground: { workbook(): { sheets: { report?: { rendered: { numberFormats: { money: string } } } }[] } } }).winbackPlayground
        .workbook()
        .sheets.flatMap((sheet) => (sheet.report ? [sheet.report.rendered.numberFormats.money] : [])),
    );
    expect(new Set(money)).toEqual(new Set(['"€"#,##0.00']));
    expectNoProblems();
  });

  it('names the field a refused setting is in, and marks only that one', async () => {
    const page = await open(800, '?sample=0&lang=en');
    await openSmall(page);
    await page.fill('#wb-set-periods', '6');
    await page.click('.wb-more > summary');
    await page.fill('#wb-set-lostFactor', '1');
    await page.selectOption('#wb-set-period', 'quarter');
    await page.click('#wb-segment');
    expect(await page.textContent('#wb-run-message')).toBe('"Lost after this many usual gaps" must be a number above 1.5. Correct it and try again.');
    expect(await page.evaluate(() => [document.activeElement?.id, Array.from(document.querySelectorAll('[aria-invalid="true"]'), (e) => e.id)])).toEqual(['wb-set-lostFactor', ['wb-set-lostFactor']]);
    expect(await page.inputValue('#wb-set-periods')).toBe('6');
    expectNoProblems();
  });

  for (const look of ['', '&look=sheets']) {
    for (const lang of ['en', 'ru'] as const) {
      it(`shows Segment on the first screen at 320 × 700, columns folded, and the result at the top (${lang}${look ? ', Sheets look' : ''})`, async () => {
        const page = await open(320, `?sample=0&lang=${lang}${look}`, 700);
        await openSmall(page);
        expect(await inViewport(page, '#wb-segment')).toBe(true);
        expect(await page.evaluate(() => scrollY)).toBe(0);
        expect(await page.getAttribute('#wb-columns', 'open')).toBeNull();
        // The playground cannot open itself with a document: no auto-open checkbox (the bridge has no switch).
        expect(await page.$('#wb-auto-open')).toBeNull();
        expect(await page.textContent('#wb-columns-summary .wb-summary-line')).toBe(`${words(lang).panel.columns.field.client}: A · ${words(lang).panel.columns.field.date}: B · ${words(lang).panel.columns.field.amount}: H`);
        if (!look && lang === 'en') await screenshot(page, 'panel-start-en-320x700', true);
        await page.click('#wb-segment');
        await page.waitForSelector('#wb-result', { timeout: 120_000 });
        expect(await inViewport(page, '#wb-result-heading')).toBe(true);
        expect(await page.locator('#wb-result-heading').evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(60);
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('wb-result-heading');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
        expectNoProblems();
      });
    }
  }

  it('says in words which required column is missing when Segment is pressed, in the language shown', async () => {
    const page = await open(320, '?sample=0&lang=ru', 700);
    await openSheets(page, [{ name: 'Продажи', grid: [['Клиент', 'Когда', 'Сумма'], ['ООО Ромашка', '05.01.2026', '1 000,50']] }]);
    expect(await page.getAttribute('#wb-columns', 'open')).toBe('');
    await page.click('#wb-segment');
    expect(await page.textContent('#wb-run-message')).toBe(words('ru').panel.errors.missingColumn.date);
    expect(await page.getAttribute('#wb-run-message', 'role')).toBe('alert');
    expect(await inViewport(page, '#wb-run-message')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('wb-col-date');
    expectNoProblems();
  });

  it('explains every term one tap away, by keyboard, in both languages', async () => {
    for (const lang of ['en', 'ru'] as const) {
      const page = await open(800, `?sample=0&lang=${lang}`);
      await openSmall(page);
      await page.click('.wb-more > summary');
      const text = words(lang).panel;
      const settingTerms = [
        ['wb-explain-xyz', text.settings.explain.xyz],
        ['wb-explain-abc', text.settings.explain.abc],
        ['wb-explain-status', text.settings.explain.status],
        ['wb-explain-model', text.settings.explain.model],
      ] as const;
      for (const [id, term] of settingTerms) {
        await page.focus(`#${id} > summary`);
        expect(await page.evaluate((i) => document.getElementById(i)!.hasAttribute('open'), id)).toBe(false);
        await page.keyboard.press('Enter');
        expect(await page.evaluate((i) => document.getElementById(i)!.hasAttribute('open'), id)).toBe(true);
        expect([await page.textContent(`#${id} > summary`), await page.textContent(`#${id} > p`)]).toEqual([term.question, term.answer]);
      }
      await segment(page);
      for (const [id, term] of [
        ['wb-explain-statuses', text.result.explain.statuses],
        ['wb-explain-matrix', text.result.explain.matrix],
        ['wb-explain-winback', text.result.explain.winBack],
      ] as const) {
        await page.focus(`#${id} > summary`);
        await page.keyboard.press('Space');
        expect(await page.getAttribute(`#${id}`, 'open')).toBe('');
        expect(await page.textContent(`#${id} > p`)).toBe(term.answer);
      }
      expect(await page.textContent('#wb-matrix-caption')).toBe(text.result.matrixCaption);
    }
    expectNoProblems();
  });

  it("makes the summary's numbers add up, shades the heat-map by count alone, and gives each card its value at stake and days silent", async () => {
    const page = await open(800, '?sample=0&lang=en');
    await openSmall(page);
    await segment(page);
    const expected = expectedSmall('en');
    expect(expected.noClass).toBeGreaterThan(0);
    const statuses = (await page.$$eval('#wb-status-counts strong', (els) => els.map((e) => e.textContent ?? ''))).map(number);
    const noStatus = expected.noStatus;
    expect(sum(statuses) + noStatus).toBe(expected.clients);
    if (noStatus > 0) expect(await page.textContent('#wb-no-status')).toBe(words('en').panel.result.noStatus(noStatus, String(noStatus)));
    const cells = await page.$$eval('#wb-matrix td[data-cell]', (tds) => tds.map((td) => ({ n: Number(td.textContent!.replace(/,/g, '')), colour: getComputedStyle(td).backgroundColor })));
    expect(sum(cells.map((c) => c.n)) + expected.noClass).toBe(expected.clients);
    expect(await page.textContent('#wb-no-class')).toBe(words('en').panel.result.noClass(expected.noClass, String(expected.noClass)));
    // One hue by count: equal counts get equal shades, more clients a darker one, an empty cell white.
    const lightness = (rgb: string) => sum(rgb.match(/\d+/g)!.slice(0, 3).map(Number));
    const sorted = [...cells].sort((a, b) => a.n - b.n);
    for (let i = 1; i < sorted.length; i++) expect(lightness(sorted[i]!.colour)).toBeLessThanOrEqual(lightness(sorted[i - 1]!.colour));
    for (const cell of cells.filter((c) => c.n === 0)) expect(cell.colour).toBe('rgb(255, 255, 255)');
    const cards = await page.$$eval('#wb-winback > li', (lis) => lis.map((li) => [li.querySelector('.wb-value')?.textContent, li.querySelector('.wb-silent')?.textContent]));
    const format = words('en').format;
    expect(cards).toEqual(
      expected.topWinBack.map((c) => [`Value at stake: ${format.amount(c.valueAtStake)}`, words('en').panel.result.silent(c.recencyDays!, format.count(c.recencyDays!))]),
    );
    await screenshot(page.locator('#wb-result'), 'panel-result-en-800', true);
    expectNoProblems();
  });

  it('re-words the cards when the language is switched after a run (the tabs keep theirs, and a note says so)', async () => {
    const page = await open(800, '?sample=0&lang=en');
    await openSmall(page);
    await segment(page);
    await page.click('#wb-lang-ru');
    const expected = expectedSmall('ru');
    const ru = words('ru');
    expect(await page.$$eval('#wb-winback .wb-meta', (els) => els.map((e) => e.textContent))).toEqual(
      expected.topWinBack.map((c) => [c.list ? ru.report.list[c.list] : '', c.tier ? ru.report.tier[c.tier] : '', c.status ? ru.report.status[c.status] : ''].filter(Boolean).join(' · ')),
    );
    expect(await page.$$eval('#wb-winback .wb-chips li', (els) => els.map((e) => e.textContent))).toEqual(expected.topWinBack.flatMap((c) => c.signals.map((s) => ru.report.signal[s])));
    expect(await page.textContent('#wb-winback .wb-value')).toBe(`Ценность под угрозой: ${ru.format.amount(expected.topWinBack[0]!.valueAtStake)}`);
    expect(await page.textContent('.wb-result .wb-note')).toBe(ru.panel.result.otherLanguage);
    expectNoProblems();
  });

  it('shows the Russian preview as Russian writes it, counts rows with the right plural, and names the amount made of quantity × price', async () => {
    const page = await open(800, '?sample=0&lang=ru');
    const rows: (string | number)[][] = [['Клиент', 'Дата', 'Количество', 'Цена']];
    for (let i = 0; i < 21; i++) rows.push(['ООО Ромашка', `${String(i + 1).padStart(2, '0')}.03.2026`, 3, 9536.67]);
    await openSheets(page, [{ name: 'Продажи', grid: rows }]);
    expect(await page.textContent('#wb-inspect-status')).toBe('Найдена таблица продаж: 21 строка, заголовки в строке 1.');
    expect(await page.textContent('#wb-columns-summary .wb-summary-line')).toBe('Клиент: A · Дата продажи: B · Сумма: C × D');
    await page.click('#wb-columns-summary');
    const first = await page.$$eval('.wb-preview tbody tr:first-child td', (tds) => tds.map((td) => td.textContent));
    expect(first).toEqual(['ООО Ромашка', '01.03.2026', '28\u00a0610,01', '3', '9536,67']);
    expectNoProblems();
  });

  it('shows how a file was read before Segment, in the words of the Data issues tab, open when the reader is not sure', async () => {
    // Issue 17, item 13. Mixed decimal separators (1 234,50 and 2.5) make the reader unsure.
    const bytes = cp1251('Отчет\r\n\r\nКлиент;Дата;Сумма\r\nООО Ромашка;05.03.2026;1 234,50\r\nИтого;;1 234,50\r\nИП Ёлкин;вчера;7\r\nИП Ёлкин;06.03.2026;2.5\r\n');
    const run = runPipelineSync({ sources: { sales: 'sales.csv' }, options: {}, lang: 'en' }, { has: () => true, read: () => ({ grid: csvSource(bytes) }) });
    if (!run.ok) throw new Error('the core refused the file');
    const issues = run.sheets.find((sheet) => sheet.key === 'issues')!.tables;
    const tableRows = (id: string) => issues.find((t) => t.id === id)!.rows.map((row) => row.map(String));
    const page = await open(320, '?sample=0&lang=en');
    await page.setInputFiles('#pg-file', { name: 'sales.csv', mimeType: 'text/csv', buffer: Buffer.from(bytes) });
    await panelReady(page);
    expect(await page.getAttribute('#wb-profile', 'open')).toBe('');
    expect(await page.textContent('#wb-profile-summary .wb-summary-line')).toBe('Read as Windows-1251 (Cyrillic), columns separated by semicolon, header in row 3. 2 rows will not be used.');
    const shown = (table: number) =>
      page.$$eval(`#wb-profile table:nth-of-type(${table}) tbody tr`, (trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? '')));
    expect(await shown(1)).toEqual(tableRows('profile'));
    expect(await shown(2)).toEqual(tableRows('summary'));
    expect(await shown(1)).toContainEqual(['Decimal separator of amount', 'mixed: some cells use a comma, others a point']);
    await expectAccessible(page, 'how the file was read');
    expectNoProblems();
  });

  it('says why the purchase model is off for 12 clients with hundreds of purchases each: too few clients, with the numbers', async () => {
    const page = await open(800, '?sample=0&lang=en');
    const rows: (string | number)[][] = [['Client', 'Date', 'Amount']];
    for (let c = 0; c < 12; c++) for (let d = 0; d < 330; d++) rows.push([`Client ${c}`, `20${24 + Math.floor(d / 365)}-${String(1 + Math.floor((d % 365) / 31)).padStart(2, '0')}-${String(1 + (d % 28)).padStart(2, '0')}`, 100 + c]);
    await openSheets(page, [{ name: 'Sales', grid: rows }]);
    await segment(page);
    expect(await page.textContent('#wb-model-note p')).toBe(
      'P(alive) and expected purchases are empty: the purchase model needs at least 20 clients, 10 of them buying more than once; this data has 12 clients, 12 of them buying more than once. Rely on the status instead.',
    );
    expectNoProblems();
  });

  it('reaches every control and every written tab with the keyboard alone, from start to summary', async () => {
    const page = await open(320, '?sample=0&lang=en', 700);
    await openSmall(page);
    await page.focus('#wb-lang-en');
    const tabTo = async (id: string) => {
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const at = await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || '');
        if (at === id) return;
      }
      throw new Error(`Tab never reached #${id}`);
    };
    const order: string[] = [];
    for (let i = 0; i < 40 && order.at(-1) !== 'wb-segment'; i++) {
      await page.keyboard.press('Tab');
      // Every focused control is on screen, its ring drawn, and not behind the sticky action bar.
      const at = await page.evaluate(() => {
        const active = document.activeElement!;
        const el = active.getBoundingClientRect();
        const bar = document.getElementById('wb-actionbar')!;
        const under = !bar.contains(active) && el.bottom > bar.getBoundingClientRect().top;
        return { id: active.id || active.tagName, under, shown: el.top >= 0 && el.bottom <= innerHeight, ring: getComputedStyle(active).outlineStyle };
      });
      expect(at, at.id).toMatchObject({ under: false, shown: true, ring: 'solid' });
      order.push(at.id);
    }
    // The panel first, in reading order: the workbook view is never visited in between.
    expect(order.slice(0, 6)).toEqual(['wb-lang-ru', 'wb-sheet', 'wb-columns-summary', 'wb-profile-summary', 'wb-source-requests', 'wb-source-contacts']);
    expect(order).toContain('wb-segment');
    expect(order.some((id) => id.startsWith('pg-'))).toBe(false);

    await page.focus('#wb-lang-en');
    await tabTo('wb-set-period');
    await page.keyboard.press('ArrowDown');
    expect(await page.inputValue('#wb-set-period')).toBe('quarter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('wb-set-periods');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#wb-result', { timeout: 120_000 });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('wb-result-heading');
    expect(await page.textContent('#wb-result-line')).toContain('(4 quarters)');
    expect(await page.textContent('#wb-announcer')).toMatch(/^Done\. [\d,]+ clients as of/);

    const tabs = await page.$$eval('#wb-tabs button', (buttons) => buttons.map((b) => b.textContent ?? ''));
    expect(tabs).toEqual(Object.values(words('en').report.tabs));
    for (const tab of tabs) {
      await page.focus('#wb-result-heading');
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((name) => document.activeElement?.closest('#wb-tabs') !== null && document.activeElement?.textContent === name, tab)) break;
      }
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getAttribute('#pg-tabs [aria-selected="true"]', 'data-sheet')).toBe(tab);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-sheet'))).toBe(tab);
    }
    expectNoProblems();
  });

  it('gives the language buttons names that match what they show, a focus ring nothing clips, and a visible choice in forced colours', async () => {
    const page = await open(320, '?sample=0&lang=en');
    await openSmall(page);
    const names = await page.$$eval('.wb-lang button', (buttons) => buttons.map((b) => [b.textContent, b.getAttribute('aria-label'), b.getAttribute('title')]));
    expect(names).toEqual([
      ['EN', null, 'English'],
      ['RU', null, 'Русский'],
    ]);
    await page.focus('#wb-lang-ru');
    await page.keyboard.press('Shift+Tab');
    const ring = await page.evaluate(() => {
      const button = document.activeElement!;
      const group = button.parentElement!;
      return { id: button.id, outline: getComputedStyle(button).outlineStyle, clip: getComputedStyle(group).overflow };
    });
    expect(ring).toEqual({ id: 'wb-lang-en', outline: 'solid', clip: 'visible' });
    await page.emulateMedia({ forcedColors: 'active' });
    const [pressed, other] = await page.$$eval('.wb-lang button', (buttons) => buttons.map((b) => getComputedStyle(b).backgroundColor));
    expect(pressed).not.toBe(other);
    await page.emulateMedia({ forcedColors: 'none' });
    expectNoProblems();
  });

  it('draws Sheets-look input borders at 3:1 or more against the panel', async () => {
    const page = await open(320, '?sample=0&lang=en&look=sheets');
    await openSmall(page);
    const ratio = await page.$eval('#wb-sheet', (select) => {
      const luminance = (rgb: string) => {
        const [r, g, b] = rgb.match(/\d+/g)!.slice(0, 3).map((v) => {
          const c = Number(v) / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const border = luminance(getComputedStyle(select).borderTopColor);
      const background = luminance(getComputedStyle(select.closest('.wb-panel')!).backgroundColor);
      return (Math.max(border, background) + 0.05) / (Math.min(border, background) + 0.05);
    });
    expect(ratio).toBeGreaterThanOrEqual(3);
    expectNoProblems();
  });

  for (const width of [320, 800]) {
    for (const look of ['', '&look=sheets']) {
      for (const lang of ['en', 'ru'] as const) {
        it(`has no serious or critical axe violation at any step (${lang}, ${look ? 'Sheets' : 'Fluent'} look, ${width} px)`, async () => {
          const at = (step: string) => `${step} (${lang}, ${look ? 'Sheets' : 'Fluent'}, ${width} px)`;
          // The sheet grid (thousands of cells) is checked at 800 px, where the page shows it beside the panel.
          const grid = width === 800 ? [] : ['#pg-grid'];
          const page = await open(width, `?sample=0&lang=${lang}${look}`, 700);
          await openSmall(page);
          await expectAccessible(page, at('start'), grid);
          await page.click('#wb-columns-summary');
          await page.click('.wb-more > summary');
          await openExplanations(page);
          await expectAccessible(page, at('columns, more settings and explanations open'), ['#pg-grid']);
          await page.fill('#wb-set-periods', '0');
          await page.click('#wb-segment');
          await page.waitForSelector('#wb-run-message');
          await expectAccessible(page, at('a refused setting'), ['#pg-grid']);
          await page.fill('#wb-set-periods', '12');
          await page.click('#wb-segment');
          await page.waitForSelector('#wb-result', { timeout: 120_000 });
          await openExplanations(page);
          await page.click('#wb-winback details:not(.wb-explain) > summary');
          await expectAccessible(page, at('the summary, explanations open'), grid);
          await page.click(`#wb-lang-${lang === 'en' ? 'ru' : 'en'}`);
          await expectAccessible(page, at('the summary after a language switch'), ['#pg-grid']);
          expectNoProblems();
        });
      }
    }
  }
});

describe('the playground page', { timeout: 240_000 }, () => {
  it('shows its static message in both languages when its script cannot run; the page and the panel remove it when they start', async () => {
    const blocked = await browser.newPage();
    await blocked.route('**/playground.js', (route) => route.abort());
    await blocked.goto(playground.url);
    const texts = await blocked.$$eval('#wb-fallback p', (ps) => ps.map((p) => [p.getAttribute('lang'), p.textContent]));
    expect(texts).toEqual([
      ['en', words('en').panel.errors.hostUnavailable],
      ['ru', words('ru').panel.errors.hostUnavailable],
    ]);
    expect(await blocked.isVisible('#wb-fallback')).toBe(true);
    await blocked.close();
    const page = await open(800, '?sample=0&lang=en');
    await page.waitForSelector('#pg-title');
    expect(await page.$('#wb-fallback')).toBeNull();
    // The panel's own mechanism, which the Excel and Sheets pages rely on: mounting removes #wb-fallback.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { id: 'wb-fallback', textContent: 'fallback' })));
    await openSmall(page);
    expect(await page.$('#wb-fallback')).toBeNull();
    expectNoProblems();
  });

  it('refuses a photo by name before reading it, and keeps the open workbook', async () => {
    const page = await open(800, '?sample=0&lang=en');
    await openSmall(page);
    await page.setInputFiles('#pg-file', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]) });
    await expect.poll(() => page.textContent('#pg-status')).toBe('photo.jpg is not a spreadsheet. Open an .xlsx or a .csv file.');
    expect(await page.inputValue('#wb-sheet')).toBe('Sales');
    expectNoProblems();
  });

  for (const [fault, script] of [
    ['the worker reports a failure', "onmessage = () => postMessage({ stage: 'failed', message: 'injected' });"],
    ['the worker itself fails', "onmessage = () => { throw new Error('injected'); };"],
    ['the worker cannot load', null],
  ] as const) {
    it(`says the file could not be made, and lets the user try again, when ${fault}`, async () => {
      const opened = await openPage(browser, playground.url, 800, '?sample=0&lang=ru');
      const { page } = opened;
      await page.route('**/download-worker.js', (route) => (script ? route.fulfill({ contentType: 'text/javascript', body: script }) : route.abort()));
      await openSmall(page);
      await page.click('#pg-download');
      await expect.poll(() => page.textContent('#pg-status')).toBe(words('ru').panel.playground.downloadFailed);
      expect(await page.isEnabled('#pg-download')).toBe(true);
      expect(await page.isHidden('#pg-download-progress')).toBe(true);
      // The one console error is the page's own report of the injected fault.
      expect(opened.problems.filter((p) => !p.startsWith('console: The playground could not make the file'))).toEqual([]);
      await page.close();
    });
  }

  it('downloads the .xlsx from a worker: the progress bar moves through its steps while the page keeps running', async () => {
    const page = await open(800, '?sample=0&lang=en');
    await page.evaluate(() => (window as never as { winbackPlayground: { generate(n: number): void } }).winbackPlayground.generate(60_000));
    await panelReady(page);
    await segment(page);
    await page.evaluate(() => {
      const record = { seen: [] as string[], ticks: 0, ticksAtCompress: -1 };
      (window as never as { download: typeof record }).download = record;
      // A timer that counts while the file is made: on a frozen page it would not run at all.
      setInterval(() => (record.ticks += 1), 0);
      new MutationObserver(() => {
        const bar = document.getElementById('pg-download-progress')!;
        if (bar.hidden) return;
        const text = bar.getAttribute('aria-valuetext') ?? '';
        record.seen.push(`${bar.getAttribute('aria-valuenow')} ${text}`);
        if (text.endsWith('compressing')) record.ticksAtCompress = record.ticks;
      }).observe(document.getElementById('pg-download-progress')!, { attributes: true });
    });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 240_000 }), page.click('#pg-download')]);
    expect(download.suggestedFilename()).toBe('generated-winback.xlsx');
    const { seen, ticks, ticksAtCompress } = await page.evaluate(() => (window as never as { download: { seen: string[]; ticks: number; ticksAtCompress: number } }).download);
    // The page's own timers ran while the worker compressed the file: the page never froze.
    expect(ticksAtCompress).toBeGreaterThanOrEqual(0);
    expect(ticks).toBeGreaterThan(ticksAtCompress);
    // One step per sheet as the writer finishes it (the user's sheets and the report tabs), the last as the end of the package.
    const sheets = await page.locator('#pg-tabs [role="tab"]').count();
    expect(seen).toContain('0 Preparing the download');
    expect(seen).toContain(`${Math.round(90 / sheets)} Preparing the download: sheet 1 of ${sheets}`);
    expect(seen).toContain(`${Math.round((90 * (sheets - 1)) / sheets)} Preparing the download: sheet ${sheets - 1} of ${sheets}`);
    expect(seen).toContain('95 Preparing the download: compressing');
    expect(await page.textContent('#pg-status')).toBe('generated-winback.xlsx is ready.');
    expect(await page.isHidden('#pg-download-progress')).toBe(true);
    await expectAccessible(page, 'after the download');
    expectNoProblems();
  }, 300_000);
});
