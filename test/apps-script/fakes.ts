/**
 * Typed fakes of the Apps Script services the add-on uses (apps-script/gas-api.ts): an in-memory
 * spreadsheet with sheets, ranges, formats, developer metadata, banding, filters, conditional
 * format rules and charts; HtmlService, PropertiesService, CacheService (with its real limits),
 * Session and Utilities. Every call is counted, and every call advances a simulated clock by a
 * fixed cost (more for calls that move many cells), so time budgets are checked deterministically.
 *
 * Writing models Sheets' user-entered parsing: a string written to a cell whose number format is
 * not plain text (`@`) becomes a formula when it starts with `=`, and a number when it reads as one.
 * Ranges outside a sheet's size throw, as in Sheets.
 */
import type {
  BandingApi,
  CacheApi,
  CacheServiceApi,
  ChartApi,
  ChartBuilderApi,
  ConditionalFormatRuleApi,
  ConditionalFormatRuleBuilderApi,
  DeveloperMetadataApi,
  DeveloperMetadataFinderApi,
  FilterApi,
  HtmlOutputApi,
  HtmlServiceApi,
  MenuApi,
  NewChartApi,
  PropertiesApi,
  PropertiesServiceApi,
  RangeApi,
  SessionApi,
  SheetApi,
  SheetCell,
  SpreadsheetApi,
  SpreadsheetAppApi,
  UiApi,
  UtilitiesApi,
} from '../../apps-script/gas-api.js';

/** Simulated milliseconds per call, and per cell for calls that move cells. */
export const COSTS = { call: 5, sheetChange: 150, chart: 300, perCellRead: 0.01, perCellWritten: 0.05, perFormat: 0.02 };

export class Recorder {
  readonly counts = new Map<string, number>();
  now = 0;

  record(name: string, cost = COSTS.call): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.now += cost;
  }

  count(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  reset(): void {
    this.counts.clear();
  }
}

/** A stored cell: a value, or a formula Sheets would evaluate. */
export type StoredCell = SheetCell | { formula: string };

export interface Box {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export class FakeRange implements RangeApi {
  constructor(
    readonly sheet: FakeSheet,
    readonly box: Box,
  ) {}

  private get cells(): number {
    return this.box.rows * this.box.columns;
  }

  getValues(): SheetCell[][] {
    this.sheet.log.record('Range.getValues', COSTS.call + this.cells * COSTS.perCellRead);
    return this.map((r, c) => {
      const cell = this.sheet.cell(r, c);
      return typeof cell === 'object' && !(cell instanceof Date) ? '' : cell;
    });
  }

  setValues(values: (string | number)[][]): this {
    this.sheet.log.record('Range.setValues', COSTS.call + this.cells * COSTS.perCellWritten);
    this.checkShape(values);
    this.forEach((r, c, i, j) => this.sheet.put(r, c, entered(values[i][j], this.sheet.format(r, c))));
    return this;
  }

  setNumberFormats(numberFormats: string[][]): this {
    this.sheet.log.record('Range.setNumberFormats', COSTS.call + this.cells * COSTS.perFormat);
    this.checkShape(numberFormats);
    this.forEach((r, c, i, j) => this.sheet.formats.set(key(r, c), numberFormats[i][j]));
    return this;
  }

  setFontWeight(fontWeight: string | null): this {
    this.sheet.log.record('Range.setFontWeight');
    if (fontWeight === 'bold') this.sheet.boldRanges.push(this.box);
    return this;
  }

  applyRowBanding(bandingTheme: unknown, showHeader: boolean, showFooter: boolean): FakeBanding {
    this.sheet.log.record('Range.applyRowBanding');
    const overlapping = this.sheet.bandings.some((b) => overlaps(b.box, this.box));
    if (overlapping) throw new Error('You cannot add alternating colors to a range that already has alternating colors.');
    const banding = new FakeBanding(this.sheet, this.box, { theme: bandingTheme, showHeader, showFooter });
    this.sheet.bandings.push(banding);
    return banding;
  }

  createFilter(): FakeFilter {
    this.sheet.log.record('Range.createFilter');
    if (this.sheet.filter) throw new Error('You can only have one filter per sheet.');
    this.sheet.filter = new FakeFilter(this.sheet, this.box);
    return this.sheet.filter;
  }

