/// <reference types="google-apps-script" />
/**
 * The Google Sheets side of the add-on: the only file that calls SpreadsheetApp.
 *
 * Reading: a sheet's used range in blocks of rows, one getValues per block, date cells turned into
 * serials in the spreadsheet's time zone (dates.ts).
 * Writing: a SheetSpec tab is opened (found by its developer metadata and cleared, or created), its
 * table lines are written one block per call (setNumberFormats, then setValues, so text is text
 * before it lands), and it is finished with bold headers, frozen rows, banding, a filter, conditional
 * formats and native charts. A tab is this add-in's when it carries the metadata `winback.tab` =
 * its SheetKey; a sheet without it is the user's and is never written — a tab whose name is taken
 * gets a suffixed name. The sheets a run reads from are never written either.
 */
import {
  columnOf,
  firstLineRow,
  freeTabName,
  noteLines,
  type Cell,
  type ChartSpec,
  type PlacedChart,
  type PlacedTable,
  type SheetCell,
  type SheetKey,
  type TabLayout,
} from '../core/index.js';
import { plainCell, serialReader } from './dates.js';
import type {
  ChartBuilderApi,
  ConditionalFormatRuleApi,
  HtmlOutputApi,
  RangeApi,
  SheetApi,
  SpreadsheetApi,
  SpreadsheetAppApi,
} from './gas-api.js';

/** Developer-metadata key marking a report tab; the value is its SheetKey. */
export const TAB_KEY = 'winback.tab';
/** Developer-metadata key marking a template sheet; the value is its template key. */
export const TEMPLATE_KEY = 'winback.template';
/** Cells per getValues block when reading a sheet. */
export const READ_BLOCK_CELLS = 200_000;

function app(): SpreadsheetAppApi {
  return SpreadsheetApp;
}

function book(): SpreadsheetApi {
  return app().getActiveSpreadsheet();
}

export function sheetNames(): string[] {
  return book().getSheets().map((sheet) => sheet.getName());
}

export function activeSheetName(): string {
  return book().getActiveSheet().getName();
}

/** True when the spreadsheet has a sheet of this name. */
export function hasSheet(name: string): boolean {
  return book().getSheetByName(name) !== null;
}

/** Activates a sheet by name; false when there is none. */
export function activateSheet(name: string): boolean {
  const sheet = book().getSheetByName(name);
  if (sheet) sheet.activate();
  return sheet !== null;
}

export function spreadsheetTimeZone(): string {
  return book().getSpreadsheetTimeZone();
}

/** The spreadsheet's locale, e.g. `ru_RU` (custom functions may read it; Session they may not rely on). */
export function spreadsheetLocale(): string {
  return book().getSpreadsheetLocale();
}

/** A sheet's used range (row 0 = sheet row 1), or null when there is no such sheet. */
export interface SheetRead {
  grid: Cell[][];
  /** Rows in the used range (more than the grid holds when `maxRows` cut it). */
  rows: number;
}

export function readSheet(name: string, maxRows = Number.POSITIVE_INFINITY): SheetRead | null {
  const sheet = book().getSheetByName(name);
  if (!sheet) return null;
  const rows = sheet.getLastRow();
  const columns = sheet.getLastColumn();
  const wanted = Math.min(rows, maxRows);
  const grid: Cell[][] = [];
  if (columns === 0) return { grid, rows: 0 };
  const toSerial = serialReader(spreadsheetTimeZone);
  const perBlock = Math.max(1, Math.floor(READ_BLOCK_CELLS / columns));
  for (let start = 1; start <= wanted; start += perBlock) {
    const values = sheet.getRange(start, 1, Math.min(perBlock, wanted - start + 1), columns).getValues();
    for (const row of values) grid.push(row.map((cell) => plainCell(cell, toSerial)));
  }
  return { grid, rows };
}

export interface OpenedTab {
  key: SheetKey;
  sheetId: number;
  name: string;
}

/**
 * Finds this add-in's tab for the layout's key (or creates one at the end), clears it, sizes it,
 * writes the notes and sets the column widths. Sheets named in `sources` are never reused. The
 * core's layout counts rows and columns from 0; Sheets from 1.
 */
