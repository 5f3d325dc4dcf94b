import { describe, expect, it } from 'vitest';
import { failureMessage } from '../../core/pipeline/failure-message.js';
import { runPipeline, runPipelineSync, type PipelineFailure, type PipelineRequest, type SourceAnswer } from '../../core/pipeline/pipeline.js';
import type { Progress } from '../../core/pipeline/progress.js';
import type { Grid } from '../../core/read/types.js';
import type { SourceKey } from '../../core/sources/sources.js';
import { salesGrid } from '../panel/fixtures.js';

const REQUESTS: Grid = [
  ['Клиент', 'Дата'],
  ['Delta', '2026-02-10'],
  ['Delta', 'когда-нибудь'],
  ['', '2026-02-11'],
];

function request(sources: PipelineRequest['sources'], patch: Partial<PipelineRequest> = {}): PipelineRequest {
  return { sources, options: { asOf: 20543 }, lang: 'en', ...patch };
}

/** A host with sheets by name; it logs what the pipeline asks for. */
function host(sheets: Record<string, Grid>) {
  const asked: string[] = [];
  const answer = (sheet: string): SourceAnswer => (sheets[sheet] ? { grid: sheets[sheet] } : { problem: { code: 'no-sheet' } });
  return {
    asked,
    sync: {
      has: (source: SourceKey, sheet: string) => (asked.push(`has ${source} ${sheet}`), sheet in sheets),
      read: (source: SourceKey, sheet: string) => (asked.push(`read ${source} ${sheet}`), answer(sheet)),
    },
    async: {
      has: async (source: SourceKey, sheet: string) => (asked.push(`has ${source} ${sheet}`), sheet in sheets),
      read: async (source: SourceKey, sheet: string, onRows: (done: number, total: number) => void) => {
        asked.push(`read ${source} ${sheet}`);
        const grid = sheets[sheet];
        if (grid) for (let r = 1; r <= grid.length; r++) onRows(r, grid.length);
        return answer(sheet);
      },
    },
  };
}

const quiet = { onProgress: () => {}, cancelled: () => false, pause: async () => {} };

describe('the pipeline', () => {
  it('reads every source, analyses and reports, stamping each rejected row with its source and the user\'s sheet name', () => {
    const h = host({ 'Продажи': salesGrid(), 'Запросы': REQUESTS });
    const outcome = runPipelineSync(request({ sales: 'Продажи', requests: 'Запросы' }), h.sync);
    if (!outcome.ok) throw new Error('refused');
    expect(outcome.analysis.input.rejected.filter((r) => r.source === 'requests')).toEqual([
      { row: 3, reason: 'bad-date', value: 'когда-нибудь', source: 'requests', sheet: 'Запросы' },
      { row: 4, reason: 'no-client', source: 'requests', sheet: 'Запросы' },
    ]);
    expect(outcome.analysis.input.rejected.every((r) => r.sheet === (r.source === 'sales' ? 'Продажи' : 'Запросы'))).toBe(true);
    // The reader's fields in their order, then source and sheet (the JSON lists them so).
    for (const row of outcome.analysis.input.rejected) {
      expect(Object.keys(row)).toEqual(['row', ...(row.toRow === undefined ? [] : ['toRow']), 'reason', ...(row.value === undefined ? [] : ['value']), 'source', 'sheet']);
    }
    expect(outcome.sheets.map((s) => s.key)).toEqual(['summary', 'clients', 'matrix', 'winback', 'movement', 'conversion', 'kpi', 'check', 'issues']);
    expect(outcome.summary.clients).toBe(4);
  });

  it('builds no tabs when the host asks for none (the command line writing JSON alone), the analysis the same', () => {
    const sheets = { Sales: salesGrid() };
    const withTabs = runPipelineSync(request({ sales: 'Sales' }), host(sheets).sync);
    const without = runPipelineSync(request({ sales: 'Sales' }, { tabs: false }), host(sheets).sync);
    if (!withTabs.ok || !without.ok) throw new Error('refused');
    expect(withTabs.sheets.length).toBe(9);
    expect(without.sheets).toEqual([]);
    expect(without.analysis).toEqual(withTabs.analysis);
    expect(without.summary).toEqual(withTabs.summary);
  });

  it('checks every named sheet before reading any, so a missing companion is refused before the large sales sheet is read', () => {
    const h = host({ Sales: salesGrid() });
    const outcome = runPipelineSync(request({ sales: 'Sales', complaints: 'Gone' }), h.sync);
    expect(outcome).toEqual({ ok: false, failure: { kind: 'unavailable', source: 'complaints', sheet: 'Gone', problem: { code: 'no-sheet' } } });
    expect(h.asked).toEqual(['has sales Sales', 'has complaints Gone']);
  });

  it('gives the same outcome driven synchronously and asynchronously', async () => {
    const sheets = { Sales: salesGrid(), Requests: REQUESTS };
    const sync = runPipelineSync(request({ sales: 'Sales', requests: 'Requests' }), host(sheets).sync);
    const async_ = await runPipeline(request({ sales: 'Sales', requests: 'Requests' }), host(sheets).async, quiet);
    expect(async_).toEqual(sync);
  });

  it('reports its stages in order, and pauses between them', async () => {
    const seen: Progress['stage'][] = [];
    let pauses = 0;
    await runPipeline(request({ sales: 'Sales' }), host({ Sales: salesGrid() }).async, {
      onProgress: (p) => seen.push(p.stage),
      cancelled: () => false,
      pause: async () => void pauses++,
    });
    expect([...new Set(seen)]).toEqual(['read', 'analyze', 'report']);
    expect(pauses).toBe(4);
  });

  it('stops between row blocks and between stages once cancelled', async () => {
    let cancelled = false;
    const h = host({ Sales: salesGrid() });
    const outcome = await runPipeline(request({ sales: 'Sales' }), h.async, {
      onProgress: (p) => {
        if (p.stage === 'read' && p.done >= 3) cancelled = true;
      },
      cancelled: () => cancelled,
      pause: async () => {},
    });
    expect(outcome).toEqual({ ok: false, cancelled: true });
  });

  it('refuses options out of their rules, a sheet it cannot use, and data with no sale, as values', () => {
    const h = host({ Sales: salesGrid(), Notes: [['just', 'text']], Empty: [[]] });
    expect(runPipelineSync(request({ sales: 'Sales' }, { options: { period: 'week', periods: 600 } }), h.sync)).toEqual({
      ok: false,
      failure: { kind: 'options', problem: { option: 'periods', rule: { kind: 'whole', min: 1, max: 520 } } },
    });
    expect(runPipelineSync(request({ sales: 'Notes' }), h.sync)).toEqual({ ok: false, failure: { kind: 'unusable', source: 'sales', sheet: 'Notes', code: 'no-header', missing: ['client', 'date', 'amount'] } });
    const noSale = host({ Sales: [['Client', 'Date', 'Amount'], ['A', 'someday', 1]] });
    expect(runPipelineSync(request({ sales: 'Sales' }), noSale.sync)).toEqual({ ok: false, failure: { kind: 'analysis', code: 'no-sales' } });
  });
});

