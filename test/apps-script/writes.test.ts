/**
 * Writing the report as the user watches: every write step ends with SpreadsheetApp.flush(), so the
 * call's time budget measures writes that have happened (the fake applies pending writes only at a
 * flush or at the end of the execution, as Sheets batches them); and the user's view stays on the
 * sheet they were on — insertSheet would make each new tab the active one — until the run ends and
 * opens the Summary tab (the report's first).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BLOCK_CELLS } from '../../apps-script/plan.js';
import { CALL_BUDGET_MS } from '../../apps-script/segment-job.js';
import type { RunRequest } from '../../core/panel/bridge.js';
import { buildAddOn, loadServer } from './bundle.js';
import { drive } from './drive.js';
import { COSTS, fakeHost } from './fakes.js';
import { smallSales, ZONE } from './sales-fixture.js';

// The model is off: its fit is what takes time in Node, and these tests are about writing.
const request: RunRequest = { sources: { sales: 'Sales' }, options: { model: 'none' }, lang: 'en' };
const sales = smallSales();
const COSTS_AS_SHIPPED = { ...COSTS };
let code: string;

beforeAll(async () => {
  ({ code } = await buildAddOn());
});

afterEach(() => {
  Object.assign(COSTS, COSTS_AS_SHIPPED);
});

describe('writing the report', () => {
  it('flushes every write step, so a call on a slow spreadsheet stops within its budget and one step', () => {
    COSTS.sheetChange = 3_000;
    COSTS.chart = 5_000;
    COSTS.perCellWritten = 0.5;
    const host = fakeHost({ timeZone: ZONE });
    host.book.addSheet('Sales', sales.grid);
    const run = drive(loadServer(code, host), host, request);
    expect(run.result?.ok).toBe(true);
    const head = JSON.parse(host.properties.values.get('winback.run')!) as { write: { total: number } };
    expect(host.log.count('SpreadsheetApp.flush')).toBeGreaterThanOrEqual(head.write.total);
    const worstStep = 3 * COSTS.sheetChange + 4 * COSTS.chart + BLOCK_CELLS * (COSTS.perCellWritten + COSTS.perFormat);
    const writing = run.calls.filter((call) => call.progress === null || call.progress.stage === 'write');
    expect(writing.length).toBeGreaterThan(2);
    for (const call of writing) expect(call.simulatedMs).toBeLessThan(CALL_BUDGET_MS + worstStep);
  });

  it("keeps the user's view on their sheet while the tabs are inserted, and opens the Summary tab at the end", () => {
    const host = fakeHost({ timeZone: ZONE });
    host.book.addSheet('Notes', [['my notes']]);
    host.book.addSheet('Sales', sales.grid);
    host.book.active = host.book.sheet('Notes');
    const run = drive(loadServer(code, host), host, request);
    expect(run.result?.ok).toBe(true);
    const views = host.book.views.filter((view, i, all) => i === 0 || all[i - 1] !== view);
    expect(views).toEqual(['Notes', 'Summary']);
    expect(host.book.active?.name).toBe('Summary');
  });
});