export function openTab(layout: TabLayout, sources: readonly string[]): OpenedTab {
  const { spec } = layout;
  const ss = book();
  const mine = ownTab(ss, spec.key, sources);
  let sheet: SheetApi;
  if (mine) {
    clearTab(mine);
    const name = freeName(ss, spec.name, mine);
    if (mine.getName() !== name) mine.setName(name);
    sheet = mine;
  } else {
    sheet = ss.insertSheet(freeName(ss, spec.name, null), ss.getSheets().length);
    sheet.addDeveloperMetadata(TAB_KEY, spec.key);
  }
  ensureSize(sheet, layout.extentRows, layout.extentColumns);
  if (layout.notes.length > 0) writeBlock(sheet, 1, noteLines(layout));
  layout.columnWidths.forEach((characters, i) => sheet.setColumnWidth(i + 1, pixelsForCharacters(characters)));
  return { key: spec.key, sheetId: sheet.getSheetId(), name: sheet.getName() };
}

/** Writes lines of cells at a (0-based) row of a tab opened before. */
export function writeLines(sheetId: number, row: number, lines: readonly SheetCell[][]): void {
  writeBlock(sheetById(sheetId), row + 1, lines);
}

/** Bold titles and headers, frozen rows, banding, filter, conditional formats and charts of an opened tab. */
export function finishTab(sheetId: number, layout: TabLayout): void {
  const sheet = sheetById(sheetId);
  let filtered = false;
  for (const table of layout.tables) {
    const top = firstLineRow(table);
    sheet.getRange(top + 1, 1, table.headerRow - top + 1, table.columnCount).setFontWeight('bold');
    if (!table.native) continue;
    const body = sheet.getRange(table.headerRow + 1, 1, table.rowCount + 1, table.columnCount);
    body.applyRowBanding(app().BandingTheme.LIGHT_GREY, true, false);
    if (!filtered) body.createFilter();
    filtered = true;
  }
  if (layout.frozenRows > 0) sheet.setFrozenRows(layout.frozenRows);
  const rules = layout.tables.flatMap((table) => conditionalRules(sheet, table));
  if (rules.length > 0) sheet.setConditionalFormatRules(rules);
  for (const chart of layout.charts) insertChart(sheet, chart);
}

/**
 * Writes a template sheet unless one with this template key exists (a template never overwrites
 * what the user typed into it). Row 1 is bold and, for an input sheet, frozen. Returns the name.
 */
export function ensureTemplateSheet(key: string, name: string, lines: readonly SheetCell[][], freezeFirstRow: boolean): string {
  const ss = book();
  const existing = ss
    .createDeveloperMetadataFinder()
    .withKey(TEMPLATE_KEY)
    .find()
    .find((meta) => meta.getValue() === key)
    ?.getLocation()
    .getSheet();
  if (existing) return existing.getName();
  const sheet = ss.insertSheet(freeName(ss, name, null), ss.getSheets().length);
  sheet.addDeveloperMetadata(TEMPLATE_KEY, key);
  const width = Math.max(1, ...lines.map((row) => row.length));
  ensureSize(sheet, lines.length, width);
  writeBlock(sheet, 1, lines);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  if (freezeFirstRow) sheet.setFrozenRows(1);
  return sheet.getName();
}

/** The Extensions → Winback menu. */
export function addMenu(items: readonly { caption: string; functionName: string }[]): void {
  const menu = app().getUi().createAddonMenu();
  items.forEach((item) => menu.addItem(item.caption, item.functionName));
  menu.addToUi();
}

export function showSidebar(page: HtmlOutputApi): void {
  app().getUi().showSidebar(page);
}

export function showDialog(page: HtmlOutputApi, title: string): void {
  app().getUi().showModalDialog(page, title);
}

function sheetById(sheetId: number): SheetApi {
  const sheet = book().getSheetById(sheetId);
  if (!sheet) throw new Error(`The sheet with id ${sheetId} was deleted while the report was being written.`);
  return sheet;
}

/** This add-in's tab for a key, skipping sheets the run reads from. */
function ownTab(ss: SpreadsheetApi, key: SheetKey, sources: readonly string[]): SheetApi | null {
  for (const meta of ss.createDeveloperMetadataFinder().withKey(TAB_KEY).find()) {
    const sheet = meta.getValue() === key ? meta.getLocation().getSheet() : null;
    if (sheet && !sources.includes(sheet.getName())) return sheet;
  }
  return null;
}

