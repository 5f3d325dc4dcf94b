/**
 * Writing report tabs through the Excel API (DESIGN "Hosts are thin and batch their I/O").
 *
 * For each SheetSpec: a new worksheet, written as the core's layout places it (core/layout): its
 * cells built 1,000 lines at a time (the page gets a turn between slices of work, pace.ts) and sent
 * in row blocks sized by the payload estimate (excel-batch.ts), each block's number formats
 * queued just before its values in the same request (a string must land in a Text cell to stay
 * text); then, in the same request as its last block, column widths, bold titles, native tables,
 * conditional formats (colour scale for the heat-map, a fill per value for status colours), the
 * frozen header and the charts. Calculation is suspended in every request.
 *
 * Replacing, so that a failed run leaves the previous report as it was (never half a report, never
 * orphans): the new tabs are written first, under temporary names `~wb<token>n<i>`, each marked
 * with its report key and final name (tab-marks.ts). Then one request swaps: the old tabs
 * (tab-registry.ts: ours, by registry or mark) are renamed aside to `~wb<token>o<i>` (a very
 * hidden one is made hidden first — Excel cannot delete a very hidden sheet), the new ones take
 * their final names, and the old ones are deleted. A failed sync may have run only part of its
 * request, so after any failure `reconcileReport` looks at the workbook: if every new tab already
 * has its final name the run is done and the old tabs left over are removed; otherwise everything
 * new is deleted and the old tabs get their names (and visibility) back.
 *
 * A new tab whose name is taken by a sheet that stays gets a free name ("Clients (2)").
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
  type SheetKey,
  type SheetSpec,
  type TabLayout,
  type WrittenTab,
} from '../core/index.js';
import type { ExcelContext, ExcelWorksheet } from './excel-api.js';
import { WriteBatch, type WritePart } from './excel-batch.js';
import { addChart } from './excel-charts.js';
import { is1904System, serialForWorkbook } from './date-system.js';
import { pacer } from './pace.js';
import { jsonBytes, type PayloadEstimate } from './payload.js';
import { tabsToReplace, TEMPORARY_PREFIX, type OwnedTab, type SheetIdentity } from './tab-registry.js';
import type { TabMarks } from './tab-marks.js';

const TABLE_STYLE = 'TableStyleMedium2';

/** Points for a column `characters` wide (7 px a character plus 5 px padding, at 0.75 pt a pixel). */
export function pointsForCharacters(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75);
}

export interface ReportTarget {
  /** The tabs the last run wrote. */
  registry: readonly OwnedTab[];
  /** Sheets that must survive even if they are ours (the sheets this run analyses). */
  protectedNames: ReadonlySet<string>;
  payload: PayloadEstimate;
  marks: TabMarks;
  onProgress?: (done: number, total: number) => void;
}

/** What a run has done so far — enough for `reconcileReport` to finish or undo it. */
export interface ReportRun {
  /** Starts the temporary names of this run. */
  token: string;
  /** How many tabs the run writes. */
  count: number;
  /** The old tabs being replaced, as they were. */
  replaced: SheetIdentity[];
  /** The final name of each new tab, in report order. */
  names: string[];
  /** The new tabs created so far, with their ids. */
  created: (WrittenTab & OwnedTab)[];
}

/** A fresh run: a token no sheet name starts with. */
export function newReportRun(random: () => number = Math.random): ReportRun {
  return { token: `${TEMPORARY_PREFIX}${Math.floor(random() * 36 ** 6).toString(36)}`, count: 0, replaced: [], names: [], created: [] };
}

/** A run of lines written at a sheet row. */
interface CellBlock {
  row: number;
  lines: SheetCell[][];
}

