/**
 * A small sales sheet for run-level tests (a few thousand lines, so a run takes well under a second
 * in Node), as Apps Script hands it over — date cells as Dates at midnight in the spreadsheet's
 * zone — with the same grid as serials for the core's expected answer, and helpers to read a run's
 * tabs back for comparison.
 */
import { dayFromYmd, serialFromDay } from '../../core/basics/calendar.js';
import type { Cell } from '../../core/read/types.js';
import type { OptionsInput } from '../../core/options/options.js';
import type { SheetSpec } from '../../core/report/spec.js';
import { segmentGrids } from '../helpers/pipeline.js';
import { midnightIn, type FakeSheet, type FakeSpreadsheet, type StoredCell } from './fakes.js';
import { TAB_KEY } from '../../apps-script/sheets-port.js';

export const ZONE = 'Europe/Moscow';

export interface SalesFixture {
  /** As the spreadsheet holds it. */
  grid: StoredCell[][];
  /** The same, dates as serials: what the core reads. */
  serialGrid: Cell[][];
}

/** `lines` sales lines of `clients` clients over two years; every 97th line has no date. */
export function smallSales(lines = 3000, clients = 120): SalesFixture {
  const grid: StoredCell[][] = [['Client', 'Date', 'Amount']];
  const serialGrid: Cell[][] = [['Client', 'Date', 'Amount']];
  let seed = 7;
  const next = () => (seed = (seed * 48_271) % 2_147_483_647);
  for (let i = 0; i < lines; i++) {
    const c = next() % clients;
    const span = c % 5 === 0 ? 300 : 700;
    const offset = next() % span;
    const client = `Client ${String(c).padStart(3, '0')}`;
    const amount = (next() % 50_000) / 100 + 1;
    if (i % 97 === 50) {
      grid.push([client, 'no date', amount]);
      serialGrid.push([client, 'no date', amount]);
      continue;
    }
    const { y, m, d } = ymd(dayFromYmd(2024, 1, 1) + offset);
    grid.push([client, midnightIn(ZONE, y, m, d), amount]);
    serialGrid.push([client, serialFromDay(dayFromYmd(y, m, d)), amount]);
  }
  return { grid, serialGrid };
}

function ymd(day: number): { y: number; m: number; d: number } {
  const date = new Date(day * 86_400_000);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** The core's report for a grid: what every host must write. */
export function expectedSheets(serialGrid: Cell[][], options: OptionsInput = {}, lang: 'en' | 'ru' = 'en'): SheetSpec[] {
  const outcome = segmentGrids({ sales: serialGrid }, lang, options);
  if (!outcome.ok) throw new Error('the core refused the test data');
  return outcome.sheets;
}

/** The report tabs of a spreadsheet (sheets carrying the tab metadata), each as its stored cells. */
export function reportTabs(book: FakeSpreadsheet): { name: string; key: string; cells: string }[] {
  return book.sheets
    .filter((sheet) => sheet.metadata.some((meta) => meta.key === TAB_KEY))
    .map((sheet) => ({ name: sheet.name, key: JSON.parse(sheet.metadata.find((m) => m.key === TAB_KEY)!.value).key as string, cells: cellsOf(sheet) }));
}

/** Every stored cell and its format, in row order: two tabs with the same text hold the same cells. */
export function cellsOf(sheet: FakeSheet): string {
  const entries = [...sheet.values.entries()].map(([key, value]) => `${key}=${JSON.stringify(value)}@${sheet.formats.get(key) ?? ''}`);
  return entries.sort().join('\n');
}