/** `name`, or `name (2)`, `name (3)`… — the first that no other sheet has (core/layout's tab-name rules). */
function freeName(ss: SpreadsheetApi, name: string, self: SheetApi | null): string {
  const others = ss.getSheets().filter((sheet) => self === null || sheet.getSheetId() !== self.getSheetId());
  return freeTabName(name, others.map((sheet) => sheet.getName()));
}

function clearTab(sheet: SheetApi): void {
  sheet.getCharts().forEach((chart) => sheet.removeChart(chart));
  sheet.getBandings().forEach((banding) => banding.remove());
  sheet.getFilter()?.remove();
  sheet.clearConditionalFormatRules();
  sheet.setFrozenRows(0);
  sheet.clear();
}

function ensureSize(sheet: SheetApi, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** Cells at a 1-based row, column A on: their number formats first, so text lands as text. */
function writeBlock(sheet: SheetApi, row: number, lines: readonly SheetCell[][]): void {
  if (lines.length === 0) return;
  const range = sheet.getRange(row, 1, lines.length, lines[0].length);
  range.setNumberFormats(lines.map((line) => line.map((cell) => cell.format)));
  range.setValues(lines.map((line) => line.map((cell) => cell.value)));
}

/** Pixel width of a column `characters` wide. */
function pixelsForCharacters(characters: number): number {
  return Math.round(characters * 7 + 16);
}

/** A column of a table's data (with its header when asked), or null when the table has no rows. */
function columnRange(sheet: SheetApi, table: PlacedTable, key: string, withHeader: boolean): RangeApi | null {
  if (table.rowCount === 0) return null;
  const first = withHeader ? table.headerRow : table.firstDataRow;
  return sheet.getRange(first + 1, columnOf(table, key) + 1, table.rowCount + (withHeader ? 1 : 0), 1);
}

/** Status / tier colours as text-equals rules; the heat-map as one gradient over its columns. */
function conditionalRules(sheet: SheetApi, table: PlacedTable): ConditionalFormatRuleApi[] {
  const rules: ConditionalFormatRuleApi[] = [];
  for (const paint of table.spec.valueColours ?? []) {
    const range = columnRange(sheet, table, paint.column, false);
    if (!range) continue;
    for (const [text, colour] of Object.entries(paint.colours)) {
      rules.push(app().newConditionalFormatRule().whenTextEqualTo(text).setBackground(colour).setRanges([range]).build());
    }
  }
  const heat = table.spec.heatMap;
  const ranges = heat ? heat.columns.flatMap((key) => columnRange(sheet, table, key, false) ?? []) : [];
  if (heat && ranges.length > 0) {
    rules.push(
      app()
        .newConditionalFormatRule()
        .setGradientMinpoint(heat.low)
        .setGradientMidpointWithValue(heat.mid, app().InterpolationType.PERCENTILE, '50')
        .setGradientMaxpoint(heat.high)
        .setRanges(ranges)
        .build(),
    );
  }
  return rules;
}

function insertChart(sheet: SheetApi, chart: PlacedChart): void {
  const { table, spec } = chart;
  const ranges = [spec.categories, ...spec.series].flatMap((key) => columnRange(sheet, table, key, true) ?? []);
  if (ranges.length < 2) return;
  let builder = chartOfKind(sheet, spec);
  for (const range of ranges) builder = builder.addRange(range);
  sheet.insertChart(builder.setNumHeaders(1).setOption('title', spec.title).setPosition(chart.top + 1, chart.left + 1, 0, 0).build());
}

function chartOfKind(sheet: SheetApi, chart: ChartSpec): ChartBuilderApi {
  const start = sheet.newChart();
  switch (chart.kind) {
    case 'pareto':
      return start
        .asComboChart()
        .setOption('seriesType', 'bars')
        .setOption('series', { 1: { type: 'line', targetAxisIndex: 1 } });
    case 'stacked-column':
      return start.asColumnChart().setStacked();
    case 'line':
      return start.asLineChart();
    case 'bar':
      return start.asBarChart();
    case 'column':
      return start.asColumnChart();
  }
}
