/**
 * Typed fakes of the Apps Script services the add-on uses (apps-script/gas-api.ts), at least as
 * strict as the real ones: an in-memory spreadsheet with sheets, ranges, formats, developer
 * metadata, banding, filters, conditional format rules and charts; HtmlService, PropertiesService,
 * CacheService, LockService, ScriptApp, Session and Utilities.
 *
 * What they model, each with where Google (or a public thread) says so:
 * - A simulated clock: every call costs a fixed time, more for calls that move many cells. Writes
 *   are pending until `SpreadsheetApp.flush()` or the end of the execution applies them ("Spreadsheet
 *   operations are sometimes bundled together to improve performance", SpreadsheetApp.flush,
 *   https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush), so a
 *   time budget that never flushes measures writes that have not happened.
 * - Executions: each server call is one execution with its authorization mode; one that runs past
 *   6 minutes is killed ("Script runtime 6 min / execution",
 *   https://developers.google.com/apps-script/guides/services/quotas) — every later call throws and
 *   the caller gets "Exceeded maximum execution time", whatever the script caught. Two executions
 *   interleave when a test runs one inside another's call (`Recorder.onCall`), as two sidebar calls
 *   or two users do (google.script.run calls are asynchronous and run in parallel,
 *   https://developers.google.com/apps-script/guides/html/reference/run).
 * - AuthMode.NONE: an add-on's onOpen before the add-on is used in the document may call nothing
 *   that needs authorization (https://developers.google.com/apps-script/reference/script/auth-mode,
 *   https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle); only the menu
 *   calls and Session.getActiveUserLocale (which needs no scope — unconfirmed) are allowed.
 * - The 10,000,000-cell limit of a spreadsheet, counted over every sheet's rows × columns, empty
 *   cells included ("Up to 10 million cells", https://support.google.com/drive/answer/37603); a
 *   new sheet is 1000 × 26.
 * - getLastRow counts a cell holding a formula even when it shows "" (a helper formula filled
 *   down): "the last row that has content" (Sheet.getLastRow).
 * - Sheet names differ in more than case (Sheets refuses `clients` next to `Clients`), and
 *   getSheetByName finds a sheet whatever the case.
 * - A duplicated sheet ("Duplicate", "Copy to") keeps its developer metadata (modelled as the worst
 *   case; unconfirmed).
 * - Writing: a string written to a cell whose number format is not plain text (`@`) becomes a
 *   formula when it starts with `=`, and a number when it reads as one. Ranges outside a sheet's
 *   size throw. Banding a range that has banding throws, a second filter throws, freezing every row
 *   throws, chart options are checked against Google Charts' options for the chart type and a
 *   chart must be anchored inside the sheet.
 * - CacheService: values ≤ 100 KB, keys ≤ 250 characters, ≤ 6 hours; a read may return null at any
 *   time ("not guaranteed to persist", https://developers.google.com/apps-script/reference/cache/cache-service)
 *   — tests evict entries between calls — and past 1,000 entries the cache keeps the 900 farthest
 *   from expiration (Cache class reference; unconfirmed).
 * - PropertiesService: a value ≤ 9 KB, a store ≤ 500 KB (quotas page).
 * - Transient service errors ("Service Spreadsheets failed while accessing document…", "We're sorry,
 *   a server error occurred…", collected at
 *   https://ramblings.mcpher.com/database-abstraction-and-google-apps-script/backing-off-on-rate-limiting/)
 *   are injected per call name (`Recorder.fail`).
 * - LockService's document lock: one execution at a time; a tryLock that cannot get it waits its
 *   timeout and returns false; an execution's lock is released when it ends.
 * - Utilities.gzip / ungzip / base64 over Java bytes (-128 … 127), as Blob.getBytes returns them.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type {
  BandingApi,
  BlobApi,
  BlobSourceApi,
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
  LockApi,
  LockServiceApi,
  MenuApi,
  NewChartApi,
  PropertiesApi,
  PropertiesServiceApi,
  RangeApi,
  ScriptAppApi,
  SessionApi,
  SheetApi,
  SheetCell,
  SpreadsheetApi,
  SpreadsheetAppApi,
  UiApi,
  UtilitiesApi,
} from '../../apps-script/gas-api.js';

/** Simulated milliseconds per call, and per cell (or byte) for calls that move many. */
export const COSTS = {
  call: 5,
  sheetChange: 150,
  chart: 300,
  perCellRead: 0.01,
  perCellWritten: 0.05,
  perFormat: 0.02,
  perByteZipped: 0.00002,
};

