/**
 * The 10,000,000-cell budget of a spreadsheet, counted over every sheet's rows × columns, empty
 * ones included: report tabs take exactly the cells they hold (a new sheet is 1000 × 26), and a
 * report that would not fit is refused before anything is written, with a sentence that says how
 * many cells are needed, how many are left and what to do.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tabRows } from '../../apps-script/plan.js';
import { NEW_SHEET_CELLS } from '../../apps-script/sheets-port.js';
import { words } from '../../core/i18n/index.js';
import { layoutTab } from '../../core/layout/tab-layout.js';
import type { RunRequest } from '../../core/panel/bridge.js';
import { buildAddOn, loadServer } from './bundle.js';
import { drive } from './drive.js';
import { fakeHost, LIMITS, type FakeHost } from './fakes.js';
import { expectedSheets, reportTabs, smallSales, ZONE } from './sales-fixture.js';

// The model is off: its fit is what takes time in Node, and these tests are about cells.
const request: RunRequest = { sources: { sales: 'Sales' }, options: { model: 'none' }, lang: 'en' };
const sales = smallSales();
let code: string;
let needed: number;

beforeAll(async () => {
  ({ code } = await buildAddOn());
  const layouts = expectedSheets(sales.serialGrid, request.options).map(layoutTab);
  needed = layouts.reduce((sum, layout) => sum + tabRows(layout) * layout.extentColumns, 0);
});

/** A spreadsheet whose other sheet ("Archive") leaves `free` cells, the sales sheet counted. */
function book(free: number): FakeHost {
  const host = fakeHost({ timeZone: ZONE });
  const source = host.book.addSheet('Sales', sales.grid);
  const archive = host.book.addSheet('Archive');
  archive.maxColumns = 10;
  archive.maxRows = Math.floor((LIMITS.cells - source.cellCount - free) / archive.maxColumns);
  return host;
}

describe('the cell budget', () => {
  it('sizes every report tab to exactly what it holds', () => {
    const host = fakeHost({ timeZone: ZONE });
    host.book.addSheet('Sales', sales.grid);
    const run = drive(loadServer(code, host), host, request);
    expect(run.result?.ok).toBe(true);
    const tabs = reportTabs(host.book).map(({ name }) => host.book.sheet(name));
    const used = tabs.reduce((sum, sheet) => sum + sheet.cellCount, 0);
    expect(used).toBe(needed);
    expect(used).toBeLessThan(tabs.length * NEW_SHEET_CELLS);
  });

  it('refuses a report that would pass 10,000,000 cells before writing anything, and says what to do', () => {
    const host = book(NEW_SHEET_CELLS + needed / 2);
    const before = host.book.sheets.map((sheet) => [sheet.name, sheet.cellCount]);
    const free = LIMITS.cells - host.book.cellCount - NEW_SHEET_CELLS;
    const run = drive(loadServer(code, host), host, request);
    expect(free).toBeGreaterThan(0);
    expect(run.result).toEqual({ ok: false, message: words('en').sheets.tooManyCells(needed, free) });
    expect(run.result?.ok === false && run.result.message).toMatch(/^The report needs [\d,]+ cells, but this spreadsheet has room for only [\d,]+ more/);
    expect(host.book.sheets.map((sheet) => [sheet.name, sheet.cellCount])).toEqual(before);
    expect(host.book.sheets.flatMap((sheet) => sheet.metadata)).toEqual([]);
    expect(host.properties.values.has('winback.run')).toBe(false);
    expect(host.cache.values.size).toBe(0);
  });

  it('fits a re-run into the cells its own tabs already take', () => {
    const host = book(needed + NEW_SHEET_CELLS);
    const server = loadServer(code, host);
    expect(drive(server, host, request).result?.ok).toBe(true);
    const archive = host.book.sheet('Archive');
    archive.maxRows += Math.floor((LIMITS.cells - host.book.cellCount - 1_000) / archive.maxColumns);
    expect(LIMITS.cells - host.book.cellCount).toBeLessThan(needed);
    expect(drive(server, host, request).result?.ok).toBe(true);
    expect(host.book.cellCount).toBeLessThanOrEqual(LIMITS.cells);
  });
});
