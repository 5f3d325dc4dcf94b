/**
 * A typed fake of the Excel API subset the port uses (addin/excel-api.ts), with Office.js batch
 * semantics where they matter to the port:
 * - `load` is delivered by the next `sync`; reading a property that was not loaded throws;
 * - every `sync` is counted, with the bytes it carried: the JSON (UTF-8) of the values, number
 *   formats and formulas written since the last sync (request) and loaded by it (response);
 *   a request or response over 5,000,000 bytes fails like Excel (RequestPayloadSizeLimitExceeded /
 *   ResponsePayloadSizeLimitExceeded) and delivers nothing;
 * - writing a string to a cell behaves like typing it: in a cell not formatted as Text (`@`),
 *   `=…`, `+…`, `@…` become formulas and numeric text such as `-5` becomes a number;
 * - a batch that ends with writes not yet synced fails (they would be lost in Excel).
 * Writes are applied to the model at once (not at the sync) — enough for the port's contract.
 *
 * Sheets can be backed by a generator (`addGeneratedSheet`) so a 1,000,000-row sheet costs no
 * memory until it is read. No Node APIs: the task pane e2e test runs the same fake in Chromium.
 */
import type {
  ColorScaleCriteria,
  DocumentSettings,
  ExcelApplication,
  ExcelChart,
  ExcelChartCollection,
  ExcelChartSeries,
  ExcelChartSeriesCollection,
  ExcelChartType,
  ExcelConditionalFormat,
  ExcelConditionalFormatCollection,
  ExcelContext,
  ExcelFreezePanes,
  ExcelFunctionResult,
  ExcelFunctions,
  ExcelHost,
  ExcelRange,
  ExcelRangeFormat,
  ExcelTable,
  ExcelTableCollection,
  ExcelWorkbook,
  ExcelWorksheet,
  ExcelWorksheetCollection,
} from '../../addin/excel-api.js';

export const FAKE_PAYLOAD_LIMIT = 5_000_000;

type Scalar = string | number | boolean;

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export interface Area {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface FakeTable extends ExcelTable {
  sheetId: string;
  area: Area;
  hasHeaders: boolean;
}

export interface FakeConditionalFormat extends ExcelConditionalFormat {
  type: 'ColorScale' | 'CellValue';
  area: Area;
  colorScale: { criteria: ColorScaleCriteria };
  cellValue: { format: { fill: { color: string } }; rule: { formula1: string; operator: string } };
}

export interface FakeSeries extends ExcelChartSeries {
  name: string;
  values: Area | null;
  xValues: Area | null;
}

export interface FakeChart {
  type: ExcelChartType;
  title: { text: string };
  series: FakeSeries[];
  position: { from: string; to?: string } | null;
}

/** One sync as the fake saw it. */
export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  /** Whether the request carried cell writes, and whether calculation was suspended for it. */
  wrote: boolean;
  suspended: boolean;
  failed: boolean;
}

interface StoredCell {
  value: Scalar;
  formula?: string;
  format: string;
}

export class FakeSheet {
  readonly cells = new Map<string, StoredCell>();
  frozenRows = 0;
  readonly columnWidths = new Map<number, number>();
  readonly boldCells = new Set<string>();
  readonly charts: FakeChart[] = [];
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  visibility = 'Visible';

  constructor(
    readonly id: string,
    public name: string,
    readonly generated?: { rows: number; columns: number; cell: (row: number, column: number) => Scalar },
  ) {}

  cell(row: number, column: number): StoredCell {
    const stored = this.cells.size > 0 ? this.cells.get(`${row},${column}`) : undefined;
    if (stored) return stored;
    if (this.generated && row < this.generated.rows && column < this.generated.columns)
      return { value: this.generated.cell(row, column), format: 'General' };
    return { value: '', format: 'General' };
  }

  private edit(row: number, column: number): StoredCell {
    if (this.generated) throw new FakeExcelError('AccessDenied', `sheet "${this.name}" is a read-only fixture`);
    const key = `${row},${column}`;
    const stored = this.cells.get(key) ?? { value: '', format: 'General' };
    this.cells.set(key, stored);
    return stored;
  }

  store(row: number, column: number, value: Scalar): void {
    this.edit(row, column).value = value;
  }

  setFormat(row: number, column: number, format: string): void {
    this.edit(row, column).format = format;
  }