/** The limits the fakes enforce. */
export const LIMITS = {
  cells: 10_000_000,
  executionMs: 6 * 60 * 1000,
  newSheetRows: 1000,
  newSheetColumns: 26,
  cacheValueBytes: 100 * 1024,
  cacheEntries: 1000,
  cacheKept: 900,
  cacheSeconds: 21_600,
  propertyBytes: 9 * 1024,
  propertyStoreBytes: 500 * 1024,
};

/** Messages Apps Script gives for a failure that goes away when the call is tried again. */
export const TRANSIENT_ERRORS = [
  'Service Spreadsheets failed while accessing document with id 1x2y3z.',
  "We're sorry, a server error occurred. Please wait a bit and try again.",
  'Service Spreadsheets timed out while accessing document with id 1x2y3z.',
  'Service invoked too many times in a short time: spreadsheets. Try Utilities.sleep(1000) between calls.',
];

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

/** The calls an execution in AuthMode.NONE may make. */
const ALLOWED_IN_NONE = new Set(['SpreadsheetApp.getUi', 'Ui.createAddonMenu', 'Menu.addItem', 'Menu.addSeparator', 'Menu.addToUi', 'Session.getActiveUserLocale']);

export interface Execution {
  id: number;
  name: string;
  authMode: AuthModeName;
  started: number;
  killed: boolean;
}

/** What the caller of a killed execution gets. */
export class ExecutionKilled extends Error {
  constructor() {
    super('Exceeded maximum execution time');
  }
}

interface Fault {
  call: string;
  times: number;
  message: string;
}

export class Recorder {
  readonly counts = new Map<string, number>();
  /** The simulated clock, in milliseconds. */
  now = 0;
  /** Cost of writes not applied yet (flush or the end of the execution applies them). */
  pending = 0;
  cellsRead = 0;
  /** Calls refused for want of authorization. */
  readonly denied: string[] = [];
  private readonly executions: Execution[] = [];
  private executionIds = 0;
  private readonly faults: Fault[] = [];
  /** Called after every counted call: a test runs another execution here to interleave two. */
  onCall: ((name: string) => void) | null = null;

  record(name: string, cost = COSTS.call, deferred = false): void {
    const execution = this.current();
    if (execution) {
      if (!execution.killed && this.now + this.pending - execution.started > LIMITS.executionMs) execution.killed = true;
      if (execution.killed) throw new ExecutionKilled();
      if (execution.authMode === 'NONE' && !ALLOWED_IN_NONE.has(name)) {
        this.denied.push(name);
        throw new Error(`You do not have permission to call ${name}. Required permissions are missing (AuthMode.NONE).`);
      }
    }
    const fault = this.faults.find((f) => f.call === name && f.times > 0);
    if (fault) {
      fault.times--;
      this.now += cost;
      throw new Error(fault.message);
    }
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    if (deferred) this.pending += cost;
    else this.now += cost;
    this.onCall?.(name);
  }

  /** Applies the pending writes (their cost lands on the clock). */
  apply(): void {
    this.now += this.pending;
    this.pending = 0;
  }

  /** Makes the next `times` calls named `call` fail with a transient error. */
  fail(call: string, times = 1, message = TRANSIENT_ERRORS[0]): void {
    this.faults.push({ call, times, message });
  }

