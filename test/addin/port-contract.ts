/**
 * The WorkbookPort contract (core/ports.ts), as tests any host's port must pass — observed only
 * through the port itself, so the same suite runs against the Excel port over the fake Excel API
 * and against the playground's in-memory workbook.
 *
 * What it holds a port to: sheets are listed in order; a sheet reads back as a grid from A1; the
 * report's tabs read back with their notes, headers and cells (strings exactly — also strings a
 * spreadsheet would take for formulas or numbers —, numbers exactly, dates as the same day; a text
 * longer than a cell holds cut with the mark);
 * a re-run replaces the port's own tabs (also when the language renamed them); a user's sheet
 * named like a tab and the source sheet are never changed; progress reaches its total.
 */
import { describe, expect, it } from 'vitest';
import type { WorkbookPort } from '../../core/panel/workbook-port.js';
import type { SheetSpec, SpecValue, TableSpec } from '../../core/report/spec.js';
import { parseDay } from '../../core/read/index.js';
import type { Cell, Grid } from '../../core/read/types.js';
import { HOSTILE_NAMES, sampleReport } from './report-fixtures.js';

export type MakePort = (sheets: { name: string; grid: Cell[][] }[]) => WorkbookPort;

const isBlank = (cell: Cell) => cell === null || cell === undefined || cell === '';