  /** Stores a value the way Excel takes typed input. */
  setValue(row: number, column: number, value: Scalar): void {
    const cell = this.edit(row, column);
    delete cell.formula;
    if (typeof value !== 'string' || value === '' || cell.format === '@') cell.value = value;
    else if (/^[+-]?\d+(\.\d+)?$/.test(value)) cell.value = Number(value);
    else if (/^[=+\-@]/.test(value)) {
      cell.formula = value.startsWith('=') ? value : `=${value}`;
      cell.value = '#NAME?';
    } else cell.value = value;
  }

  setFormula(row: number, column: number, formula: string): void {
    const cell = this.edit(row, column);
    cell.formula = formula;
    cell.value = '#CALC';
  }

  /** Bounding box of the cells holding a value, or null when the sheet is empty. */
  usedArea(): Area | null {
    if (this.generated) return { row: 0, column: 0, rows: this.generated.rows, columns: this.generated.columns };
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    for (const [key, cell] of this.cells) {
      if (cell.value === '' && cell.formula === undefined) continue;
      const [row, column] = key.split(',').map(Number);
      top = Math.min(top, row);
      left = Math.min(left, column);
      bottom = Math.max(bottom, row);
      right = Math.max(right, column);
    }
    return bottom < 0 ? null : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /** The cells of an area: values, formats or formulas (a formula cell's formula, else its value). */
  read(area: Area, what: 'values' | 'numberFormat' | 'formulas'): Scalar[][] {
    return Array.from({ length: area.rows }, (_, r) =>
      Array.from({ length: area.columns }, (_, c) => {
        const cell = this.cell(area.row + r, area.column + c);
        if (what === 'numberFormat') return cell.format;
        return what === 'formulas' ? (cell.formula ?? cell.value) : cell.value;
      }),
    );
  }
}

export class FakeSettings implements DocumentSettings {
  private readonly live = new Map<string, unknown>();
  /** What `save` persisted into the document. */
  readonly saved = new Map<string, unknown>();
  saves = 0;

  get(name: string): unknown {
    return this.live.has(name) ? structuredClone(this.live.get(name)) : null;
  }

  set(name: string, value: unknown): void {
    this.live.set(name, structuredClone(value));
  }

  async save(): Promise<void> {
    this.saves++;
    for (const [name, value] of this.live) this.saved.set(name, structuredClone(value));
  }
}

/** The workbook behind the fake, and `run` — the fake `Excel.run`. */
export class FakeWorkbook implements ExcelHost {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly syncs: SyncRecord[] = [];
  readonly settings = new FakeSettings();
  activeSheetId: string | null = null;
  private nextId = 1;
  private nextTable = 1;

  constructor(readonly date1904 = false) {}

  /** A sheet holding `rows` as stored values (text stays text, as in an imported file); null and "" are empty. */
  addSheet(name: string, rows: readonly (readonly unknown[])[] = []): FakeSheet {
    const sheet = this.insert(name);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === undefined || value === '') return;
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new Error(`fixture cell ${String(value)}`);
        sheet.store(r, c, value);
      }),
    );
    return sheet;
  }

  addGeneratedSheet(name: string, rows: number, columns: number, cell: (row: number, column: number) => Scalar): FakeSheet {
    const sheet = new FakeSheet(this.newId(), name, { rows, columns, cell });
    this.sheets.push(sheet);
    this.activeSheetId ??= sheet.id;
    return sheet;
  }

  insert(name: string): FakeSheet {
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new FakeExcelError('InvalidArgument', `bad sheet name "${name}"`);
    if (this.find(name)) throw new FakeExcelError('ItemAlreadyExists', `sheet "${name}" exists`);
    const sheet = new FakeSheet(this.newId(), name);
    this.sheets.push(sheet);
    this.activeSheetId ??= sheet.id;
    return sheet;
  }

  find(key: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase());
  }

  sheet(key: string): FakeSheet {
    const sheet = this.find(key);
    if (!sheet) throw new FakeExcelError('ItemNotFound', `no sheet "${key}"`);
    return sheet;
  }

  remove(sheet: FakeSheet): void {
    if (this.sheets.filter((s) => s.visibility === 'Visible').length <= 1)
      throw new FakeExcelError('InvalidOperation', 'a workbook must keep one visible sheet');
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i].sheetId === sheet.id) this.tables.splice(i, 1);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0].id;
  }

  addTable(sheet: FakeSheet, area: Area, hasHeaders: boolean): FakeTable {
    const overlaps = this.tables.some((t) => t.sheetId === sheet.id && intersects(t.area, area));
    if (overlaps) throw new FakeExcelError('InvalidOperation', 'tables cannot overlap');
    const table: FakeTable = { name: `Table${this.nextTable++}`, style: 'TableStyleMedium2', sheetId: sheet.id, area, hasHeaders };
    this.tables.push(table);
    return table;
  }

  /** DATE(year, month, day) as this workbook's serial number. */
  serialOf(year: number, month: number, day: number): number {
    return Math.round(Date.UTC(year, month - 1, day) / 86_400_000) + 25_569 - (this.date1904 ? 1462 : 0);
  }

  readonly run = async <T>(batch: (context: ExcelContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this);
    const result = await batch(context);
    context.assertNothingPending();
    return result;
  };

  get maxRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => Math.max(s.requestBytes, s.responseBytes)));
  }

  private newId(): string {
    return `{${String(this.nextId++).padStart(8, '0')}-0000-4000-8000-000000000000}`;
  }
}

