/// <reference types="google-apps-script" />
/**
 * The Google Sheets side of the add-on: the only file that calls SpreadsheetApp.
 *
 * Reading: rows of a sheet, one getValues per block, date cells turned into serials in the
 * spreadsheet's time zone (dates.ts).
 * Writing: replays a write plan's data (plan.ts). A tab is opened (found by its developer metadata
 * and cleared, or created), sized exactly to what it holds — every cell of every sheet counts
 * against the spreadsheet's 10,000,000, empty or not, and a new sheet is 1000 × 26 — its table lines
 * are written one block per call (setNumberFormats, then setValues, so text is text before it
 * lands), and it is finished with bold headers, frozen rows, banding, a filter, conditional formats
 * and native charts, after removing any a previous finish left (so a finish can be repeated).
 *
 * A tab is this add-in's when it carries the metadata `winback.tab` = {"key": its SheetKey,
 * "sheet": its own sheet id}. A duplicated tab (the sheet menu's Duplicate or Copy to) may carry a
 * copy of the metadata, but under another sheet id, so it is the user's and never cleared. A sheet
 * without the metadata is the user's and is never written; a tab whose name is taken gets a
 * suffixed name; the sheets a run reads from are never written either.
 *
 * Spreadsheet.insertSheet makes the new sheet the active one ("The new sheet becomes the active
 * sheet", https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertsheet —
 * said of insertSheet(); assumed of the overload with a name and an index, unconfirmed), which would
 * switch the user's view to each new tab in turn; the view goes back to the sheet the user was on
 * before the writes are flushed.
 */
import { freeTabName, type Cell, type SheetCell, type SheetKey } from '../core/index.js';
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
import type { Box, ChartData, OpenTab, RuleData, TabFinish } from './plan.js';

/** Developer-metadata key marking a report tab; the value is {"key": SheetKey, "sheet": sheet id}. */
export const TAB_KEY = 'winback.tab';
/** Developer-metadata key marking a template sheet; the value is its template key. */
export const TEMPLATE_KEY = 'winback.template';
/** Cells per getValues block when reading a sheet. */
export const READ_BLOCK_CELLS = 200_000;
/** Google Sheets holds at most 10 million cells per spreadsheet (https://support.google.com/drive/answer/37603). */
export const SPREADSHEET_CELLS = 10_000_000;
/** Rows and columns of a sheet insertSheet makes. */
export const NEW_SHEET_CELLS = 1000 * 26;

/** A source sheet deleted (or renamed) while the run was reading it. */
export class SourceGone extends Error {
  constructor(readonly sheet: string) {
    super(`The sheet "${sheet}" was deleted while it was being read.`);
  }
}

/** A sheet a tab was deleted from while the report was being written. */
export class TabDeleted extends Error {
  constructor(readonly sheetId: number) {
    super(`The sheet with id ${sheetId} was deleted while the report was being written.`);
  }
}

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