  private checkShape(values: readonly (readonly unknown[])[]): void {
    if (values.length !== this.box.rows || values.some((row) => row.length !== this.box.columns)) {
      throw new Error(`The data has ${values.length} rows but the range has ${this.box.rows} (or a row's width differs).`);
    }
  }

  private forEach(visit: (row: number, column: number, i: number, j: number) => void): void {
    for (let i = 0; i < this.box.rows; i++) for (let j = 0; j < this.box.columns; j++) visit(this.box.row + i, this.box.column + j, i, j);
  }

  private map<T>(read: (row: number, column: number) => T): T[][] {
    return Array.from({ length: this.box.rows }, (_, i) => Array.from({ length: this.box.columns }, (_, j) => read(this.box.row + i, this.box.column + j)));
  }
}

/** What Sheets stores for a written value, given the cell's number format. */
function entered(value: string | number, format: string | undefined): StoredCell {
  if (typeof value !== 'string' || format === '@') return value;
  if (value.startsWith('=')) return { formula: value };
  if (/^[+-]?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return value;
}

const key = (row: number, column: number) => `${row}:${column}`;

function overlaps(a: Box, b: Box): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
}

export class FakeBanding implements BandingApi {
  constructor(
    readonly sheet: FakeSheet,
    readonly box: Box,
    readonly style: { theme: unknown; showHeader: boolean; showFooter: boolean },
  ) {}

  remove(): void {
    this.sheet.log.record('Banding.remove');
    this.sheet.bandings = this.sheet.bandings.filter((b) => b !== this);
  }
}

export class FakeFilter implements FilterApi {
  constructor(
    readonly sheet: FakeSheet,
    readonly box: Box,
  ) {}

  remove(): void {
    this.sheet.log.record('Filter.remove');
    this.sheet.filter = null;
  }
}

export interface ChartRecord {
  type: 'column' | 'bar' | 'line' | 'combo' | 'default';
  stacked: boolean;
  ranges: Box[];
  numHeaders: number | null;
  options: Record<string, unknown>;
  position: { row: number; column: number } | null;
}

export class FakeChart implements ChartApi {
  constructor(
    readonly record: ChartRecord,
    readonly id: number,
  ) {}

  getChartId(): number {
    return this.id;
  }
}

class FakeChartBuilder implements NewChartApi {
  readonly record: ChartRecord = { type: 'default', stacked: false, ranges: [], numHeaders: null, options: {}, position: null };

  constructor(private readonly sheet: FakeSheet) {}

  addRange(range: RangeApi): this {
    this.record.ranges.push((range as FakeRange).box);
    return this;
  }

  setNumHeaders(headers: number): this {
    this.record.numHeaders = headers;
    return this;
  }

  setOption(option: string, value: unknown): this {
    this.record.options[option] = value;
    return this;
  }

  setPosition(anchorRowPos: number, anchorColPos: number): this {
    this.record.position = { row: anchorRowPos, column: anchorColPos };
    return this;
  }

  asColumnChart(): this & { setStacked(): ChartBuilderApi } {
    this.record.type = 'column';
    return Object.assign(this, {
      setStacked: () => {
        this.record.stacked = true;
        return this;
      },
    });
  }

  asBarChart(): this {
    this.record.type = 'bar';
    return this;
  }

  asLineChart(): this {
    this.record.type = 'line';
    return this;
  }

  asComboChart(): this {
    this.record.type = 'combo';
    return this;
  }

  build(): FakeChart {
    this.sheet.log.record('EmbeddedChartBuilder.build', COSTS.chart);
    return new FakeChart(this.record, this.sheet.book.nextId());
  }
}

export interface RuleRecord {
  kind: 'text' | 'gradient' | 'none';
  text?: string;
  background?: string | null;
  gradient?: { min?: string; mid?: { color: string; type: unknown; value: string }; max?: string };
  ranges: Box[];
}

export class FakeRule implements ConditionalFormatRuleApi {
  constructor(
    readonly record: RuleRecord,
    private readonly ranges: FakeRange[],
  ) {}

  getRanges(): FakeRange[] {
    return this.ranges;
  }
}

class FakeRuleBuilder implements ConditionalFormatRuleBuilderApi {
  private readonly record: RuleRecord = { kind: 'none', ranges: [] };
  private ranges: FakeRange[] = [];

  whenTextEqualTo(text: string): this {
    this.record.kind = 'text';
    this.record.text = text;
    return this;
  }