function intersects(a: Area, b: Area): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
}

const utf8 = new TextEncoder();

function payloadBytes(matrix: unknown): number {
  return utf8.encode(JSON.stringify(matrix)).length;
}

class FakeContext implements ExcelContext {
  readonly workbook: ExcelWorkbook;
  readonly application: ExcelApplication;
  private requestBytes = 0;
  private wrote = false;
  private suspended = false;
  private loads: (() => number)[] = [];

  constructor(readonly book: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
    this.application = { suspendApiCalculationUntilNextSync: () => void (this.suspended = true) };
  }

  queueWrite(bytes: number): void {
    this.requestBytes += bytes;
    this.wrote = true;
  }

  queueLoad(deliver: () => number): void {
    this.loads.push(deliver);
  }

  async sync(): Promise<void> {
    const record: SyncRecord = { requestBytes: this.requestBytes, responseBytes: 0, wrote: this.wrote, suspended: this.suspended, failed: false };
    const loads = this.loads;
    this.loads = [];
    this.requestBytes = 0;
    this.wrote = false;
    this.suspended = false;
    this.book.syncs.push(record);
    if (record.requestBytes > FAKE_PAYLOAD_LIMIT) {
      record.failed = true;
      throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `request of ${record.requestBytes} bytes`);
    }
    const sizes = loads.map((deliver) => deliver());
    record.responseBytes = sizes.reduce((a, b) => a + b, 0);
    if (record.responseBytes > FAKE_PAYLOAD_LIMIT) {
      record.failed = true;
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `response of ${record.responseBytes} bytes`);
    }
  }

  assertNothingPending(): void {
    if (this.wrote || this.loads.length > 0) throw new Error('the batch ended with writes or loads that were never synced');
  }
}

/** Base of the API objects: loaded properties are filled by the next sync; reading an unloaded one throws. */
class ClientObject {
  protected loaded: Record<string, unknown> = {};

  constructor(protected readonly context: FakeContext) {}

  protected property<T>(name: string): T {
    if (!(name in this.loaded)) throw new FakeExcelError('PropertyNotLoaded', `${name} was not loaded (or not synced)`);
    return this.loaded[name] as T;
  }

  load(propertyNames: string | string[]): this {
    const names = (Array.isArray(propertyNames) ? propertyNames : propertyNames.split(',')).map((n) => n.trim());
    this.context.queueLoad(() => this.deliver(names));
    return this;
  }

  /** Fills the named properties from the model; returns the payload bytes counted for them. */
  protected deliver(names: string[]): number {
    for (const name of names) this.loaded[name] = this.read(name);
    return 0;
  }

  protected read(name: string): unknown {
    throw new FakeExcelError('InvalidArgument', `the fake cannot load ${name}`);
  }
}

class WorkbookProxy implements ExcelWorkbook {
  readonly worksheets: ExcelWorksheetCollection;
  readonly tables: ExcelTableCollection;
  readonly functions: ExcelFunctions;

  constructor(context: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TablesProxy(context);
    this.functions = { date: (y, m, d) => new FunctionResultProxy(context, context.book.serialOf(y, m, d)) };
  }
}

class FunctionResultProxy extends ClientObject implements ExcelFunctionResult {
  constructor(
    context: FakeContext,
    private readonly result: number,
  ) {
    super(context);
  }
  get value(): number {
    return this.property('value');
  }
  protected override read(name: string): unknown {
    if (name === 'value') return this.result;
    return super.read(name);
  }
}

class WorksheetCollectionProxy extends ClientObject implements ExcelWorksheetCollection {
  get items(): ExcelWorksheet[] {
    return this.property('items');
  }

  protected override deliver(names: string[]): number {
    const itemProps = names.filter((n) => n.startsWith('items/')).map((n) => n.slice('items/'.length));
    if (itemProps.length !== names.length) return super.deliver(names);
    const items = this.context.book.sheets.map((sheet) => new WorksheetProxy(this.context, sheet));
    for (const item of items) item.fill(itemProps);
    this.loaded.items = items;
    return 0;
  }