export function activeSheetId(): number {
  return book().getActiveSheet().getSheetId();
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

/** Applies the pending writes now (SpreadsheetApp.flush), so they are done before time is measured. */
export function flush(): void {
  app().flush();
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
  if (columns === 0) return { grid: [], rows: 0 };
  const toSerial = serialReader(spreadsheetTimeZone);
  const perBlock = Math.max(1, Math.floor(READ_BLOCK_CELLS / columns));
  const grid: Cell[][] = [];
  for (let start = 1; start <= wanted; start += perBlock) grid.push(...cells(sheet, start, Math.min(perBlock, wanted - start + 1), 1, columns, toSerial));
  return { grid, rows };
}

/** Rows and columns with content (Sheet.getLastRow / getLastColumn), or null when there is no such sheet. */
export function sheetSize(name: string): { rows: number; columns: number } | null {
  const sheet = book().getSheetByName(name);
  return sheet ? { rows: sheet.getLastRow(), columns: sheet.getLastColumn() } : null;
}

/** A rectangle of a sheet's cells (1-based), in one getValues, dates as serials. */
export function readCells(name: string, row: number, rows: number, column: number, columns: number, toSerial: (date: Date) => number): Cell[][] {
  const sheet = book().getSheetByName(name);
  if (!sheet) throw new SourceGone(name);
  return cells(sheet, row, rows, column, columns, toSerial);
}

function cells(sheet: SheetApi, row: number, rows: number, column: number, columns: number, toSerial: (date: Date) => number): Cell[][] {
  return sheet
    .getRange(row, column, rows, columns)
    .getValues()
    .map((line) => line.map((cell) => plainCell(cell, toSerial)));
}

/** Every sheet's cells (rows × columns) and those of this add-in's tab for each key. */
export function cellInventory(keys: readonly SheetKey[], sources: readonly string[]): { total: number; own: Partial<Record<SheetKey, number>> } {
  const ss = book();
  const total = ss.getSheets().reduce((sum, sheet) => sum + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
  const own: Partial<Record<SheetKey, number>> = {};
  for (const key of keys) {
    const sheet = ownTab(ss, key, sources);
    if (sheet) own[key] = sheet.getMaxRows() * sheet.getMaxColumns();
  }
  return { total, own };
}

export interface OpenedTab {
  key: SheetKey;
  sheetId: number;
  name: string;
}

/**
 * Finds this add-in's tab for the key (or creates one at the end), clears it, sizes it exactly,
 * writes the notes and sets the column widths. Sheets named in `sources` are never reused.
 */
export function openTab(open: OpenTab, sources: readonly string[], view: number | null): OpenedTab {
  const ss = book();
  let sheet = ownTab(ss, open.key, sources);
  if (sheet) {
    clearTab(sheet);
    const name = freeName(ss, open.name, sheet);
    if (sheet.getName() !== name) sheet.setName(name);
  } else {
    sheet = ss.insertSheet(freeName(ss, open.name, null), ss.getSheets().length);
    sheet.addDeveloperMetadata(TAB_KEY, JSON.stringify({ key: open.key, sheet: sheet.getSheetId() }));
    if (view !== null) ss.getSheetById(view)?.activate();
  }
  resize(sheet, open.rows, open.columns);
  for (const block of open.notes) writeBlock(sheet, block.row, block.lines);
  open.widths.forEach((pixels, i) => sheet.setColumnWidth(i + 1, pixels));
  return { key: open.key, sheetId: sheet.getSheetId(), name: sheet.getName() };
}

/** Writes lines of cells at a (1-based) row of a tab opened before. */
export function writeLines(sheetId: number, row: number, lines: readonly SheetCell[][]): void {
  writeBlock(sheetById(sheetId), row, lines);
}

/** Bold titles and headers, frozen rows, banding, filter, conditional formats and charts of an opened tab. */
export function finishTab(sheetId: number, finish: TabFinish): void {
  const sheet = sheetById(sheetId);
  clearExtras(sheet);
  const range = (box: Box) => sheet.getRange(box.row, box.column, box.rows, box.columns);
  for (const box of finish.bold) range(box).setFontWeight('bold');
  for (const box of finish.banded) range(box).applyRowBanding(app().BandingTheme.LIGHT_GREY, true, false);
  if (finish.filter) range(finish.filter).createFilter();
  sheet.setFrozenRows(finish.frozenRows);
  const rules = finish.rules.map((rule) => conditionalRule(rule, range));
  if (rules.length > 0) sheet.setConditionalFormatRules(rules);
  for (const chart of finish.charts) insertChart(sheet, chart, range);
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
  writeBlock(sheet, 1, lines);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  if (freezeFirstRow) sheet.setFrozenRows(1);
  return sheet.getName();
}

/** The add-on menu (Extensions → the project's or the add-on's name). */
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
  if (!sheet) throw new TabDeleted(sheetId);
  return sheet;
}

/** This add-in's tab for a key: the metadata names the key and the sheet's own id; never a sheet the run reads. */
function ownTab(ss: SpreadsheetApi, key: SheetKey, sources: readonly string[]): SheetApi | null {
  for (const meta of ss.createDeveloperMetadataFinder().withKey(TAB_KEY).find()) {
    const owner = ownerOf(meta.getValue());
    const sheet = owner?.key === key ? meta.getLocation().getSheet() : null;
    if (sheet && sheet.getSheetId() === owner?.sheet && !sources.includes(sheet.getName())) return sheet;
  }
  return null;
}

function ownerOf(value: string | null): { key: string; sheet: number } | null {
  if (value === null || !value.startsWith('{')) return null;
  try {
    const parsed = JSON.parse(value) as { key?: unknown; sheet?: unknown };
    return typeof parsed.key === 'string' && typeof parsed.sheet === 'number' ? { key: parsed.key, sheet: parsed.sheet } : null;
  } catch {
    return null;
  }
}

/** `name`, or `name (2)`, `name (3)`… — the first that no other sheet has, in any case (core/layout's tab-name rules). */
function freeName(ss: SpreadsheetApi, name: string, self: SheetApi | null): string {
  const others = ss.getSheets().filter((sheet) => self === null || sheet.getSheetId() !== self.getSheetId());
  return freeTabName(name, others.map((sheet) => sheet.getName()));
}

function clearTab(sheet: SheetApi): void {
  clearExtras(sheet);
  sheet.setFrozenRows(0);
  sheet.clear();
}

/** Charts, banding, filter and conditional formats: what a finish adds. */
function clearExtras(sheet: SheetApi): void {
  sheet.getCharts().forEach((chart) => sheet.removeChart(chart));
  sheet.getBandings().forEach((banding) => banding.remove());
  sheet.getFilter()?.remove();
  sheet.clearConditionalFormatRules();
}

/** Exactly `rows` × `columns`: what is too much is deleted first, so the tab never takes more than it needs. */
function resize(sheet: SheetApi, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  if (maxRows > rows) sheet.deleteRows(rows + 1, maxRows - rows);
  if (maxColumns > columns) sheet.deleteColumns(columns + 1, maxColumns - columns);
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** Cells at a 1-based row, column A on: their number formats first, so text lands as text. */
function writeBlock(sheet: SheetApi, row: number, lines: readonly SheetCell[][]): void {
  if (lines.length === 0) return;
  const range = sheet.getRange(row, 1, lines.length, lines[0].length);
  range.setNumberFormats(lines.map((line) => line.map((cell) => cell.format)));
  range.setValues(lines.map((line) => line.map((cell) => cell.value)));
}

function conditionalRule(rule: RuleData, range: (box: Box) => RangeApi): ConditionalFormatRuleApi {
  const builder = app().newConditionalFormatRule();
  if (rule.kind === 'text') return builder.whenTextEqualTo(rule.text).setBackground(rule.colour).setRanges([range(rule.range)]).build();
  return builder
    .setGradientMinpoint(rule.low)
    .setGradientMidpointWithValue(rule.mid, app().InterpolationType.PERCENTILE, '50')
    .setGradientMaxpoint(rule.high)
    .setRanges(rule.ranges.map(range))
    .build();
}

function insertChart(sheet: SheetApi, chart: ChartData, range: (box: Box) => RangeApi): void {
  let builder = chartOfKind(sheet, chart.kind);
  for (const box of chart.ranges) builder = builder.addRange(range(box));
  sheet.insertChart(builder.setNumHeaders(1).setOption('title', chart.title).setPosition(chart.anchor.row, chart.anchor.column, 0, 0).build());
}

function chartOfKind(sheet: SheetApi, kind: ChartData['kind']): ChartBuilderApi {
  const start = sheet.newChart();
  switch (kind) {
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
