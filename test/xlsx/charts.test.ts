import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../core/report/index.js';
import { reportXlsxBytes } from '../../xlsx/write-xlsx.js';
import { SERIES_COLOURS } from '../../xlsx/chart-xml.js';
import { fullAnalysis } from '../report/fixture.js';
import { colourShare, pageOf, pagePixels, workbookPdf } from '../helpers/libreoffice.js';

const dir = mkdtempSync(join(tmpdir(), 'winback-charts-'));
const sheets = buildReport(fullAnalysis(), 'en');
let bytes: Uint8Array;
let parts: Record<string, string>;

beforeAll(async () => {
  bytes = reportXlsxBytes(sheets);
  parts = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]));
});

/** The worksheet part of a tab, by its name in xl/workbook.xml. */
function sheetXml(name: string): string {
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(parts['xl/workbook.xml']!)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(parts['xl/_rels/workbook.xml.rels']!)![1];
  return parts[`xl/${target}`]!;
}

describe('native charts in the report .xlsx', () => {
  it('writes one chart part per chart of every tab, anchored in one drawing per tab', () => {
    const charts = sheets.flatMap((s) => s.charts);
    expect(Object.keys(parts).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(charts.length);
    expect(Object.keys(parts).filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))).toHaveLength(sheets.filter((s) => s.charts.length > 0).length);
    const types = parts['[Content_Types].xml']!;
    expect(types.match(/drawingml\.chart\+xml/g)).toHaveLength(charts.length);
    const summary = sheetXml('Summary');
    expect(summary).toMatch(/<drawing r:id="rId\d+"\/><\/worksheet>$/);
    const clients = sheetXml('Clients');
    expect(clients).not.toContain('<drawing');
    const kpi = sheetXml('KPI');
    expect(kpi.indexOf('<pageSetup')).toBeLessThan(kpi.indexOf('<drawing'));
  });

  it('points each series at its table cells and caches their values', () => {
    const charts = Object.entries(parts).filter(([p]) => /^xl\/charts\/chart\d+\.xml$/.test(p)).map(([, xml]) => xml);
    const status = charts.find((xml) => xml.includes('<a:t>Clients by status</a:t>'))!;
    expect(status).toContain('<c:barDir val="col"/>');
    expect(status).toMatch(/<c:f>'Summary'!\$B\$\d+:\$B\$\d+<\/c:f><c:numCache><c:formatCode>General<\/c:formatCode><c:ptCount val="4"\/><c:pt idx="0"><c:v>3<\/c:v>/);
    const pareto = charts.find((xml) => xml.includes('<a:t>Pareto: value and cumulative share</a:t>'))!;
    expect(pareto).toContain('<c:lineChart>');
    expect(pareto).toContain('<c:axPos val="r"/>');
  });

  it('links the Summary blocks to their tabs as internal hyperlinks, never as external targets', () => {
    const summary = sheetXml('Summary');
    const locations = [...summary.matchAll(/<hyperlink ref="A\d+" location="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(locations)).toEqual(new Set(["'Clients'!A1", "'Win-back'!A1", "'ABC-XYZ'!A1", "'Data issues'!A1"]));
    expect(summary).not.toMatch(/<hyperlink [^>]*r:id/);
    for (const [path, xml] of Object.entries(parts)) if (path.endsWith('.rels')) expect(xml, path).not.toContain('TargetMode="External"');
  });

  it('writes well-formed XML in every part it adds or changes, which exceljs reads back', async () => {
    const out = join(dir, 'parts');
    for (const [path, xml] of Object.entries(parts)) {
      if (!/\.(xml|rels)$/.test(path)) continue;
      mkdirSync(dirname(join(out, path)), { recursive: true });
      writeFileSync(join(out, path), xml);
      const lint = spawnSync('xmllint', ['--noout', join(out, path)], { encoding: 'utf8' });
      expect(lint.stderr, path).toBe('');
    }
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((ws) => ws.name)[0]).toBe('Summary');
  });
});

describe('LibreOffice draws the charts', () => {
  let withCharts: string;
  let withoutCharts: string;

  beforeAll(async () => {
    const path = join(dir, 'report.xlsx');
    writeFileSync(path, bytes);
    withCharts = workbookPdf(path);
    const plain = join(dir, 'plain.xlsx');
    writeFileSync(plain, reportXlsxBytes(sheets.map((sheet) => ({ ...sheet, charts: [] }))));
    withoutCharts = workbookPdf(plain);
  }, 240_000);

  it('shows the status and value-at-stake charts on the Summary page, and no chart in the same tabs without their charts', () => {
    const [blue] = SERIES_COLOURS;
    const page = pageOf(withCharts, 'What to do this week');
    expect(page).toBe(1);
    expect(colourShare(pagePixels(withCharts, page), blue!)).toBeGreaterThan(0.003);
    expect(colourShare(pagePixels(withoutCharts, pageOf(withoutCharts, 'What to do this week')), blue!)).toBeLessThan(0.0005);
  });

  it('draws the second series of lost against returned on the KPI page and the cumulative line on the ABC-XYZ page', () => {
    const orange = SERIES_COLOURS[1]!;
    for (const text of ['The last 8 complete quarters', 'ABC: A — the clients']) {
      const page = pageOf(withCharts, text);
      expect(page, text).toBeGreaterThan(0);
      // A thin line on a page scaled to its width: a few hundred pixels of orange (none without the chart).
      expect(colourShare(pagePixels(withCharts, page), orange), text).toBeGreaterThan(0.0002);
    }
  });
});
