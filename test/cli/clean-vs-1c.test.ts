import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { dayFromYmd } from '../../core/basics/calendar.js';
import { generateDistributor } from '../../examples/distributor.js';
import { toCleanCsv, toMessy1cGrid, writeCsv1251, writeGridXlsx } from '../../examples/write-workbook.js';
import { HOSTILE_PROBES } from '../helpers/probes.js';

// The same sales exported clean (English headers, ISO dates, UTF-8 CSV) and as a messy 1C export
// (title rows, Russian headers, dd.mm.yyyy, "12 345,67 руб.", blank and Итого rows) both as a
// Windows-1251 ";" CSV and as .xlsx: identical classes for every client, and exactly the junk rows
// reported.
type Report = {
  clients: { client: string; value: number; abc: string | null; xyz: string | null; tier: string | null; status: string | null; signals: string[]; cadenceDays: number | null }[];
  input: { rejected: { row: number; toRow?: number; reason: string }[] };
};
const reports: Record<'clean' | 'csv1251' | 'xlsx', Report> = {} as never;
let junk: { row: number; reason: string }[];

async function segment(file: string): Promise<Report> {
  const json = `${file}.json`;
  expect(await main(['segment', file, '--json', json, '--quiet'])).toBe(0);
  return JSON.parse(readFileSync(json, 'utf8'));
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'winback-1c-'));
  const data = generateDistributor({ seed: 11, clients: 80, years: 3, endDay: dayFromYmd(2026, 6, 30), probes: HOSTILE_PROBES });
  writeFileSync(join(dir, 'clean.csv'), toCleanCsv(data));
  const messy = toMessy1cGrid(data);
  junk = messy.junk.map(({ row, reason }) => ({ row, reason }));
  await writeCsv1251(messy.grid, join(dir, 'export-1c.csv'));
  await writeGridXlsx(messy.grid, join(dir, 'export-1c.xlsx'));
  reports.clean = await segment(join(dir, 'clean.csv'));
  reports.csv1251 = await segment(join(dir, 'export-1c.csv'));
  reports.xlsx = await segment(join(dir, 'export-1c.xlsx'));
}, 300_000);

const classes = (r: Report) => r.clients.map(({ client, value, abc, xyz, tier, status, signals, cadenceDays }) => ({ client, value, abc, xyz, tier, status, signals, cadenceDays }));

describe('clean export vs messy 1C export', () => {
  it('gives identical classes for every client (client names trimmed, case kept)', () => {
    expect(reports.clean.clients).toHaveLength(80);
    expect(classes(reports.csv1251)).toEqual(classes(reports.clean));
    expect(classes(reports.xlsx)).toEqual(classes(reports.clean));
  });

  it('rejects nothing in the clean export and exactly the junk rows of the 1C export', () => {
    expect(reports.clean.input.rejected).toEqual([]);
    // A run of blank rows is one entry {row, toRow}: the junk lists each of its rows.
    const rejected = (r: Report) =>
      r.input.rejected.flatMap(({ row, toRow, reason }) => Array.from({ length: (toRow ?? row) - row + 1 }, (_, k) => ({ row: row + k, reason })));
    expect(junk.length).toBeGreaterThan(5);
    expect(rejected(reports.csv1251)).toEqual(junk);
    expect(rejected(reports.xlsx)).toEqual(junk);
  });

  it('keeps hostile client names as the exact text', () => {
    const names = reports.csv1251.clients.map((c) => c.client);
    expect(names).toEqual(expect.arrayContaining([...HOSTILE_PROBES]));
  });
});
