/**
 * The fake spreadsheet: ranges, formats, banding, filters, charts, conditional format rules,
 * developer metadata, sheets, the spreadsheet, its UI and SpreadsheetApp (see ../fakes.ts for
 * where Google says each behaviour).
 */
import type {
  BandingApi,
  ChartApi,
  ChartBuilderApi,
  ConditionalFormatRuleApi,
  ConditionalFormatRuleBuilderApi,
  DeveloperMetadataApi,
  DeveloperMetadataFinderApi,
  FilterApi,
  HtmlOutputApi,
  MenuApi,
  NewChartApi,
  RangeApi,
  SheetApi,
  SheetCell,
  SpreadsheetApi,
  SpreadsheetAppApi,
  UiApi,
} from '../../../apps-script/gas-api.js';
import { COSTS, LIMITS, type Recorder } from './clock.js';

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
    if (values.some((row) => row.some((value) => typeof value === 'string' && value.length > LIMITS.cellCharacters))) {
      throw new Error(`Your input contains more than the maximum of ${LIMITS.cellCharacters} characters in a single cell.`);
    }
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