/** A grid with blanks as null and trailing blank cells and rows dropped, for comparing hosts. */
export function normalizeGrid(grid: Grid): (Cell | null)[][] {
  const rows = grid.map((row) => {
    const cells = row.map((cell) => (isBlank(cell) ? null : cell));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

/** Row and column where a row of `headers` starts, or null. */
export function findHeader(grid: Grid, headers: readonly string[]): { row: number; column: number } | null {
  for (let row = 0; row < grid.length; row++) {
    const cells = grid[row];
    for (let column = 0; column + headers.length <= cells.length; column++) {
      if (headers.every((h, i) => cells[column + i] === h)) return { row, column };
    }
  }
  return null;
}

/** Asserts that the table's header and every data row read back as written. */
export function expectTableIn(grid: Grid, table: TableSpec): void {
  const at = findHeader(
    grid,
    table.columns.map((c) => c.header),
  );
  expect(at, `header of table ${table.id}`).not.toBeNull();
  table.rows.forEach((values, r) => {
    const row = grid[at!.row + 1 + r] ?? [];
    table.columns.forEach((column, c) => expectCell(row[at!.column + c], values[c], column.format, `${table.id}[${r}].${column.key}`));
  });
}

function expectCell(cell: Cell, written: SpecValue, format: string, where: string): void {
  if (written === null) expect(isBlank(cell), where).toBe(true);
  else if (typeof written === 'string') expect(cell, where).toBe(written);
  else if (format === 'date') expect(parseDay(cell), where).toBe(written);
  else expect(cell, where).toBe(written);
}

const SALES: Cell[][] = [
  [],
  ['', 'Client', 'Date', 'Amount', 'Product'],
  ['', 'ООО Ромашка', 46086, 1234.5, 'Гвозди'],
  ['', 'Acme Ltd', 46087, -20, 'Nails'],
  ['', 'Globex', 46090, 99.99, ''],
];

const USER_CLIENTS: Cell[][] = [
  ['My own notes about clients', ''],
  ['Acme Ltd', 'call on Monday'],
];

function expectReport(grids: Map<string, Grid>, specs: readonly SheetSpec[], names: readonly string[]): void {
  specs.forEach((spec, i) => {
    const grid = grids.get(names[i])!;
    const flat = grid.flat();
    for (const note of spec.notes) expect(flat, `note of ${spec.key}`).toContain(note);
    for (const table of spec.tables) {
      if (table.title) expect(flat, `title of ${table.id}`).toContain(table.title);
      expectTableIn(grid, table);
    }
  });
}

async function readAll(port: WorkbookPort, names: readonly string[]): Promise<Map<string, Grid>> {
  const grids = new Map<string, Grid>();
  for (const name of names) grids.set(name, await port.readSheet(name));
  return grids;
}

export function portContract(label: string, makePort: MakePort): void {
  describe(`WorkbookPort contract: ${label}`, () => {
    it('lists the sheets in workbook order and names the active one', async () => {
      const port = makePort([
        { name: 'Sales', grid: SALES },
        { name: 'Notes', grid: [['x']] },
      ]);
      expect(await port.sheetNames()).toEqual(['Sales', 'Notes']);
      expect(['Sales', 'Notes']).toContain(await port.activeSheet());
    });

    it('reads a sheet as a grid whose row 0 is sheet row 1, with progress up to the total', async () => {
      const port = makePort([{ name: 'Sales', grid: SALES }]);
      const calls: [number, number][] = [];
      const grid = await port.readSheet('Sales', (done, total) => calls.push([done, total]));
      expect(normalizeGrid(grid)).toEqual(normalizeGrid(SALES));
      expect(calls.length).toBeGreaterThan(0);
      const [done, total] = calls[calls.length - 1];
      expect(done).toBe(total);
    });

    it('writes every tab so that notes, headers and cells read back as written', async () => {
      const port = makePort([{ name: 'Sales', grid: SALES }]);
      const specs = sampleReport('en');
      const calls: [number, number][] = [];
      const tabs = await port.writeReport(specs, (done, total) => calls.push([done, total]));
      expect(tabs).toEqual(specs.map((s) => ({ key: s.key, name: s.name })));
      expect(await port.sheetNames()).toEqual(['Sales', ...specs.map((s) => s.name)]);
      expectReport(await readAll(port, tabs.map((t) => t.name)), specs, tabs.map((t) => t.name));
      const [done, total] = calls[calls.length - 1];
      expect(done).toBe(total);
    });

    it('writes strings that begin with = + - @ (and numeric-looking text) as text', async () => {
      const port = makePort([{ name: 'Sales', grid: SALES }]);
      const [tab] = await port.writeReport([sampleReport('en', HOSTILE_NAMES)[0]]);
      const grid = await port.readSheet(tab.name);
      const at = findHeader(grid, ['Client'])!;
      expect(HOSTILE_NAMES.map((_, i) => grid[at.row + 1 + i][at.column])).toEqual(HOSTILE_NAMES);
    });

    it('cuts a text longer than a cell holds (32,767 characters) with the mark, and writes the rest of the tab', async () => {
      // Issue 17, item 11: a 60,000-character name is more than Excel (32,767) or Sheets (50,000) takes.
      const port = makePort([{ name: 'Sales', grid: SALES }]);
      const long = `${'Щ'.repeat(59_990)}0123456789`;
      const [tab] = await port.writeReport([sampleReport('en', [long, 'Acme Ltd'])[0]]);
      const grid = await port.readSheet(tab.name);
      const at = findHeader(grid, ['Client'])!;
      expect(grid[at.row + 1][at.column]).toBe(`${'Щ'.repeat(32_767 - 4)} […]`);
      expect(grid[at.row + 2][at.column]).toBe('Acme Ltd');
    });

    it('replaces its own tabs on a re-run instead of adding new ones', async () => {
      const port = makePort([{ name: 'Sales', grid: SALES }]);
      await port.writeReport(sampleReport('en'));
      const second = sampleReport('en', ['Only one client']);
      const tabs = await port.writeReport(second);
      expect(tabs.map((t) => t.name)).toEqual(second.map((s) => s.name));
      expect(await port.sheetNames()).toEqual(['Sales', ...second.map((s) => s.name)]);
      const clients = await port.readSheet('Clients');
      expectTableIn(clients, second[0].tables[0]);
      expect(clients.flat()).not.toContain('Acme Ltd');
    });

    it('replaces its tabs when a re-run in another language renames them', async () => {
      const port = makePort([{ name: 'Sales', grid: SALES }]);
      await port.writeReport(sampleReport('en'));
      const russian = sampleReport('ru');
      const tabs = await port.writeReport(russian);
      expect(tabs.map((t) => t.name)).toEqual(['Клиенты', 'ABC-XYZ матрица', 'KPI']);
      expect([...(await port.sheetNames())].sort()).toEqual(['ABC-XYZ матрица', 'KPI', 'Sales', 'Клиенты'].sort());
    });

    it("leaves a user's own sheet named like a tab untouched, on every run", async () => {
      const port = makePort([
        { name: 'Sales', grid: SALES },
        { name: 'Clients', grid: USER_CLIENTS },
      ]);
      const first = await port.writeReport(sampleReport('en'));
      expect(first[0]).toEqual({ key: 'clients', name: 'Clients (2)' });
      const second = await port.writeReport(sampleReport('en'));
      expect(second[0]).toEqual({ key: 'clients', name: 'Clients (2)' });
      expect(normalizeGrid(await port.readSheet('Clients'))).toEqual(normalizeGrid(USER_CLIENTS));
      expect((await port.sheetNames()).filter((n) => n.startsWith('Clients')).sort()).toEqual(['Clients', 'Clients (2)']);
    });

    it('never changes the source sheet', async () => {
      const port = makePort([{ name: 'Sales', grid: SALES }]);
      const before = await port.readSheet('Sales');
      await port.writeReport(sampleReport('en'));
      await port.writeReport(sampleReport('ru'));
      expect(normalizeGrid(await port.readSheet('Sales'))).toEqual(normalizeGrid(before));
    });
  });
}