  setBackground(color: string | null): this {
    this.record.background = color;
    return this;
  }

  setGradientMinpoint(color: string): this {
    this.gradient().min = color;
    return this;
  }

  setGradientMidpointWithValue(color: string, type: unknown, value: string): this {
    this.gradient().mid = { color, type, value };
    return this;
  }

  setGradientMaxpoint(color: string): this {
    this.gradient().max = color;
    return this;
  }

  setRanges(ranges: RangeApi[]): this {
    this.ranges = ranges as FakeRange[];
    this.record.ranges = this.ranges.map((r) => r.box);
    return this;
  }

  build(): FakeRule {
    if (this.record.kind === 'none') throw new Error('A conditional format rule needs a condition.');
    return new FakeRule(this.record, this.ranges);
  }

  private gradient() {
    this.record.kind = 'gradient';
    this.record.gradient ??= {};
    return this.record.gradient;
  }
}

export class FakeMetadata implements DeveloperMetadataApi {
  constructor(
    readonly sheet: FakeSheet,
    readonly key: string,
    readonly value: string,
  ) {}

  getKey(): string {
    return this.key;
  }

  getValue(): string {
    return this.value;
  }

  getLocation() {
    return { getSheet: () => (this.sheet.book.sheets.includes(this.sheet) ? this.sheet : null) };
  }
}

export class FakeSheet implements SheetApi {
  readonly values = new Map<string, StoredCell>();
  readonly formats = new Map<string, string>();
  boldRanges: Box[] = [];
  bandings: FakeBanding[] = [];
  filter: FakeFilter | null = null;
  charts: FakeChart[] = [];
  rules: FakeRule[] = [];
  metadata: FakeMetadata[] = [];
  frozenRows = 0;
  columnWidths = new Map<number, number>();
  maxRows = 1000;
  maxColumns = 26;
  /** Highest row and column holding a value since the last clear (Sheets' last row / column). */
  private lastRow = 0;
  private lastColumn = 0;

  constructor(
    readonly book: FakeSpreadsheet,
    public name: string,
    readonly id: number,
  ) {}

  get log(): Recorder {
    return this.book.log;
  }

  /** Test helper: the stored cell (1-based), without counting a call. */
  cell(row: number, column: number): StoredCell {
    return this.values.get(key(row, column)) ?? '';
  }

  format(row: number, column: number): string | undefined {
    return this.formats.get(key(row, column));
  }

  put(row: number, column: number, value: StoredCell): void {
    if (value === '') {
      this.values.delete(key(row, column));
      return;
    }
    this.values.set(key(row, column), value);
    this.lastRow = Math.max(this.lastRow, row);
    this.lastColumn = Math.max(this.lastColumn, column);
  }