/** Writes the tabs (new first, then the swap) and returns them with their sheet ids (the next registry). */
export async function writeReportTabs(context: ExcelContext, specs: readonly SheetSpec[], target: ReportTarget, run: ReportRun): Promise<(WrittenTab & OwnedTab)[]> {
  run.count = specs.length;
  const { sheets, date1904 } = await workbookState(context, target.marks);
  run.replaced = tabsToReplace(target.registry, sheets, target.protectedNames);
  const staying = sheets.filter((sheet) => !run.replaced.some((r) => r.id === sheet.id)).map((sheet) => sheet.name);
  for (const spec of specs) run.names.push(freeTabName(spec.name, [...staying, ...run.names]));
  const serialOf = (day: number) => serialForWorkbook(day, date1904);
  const layouts = specs.map(layoutTab);
  const progress = progressCounter(layouts, target.onProgress);
  const pace = pacer();
  const batch = new WriteBatch(context, target.payload);
  for (const [i, spec] of specs.entries()) {
    await batch.flush();
    const sheet = await addTab(context, target.marks, `${run.token}n${i}`, spec.key, run.names[i]);
    run.created.push({ key: spec.key, name: run.names[i], id: sheet.id });
    const layout = layouts[i];
    await pace();
    await writeCells(batch, sheet, layout, serialOf, progress, pace);
    await batch.queue({ bytes: 0, send: () => decorate(sheet, layout) });
  }
  await batch.flush();
  swap(context, run);
  await context.sync();
  return run.created;
}

/**
 * After a failure: finishes the run when every new tab already has its final name (returns the
 * tabs), else removes everything new and gives the old tabs back their names and visibility (returns null).
 */
export async function reconcileReport(context: ExcelContext, run: ReportRun): Promise<(WrittenTab & OwnedTab)[] | null> {
  const worksheets = context.workbook.worksheets;
  worksheets.load(['items/id', 'items/name', 'items/visibility']);
  await context.sync();
  const now = new Map(worksheets.items.map((sheet) => [sheet.id, sheet]));
  const done = run.count > 0 && run.created.length === run.count && run.created.every((tab) => now.get(tab.id)?.name === tab.name);
  if (done) {
    for (const old of run.replaced) if (now.has(old.id)) deleteTab(worksheets.getItem(old.id), now.get(old.id)!.visibility);
    await context.sync();
    return run.created;
  }
  const created = new Set(run.created.map((tab) => tab.id));
  for (const sheet of worksheets.items) if (created.has(sheet.id) || sheet.name.startsWith(`${run.token}n`)) worksheets.getItem(sheet.id).delete();
  for (const old of run.replaced) {
    const sheet = now.get(old.id);
    if (!sheet) continue;
    const item = worksheets.getItem(old.id);
    if (sheet.name !== old.name) item.name = old.name;
    if (old.visibility && sheet.visibility !== old.visibility) item.visibility = old.visibility;
  }
  await context.sync();
  return null;
}

/**
 * The old tabs aside, the new ones under their names, the old ones gone, and the report open on its
 * first tab, the Summary (Worksheet.activate, ExcelApi 1.1:
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-activate-member(1))
 * — one request, so a failure leaves the previous report as it was.
 */
function swap(context: ExcelContext, run: ReportRun): void {
  const worksheets = context.workbook.worksheets;
  context.application.suspendApiCalculationUntilNextSync();
  run.replaced.forEach((old, i) => {
    const sheet = worksheets.getItem(old.id);
    if (old.visibility === 'VeryHidden') sheet.visibility = 'Hidden';
    sheet.name = `${run.token}o${i}`;
  });
  for (const tab of run.created) worksheets.getItem(tab.id).name = tab.name;
  for (const old of run.replaced) worksheets.getItem(old.id).delete();
  if (run.created.length > 0) worksheets.getItem(run.created[0]!.id).activate();
}

/** Deletes a tab; a very hidden one is made hidden first (Excel.Worksheet.delete refuses very hidden sheets). */
function deleteTab(sheet: ExcelWorksheet, visibility: string): void {
  if (visibility === 'VeryHidden') sheet.visibility = 'Hidden';
  sheet.delete();
}

/** A new, marked tab under its temporary name, in a request of its own (so its id is known). */
async function addTab(context: ExcelContext, marks: TabMarks, temporary: string, key: SheetKey, name: string): Promise<ExcelWorksheet> {
  const sheet = context.workbook.worksheets.add(temporary);
  marks.write(sheet, { key, name });
  sheet.load('id');
  await context.sync();
  return sheet;
}