  add(name?: string): ExcelWorksheet {
    const sheet = this.context.book.insert(name ?? `Sheet${this.context.book.sheets.length + 1}`);
    return new WorksheetProxy(this.context, sheet);
  }

  getActiveWorksheet(): ExcelWorksheet {
    return new WorksheetProxy(this.context, this.context.book.sheet(this.context.book.activeSheetId ?? ''));
  }

  getItem(key: string): ExcelWorksheet {
    return new WorksheetProxy(this.context, this.context.book.sheet(key));
  }
}

class WorksheetProxy extends ClientObject implements ExcelWorksheet {
  readonly tables: ExcelTableCollection;
  readonly charts: ExcelChartCollection;
  readonly freezePanes: ExcelFreezePanes;

  constructor(
    context: FakeContext,
    readonly model: FakeSheet,
  ) {
    super(context);
    this.tables = new TablesProxy(context, model);
    this.charts = new ChartsProxy(model);
    this.freezePanes = { freezeRows: (count = 1) => void (this.model.frozenRows = count) };
  }

  fill(names: string[]): void {
    this.deliver(names);
  }

  get id(): string {
    return this.property('id');
  }
  get name(): string {
    return this.property('name');
  }
  get visibility(): string {
    return this.property('visibility');
  }

  protected override read(name: string): unknown {
    if (name === 'id' || name === 'name' || name === 'visibility') return this.model[name];
    return super.read(name);
  }

  activate(): void {
    this.context.book.activeSheetId = this.model.id;
  }

  delete(): void {
    this.context.book.remove(this.model);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): ExcelRange {
    if (rowCount < 1 || columnCount < 1) throw new FakeExcelError('InvalidArgument', 'empty range');
    return new RangeProxy(this.context, this.model, { row: startRow, column: startColumn, rows: rowCount, columns: columnCount });
  }

  getUsedRangeOrNullObject(): ExcelRange {
    const area = this.model.usedArea();
    return new RangeProxy(this.context, this.model, area ?? { row: 0, column: 0, rows: 1, columns: 1 }, area === null);
  }
}

class RangeProxy extends ClientObject implements ExcelRange {
  readonly format: ExcelRangeFormat;
  readonly conditionalFormats: ExcelConditionalFormatCollection;

  constructor(
    context: FakeContext,
    readonly sheet: FakeSheet,
    readonly area: Area,
    private readonly isNull = false,
  ) {
    super(context);
    this.format = new RangeFormatProxy(sheet, area);
    this.conditionalFormats = {
      add: (type) => {
        const format: FakeConditionalFormat = {
          type,
          area,
          colorScale: { criteria: { minimum: { type: 'Invalid' }, maximum: { type: 'Invalid' } } },
          cellValue: { format: { fill: { color: '' } }, rule: { formula1: '', operator: 'Invalid' } },
        };
        sheet.conditionalFormats.push(format);
        return format;
      },
    };
  }

  /** Like Office.js, `isNullObject` is known after any sync that loaded something of the range. */
  protected override deliver(names: string[]): number {
    let bytes = 0;
    this.loaded.isNullObject = this.isNull;
    for (const name of names) {
      if (name === 'values' || name === 'numberFormat' || name === 'formulas') {
        const matrix = this.sheet.read(this.area, name);
        this.loaded[name] = matrix;
        bytes += payloadBytes(matrix);
      } else this.loaded[name] = this.read(name);
    }
    return bytes;
  }

  protected override read(name: string): unknown {
    switch (name) {
      case 'rowIndex':
        return this.area.row;
      case 'columnIndex':
        return this.area.column;
      case 'rowCount':
        return this.area.rows;
      case 'columnCount':
        return this.area.columns;
      default:
        return super.read(name);
    }
  }

  private write(matrix: unknown[][], apply: (row: number, column: number, value: unknown) => void): void {
    if (matrix.length !== this.area.rows || matrix.some((row) => row.length !== this.area.columns))
      throw new FakeExcelError('InvalidArgument', `a ${matrix.length}-row matrix does not fit ${JSON.stringify(this.area)}`);
    this.context.queueWrite(payloadBytes(matrix));
    matrix.forEach((row, r) => row.forEach((value, c) => value !== null && apply(this.area.row + r, this.area.column + c, value)));
  }