  count(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  reset(): void {
    this.counts.clear();
    this.cellsRead = 0;
  }

  current(): Execution | null {
    return this.executions.at(-1) ?? null;
  }

  begin(name: string, authMode: AuthModeName): Execution {
    const execution: Execution = { id: ++this.executionIds, name, authMode, started: this.now, killed: false };
    this.executions.push(execution);
    return execution;
  }

  end(execution: Execution): void {
    this.apply();
    this.executions.splice(this.executions.indexOf(execution), 1);
  }
}

/** A stored cell: a value, or a formula Sheets evaluates to what it shows. */
export type StoredCell = SheetCell | { formula: string; shows: string | number };

const isFormula = (cell: StoredCell): cell is { formula: string; shows: string | number } => typeof cell === 'object' && !(cell instanceof Date);

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
    this.sheet.log.cellsRead += this.cells;
    return this.map((r, c) => {
      const cell = this.sheet.cell(r, c);
      return isFormula(cell) ? cell.shows : cell;
    });
  }

  setValues(values: (string | number)[][]): this {
    this.sheet.log.record('Range.setValues', COSTS.call + this.cells * COSTS.perCellWritten, true);
    this.checkShape(values);
    this.forEach((r, c, i, j) => this.sheet.put(r, c, entered(values[i][j], this.sheet.format(r, c))));
    return this;
  }

  setNumberFormats(numberFormats: string[][]): this {
    this.sheet.log.record('Range.setNumberFormats', COSTS.call + this.cells * COSTS.perFormat, true);
    this.checkShape(numberFormats);
    this.forEach((r, c, i, j) => this.sheet.formats.set(key(r, c), numberFormats[i][j]));
    return this;
  }

  setFontWeight(fontWeight: string | null): this {
    this.sheet.log.record('Range.setFontWeight', COSTS.call, true);
    if (fontWeight === 'bold') this.sheet.boldRanges.push(this.box);
    return this;
  }

  applyRowBanding(bandingTheme: unknown, showHeader: boolean, showFooter: boolean): FakeBanding {
    this.sheet.log.record('Range.applyRowBanding', COSTS.call, true);
    const overlapping = this.sheet.bandings.some((b) => overlaps(b.box, this.box));
    if (overlapping) throw new Error('You cannot add alternating colors to a range that already has alternating colors.');
    const banding = new FakeBanding(this.sheet, this.box, { theme: bandingTheme, showHeader, showFooter });
    this.sheet.bandings.push(banding);
    return banding;
  }

  createFilter(): FakeFilter {
    this.sheet.log.record('Range.createFilter', COSTS.call, true);
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
  if (value.startsWith('=')) return { formula: value, shows: '' };
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
    this.sheet.log.record('Banding.remove', COSTS.call, true);
    this.sheet.bandings = this.sheet.bandings.filter((b) => b !== this);
  }
}

export class FakeFilter implements FilterApi {
  constructor(
    readonly sheet: FakeSheet,
    readonly box: Box,
  ) {}

  remove(): void {
    this.sheet.log.record('Filter.remove', COSTS.call, true);
    this.sheet.filter = null;
  }
}

export interface ChartRecord {
  type: 'column' | 'bar' | 'line' | 'combo' | 'default';
  stacked: boolean;
  ranges: Box[];
  numHeaders: number | null;
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number } | null;
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

/**
 * Google Charts' configuration options the add-on may set, per chart type
 * (https://developers.google.com/chart/interactive/docs/gallery/columnchart#configuration-options,
 * …/barchart, …/linechart, …/combochart); EmbeddedChartBuilder.setOption passes them through, and
 * Sheets ignores an option it does not know — a silent no-op the fake refuses.
 */
const COMMON_OPTIONS = ['title', 'legend', 'colors', 'hAxis', 'vAxis', 'vAxes', 'series', 'width', 'height', 'backgroundColor', 'chartArea', 'fontSize', 'fontName', 'titleTextStyle', 'tooltip'];
const CHART_OPTIONS: Record<ChartRecord['type'], ReadonlySet<string>> = {
  column: new Set([...COMMON_OPTIONS, 'isStacked', 'bar']),
  bar: new Set([...COMMON_OPTIONS, 'isStacked', 'bar']),
  line: new Set([...COMMON_OPTIONS, 'curveType', 'pointSize', 'lineWidth']),
  combo: new Set([...COMMON_OPTIONS, 'seriesType', 'isStacked', 'bar']),
  default: new Set(COMMON_OPTIONS),
};
const SERIES_TYPES = new Set(['line', 'area', 'bars', 'candlesticks', 'steppedArea']);
const SERIES_ENTRY_KEYS = new Set(['type', 'targetAxisIndex', 'color', 'lineWidth', 'pointSize', 'labelInLegend', 'visibleInLegend']);

