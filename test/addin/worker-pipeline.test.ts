/**
 * The Excel panel's run with the pipeline in a worker (addin/worker-pipeline.ts), over the fake
 * Excel and an in-process worker as strict as a real one about what crosses: the same tabs and
 * summary as a run in the page; the sheet crosses block by block, never whole; cancelling while the
 * worker analyses, or while the page streams rows to it, stops it and writes nothing; Excel's
 * refusals still read as sentences. Faults injected into the worker: a script that cannot load (or
 * a Worker the page may not create) falls back to the pipeline in the page; a worker that crashes
 * or whose pipeline throws stops the run with a sentence, the workbook as it was.
 */
import { describe, expect, it } from 'vitest';
import { createExcelBridgeOver } from '../../addin/excel-bridge.js';
import { servePipeline } from '../../addin/worker-pipeline.js';
import { dayFromYmd, serialFromDay } from '../../core/basics/calendar.js';
import { words } from '../../core/i18n/index.js';
import type { Progress } from '../../core/pipeline/progress.js';
import { generateDistributor } from '../../examples/distributor.js';
import { FakeWorkbook } from './fake-excel.js';
import { inProcessWorker, type FakeWorker, type FakeWorkerFaults } from './fake-worker.js';

const data = generateDistributor({ seed: 9, clients: 120, years: 3, endDay: dayFromYmd(2026, 10, 31), linesTarget: 60_000 });
const small = generateDistributor({ seed: 4, clients: 40, years: 2, endDay: dayFromYmd(2026, 10, 31), linesTarget: 3_000 });

function workbook(lines = data): FakeWorkbook {
  const book = new FakeWorkbook();
  book.addSheet('Продажи', [['Клиент', 'Дата', 'Сумма', 'Менеджер'], ...lines.sales.map((s) => [s.client, serialFromDay(s.day), s.amount / 100, s.manager])]);
  book.addSheet('Запросы', [['Клиент', 'Дата'], ...lines.requests.map((r) => [r.client, serialFromDay(r.day)])]);
  return book;
}

const request = { sources: { sales: 'Продажи', requests: 'Запросы' }, options: {}, lang: 'ru' as const };
const tabsOf = (book: FakeWorkbook) => book.sheets.map((sheet) => [sheet.name, JSON.stringify([...sheet.cells])]);

function withWorker(book: FakeWorkbook, faults: FakeWorkerFaults = {}, serve: typeof servePipeline = servePipeline) {
  const workers: FakeWorker[] = [];
  const bridge = createExcelBridgeOver(book, () => 'ru-RU', () => {
    const worker = inProcessWorker(serve, faults);
    workers.push(worker);
    return worker;
  });
  return { bridge, workers };
}

/**
 * A run that fell back to the page says so from its first progress on, through every stage the
 * pipeline reports (reading, analysing, preparing the tabs); writing is in the page in any run.
 */
function expectToldInPage(said: readonly Progress[]): void {
  expect(said[0]).toEqual({ stage: 'read', done: 0, total: 0, inPage: true });
  const piped = said.filter((p) => p.stage !== 'write');
  expect(new Set(piped.map((p) => p.stage))).toEqual(new Set(['read', 'analyze', 'report']));
  expect(piped.every((p) => p.inPage === true)).toBe(true);
}