  get values(): unknown[][] {
    return this.property('values');
  }
  set values(matrix: unknown[][]) {
    this.write(matrix, (r, c, value) => this.sheet.setValue(r, c, value as Scalar));
  }
  get numberFormat(): unknown[][] {
    return this.property('numberFormat');
  }
  set numberFormat(matrix: unknown[][]) {
    this.write(matrix, (r, c, value) => this.sheet.setFormat(r, c, String(value)));
  }
  get formulas(): unknown[][] {
    return this.property('formulas');
  }
  set formulas(matrix: unknown[][]) {
    this.write(matrix, (r, c, value) =>
      typeof value === 'string' && value.startsWith('=') ? this.sheet.setFormula(r, c, value) : this.sheet.setValue(r, c, value as Scalar),
    );
  }
  get rowIndex(): number {
    return this.property('rowIndex');
  }
  get columnIndex(): number {
    return this.property('columnIndex');
  }
  get rowCount(): number {
    return this.property('rowCount');
  }
  get columnCount(): number {
    return this.property('columnCount');
  }
  get isNullObject(): boolean {
    return this.property('isNullObject');
  }
}

class RangeFormatProxy implements ExcelRangeFormat {
  readonly font: { bold: boolean };

  constructor(
    private readonly sheet: FakeSheet,
    private readonly area: Area,
  ) {
    const cells = () => Array.from({ length: area.rows * area.columns }, (_, k) => `${area.row + Math.floor(k / area.columns)},${area.column + (k % area.columns)}`);
    this.font = {
      get bold() {
        return cells().every((key) => sheet.boldCells.has(key));
      },
      set bold(value: boolean) {
        for (const key of cells()) {
          if (value) sheet.boldCells.add(key);
          else sheet.boldCells.delete(key);
        }
      },
    };
  }

  get columnWidth(): number {
    return this.sheet.columnWidths.get(this.area.column) ?? 48;
  }
  set columnWidth(points: number) {
    for (let c = 0; c < this.area.columns; c++) this.sheet.columnWidths.set(this.area.column + c, points);
  }
}

/** The tables of the workbook, or of one sheet when `sheet` is given (as `worksheet.tables`). */
class TablesProxy extends ClientObject implements ExcelTableCollection {
  constructor(
    context: FakeContext,
    private readonly sheet?: FakeSheet,
  ) {
    super(context);
  }
  get items(): ExcelTable[] {
    return this.property('items');
  }
  protected override deliver(names: string[]): number {
    if (!names.every((n) => n.startsWith('items/'))) return super.deliver(names);
    this.loaded.items = this.context.book.tables.filter((t) => !this.sheet || t.sheetId === this.sheet.id).map((t) => ({ name: t.name, style: t.style }));
    return 0;
  }
  add(address: ExcelRange | string, hasHeaders: boolean): ExcelTable {
    if (!(address instanceof RangeProxy)) throw new FakeExcelError('InvalidArgument', 'the fake adds tables from ranges only');
    if (this.sheet && address.sheet !== this.sheet) throw new FakeExcelError('InvalidArgument', 'the range is on another sheet');
    return this.context.book.addTable(address.sheet, address.area, hasHeaders);
  }
}

class ChartsProxy implements ExcelChartCollection {
  constructor(private readonly sheet: FakeSheet) {}

  add(type: ExcelChartType, sourceData: ExcelRange): ExcelChart {
    const source = (sourceData as RangeProxy).area;
    if (source.columns !== 1) throw new FakeExcelError('InvalidArgument', 'the fake makes charts from one column');
    const header = this.sheet.cell(source.row, source.column).value;
    const first: FakeSeries = {
      name: String(header),
      chartType: type,
      axisGroup: 'Primary',
      values: { ...source, row: source.row + 1, rows: source.rows - 1 },
      xValues: null,
      setValues(range) {
        this.values = (range as RangeProxy).area;
      },
      setXAxisValues(range) {
        this.xValues = (range as RangeProxy).area;
      },
    };
    if (first.values!.rows < 1) throw new FakeExcelError('EmptyChartSeries', 'no data under the header');
    const chart: FakeChart = { type, title: { text: '' }, series: [first], position: null };
    this.sheet.charts.push(chart);
    const series: ExcelChartSeriesCollection = {
      add: (name?: string) => {
        const added: FakeSeries = { ...first, name: name ?? '', values: null, xValues: null, chartType: type, axisGroup: 'Primary' };
        chart.series.push(added);
        return added;
      },
      getItemAt: (index: number) => chart.series[index],
    };
    return {
      title: chart.title,
      series,
      setPosition: (from, to) => {
        chart.position = { from: String(from), to: to === undefined ? undefined : String(to) };
      },
    };
  }
}