describe('failure messages', () => {
  const cases: [PipelineFailure, string, string][] = [
    [
      { kind: 'unusable', source: 'sales', sheet: 'Sales', code: 'missing-columns', missing: ['date'] },
      'This sheet has no date column. Pick the column that holds the sale date.',
      'Sales: required columns not found: date',
    ],
    [
      { kind: 'unusable', source: 'requests', sheet: 'Запросы', code: 'no-header', missing: ['client', 'date'] },
      'The requests sheet "Запросы" has no client or date column. Pick another sheet or "none".',
      'Запросы: no header row with client, date and amount columns in the first 30 rows',
    ],
    [
      { kind: 'unavailable', source: 'sales', sheet: 'book.xlsx', problem: { code: 'no-sheet', sheet: 'Sales', sheets: ['Data'] } },
      'There is no sheet "book.xlsx" in this workbook any more. Pick another sheet.',
      'cannot read book.xlsx: no sheet named "Sales" (sheets: Data)',
    ],
    [
      { kind: 'options', problem: { option: 'periods', rule: { kind: 'whole', min: 1, max: 40 } } },
      '"Periods in the analysis" must be a whole number from 1 to 40. Correct it and try again.',
      'Periods in the analysis: a whole number from 1 to 40',
    ],
    [{ kind: 'analysis', code: 'no-measure' }, 'There is no column for the chosen value. Pick the profit or quantity column, or measure by amount.', 'no column for the chosen measure (profit or quantity)'],
  ];

  it('say what to do in the panel and name the file on the command line, in one line', () => {
    for (const [failure, panel, cli] of cases) {
      expect(failureMessage('en', failure, 'panel')).toBe(panel);
      expect(failureMessage('en', failure, 'cli')).toBe(cli);
    }
  });

  it('speak Russian to Russian users', () => {
    for (const [failure] of cases) {
      for (const surface of ['panel', 'cli'] as const) {
        const text = failureMessage('ru', failure, surface);
        expect(text, `${failure.kind} ${surface}`).toMatch(/[а-яё]/i);
        expect(text).not.toContain('\n');
      }
    }
  });
});