  /** Test helper: a rectangle of stored cells, without counting a call. */
  rows(row: number, rows: number, columns: number): StoredCell[][] {
    return Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => this.cell(row + i, 1 + j)));
  }

  /** Test helper: fills the sheet from row 1 with a grid, sizing it to fit. */
  fill(grid: readonly (readonly SheetCell[])[]): this {
    this.maxRows = Math.max(this.maxRows, grid.length);
    grid.forEach((cells, i) => {
      this.maxColumns = Math.max(this.maxColumns, cells.length);
      cells.forEach((cell, j) => this.put(i + 1, j + 1, cell));
    });
    return this;
  }

  getName(): string {
    this.log.record('Sheet.getName', 0.5);
    return this.name;
  }

  setName(name: string): this {
    this.log.record('Sheet.setName');
    this.book.checkFree(name, this);
    this.name = name;
    return this;
  }

  getSheetId(): number {
    this.log.record('Sheet.getSheetId', 0.5);
    return this.id;
  }

  activate(): this {
    this.log.record('Sheet.activate');
    this.book.active = this;
    return this;
  }

  getLastRow(): number {
    this.log.record('Sheet.getLastRow');
    return this.lastRow;
  }

  getLastColumn(): number {
    this.log.record('Sheet.getLastColumn');
    return this.lastColumn;
  }

  getMaxRows(): number {
    this.log.record('Sheet.getMaxRows');
    return this.maxRows;
  }

  getMaxColumns(): number {
    this.log.record('Sheet.getMaxColumns');
    return this.maxColumns;
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.log.record('Sheet.insertRowsAfter', COSTS.sheetChange);
    if (afterPosition !== this.maxRows) throw new Error('The fake only appends rows at the end.');
    this.maxRows += howMany;
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.log.record('Sheet.insertColumnsAfter', COSTS.sheetChange);
    if (afterPosition !== this.maxColumns) throw new Error('The fake only appends columns at the end.');
    this.maxColumns += howMany;
    return this;
  }

  getRange(row: number, column: number, numRows: number, numColumns: number): FakeRange {
    this.log.record('Sheet.getRange', 1);
    if (row < 1 || column < 1 || numRows < 1 || numColumns < 1) throw new Error('The number of rows and columns in the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, { row, column, rows: numRows, columns: numColumns });
  }

  clear(): this {
    this.log.record('Sheet.clear', COSTS.sheetChange);
    this.values.clear();
    this.formats.clear();
    this.boldRanges = [];
    this.lastRow = 0;
    this.lastColumn = 0;
    return this;
  }

  clearConditionalFormatRules(): void {
    this.log.record('Sheet.clearConditionalFormatRules');
    this.rules = [];
  }

  getCharts(): FakeChart[] {
    this.log.record('Sheet.getCharts');
    return [...this.charts];
  }

  removeChart(chart: ChartApi): void {
    this.log.record('Sheet.removeChart');
    this.charts = this.charts.filter((c) => c !== chart);
  }

  getBandings(): FakeBanding[] {
    this.log.record('Sheet.getBandings');
    return [...this.bandings];
  }

  getFilter(): FakeFilter | null {
    this.log.record('Sheet.getFilter');
    return this.filter;
  }

  setFrozenRows(rows: number): void {
    this.log.record('Sheet.setFrozenRows');
    this.frozenRows = rows;
  }

  setColumnWidth(columnPosition: number, width: number): this {
    this.log.record('Sheet.setColumnWidth');
    this.columnWidths.set(columnPosition, width);
    return this;
  }

  setConditionalFormatRules(rules: ConditionalFormatRuleApi[]): void {
    this.log.record('Sheet.setConditionalFormatRules');
    this.rules = rules as FakeRule[];
  }

  newChart(): FakeChartBuilder {
    this.log.record('Sheet.newChart');
    return new FakeChartBuilder(this);
  }

  insertChart(chart: ChartApi): void {
    this.log.record('Sheet.insertChart', COSTS.chart);
    this.charts.push(chart as FakeChart);
  }

  addDeveloperMetadata(key: string, value: string): this {
    this.log.record('Sheet.addDeveloperMetadata');
    this.metadata.push(new FakeMetadata(this, key, value));
    return this;
  }
}

class FakeFinder implements DeveloperMetadataFinderApi {
  private key: string | null = null;

  constructor(private readonly book: FakeSpreadsheet) {}

  withKey(key: string): this {
    this.key = key;
    return this;
  }

  find(): FakeMetadata[] {
    this.book.log.record('DeveloperMetadataFinder.find');
    return this.book.sheets.flatMap((sheet) => sheet.metadata).filter((meta) => this.key === null || meta.key === this.key);
  }
}

export class FakeSpreadsheet implements SpreadsheetApi {
  sheets: FakeSheet[] = [];
  active: FakeSheet | null = null;
  private ids = 100;

  constructor(
    readonly log: Recorder,
    readonly timeZone: string,
    public locale = 'en_US',
  ) {}

  nextId(): number {
    return ++this.ids;
  }

  /** Test helper: adds a sheet without counting a call. */
  addSheet(name: string, grid: readonly (readonly SheetCell[])[] = []): FakeSheet {
    const sheet = new FakeSheet(this, name, this.nextId()).fill(grid);
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }

