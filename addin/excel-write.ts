/**
 * Writing report tabs through the Excel API (DESIGN "Hosts are thin and batch their I/O").
 *
 * For each SheetSpec: a new worksheet, written as the core's layout places it (core/layout): its
 * cells in row blocks of about 4 MB, each block's number
 * formats queued just before its values in the same request (a string must land in a Text cell to
 * stay text); then, in one last request, column widths, bold titles, native tables, conditional
 * formats (colour scale for the heat-map, a fill per value for status colours), the frozen header
 * and the charts. Calculation is suspended in every request.
 *
 * Replacing: tabs registered by the last run (tab-registry.ts) are deleted first — only those;
 * a new tab whose name is taken by any other sheet gets a free name ("Clients (2)").
 */
import {
  columnOf,
  firstLineRow,
  freeTabName,
  layoutTab,
  noteLines,
  tableLineCount,
  tableLines,
  type PlacedTable,
  type SheetCell,
  type SheetSpec,
  type TabLayout,
  type WrittenTab,
} from '../core/index.js';
import type { ExcelContext, ExcelWorksheet } from './excel-api.js';
import { WriteBatch } from './excel-batch.js';
import { addChart } from './excel-charts.js';
import { is1904System, serialForWorkbook } from './date-system.js';
import { BLOCK_BUDGET_BYTES, jsonBytes } from './payload.js';
import { tabsToReplace, type OwnedTab, type SheetIdentity } from './tab-registry.js';

const TABLE_STYLE = 'TableStyleMedium2';

/** Points for a column `characters` wide (7 px a character plus 5 px padding, at 0.75 pt a pixel). */
export function pointsForCharacters(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75);
}

export interface ReportTarget {
  /** The tabs the last run wrote. */
  registry: readonly OwnedTab[];
  /** Sheets that must survive even if registered (the sheets being analysed). */
  protectedNames: ReadonlySet<string>;
  onProgress?: (done: number, total: number) => void;
}

/** A run of lines written at a sheet row. */
interface CellBlock {
  row: number;
  lines: SheetCell[][];
}

/** Writes the tabs and returns them with their sheet ids (the next registry). */
export async function writeReportTabs(context: ExcelContext, specs: readonly SheetSpec[], target: ReportTarget): Promise<(WrittenTab & OwnedTab)[]> {
  const { sheets, date1904 } = await workbookState(context);
  const replaced = tabsToReplace(target.registry, sheets, target.protectedNames);
  const taken = sheets.filter((sheet) => !replaced.some((r) => r.id === sheet.id)).map((sheet) => sheet.name);
  const batch = new WriteBatch(context);
  batch.begin();
  for (const sheet of replaced) context.workbook.worksheets.getItem(sheet.id).delete();
  const layouts = specs.map(layoutTab);
  const serialOf = (day: number) => serialForWorkbook(day, date1904);
  const progress = progressCounter(layouts, target.onProgress);
  const tabs: { key: SheetSpec['key']; name: string; sheet: ExcelWorksheet }[] = [];
  for (const [i, spec] of specs.entries()) {
    const name = freeTabName(spec.name, taken);
    taken.push(name);
    const sheet = context.workbook.worksheets.add(name);
    sheet.load('id');
    tabs.push({ key: spec.key, name, sheet });
    await writeCells(batch, sheet, cellBlocks(layouts[i], serialOf), progress);
    batch.begin();
    decorate(sheet, layouts[i]);
  }
  await batch.flush();
  return tabs.map(({ key, name, sheet }) => ({ key, name, id: sheet.id }));
}

/** The workbook's sheets (id and name) and its date system, in one request. */
async function workbookState(context: ExcelContext): Promise<{ sheets: SheetIdentity[]; date1904: boolean }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load(['items/id', 'items/name']);
  const date1904Probe = context.workbook.functions.date(1904, 1, 1);
  date1904Probe.load('value');
  await context.sync();
  return { sheets: worksheets.items.map((sheet) => ({ id: sheet.id, name: sheet.name })), date1904: is1904System(date1904Probe.value) };
}

/** The tab's cells as the layout places them: the notes, then each table's lines. */
function cellBlocks(layout: TabLayout, serialOf: (day: number) => number): CellBlock[] {
  const blocks: CellBlock[] = [];
  if (layout.notes.length > 0) blocks.push({ row: 0, lines: noteLines(layout) });
  for (const table of layout.tables) blocks.push({ row: firstLineRow(table), lines: tableLines(table, 0, tableLineCount(table), serialOf) });
  return blocks;
}