function checkChartOptions(record: ChartRecord): void {
  const allowed = CHART_OPTIONS[record.type];
  const seriesCount = record.ranges.length - 1;
  for (const [name, value] of Object.entries(record.options)) {
    if (!allowed.has(name)) throw new Error(`The fake knows no option "${name}" for a ${record.type} chart (Sheets would ignore it).`);
    if (name === 'seriesType' && !SERIES_TYPES.has(value as string)) throw new Error(`seriesType "${String(value)}" is not a series type.`);
    if (name === 'series') {
      for (const [index, entry] of Object.entries(value as Record<string, Record<string, unknown>>)) {
        const n = Number(index);
        if (!Number.isInteger(n) || n < 0 || n >= seriesCount) throw new Error(`series ${index} does not exist: the chart has ${seriesCount} series.`);
        for (const [field, setting] of Object.entries(entry)) {
          if (!SERIES_ENTRY_KEYS.has(field)) throw new Error(`series.${index}.${field} is not a series option.`);
          if (field === 'type' && (record.type !== 'combo' || !SERIES_TYPES.has(setting as string))) throw new Error(`series.${index}.type "${String(setting)}" needs a combo chart and a series type.`);
          if (field === 'targetAxisIndex' && setting !== 0 && setting !== 1) throw new Error(`series.${index}.targetAxisIndex must be 0 or 1.`);
        }
      }
    }
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

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.record.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
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
    checkChartOptions(this.record);
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
  values = new Map<string, StoredCell>();
  formats = new Map<string, string>();
  boldRanges: Box[] = [];
  bandings: FakeBanding[] = [];
  filter: FakeFilter | null = null;
  charts: FakeChart[] = [];
  rules: FakeRule[] = [];
  metadata: FakeMetadata[] = [];
  frozenRows = 0;
  columnWidths = new Map<number, number>();
  maxRows: number = LIMITS.newSheetRows;
  maxColumns: number = LIMITS.newSheetColumns;
  /** Highest row and column holding content (a value or a formula) since the last clear. */
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
  fill(grid: readonly (readonly StoredCell[])[]): this {
    this.maxRows = Math.max(this.maxRows, grid.length);
    grid.forEach((cells, i) => {
      this.maxColumns = Math.max(this.maxColumns, cells.length);
      cells.forEach((cell, j) => this.put(i + 1, j + 1, cell));
    });
    return this;
  }

  /** Test helper: a formula in one column from row `from` to row `to`, showing `shows` (a helper formula filled down). */
  fillFormula(column: number, from: number, to: number, formula: string, shows: string | number = ''): this {
    this.maxRows = Math.max(this.maxRows, to);
    this.maxColumns = Math.max(this.maxColumns, column);
    for (let row = from; row <= to; row++) this.put(row, column, { formula, shows });
    return this;
  }

  /** Cells the sheet takes of the spreadsheet's budget, empty ones included. */
  get cellCount(): number {
    return this.maxRows * this.maxColumns;
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
    this.log.record('Sheet.insertRowsAfter', COSTS.sheetChange, true);
    if (afterPosition !== this.maxRows) throw new Error('The fake only appends rows at the end.');
    this.book.checkCells(howMany * this.maxColumns);
    this.maxRows += howMany;
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.log.record('Sheet.insertColumnsAfter', COSTS.sheetChange, true);
    if (afterPosition !== this.maxColumns) throw new Error('The fake only appends columns at the end.');
    this.book.checkCells(howMany * this.maxRows);
    this.maxColumns += howMany;
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.log.record('Sheet.deleteRows', COSTS.sheetChange, true);
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.maxRows) throw new Error('Those rows are out of bounds.');
    if (this.maxRows - howMany <= this.frozenRows) throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    if (rowPosition + howMany - 1 !== this.maxRows) throw new Error('The fake only deletes rows at the end.');
    this.maxRows -= howMany;
    this.forget((row) => row > this.maxRows);
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.log.record('Sheet.deleteColumns', COSTS.sheetChange, true);
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.maxColumns) throw new Error('Those columns are out of bounds.');
    if (this.maxColumns - howMany < 1) throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    if (columnPosition + howMany - 1 !== this.maxColumns) throw new Error('The fake only deletes columns at the end.');
    this.maxColumns -= howMany;
    this.forget((_row, column) => column > this.maxColumns);
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
    this.log.record('Sheet.clear', COSTS.sheetChange, true);
    this.values.clear();
    this.formats.clear();
    this.boldRanges = [];
    this.lastRow = 0;
    this.lastColumn = 0;
    return this;
  }

  clearConditionalFormatRules(): void {
    this.log.record('Sheet.clearConditionalFormatRules', COSTS.call, true);
    this.rules = [];
  }

  getCharts(): FakeChart[] {
    this.log.record('Sheet.getCharts');
    return [...this.charts];
  }

  removeChart(chart: ChartApi): void {
    this.log.record('Sheet.removeChart', COSTS.call, true);
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

  /** Sheets refuses to freeze every row of a sheet (unconfirmed wording). */
  setFrozenRows(rows: number): void {
    this.log.record('Sheet.setFrozenRows', COSTS.call, true);
    if (rows < 0 || !Number.isInteger(rows)) throw new Error(`Invalid argument: rows (${rows}).`);
    if (rows >= this.maxRows) throw new Error("You can't freeze all visible rows on the sheet.");
    this.frozenRows = rows;
  }

  setColumnWidth(columnPosition: number, width: number): this {
    this.log.record('Sheet.setColumnWidth', COSTS.call, true);
    if (columnPosition > this.maxColumns) throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    this.columnWidths.set(columnPosition, width);
    return this;
  }

  setConditionalFormatRules(rules: ConditionalFormatRuleApi[]): void {
    this.log.record('Sheet.setConditionalFormatRules', COSTS.call, true);
    this.rules = rules as FakeRule[];
  }

  newChart(): FakeChartBuilder {
    this.log.record('Sheet.newChart');
    return new FakeChartBuilder(this);
  }

  insertChart(chart: ChartApi): void {
    this.log.record('Sheet.insertChart', COSTS.chart, true);
    const { position, ranges } = (chart as FakeChart).record;
    if (!position || position.row > this.maxRows || position.column > this.maxColumns) throw new Error('The chart is anchored outside the sheet.');
    if (ranges.some((box) => box.row + box.rows - 1 > this.maxRows || box.column + box.columns - 1 > this.maxColumns)) throw new Error('A chart range is outside the sheet.');
    this.charts.push(chart as FakeChart);
  }

  addDeveloperMetadata(key: string, value: string): this {
    this.log.record('Sheet.addDeveloperMetadata');
    this.metadata.push(new FakeMetadata(this, key, value));
    return this;
  }

  /** Drops stored cells and formats a resize cut off. */
  private forget(gone: (row: number, column: number) => boolean): void {
    for (const store of [this.values, this.formats] as Map<string, unknown>[]) {
      for (const cellKey of [...store.keys()]) {
        const [row, column] = cellKey.split(':').map(Number);
        if (gone(row, column)) store.delete(cellKey);
      }
    }
    this.lastRow = Math.min(this.lastRow, this.maxRows);
    this.lastColumn = Math.min(this.lastColumn, this.maxColumns);
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
  /** The sheet the user sees each time writes are applied (a flush, or the end of an execution). */
  readonly views: string[] = [];
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
  addSheet(name: string, grid: readonly (readonly StoredCell[])[] = []): FakeSheet {
    const sheet = new FakeSheet(this, name, this.nextId()).fill(grid);
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }

  /** Test helper: the user duplicates a sheet (its cells, formats and developer metadata) to `index`. */
  duplicate(sheet: FakeSheet, name: string, index = this.sheets.indexOf(sheet) + 1): FakeSheet {
    const copy = new FakeSheet(this, name, this.nextId());
    copy.maxRows = sheet.maxRows;
    copy.maxColumns = sheet.maxColumns;
    copy.frozenRows = sheet.frozenRows;
    for (const [cellKey, value] of sheet.values) {
      const [row, column] = cellKey.split(':').map(Number);
      copy.put(row, column, value);
    }
    copy.formats = new Map(sheet.formats);
    copy.metadata = sheet.metadata.map((meta) => new FakeMetadata(copy, meta.key, meta.value));
    this.sheets.splice(index, 0, copy);
    return copy;
  }

  /** Test helper: a sheet by exact name. */
  sheet(name: string): FakeSheet {
    const found = this.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`no sheet ${name}; sheets: ${this.sheets.map((s) => s.name).join(', ')}`);
    return found;
  }

  /** Cells every sheet takes, empty ones included. */
  get cellCount(): number {
    return this.sheets.reduce((sum, sheet) => sum + sheet.cellCount, 0);
  }

  checkCells(more: number): void {
    if (this.cellCount + more > LIMITS.cells) {
      throw new Error(`This action would increase the number of cells in the workbook above the limit of ${LIMITS.cells} cells.`);
    }
  }

  checkFree(name: string, self: FakeSheet | null): void {
    const clash = this.sheets.find((s) => s !== self && s.name.toLowerCase() === name.toLowerCase());
    if (clash) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  /** Records what the user sees now. */
  showView(): void {
    if (this.active) this.views.push(this.active.name);
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

  /** A new sheet is 1000 × 26 and becomes the active sheet (Spreadsheet.insertSheet). */
  insertSheet(sheetName: string, sheetIndex: number): FakeSheet {
    this.log.record('Spreadsheet.insertSheet', COSTS.sheetChange);
    this.checkFree(sheetName, null);
    this.checkCells(LIMITS.newSheetRows * LIMITS.newSheetColumns);
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

  constructor(
    private readonly ui: FakeUi,
    private readonly log: Recorder,
  ) {}

  addItem(caption: string, functionName: string): this {
    this.log.record('Menu.addItem', 0);
    this.items.push({ caption, functionName });
    return this;
  }

  addSeparator(): this {
    this.log.record('Menu.addSeparator', 0);
    return this;
  }

  addToUi(): void {
    this.log.record('Menu.addToUi', 0);
    this.ui.menus.push(this);
  }

  /** Where the user finds it: an add-on menu sits under Extensions, named after the script project. */
  get path(): string[] {
    return ['Extensions', this.ui.projectTitle];
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

  /**
   * The script project's title: Ui.createAddonMenu's menu carries it under Extensions. A project
   * made with Extensions → Apps Script is called "Untitled project" until renamed.
   */
  constructor(
    private readonly log: Recorder,
    public projectTitle = 'Untitled project',
  ) {}

  createAddonMenu(): FakeMenu {
    this.log.record('Ui.createAddonMenu', 0);
    return new FakeMenu(this, this.log);
  }

  showSidebar(userInterface: HtmlOutputApi): void {
    this.log.record('Ui.showSidebar');
    this.sidebars.push(userInterface as FakeHtmlOutput);
  }

  showModalDialog(userInterface: HtmlOutputApi, title: string): void {
    this.log.record('Ui.showModalDialog');
    this.dialogs.push({ page: userInterface as FakeHtmlOutput, title });
  }
}

export class FakeSpreadsheetApp implements SpreadsheetAppApi {
  readonly BandingTheme = { LIGHT_GREY: 'LIGHT_GREY' };
  readonly InterpolationType = { PERCENTILE: 'PERCENTILE' };
  readonly ui: FakeUi;

  constructor(
    readonly book: FakeSpreadsheet,
    projectTitle?: string,
  ) {
    this.ui = new FakeUi(book.log, projectTitle);
  }

  getActiveSpreadsheet(): FakeSpreadsheet {
    this.book.log.record('SpreadsheetApp.getActiveSpreadsheet', 1);
    return this.book;
  }

  getUi(): FakeUi {
    this.book.log.record('SpreadsheetApp.getUi', 0);
    return this.ui;
  }

  newConditionalFormatRule(): FakeRuleBuilder {
    this.book.log.record('SpreadsheetApp.newConditionalFormatRule');
    return new FakeRuleBuilder();
  }

  flush(): void {
    this.book.log.record('SpreadsheetApp.flush');
    this.book.log.apply();
    this.book.showView();
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

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

export class FakeProperties implements PropertiesApi, PropertiesServiceApi {
  readonly values = new Map<string, string>();

  constructor(private readonly log: Recorder) {}

  getDocumentProperties(): this {
    this.log.record('PropertiesService.getDocumentProperties', 0);
    return this;
  }

  getProperty(key: string): string | null {
    this.log.record('Properties.getProperty');
    return this.values.get(key) ?? null;
  }

  setProperty(key: string, value: string): this {
    this.log.record('Properties.setProperty');
    if (utf8Bytes(value) > LIMITS.propertyBytes) throw new Error('Argument too large: value');
    const total = [...this.values].reduce((sum, [k, v]) => sum + (k === key ? 0 : utf8Bytes(k) + utf8Bytes(v)), utf8Bytes(key) + utf8Bytes(value));
    if (total > LIMITS.propertyStoreBytes) throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    this.values.set(key, value);
    return this;
  }

  deleteProperty(key: string): this {
    this.log.record('Properties.deleteProperty');
    this.values.delete(key);
    return this;
  }
}

/** One cache (the document's or the user's). */
export class FakeCache implements CacheApi {
  readonly values = new Map<string, { value: string; expires: number }>();
  largestValue = 0;

  constructor(private readonly log: Recorder) {}

  get(key: string): string | null {
    this.log.record('Cache.get');
    return this.live(key);
  }

  getAll(keys: string[]): Record<string, string> {
    this.log.record('Cache.getAll', COSTS.call * 4);
    return Object.fromEntries(keys.flatMap((k) => {
      const value = this.live(k);
      return value === null ? [] : [[k, value]];
    }));
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

  /** Test helper: the cache drops the entries a test picks (all by default), as it may at any time. */
  evict(which: (key: string) => boolean = () => true): number {
    let dropped = 0;
    for (const k of [...this.values.keys()]) {
      if (which(k)) {
        this.values.delete(k);
        dropped++;
      }
    }
    return dropped;
  }

  /** Test helper: UTF-8 bytes of every live value. */
  get bytes(): number {
    return [...this.values.values()].reduce((sum, entry) => sum + utf8Bytes(entry.value), 0);
  }

  private live(key: string): string | null {
    const entry = this.values.get(key);
    if (!entry) return null;
    if (entry.expires <= this.log.now) {
      this.values.delete(key);
      return null;
    }
    return entry.value;
  }

  private store(key: string, value: string, expirationInSeconds: number): void {
    const bytes = utf8Bytes(value);
    if (key.length > 250) throw new Error('Key too long');
    if (bytes > LIMITS.cacheValueBytes) throw new Error('Argument too large: value');
    if (expirationInSeconds > LIMITS.cacheSeconds) throw new Error('Expiration too long');
    this.largestValue = Math.max(this.largestValue, bytes);
    this.values.delete(key);
    this.values.set(key, { value, expires: this.log.now + expirationInSeconds * 1000 });
    if (this.values.size > LIMITS.cacheEntries) {
      const kept = [...this.values].sort((a, b) => b[1].expires - a[1].expires).slice(0, LIMITS.cacheKept);
      this.values.clear();
      for (const [k, entry] of kept.reverse()) this.values.set(k, entry);
    }
  }
}

export class FakeCacheService implements CacheServiceApi {
  readonly document: FakeCache;
  readonly user: FakeCache;

  constructor(private readonly log: Recorder) {
    this.document = new FakeCache(log);
    this.user = new FakeCache(log);
  }

  getDocumentCache(): FakeCache {
    this.log.record('CacheService.getDocumentCache', 0);
    return this.document;
  }

  getUserCache(): FakeCache {
    this.log.record('CacheService.getUserCache', 0);
    return this.user;
  }
}

export class FakeSession implements SessionApi {
  constructor(
    public locale: string,
    private readonly log: Recorder,
  ) {}

  getActiveUserLocale(): string {
    this.log.record('Session.getActiveUserLocale', 0);
    return this.locale;
  }
}

/** Java bytes (-128 … 127), as Apps Script hands them over. */
const javaBytes = (buffer: Uint8Array): number[] => Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
const nodeBytes = (bytes: readonly number[]): Buffer => {
  if (bytes.some((b) => !Number.isInteger(b) || b < -128 || b > 127)) throw new Error('Bytes must be Java bytes, -128 … 127.');
  return Buffer.from(bytes.map((b) => (b < 0 ? b + 256 : b)));
};

export class FakeBlob implements BlobApi {
  constructor(
    readonly data: Buffer,
    readonly contentType: string | null = null,
  ) {}

  getBytes(): number[] {
    return javaBytes(this.data);
  }

  getDataAsString(): string {
    return this.data.toString('utf8');
  }

  getBlob(): this {
    return this;
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
    this.log.record('Utilities.getUuid', 0);
    return `run-${++this.uuids}`;
  }

  newBlob(data: string | number[], contentType: string | null = null): FakeBlob {
    this.log.record('Utilities.newBlob', 0.1);
    return new FakeBlob(typeof data === 'string' ? Buffer.from(data, 'utf8') : nodeBytes(data), contentType);
  }

  gzip(blob: BlobSourceApi): FakeBlob {
    const data = (blob.getBlob() as FakeBlob).data;
    this.log.record('Utilities.gzip', COSTS.call + data.length * COSTS.perByteZipped);
    return new FakeBlob(gzipSync(data));
  }

  ungzip(blob: BlobSourceApi): FakeBlob {
    const data = (blob.getBlob() as FakeBlob).data;
    this.log.record('Utilities.ungzip', COSTS.call + data.length * COSTS.perByteZipped * 4);
    return new FakeBlob(gunzipSync(data));
  }

  base64Encode(data: number[]): string {
    this.log.record('Utilities.base64Encode', 0.1);
    return nodeBytes(data).toString('base64');
  }

  base64Decode(encoded: string): number[] {
    this.log.record('Utilities.base64Decode', 0.1);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) throw new Error('Could not decode string.');
    return javaBytes(Buffer.from(encoded, 'base64'));
  }

  sleep(milliseconds: number): void {
    this.log.record('Utilities.sleep', 0);
    if (milliseconds > 300_000) throw new Error('Utilities.sleep: at most 300000 milliseconds.');
    this.log.now += milliseconds;
  }
}

/** The document lock every execution of the spreadsheet shares. */
export class FakeLockService implements LockServiceApi {
  holder: Execution | null = null;

  constructor(private readonly log: Recorder) {}

  getDocumentLock(): FakeLock {
    this.log.record('LockService.getDocumentLock', 0);
    return new FakeLock(this, this.log);
  }

  /** The end of an execution releases its lock. */
  released(execution: Execution): void {
    if (this.holder === execution) this.holder = null;
  }
}

export class FakeLock implements LockApi {
  constructor(
    private readonly service: FakeLockService,
    private readonly log: Recorder,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    this.log.record('Lock.tryLock');
    const me = this.log.current();
    if (this.service.holder === null || this.service.holder === me) {
      this.service.holder = me;
      return true;
    }
    this.log.now += timeoutInMillis;
    return false;
  }

  releaseLock(): void {
    this.log.record('Lock.releaseLock');
    if (this.service.holder === this.log.current()) this.service.holder = null;
  }

  hasLock(): boolean {
    this.log.record('Lock.hasLock', 0);
    return this.service.holder !== null && this.service.holder === this.log.current();
  }
}

/** An Apps Script enum value: an object, not a string, so code must compare with ScriptApp.AuthMode.*. */
function enumValue(name: string): { toString(): string } {
  return Object.freeze({ toString: () => name, toJSON: () => name });
}

export class FakeScriptApp implements ScriptAppApi {
  readonly AuthMode = { NONE: enumValue('NONE'), LIMITED: enumValue('LIMITED'), FULL: enumValue('FULL'), CUSTOM_FUNCTION: enumValue('CUSTOM_FUNCTION') };

  /** The name of an AuthMode value, or null when it is not one. */
  nameOf(value: unknown): AuthModeName | null {
    const found = Object.entries(this.AuthMode).find(([, mode]) => mode === value);
    return found ? (found[0] as AuthModeName) : null;
  }
}

/** Everything a test needs: the services as globals, and handles on their state. */
export interface FakeHost {
  log: Recorder;
  book: FakeSpreadsheet;
  app: FakeSpreadsheetApp;
  html: FakeHtmlService;
  properties: FakeProperties;
  caches: FakeCacheService;
  /** The document cache the add-on keeps its run state in. */
  cache: FakeCache;
  locks: FakeLockService;
  scriptApp: FakeScriptApp;
  session: FakeSession;
  utilities: FakeUtilities;
  globals: Record<string, unknown>;
  /** Runs `body` as one execution of the script: writes applied and the lock released at its end. */
  execute<T>(name: string, body: () => T, authMode?: AuthModeName): T;
}

export interface FakeHostOptions {
  timeZone?: string;
  locale?: string;
  files?: Record<string, string>;
  /** The script project's title (the add-on menu's name); "Untitled project" by default. */
  projectTitle?: string;
}

export function fakeHost(options: FakeHostOptions = {}): FakeHost {
  const log = new Recorder();
  const book = new FakeSpreadsheet(log, options.timeZone ?? 'Europe/Moscow');
  const app = new FakeSpreadsheetApp(book, options.projectTitle);
  const html = new FakeHtmlService(options.files ?? {});
  const properties = new FakeProperties(log);
  const caches = new FakeCacheService(log);
  const locks = new FakeLockService(log);
  const scriptApp = new FakeScriptApp();
  const session = new FakeSession(options.locale ?? 'en', log);
  const utilities = new FakeUtilities(log);
  return {
    log,
    book,
    app,
    html,
    properties,
    caches,
    cache: caches.document,
    locks,
    scriptApp,
    session,
    utilities,
    globals: {
      SpreadsheetApp: app,
      HtmlService: html,
      PropertiesService: properties,
      CacheService: caches,
      LockService: locks,
      ScriptApp: scriptApp,
      Session: session,
      Utilities: utilities,
    },
    execute<T>(name: string, body: () => T, authMode: AuthModeName = 'FULL'): T {
      const execution = log.begin(name, authMode);
      let result: T;
      try {
        result = body();
      } finally {
        log.end(execution);
        locks.released(execution);
        book.showView();
      }
      if (execution.killed) throw new ExecutionKilled();
      return result;
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