/** The workbook's sheets (id, name, visibility, mark) and its date system. */
async function workbookState(context: ExcelContext, marks: TabMarks): Promise<{ sheets: SheetIdentity[]; date1904: boolean }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load(['items/id', 'items/name', 'items/visibility']);
  const date1904Probe = context.workbook.functions.date(1904, 1, 1);
  date1904Probe.load('value');
  await context.sync();
  const sheets = await marks.read(
    context,
    worksheets.items.map((sheet) => ({ id: sheet.id, name: sheet.name, visibility: sheet.visibility })),
  );
  return { sheets, date1904: is1904System(date1904Probe.value) };
}

/** Lines of a tab built and written at a time (a slice of work, see pace.ts). */
const LINES_PER_CHUNK = 1_000;

/** The tab's cells as the layout places them — each block of notes, then each table's lines — a chunk of lines at a time. */
function* cellChunks(layout: TabLayout, serialOf: (day: number) => number): Generator<CellBlock> {
  for (const block of layout.notes) yield { row: block.row, lines: noteLines(block) };
  for (const table of layout.tables) {
    const count = tableLineCount(table);
    for (let from = 0; from < count; from += LINES_PER_CHUNK) {
      yield { row: firstLineRow(table) + from, lines: tableLines(table, from, Math.min(count, from + LINES_PER_CHUNK), serialOf) };
    }
  }
}

/** Counts written rows against the total of all tabs (notes, titles, headers, rows, links) and reports them. */
function progressCounter(layouts: readonly TabLayout[], onProgress?: (done: number, total: number) => void): (rows: number) => void {
  const lines = (layout: TabLayout) => layout.notes.reduce((s, block) => s + block.texts.length, 0) + layout.tables.reduce((s, t) => s + tableLineCount(t), 0);
  const total = layouts.reduce((sum, layout) => sum + lines(layout), 0);
  let done = 0;
  return (rows) => {
    done += rows;
    onProgress?.(done, total);
  };
}

/** Rows `from`–`to` of a block as one write part (number formats, then values); it halves by rows. */
function cellPart(sheet: ExcelWorksheet, row: number, values: unknown[][], formats: unknown[][], rowBytes: readonly number[]): WritePart {
  const bytes = rowBytes.reduce((sum, b) => sum + b, 0);
  const part: WritePart = {
    bytes,
    send: () => {
      const range = sheet.getRangeByIndexes(row, 0, values.length, values[0].length);
      range.numberFormat = formats;
      range.values = values;
    },
  };
  if (values.length > 1) {
    const half = Math.ceil(values.length / 2);
    part.split = () => [
      cellPart(sheet, row, values.slice(0, half), formats.slice(0, half), rowBytes.slice(0, half)),
      cellPart(sheet, row + half, values.slice(half), formats.slice(half), rowBytes.slice(half)),
    ];
  }
  return part;
}

async function writeCells(
  batch: WriteBatch,
  sheet: ExcelWorksheet,
  layout: TabLayout,
  serialOf: (day: number) => number,
  progress: (rows: number) => void,
  pace: () => Promise<void>,
): Promise<void> {
  for (const block of cellChunks(layout, serialOf)) {
    const width = block.lines[0]?.length ?? 0;
    if (width === 0) continue;
    const values = block.lines.map((line) => line.map((cell) => cell.value));
    const formats = block.lines.map((line) => line.map((cell) => cell.format));
    const rowBytes = values.map((row, r) => jsonBytes(row) + jsonBytes(formats[r]) + 2);
    for (let start = 0; start < values.length; ) {
      let end = start + 1;
      let bytes = rowBytes[start];
      while (end < values.length && bytes + rowBytes[end] <= batch.budget) bytes += rowBytes[end++];
      await batch.queue(cellPart(sheet, block.row + start, values.slice(start, end), formats.slice(start, end), rowBytes.slice(start, end)));
      progress(end - start);
      start = end;
    }
    await pace();
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