/** Counts written rows against the total of all tabs and reports them. */
function progressCounter(layouts: readonly TabLayout[], onProgress?: (done: number, total: number) => void): (rows: number) => void {
  const total = layouts.reduce((sum, layout) => sum + layout.notes.length + layout.tables.reduce((s, t) => s + tableLineCount(t), 0), 0);
  let done = 0;
  return (rows) => {
    done += rows;
    onProgress?.(done, total);
  };
}

async function writeCells(batch: WriteBatch, sheet: ExcelWorksheet, blocks: readonly CellBlock[], progress: (rows: number) => void): Promise<void> {
  for (const block of blocks) {
    const width = block.lines[0]?.length ?? 0;
    if (width === 0) continue;
    const values = block.lines.map((line) => line.map((cell) => cell.value));
    const formats = block.lines.map((line) => line.map((cell) => cell.format));
    const rowBytes = values.map((row, r) => jsonBytes(row) + jsonBytes(formats[r]) + 2);
    for (let start = 0; start < values.length; ) {
      let end = start + 1;
      let bytes = rowBytes[start];
      while (end < values.length && bytes + rowBytes[end] <= BLOCK_BUDGET_BYTES) bytes += rowBytes[end++];
      await batch.reserve(bytes);
      const range = sheet.getRangeByIndexes(block.row + start, 0, end - start, width);
      range.numberFormat = formats.slice(start, end);
      range.values = values.slice(start, end);
      progress(end - start);
      start = end;
    }
  }
}

/** Everything after the values, queued in one request: widths, bold, tables, colours, freeze, charts. */
function decorate(sheet: ExcelWorksheet, layout: TabLayout): void {
  layout.columnWidths.forEach((characters, column) => {
    sheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = pointsForCharacters(characters);
  });
  for (const table of layout.tables) {
    if (table.titleRow !== null) sheet.getRangeByIndexes(table.titleRow, 0, 1, 1).format.font.bold = true;
    if (!table.native) sheet.getRangeByIndexes(table.headerRow, 0, 1, table.columnCount).format.font.bold = true;
    if (table.native) addTable(sheet, table);
    colourValues(sheet, table);
    colourHeatMap(sheet, table);
  }
  if (layout.frozenRows > 0) sheet.freezePanes.freezeRows(layout.frozenRows);
  for (const chart of layout.charts) addChart(sheet, chart);
}

function addTable(sheet: ExcelWorksheet, table: PlacedTable): void {
  const range = sheet.getRangeByIndexes(table.headerRow, 0, table.rowCount + 1, table.columnCount);
  sheet.tables.add(range, true).style = TABLE_STYLE;
}
/** A fill per cell text (status → colour): one "cell value equals" rule per text. */
function colourValues(sheet: ExcelWorksheet, table: PlacedTable): void {
  if (table.rowCount === 0) return;
  for (const { column, colours } of table.spec.valueColours ?? []) {
    const range = sheet.getRangeByIndexes(table.firstDataRow, columnOf(table, column), table.rowCount, 1);
    for (const [text, colour] of Object.entries(colours)) {
      const format = range.conditionalFormats.add('CellValue');
      format.cellValue.format.fill.color = colour;
      format.cellValue.rule = { formula1: `="${text.replace(/"/g, '""')}"`, operator: 'EqualTo' };
    }
  }
}

/** A 3-colour scale over each run of adjacent heat-map columns (the ABC-XYZ matrix is one run). */
function colourHeatMap(sheet: ExcelWorksheet, table: PlacedTable): void {
  const heatMap = table.spec.heatMap;
  if (!heatMap || table.rowCount === 0) return;
  for (const run of adjacentRuns(heatMap.columns.map((key) => columnOf(table, key)))) {
    const range = sheet.getRangeByIndexes(table.firstDataRow, run.first, table.rowCount, run.count);
    range.conditionalFormats.add('ColorScale').colorScale.criteria = {
      minimum: { type: 'LowestValue', color: heatMap.low },
      midpoint: { type: 'Percentile', formula: '50', color: heatMap.mid },
      maximum: { type: 'HighestValue', color: heatMap.high },
    };
  }
}

/** Column indexes grouped into runs of neighbours: [3,1,2,5] → [{first 1, count 3}, {first 5, count 1}]. */
function adjacentRuns(columns: readonly number[]): { first: number; count: number }[] {
  const sorted = [...new Set(columns)].sort((p, q) => p - q);
  const runs: { first: number; count: number }[] = [];
  for (const column of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.first + last.count === column) last.count++;
    else runs.push({ first: column, count: 1 });
  }
  return runs;
}