  /** Test helper: a sheet by exact name. */
  sheet(name: string): FakeSheet {
    const found = this.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`no sheet ${name}; sheets: ${this.sheets.map((s) => s.name).join(', ')}`);
    return found;
  }

  checkFree(name: string, self: FakeSheet | null): void {
    const clash = this.sheets.find((s) => s !== self && s.name.toLowerCase() === name.toLowerCase());
    if (clash) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  getSheets(): FakeSheet[] {
    this.log.record('Spreadsheet.getSheets');
    return [...this.sheets];
  }

  getSheetByName(name: string): FakeSheet | null {
    this.log.record('Spreadsheet.getSheetByName');
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  getSheetById(id: number): FakeSheet | null {
    this.log.record('Spreadsheet.getSheetById');
    return this.sheets.find((s) => s.id === id) ?? null;
  }

  getActiveSheet(): FakeSheet {
    this.log.record('Spreadsheet.getActiveSheet');
    if (!this.active) throw new Error('no active sheet');
    return this.active;
  }

  insertSheet(sheetName: string, sheetIndex: number): FakeSheet {
    this.log.record('Spreadsheet.insertSheet', COSTS.sheetChange);
    this.checkFree(sheetName, null);
    const sheet = new FakeSheet(this, sheetName, this.nextId());
    this.sheets.splice(sheetIndex, 0, sheet);
    this.active = sheet;
    return sheet;
  }

  getSpreadsheetTimeZone(): string {
    this.log.record('Spreadsheet.getSpreadsheetTimeZone');
    return this.timeZone;
  }

  getSpreadsheetLocale(): string {
    this.log.record('Spreadsheet.getSpreadsheetLocale');
    return this.locale;
  }

  createDeveloperMetadataFinder(): FakeFinder {
    this.log.record('Spreadsheet.createDeveloperMetadataFinder');
    return new FakeFinder(this);
  }
}

export class FakeMenu implements MenuApi {
  readonly items: { caption: string; functionName: string }[] = [];

  constructor(private readonly ui: FakeUi) {}

  addItem(caption: string, functionName: string): this {
    this.items.push({ caption, functionName });
    return this;
  }

  addSeparator(): this {
    return this;
  }

  addToUi(): void {
    this.ui.menus.push(this);
  }
}

export class FakeHtmlOutput implements HtmlOutputApi {
  title = '';

  constructor(readonly content: string) {}

  getContent(): string {
    return this.content;
  }

  setTitle(title: string): this {
    this.title = title;
    return this;
  }
}

export class FakeUi implements UiApi {
  readonly menus: FakeMenu[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  readonly dialogs: { page: FakeHtmlOutput; title: string }[] = [];

  createAddonMenu(): FakeMenu {
    return new FakeMenu(this);
  }

  showSidebar(userInterface: HtmlOutputApi): void {
    this.sidebars.push(userInterface as FakeHtmlOutput);
  }

  showModalDialog(userInterface: HtmlOutputApi, title: string): void {
    this.dialogs.push({ page: userInterface as FakeHtmlOutput, title });
  }
}

export class FakeSpreadsheetApp implements SpreadsheetAppApi {
  readonly BandingTheme = { LIGHT_GREY: 'LIGHT_GREY' };
  readonly InterpolationType = { PERCENTILE: 'PERCENTILE' };
  readonly ui = new FakeUi();

  constructor(readonly book: FakeSpreadsheet) {}

  getActiveSpreadsheet(): FakeSpreadsheet {
    this.book.log.record('SpreadsheetApp.getActiveSpreadsheet', 1);
    return this.book;
  }

  getUi(): FakeUi {
    return this.ui;
  }

  newConditionalFormatRule(): FakeRuleBuilder {
    this.book.log.record('SpreadsheetApp.newConditionalFormatRule');
    return new FakeRuleBuilder();
  }
}

export class FakeHtmlService implements HtmlServiceApi {
  constructor(readonly files: Record<string, string>) {}

  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    const content = this.files[filename];
    if (content === undefined) throw new Error(`No HTML file named ${filename} was found.`);
    return new FakeHtmlOutput(content);
  }

  createHtmlOutput(html: string): FakeHtmlOutput {
    return new FakeHtmlOutput(html);
  }
}

export class FakeProperties implements PropertiesApi, PropertiesServiceApi {
  readonly values = new Map<string, string>();

  constructor(private readonly log: Recorder) {}

  getDocumentProperties(): this {
    return this;
  }

  getProperty(key: string): string | null {
    this.log.record('Properties.getProperty');
    return this.values.get(key) ?? null;
  }

  setProperty(key: string, value: string): this {
    this.log.record('Properties.setProperty');
    if (new TextEncoder().encode(value).length > 9 * 1024) throw new Error('Argument too large: value');
    this.values.set(key, value);
    return this;
  }
}

/** CacheService with its documented limits: keys ≤ 250 characters, values ≤ 100 KB, ≤ 1,000 entries, ≤ 6 hours. */
export class FakeCache implements CacheApi, CacheServiceApi {
  readonly values = new Map<string, string>();
  largestValue = 0;

  constructor(private readonly log: Recorder) {}

  getUserCache(): this {
    return this;
  }

  get(key: string): string | null {
    this.log.record('Cache.get');
    return this.values.get(key) ?? null;
  }

  getAll(keys: string[]): Record<string, string> {
    this.log.record('Cache.getAll', COSTS.call * 4);
    return Object.fromEntries(keys.flatMap((k) => (this.values.has(k) ? [[k, this.values.get(k)!]] : [])));
  }

  put(key: string, value: string, expirationInSeconds: number): void {
    this.log.record('Cache.put');
    this.store(key, value, expirationInSeconds);
  }

  putAll(values: Record<string, string>, expirationInSeconds: number): void {
    this.log.record('Cache.putAll', COSTS.call * 4);
    for (const [k, v] of Object.entries(values)) this.store(k, v, expirationInSeconds);
  }

  removeAll(keys: string[]): void {
    this.log.record('Cache.removeAll');
    for (const k of keys) this.values.delete(k);
  }

  private store(key: string, value: string, expirationInSeconds: number): void {
    const bytes = new TextEncoder().encode(value).length;
    if (key.length > 250) throw new Error('Key too long');
    if (bytes > 100 * 1024) throw new Error('Argument too large: value');
    if (expirationInSeconds > 21_600) throw new Error('Expiration too long');
    if (!this.values.has(key) && this.values.size >= 1000) throw new Error('Cache is full');
    this.largestValue = Math.max(this.largestValue, bytes);
    this.values.set(key, value);
  }
}

export class FakeSession implements SessionApi {
  constructor(public locale: string) {}

  getActiveUserLocale(): string {
    return this.locale;
  }
}

export class FakeUtilities implements UtilitiesApi {
  private uuids = 0;

  constructor(private readonly log: Recorder) {}

  formatDate(date: Date, timeZone: string, format: string): string {
    this.log.record('Utilities.formatDate', 0.05);
    if (format !== 'yyyy-MM-dd') throw new Error(`The fake formats only yyyy-MM-dd, not ${format}`);
    return isoDateFormat(timeZone).format(date);
  }

  getUuid(): string {
    return `job-${++this.uuids}`;
  }
}

/** Everything a test needs: the services as globals, and handles on their state. */
export interface FakeHost {
  log: Recorder;
  book: FakeSpreadsheet;
  app: FakeSpreadsheetApp;
  html: FakeHtmlService;
  properties: FakeProperties;
  cache: FakeCache;
  session: FakeSession;
  utilities: FakeUtilities;
  globals: Record<string, unknown>;
}

export function fakeHost(options: { timeZone?: string; locale?: string; files?: Record<string, string> } = {}): FakeHost {
  const log = new Recorder();
  const book = new FakeSpreadsheet(log, options.timeZone ?? 'Europe/Moscow');
  const app = new FakeSpreadsheetApp(book);
  const html = new FakeHtmlService(options.files ?? {});
  const properties = new FakeProperties(log);
  const cache = new FakeCache(log);
  const session = new FakeSession(options.locale ?? 'en');
  const utilities = new FakeUtilities(log);
  return {
    log,
    book,
    app,
    html,
    properties,
    cache,
    session,
    utilities,
    globals: {
      SpreadsheetApp: app,
      HtmlService: html,
      PropertiesService: properties,
      CacheService: cache,
      Session: session,
      Utilities: utilities,
    },
  };
}

const formats = new Map<string, Intl.DateTimeFormat>();

function cachedFormat(name: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = formats.get(name);
  if (!format) formats.set(name, (format = make()));
  return format;
}

/** `YYYY-MM-DD` of an instant in a time zone (en-CA writes dates that way). */
function isoDateFormat(timeZone: string): Intl.DateTimeFormat {
  return cachedFormat(`iso ${timeZone}`, () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }));
}

/** The Date Apps Script gives for a calendar date in a time zone: that date's midnight there. */
export function midnightIn(timeZone: string, year: number, month: number, day: number): Date {
  const utc = Date.UTC(year, month - 1, day);
  const wall = cachedFormat(`wall ${timeZone}`, () => new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }));
  const parts = wall
    .formatToParts(new Date(utc))
    .reduce<Record<string, number>>((acc, p) => (p.type === 'literal' ? acc : { ...acc, [p.type]: Number(p.value) }), {});
  const asIfUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  return new Date(utc - (asIfUtc - utc));
}
