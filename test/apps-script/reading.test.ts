/**
 * Reading the sales as a real spreadsheet hands them over: getLastRow counts a helper formula
 * filled down far below the data, a 1C export has many columns of which three are mapped, and a
 * slow spreadsheet makes the read span calls. The run reads only the columns up to the last mapped
 * one (and the rest of rows empty there), in blocks across calls with progress, each call inside
 * its budget — and hands the core exactly what reading everything would.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { INSPECT_ROWS } from '../../core/panel/inspect.js';
import type { RunRequest, RunResult } from '../../core/panel/bridge.js';
import type { Cell } from '../../core/read/types.js';
import { CALL_BUDGET_MS } from '../../apps-script/segment-job.js';
import { READ_BLOCK_CELLS } from '../../apps-script/sheets-port.js';
import { segmentGrids } from '../helpers/pipeline.js';
import { buildAddOn, loadServer } from './bundle.js';
import { drive } from './drive.js';
import { COSTS, fakeHost, type FakeHost, type StoredCell } from './fakes.js';
import { reportTabs, smallSales, ZONE } from './sales-fixture.js';
import { rejectReasonText, words } from '../../core/i18n/index.js';

// The model is off: its fit is what takes time in Node, and these tests are about reading.
const request: RunRequest = { sources: { sales: 'Sales' }, options: { model: 'none' }, lang: 'en' };
const COSTS_AS_SHIPPED = { ...COSTS };
let code: string;

beforeAll(async () => {
  ({ code } = await buildAddOn());
});

afterEach(() => {
  Object.assign(COSTS, COSTS_AS_SHIPPED);
});

function run(grid: StoredCell[][], setUp: (host: FakeHost) => void = () => {}) {
  const host = fakeHost({ timeZone: ZONE });
  const sheet = host.book.addSheet('Sales', grid);
  setUp(host);
  host.log.reset();
  const driven = drive(loadServer(code, host), host, request);
  return { host, sheet, driven, result: driven.result as Extract<RunResult, { ok: true }> };
}

/** The core's summary of a grid (dates as serials): what the run must report. */
function coreSummary(serialGrid: Cell[][]) {
  const outcome = segmentGrids({ sales: serialGrid }, 'en', { model: 'none' });
  if (!outcome.ok) throw new Error('the core refused the test data');
  return outcome.summary;
}

describe('the end of the table', () => {
  const sales = smallSales();
  const dataRows = sales.grid.length;

  it('stops at the last row with anything in it: 3,000 sales and a formula filled to row 100,000 are 3,000 data rows', () => {
    const withFormula = run(sales.grid, (host) => host.book.sheet('Sales').fillFormula(4, dataRows + 1, 100_000, '=IF(A2="","",A2&"!")'));
    expect(withFormula.sheet.getLastRow()).toBe(100_000);
    const plain = run(sales.grid);
    expect(withFormula.result.ok).toBe(true);
    expect(withFormula.result.summary).toEqual(plain.result.summary);
    expect(withFormula.result.summary.rejectedRows).toBe(coreSummary(sales.serialGrid).rejectedRows);
    expect(reportTabs(withFormula.host.book)).toEqual(reportTabs(plain.host.book));
  });

  it('still reports an empty row inside the table', () => {
    const grid = sales.grid.map((row, i) => (i === 1500 ? ['', '', ''] : row));
    const serialGrid = sales.serialGrid.map((row, i) => (i === 1500 ? ['', '', ''] : row));
    const { result } = run(grid, (host) => host.book.sheet('Sales').fillFormula(4, dataRows + 1, 20_000, '=""'));
    expect(result.summary).toEqual(coreSummary(serialGrid));
    expect(result.summary.rejectedRows).toBe(coreSummary(sales.serialGrid).rejectedRows + 1);
  });
});

describe('a wide export', () => {
  const sales = smallSales(6000, 200);
  const FILLER = 17;
  const filler = (i: number) => Array.from({ length: FILLER }, (_, j) => (i === 0 ? `Column ${j + 4}` : `note ${i}.${j}`));
  const widen = <T>(grid: T[][], stray: T) =>
    grid.map((row, i) => (i === 3000 ? [...row.map(() => '' as T), ...filler(1).map((_, j) => (j === 5 ? stray : ('' as T)))] : [...row, ...(filler(i) as T[])]));

  it('reads only the columns up to the last mapped one, and the rest of a row only where those are empty', () => {
    const grid = widen<StoredCell>(sales.grid, 'a stray note');
    const { host, result } = run(grid);
    const width = 3 + FILLER;
    expect(result.summary).toEqual(coreSummary(widen<Cell>(sales.serialGrid, 'a stray note')));
    const topCells = INSPECT_ROWS * width;
    expect(host.log.cellsRead).toBe(topCells + (grid.length - INSPECT_ROWS) * 3 + FILLER);
    expect(host.log.cellsRead).toBeLessThan((grid.length * width) / 5);
  });

  it('reports a row that holds something only right of the mapped columns as the core does: a row without a client, not a blank one', () => {
    const { host } = run(widen<StoredCell>(sales.grid, 'a stray note'));
    const issues = host.book.sheet(words('en').report.tabs.issues);
    // The list of rejected rows: sheet, row, to row (of a blank run), reason, …
    const reasonOf = (row: number) => {
      for (let r = 1; r <= issues.maxRows; r++) if (issues.cell(r, 2) === row) return issues.cell(r, 4);
      return null;
    };
    expect(reasonOf(3001)).toBe(rejectReasonText('en', 'no-client'));
    const blank = run(widen<StoredCell>(sales.grid, ''));
    const blankIssues = blank.host.book.sheet(words('en').report.tabs.issues);
    expect([...blankIssues.values.values()]).toContain(rejectReasonText('en', 'blank'));
  });
});

describe('a slow spreadsheet', () => {
  it('reads in blocks across calls, each call inside its budget, with the progress of the rows read', () => {
    COSTS.perCellRead = 0.1;
    const sales = smallSales(40_000, 400);
    const wide = sales.grid.map((row, i) => [row[0], row[1], ...Array.from({ length: 17 }, (_, j) => (i === 0 ? `Column ${j + 3}` : j)), row[2]]);
    const { driven, result } = run(wide);
    expect(result.ok).toBe(true);
    const reads = driven.calls.flatMap((call) => (call.progress?.stage === 'read' ? [call.progress.done] : []));
    expect(reads.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < reads.length; i++) expect(reads[i]).toBeGreaterThan(reads[i - 1]);
    const block = COSTS.call + READ_BLOCK_CELLS * COSTS.perCellRead;
    for (const call of driven.calls) expect(call.simulatedMs).toBeLessThan(CALL_BUDGET_MS + block + 1_000);
  });
});
