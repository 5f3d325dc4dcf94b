/**
 * Writes the bundled example files from a fixed seed and a fixed end date (never today), so they
 * are the same on every machine:
 * - examples/sample-sales.xlsx — the clean workbook the demo segments (600 clients, 3 years);
 * - examples/sample-1c.csv — the same company's smaller branch (120 clients) as a messy 1C export in
 *   Windows-1251, for trying the reader on a real-looking file.
 *
 * Run: `node scripts/build-cli.mjs && node dist/examples/generate.js [outDir]` (outDir defaults to
 * `examples`, relative to the current folder).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { dayFromYmd } from '../core/basics/calendar.js';
import { generateDistributor } from './distributor.js';
import { toMessy1cGrid, writeCsv1251, writeSampleWorkbook } from './write-workbook.js';

export const SAMPLE_SEED = 20_261_031;
export const SAMPLE_END_DAY = dayFromYmd(2026, 10, 31);

async function main(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const company = generateDistributor({ seed: SAMPLE_SEED, clients: 600, years: 3, endDay: SAMPLE_END_DAY, linesTarget: 32_000 });
  const workbook = join(outDir, 'sample-sales.xlsx');
  await writeSampleWorkbook(company, workbook);
  process.stderr.write(`${workbook}: ${company.clients.length} clients, ${company.sales.length} sales lines\n`);
  const branch = generateDistributor({ seed: SAMPLE_SEED, clients: 120, years: 3, endDay: SAMPLE_END_DAY, linesTarget: 7_000 });
  const csv = join(outDir, 'sample-1c.csv');
  const messy = toMessy1cGrid(branch);
  await writeCsv1251(messy.grid, csv);
  process.stderr.write(`${csv}: ${branch.clients.length} clients, ${messy.grid.length} rows (${messy.junk.length} to reject)\n`);
}

await main(process.argv[2] ?? 'examples');