describe('the Excel run with the pipeline in a worker', () => {
  it('writes the same tabs and summary as a run in the page, and the sheet crosses in blocks', async () => {
    const here = workbook();
    const inPage = await createExcelBridgeOver(here, () => 'ru-RU').segment(request, () => {}, new AbortController().signal);
    const there = workbook();
    there.payload = { factor: 1, perOperation: 0 };
    here.payload = there.payload;
    const { bridge, workers } = withWorker(there);
    const stages = new Set<string>();
    const said: Progress[] = [];
    const inWorker = await bridge.segment(request, (p: Progress) => (stages.add(p.stage), said.push(p)), new AbortController().signal);
    expect(inWorker).toEqual(inPage);
    expect(said.filter((p) => p.inPage)).toEqual([]);
    expect(tabsOf(there)).toEqual(tabsOf(here));
    expect([...stages]).toEqual(expect.arrayContaining(['read', 'analyze', 'write']));
    const [worker] = workers;
    expect(worker.terminated).toBe(true);
    const blocks = worker.sent.filter((m) => m.type === 'rows');
    expect(blocks.length).toBeGreaterThan(2);
    const rows = blocks.map((m) => (m.type === 'rows' ? m.rows.length : 0));
    expect(rows.reduce((a, b) => a + b, 0)).toBe(data.sales.length + 1 + data.requests.length + 1);
    expect(Math.max(...rows)).toBeLessThan(data.sales.length);
    // The report crosses back tab by tab, its rows 5,000 a message at most, so no message is large.
    const back = worker.received.filter((m) => m.type === 'tabRows');
    expect(back.length).toBeGreaterThan(0);
    expect(Math.max(...back.map((m) => (m.type === 'tabRows' ? m.rows.length : 0)))).toBeLessThanOrEqual(5_000);
    const done = worker.received.find((m) => m.type === 'done');
    expect(done?.type === 'done' && done.outcome.ok && done.outcome.sheets).toEqual([]);
  }, 120_000);

  it('stops the worker when the user cancels during the analysis, and writes nothing', async () => {
    const book = workbook();
    const before = tabsOf(book);
    const { bridge, workers } = withWorker(book);
    const controller = new AbortController();
    const result = await bridge.segment(request, (p) => p.stage === 'analyze' && controller.abort(), controller.signal);
    expect(result).toEqual({ ok: false, cancelled: true, message: words('ru').panel.run.cancelled });
    expect(workers[0].terminated).toBe(true);
    expect(tabsOf(book)).toEqual(before);
  }, 120_000);

  it("still says why Excel refused (here a protected workbook)", async () => {
    const book = workbook();
    book.structureProtected = true;
    const result = await withWorker(book).bridge.segment(request, () => {}, new AbortController().signal);
    expect(result).toEqual({ ok: false, message: words('ru').excel.errors.protectedStructure });
  }, 120_000);

  it('stops reading when the user cancels while the page streams the sheet to the worker', async () => {
    const book = workbook();
    const before = tabsOf(book);
    const { bridge, workers } = withWorker(book);
    const controller = new AbortController();
    const result = await bridge.segment(request, (p) => p.stage === 'read' && p.done > 0 && controller.abort(), controller.signal);
    expect(result).toEqual({ ok: false, cancelled: true, message: words('ru').panel.run.cancelled });
    expect(workers[0].terminated).toBe(true);
    const sentRows = workers[0].sent.reduce((n, m) => n + (m.type === 'rows' ? m.rows.length : 0), 0);
    expect(sentRows).toBeLessThan(data.sales.length + 1);
    expect(tabsOf(book)).toEqual(before);
  }, 120_000);

  it('runs the pipeline in the page when the worker script cannot load, with the same tabs', async () => {
    const here = workbook(small);
    const inPage = await createExcelBridgeOver(here, () => 'ru-RU').segment(request, () => {}, new AbortController().signal);
    const there = workbook(small);
    const { bridge, workers } = withWorker(there, { unloadable: true });
    const said: Progress[] = [];
    expect(await bridge.segment(request, (p) => said.push(p), new AbortController().signal)).toEqual(inPage);
    expect(tabsOf(there)).toEqual(tabsOf(here));
    expectToldInPage(said);
    expect(workers[0].terminated).toBe(true);
    expect(workers[0].sent.map((m) => m.type)).toEqual(['start']);
  }, 120_000);

  it('runs the pipeline in the page when the page may not create a worker (a SecurityError)', async () => {
    const here = workbook(small);
    const inPage = await createExcelBridgeOver(here, () => 'ru-RU').segment(request, () => {}, new AbortController().signal);
    const there = workbook(small);
    const bridge = createExcelBridgeOver(there, () => 'ru-RU', () => {
      throw new DOMException('Failed to construct Worker', 'SecurityError');
    });
    const said: Progress[] = [];
    expect(await bridge.segment(request, (p) => said.push(p), new AbortController().signal)).toEqual(inPage);
    expect(tabsOf(there)).toEqual(tabsOf(here));
    expectToldInPage(said);
  }, 120_000);

  it('stops with a sentence when the worker crashes while it takes the rows, and writes nothing', async () => {
    for (const lang of ['ru', 'en'] as const) {
      const book = workbook(small);
      const before = tabsOf(book);
      const { bridge, workers } = withWorker(book, { crashAt: 4 });
      const result = await bridge.segment({ ...request, lang }, () => {}, new AbortController().signal);
      expect(result).toEqual({ ok: false, message: words(lang).excel.errors.workerFailed });
      expect(workers[0].terminated).toBe(true);
      expect(tabsOf(book)).toEqual(before);
    }
  }, 120_000);

  it('stops with a sentence when the pipeline throws inside the worker, and writes nothing', async () => {
    const book = workbook(small);
    const before = tabsOf(book);
    const throwing: typeof servePipeline = (endpoint) => {
      endpoint.onmessage = () => endpoint.postMessage({ type: 'failed', message: 'RangeError: Invalid array length' });
    };
    const { bridge, workers } = withWorker(book, {}, throwing);
    const result = await bridge.segment(request, () => {}, new AbortController().signal);
    expect(result).toEqual({ ok: false, message: words('ru').excel.errors.workerFailed });
    expect(workers[0].terminated).toBe(true);
    expect(tabsOf(book)).toEqual(before);
  }, 120_000);
});
