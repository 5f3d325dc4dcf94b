/**
 * A typed fake of the Excel API subset the port uses (addin/excel-api.ts), at least as strict as
 * Excel where the port relies on it or defends against it. Each behaviour names its source.
 *
 * Batches (Office.js "application-specific API model"): property writes, method calls and loads
 * are queued and run in order at `sync`; a loaded property read before its sync throws
 * (PropertyNotLoaded); a batch that ends with queued work throws (it would be lost). A sync is a
 * round trip to Excel's process: it resolves in a later task, never in the same one, so the page
 * gets to run its timers and messages between syncs as it does with Excel.
 * - A failing operation stops the sync there: the operations before it have run, the ones after
 *   it have not. `failSyncAt(n, part)` makes the n-th sync of the workbook fail after `part` of it (a fault
 *   injected to test every failure path: nothing tells the port how far Excel got).
 * - Payload (docs: "Resource limits and performance optimization", Excel on the web: 5 MB per
 *   request and per response; error codes RequestPayloadSizeLimitExceeded /
 *   ResponsePayloadSizeLimitExceeded, "only in Office on the web"): what travels is more than the
 *   JSON of the cells — object paths, property names, one action per call — so the fake counts
 *   the cells' JSON × `payload.factor` + `payload.perOperation` bytes per queued operation. A
 *   request or response over the limit fails and runs nothing.
 * - Cell-edit mode (Excel.RunOptions.delayForCellEdit): while `cellEdit` is on, a batch run
 *   without `delayForCellEdit` fails with InvalidOperationInCellEditMode; with it, the sync waits
 *   until `endCellEdit()`. The docs name no requirement set for the option, so an Excel that
 *   ignores it is modelled too (`honoursDelayForCellEdit: false`; which builds do is unconfirmed).
 * - A protected workbook structure (Review → Protect Workbook) refuses adding, deleting, renaming
 *   and hiding sheets; the fake answers AccessDenied (the code issue 10 reports; unconfirmed).
 * - Worksheet ids (office-js-docs#297, office-js#1390): an id is stable within a session only;
 *   `reopen()` gives every sheet a new id, keeps what was saved (settings, custom properties,
 *   sheet-scoped names) and drops unsaved settings.
 * - Worksheet.delete (Excel.Worksheet.delete in @types/office-js): a VeryHidden sheet cannot be
 *   deleted (InvalidOperation); neither can the last visible sheet.
 * - Custom properties exist from ExcelApi 1.12 (Excel.WorksheetCustomPropertyCollection): with
 *   `excelApi` below 12 they fail with ApiNotFound.
 * - A table name must be unique among the workbook's tables and defined names, without case
 *   (support.microsoft.com "Rename an Excel table", linked from Excel.Table.name; ECMA-376
 *   §18.5 "names ... shall be unique"): InvalidArgument otherwise.
 * - The task pane's auto-open (learn.microsoft.com, "Automatically open a task pane with a
 *   document"; [MS-OWEMXML] TaskpaneId): Excel shows the pane when it opens a document whose saved
 *   settings hold `Office.AutoShowTaskpaneWithDocument` with the value true (the manifest names
 *   that TaskpaneId); false, or a value set but never saved, opens nothing (`opensPaneWithDocument`).
 * - Writing a string to a cell behaves like typing it: in a cell not formatted as Text (`@`),
 *   `=…`, `+…`, `@…` become formulas and numeric text such as `-5` becomes a number. A cell holds
 *   at most 32,767 characters ("Excel specifications and limits", support.microsoft.com: total
 *   number of characters that a cell can contain): a longer string fails the sync with
 *   InvalidArgument (the code Office.js gives is unconfirmed).
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
  ExcelCustomProperty,
  ExcelCustomPropertyCollection,
  ExcelFreezePanes,
  ExcelFunctionResult,
  ExcelFunctions,
  ExcelHost,
  ExcelNamedItem,
  ExcelNamedItemCollection,
  ExcelRange,
  ExcelRangeFormat,
  ExcelTable,
  ExcelTableCollection,
  ExcelWorkbook,
  ExcelWorksheet,
  ExcelWorksheetCollection,
  RunOptions,
} from '../../addin/excel-api.js';

export const FAKE_PAYLOAD_LIMIT = 5_000_000;
/** Excel's limit on the characters of one cell. */
const MAX_CELL_CHARACTERS = 32_767;

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

export interface FakeTable {
  name: string;
  style: string;
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
  /** Modelled bytes (cells' JSON × factor + per-operation overhead) sent and received. */
  requestBytes: number;
  responseBytes: number;
  /** Whether the request carried cell writes, and whether calculation was suspended for it. */
  wrote: boolean;
  suspended: boolean;
  failed: boolean;
  /** Whether the batch was run with delayForCellEdit. */
  delayed: boolean;
  /** When the fake itself ran the request (performance.now(), ms): in Excel, another process's time. */
  ranFrom: number;
  ranTo: number;
}

interface StoredCell {
  value: Scalar;
  formula?: string;
  format: string;
}

/** A defined name: its formula and what it evaluates to (a `="text"` constant is that text). */
export interface FakeName {
  name: string;
  formula: string;
}

export class FakeSheet {
  readonly cells = new Map<string, StoredCell>();
  frozenRows = 0;
  readonly columnWidths = new Map<number, number>();
  readonly boldCells = new Set<string>();
  readonly charts: FakeChart[] = [];
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  /** Custom properties by lower-cased key (keys are case-insensitive). */
  readonly customProperties = new Map<string, { key: string; value: string }>();
  /** Sheet-scoped names by lower-cased name. */
  readonly names = new Map<string, FakeName>();
  visibility = 'Visible';

  constructor(
    public id: string,
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
    if (typeof value === 'string' && value.length > MAX_CELL_CHARACTERS) throw new FakeExcelError('InvalidArgument', `a cell holds at most ${MAX_CELL_CHARACTERS} characters (got ${value.length})`);
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

  /** A generated sheet's values without building a cell per value (a million rows stay quick). */
  private readGenerated(area: Area): Scalar[][] {
    const { rows, columns, cell } = this.generated!;
    const out: Scalar[][] = new Array(area.rows);
    for (let r = 0; r < area.rows; r++) {
      const row = area.row + r;
      const line: Scalar[] = new Array(area.columns);
      for (let c = 0; c < area.columns; c++) {
        const column = area.column + c;
        line[c] = row < rows && column < columns ? cell(row, column) : '';
      }
      out[r] = line;
    }
    return out;
  }

  /** Bounding box of the cells holding a value within `within` (the whole sheet by default), or null. */
  usedArea(within?: Area): Area | null {
    if (this.generated) {
      const all = { row: 0, column: 0, rows: this.generated.rows, columns: this.generated.columns };
      return within ? intersection(all, within) : all;
    }
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    for (const [key, cell] of this.cells) {
      if (cell.value === '' && cell.formula === undefined) continue;
      const [row, column] = key.split(',').map(Number);
      if (within && !contains(within, row, column)) continue;
      top = Math.min(top, row);
      left = Math.min(left, column);
      bottom = Math.max(bottom, row);
      right = Math.max(right, column);
    }
    return bottom < 0 ? null : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /** The cells of an area: values, formats or formulas (a formula cell's formula, else its value). */
  read(area: Area, what: 'values' | 'numberFormat' | 'formulas'): Scalar[][] {
    if (this.generated && this.cells.size === 0 && what !== 'numberFormat') return this.readGenerated(area);
    return Array.from({ length: area.rows }, (_, r) =>
      Array.from({ length: area.columns }, (_, c) => {
        const cell = this.cell(area.row + r, area.column + c);
        if (what === 'numberFormat') return cell.format;
        return what === 'formulas' ? (cell.formula ?? cell.value) : cell.value;
      }),
    );
  }
}

function contains(area: Area, row: number, column: number): boolean {
  return row >= area.row && row < area.row + area.rows && column >= area.column && column < area.column + area.columns;
}

function intersection(a: Area, b: Area): Area | null {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const rows = Math.min(a.row + a.rows, b.row + b.rows) - row;
  const columns = Math.min(a.column + a.columns, b.column + b.columns) - column;
  return rows > 0 && columns > 0 ? { row, column, rows, columns } : null;
}

export class FakeSettings implements DocumentSettings {
  private live = new Map<string, unknown>();
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

  /** The document reopened: what was saved, nothing else. */
  reload(): void {
    this.live = new Map([...this.saved].map(([name, value]) => [name, structuredClone(value)]));
  }
}

/** How the fake sizes a request or response (see the file comment). */
export interface PayloadModel {
  factor: number;
  perOperation: number;
}

/** Measured against the fake's own strictness tests: a ~4 MB block of cell JSON goes over 5 MB. */
export const DEFAULT_PAYLOAD: PayloadModel = { factor: 1.3, perOperation: 200 };

export interface FakeWorkbookOptions {
  date1904?: boolean;
  /** The minor version of the ExcelApi requirement set this Excel supports (ExcelApi 1.`excelApi`). */
  excelApi?: number;
  payload?: PayloadModel;
  honoursDelayForCellEdit?: boolean;
}

/** The workbook behind the fake, and `run` — the fake `Excel.run`. */
export class FakeWorkbook implements ExcelHost {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  /** Workbook-scoped defined names. */
  readonly names: FakeName[] = [];
  readonly syncs: SyncRecord[] = [];
  readonly settings = new FakeSettings();
  activeSheetId: string | null = null;
  readonly date1904: boolean;
  readonly excelApi: number;
  payload: PayloadModel;
  /** The user is typing in a cell. */
  cellEdit = false;
  /** Review → Protect Workbook (structure). */
  structureProtected = false;
  readonly honoursDelayForCellEdit: boolean;
  private cellEditEnded: (() => void)[] = [];
  private failAt: { index: number; part: number } | null = null;
  private session = 1;
  private nextId = 1;
  private nextTable = 1;

  constructor(options: FakeWorkbookOptions | boolean = {}) {
    const o = typeof options === 'boolean' ? { date1904: options } : options;
    this.date1904 = o.date1904 ?? false;
    this.excelApi = o.excelApi ?? 16;
    this.payload = o.payload ?? DEFAULT_PAYLOAD;
    this.honoursDelayForCellEdit = o.honoursDelayForCellEdit ?? true;
  }

  /** Fails like Excel when the workbook structure is protected. */
  changeStructure(): void {
    if (this.structureProtected) throw new FakeExcelError('AccessDenied', 'the workbook structure is protected');
  }

  supportsExcelApi(minor: number): boolean {
    return this.excelApi >= minor;
  }

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
    this.changeStructure();
    this.checkSheetName(name);
    const sheet = new FakeSheet(this.newId(), name);
    this.sheets.push(sheet);
    this.activeSheetId ??= sheet.id;
    return sheet;
  }

  /** Excel's sheet-name rules: 1–31 characters, none of []:*?/\, unique without case. */
  checkSheetName(name: string, except?: FakeSheet): void {
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new FakeExcelError('InvalidArgument', `bad sheet name "${name}"`);
    const clash = this.sheets.find((s) => s !== except && s.name.toLowerCase() === name.toLowerCase());
    if (clash) throw new FakeExcelError('ItemAlreadyExists', `sheet "${name}" exists`);
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
    this.changeStructure();
    if (sheet.visibility === 'VeryHidden') throw new FakeExcelError('InvalidOperation', `sheet "${sheet.name}" is very hidden`);
    if (sheet.visibility === 'Visible' && this.sheets.filter((s) => s.visibility === 'Visible').length <= 1)
      throw new FakeExcelError('InvalidOperation', 'a workbook must keep one visible sheet');
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i].sheetId === sheet.id) this.tables.splice(i, 1);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets.find((s) => s.visibility === 'Visible')!.id;
  }

  addTable(sheet: FakeSheet, area: Area, hasHeaders: boolean): FakeTable {
    const overlaps = this.tables.some((t) => t.sheetId === sheet.id && intersects(t.area, area));
    if (overlaps) throw new FakeExcelError('InvalidOperation', 'tables cannot overlap');
    let name = `Table${this.nextTable++}`;
    while (this.nameTaken(name)) name = `Table${this.nextTable++}`;
    const table: FakeTable = { name, style: 'TableStyleMedium2', sheetId: sheet.id, area, hasHeaders };
    this.tables.push(table);
    return table;
  }

  /** Whether a table or a workbook-level defined name already uses `name` (without case). */
  nameTaken(name: string, except?: FakeTable): boolean {
    const lower = name.toLowerCase();
    return this.tables.some((t) => t !== except && t.name.toLowerCase() === lower) || this.names.some((n) => n.name.toLowerCase() === lower);
  }

  /** DATE(year, month, day) as this workbook's serial number. */
  serialOf(year: number, month: number, day: number): number {
    return Math.round(Date.UTC(year, month - 1, day) / 86_400_000) + 25_569 - (this.date1904 ? 1462 : 0);
  }

  /**
   * Makes the sync at index `index` of `syncs` (counting every sync so far) fail after running
   * `part` of its operations (half by default).
   */
  failSyncAt(index: number | null, part = 0.5): void {
    this.failAt = index === null ? null : { index, part };
  }

  /** The share of its operations the sync at `index` runs before it fails, or null when it does not fail (used once). */
  takeFailure(index: number): number | null {
    if (this.failAt?.index !== index) return null;
    const { part } = this.failAt;
    this.failAt = null;
    return part;
  }

  /** The user starts typing in a cell. */
  beginCellEdit(): void {
    this.cellEdit = true;
  }

  /** The user presses Enter: batches waiting with delayForCellEdit go on. */
  endCellEdit(): void {
    this.cellEdit = false;
    for (const resume of this.cellEditEnded.splice(0)) resume();
  }

  waitForCellEdit(): Promise<void> {
    return new Promise((resolve) => this.cellEditEnded.push(resolve));
  }

  /** Whether Excel shows the add-in's task pane when this document is opened (see the file comment). */
  get opensPaneWithDocument(): boolean {
    return this.settings.saved.get('Office.AutoShowTaskpaneWithDocument') === true;
  }

  /** The workbook saved, closed and opened again: new sheet ids, unsaved settings gone. */
  reopen(): void {
    this.session++;
    for (const sheet of this.sheets) {
      const id = this.newId();
      for (const table of this.tables) if (table.sheetId === sheet.id) table.sheetId = id;
      if (this.activeSheetId === sheet.id) this.activeSheetId = id;
      sheet.id = id;
    }
    this.settings.reload();
  }

  readonly run = async <T>(batch: (context: ExcelContext) => Promise<T>, options: RunOptions = {}): Promise<T> => {
    const context = new FakeContext(this, options.delayForCellEdit === true);
    const result = await batch(context);
    context.assertNothingPending();
    return result;
  };

  get maxRequestBytes(): number {
    return Math.max(0, ...this.syncs.filter((s) => !s.failed).map((s) => Math.max(s.requestBytes, s.responseBytes)));
  }

  private newId(): string {
    return `{${String(this.nextId++).padStart(8, '0')}-${String(this.session).padStart(4, '0')}-4000-8000-000000000000}`;
  }
}

function intersects(a: Area, b: Area): boolean {
  return intersection(a, b) !== null;
}

const utf8 = new TextEncoder();

function payloadBytes(matrix: unknown): number {
  return utf8.encode(JSON.stringify(matrix)).length;
}

/** A queued operation: runs at sync, in order; a load stages what it read and commits it once the sync succeeds. */
interface Operation {
  /** Bytes of cell data it sends. */
  bytes: number;
  wrote: boolean;
  run(): { responseBytes: number; commit?: () => void } | void;
}

class FakeContext implements ExcelContext {
  readonly workbook: ExcelWorkbook;
  readonly application: ExcelApplication;
  private queue: Operation[] = [];
  private suspended = false;

  constructor(
    readonly book: FakeWorkbook,
    private readonly delayed: boolean,
  ) {
    this.workbook = new WorkbookProxy(this);
    this.application = { suspendApiCalculationUntilNextSync: () => void (this.suspended = true) };
  }

  /** Queues an action that changes the workbook (sent with `bytes` of cell data). */
  act(run: () => void, bytes = 0, wrote = bytes > 0): void {
    this.queue.push({ bytes, wrote, run });
  }

  /** Queues a read: `read` runs in order and returns the bytes it loaded and how to deliver them. */
  read(run: () => { responseBytes: number; commit: () => void }): void {
    this.queue.push({ bytes: 0, wrote: false, run });
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    await new Promise((resolve) => setTimeout(resolve, 0));
    const { factor, perOperation } = this.book.payload;
    const record: SyncRecord = {
      requestBytes: Math.round(queue.reduce((sum, op) => sum + op.bytes, 0) * factor) + queue.length * perOperation,
      responseBytes: 0,
      wrote: queue.some((op) => op.wrote),
      suspended: this.suspended,
      failed: false,
      delayed: this.delayed,
      ranFrom: 0,
      ranTo: 0,
    };
    this.suspended = false;
    const index = this.book.syncs.length;
    this.book.syncs.push(record);
    const fail = (code: string, message: string): never => {
      record.failed = true;
      throw new FakeExcelError(code, message);
    };
    if (this.book.cellEdit) {
      if (!this.delayed || !this.book.honoursDelayForCellEdit) fail('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode');
      await this.book.waitForCellEdit();
    }
    if (record.requestBytes > FAKE_PAYLOAD_LIMIT) fail('RequestPayloadSizeLimitExceeded', `request of ${record.requestBytes} bytes`);
    record.ranFrom = performance.now();
    try {
      this.runQueue(queue, record, index);
    } finally {
      record.ranTo = performance.now();
    }
  }

  private runQueue(queue: Operation[], record: SyncRecord, index: number): void {
    const fail = (code: string, message: string): never => {
      record.failed = true;
      throw new FakeExcelError(code, message);
    };
    const { factor, perOperation } = this.book.payload;
    const part = this.book.takeFailure(index);
    const injected = part !== null;
    const runs = injected ? queue.slice(0, Math.floor(queue.length * part)) : queue;
    const commits: (() => void)[] = [];
    let loaded = 0;
    let loads = 0;
    for (const op of runs) {
      let outcome;
      try {
        outcome = op.run();
      } catch (error) {
        record.failed = true;
        throw error;
      }
      if (outcome) {
        loads++;
        loaded += outcome.responseBytes;
        if (outcome.commit) commits.push(outcome.commit);
      }
    }
    if (injected) fail('GeneralException', `injected failure of sync ${index} after ${runs.length} of ${queue.length} operations`);
    record.responseBytes = Math.round(loaded * factor) + loads * perOperation;
    if (record.responseBytes > FAKE_PAYLOAD_LIMIT) fail('ResponsePayloadSizeLimitExceeded', `response of ${record.responseBytes} bytes`);
    for (const commit of commits) commit();
  }

  assertNothingPending(): void {
    if (this.queue.length > 0) throw new Error('the batch ended with writes or loads that were never synced');
  }
}

/** A workbook object a proxy stands for, found when its first queued operation runs (as Excel resolves it). */
class Ref<T> {
  private value: T | undefined;
  constructor(private readonly resolve: () => T) {}
  get(): T {
    return (this.value ??= this.resolve());
  }
  set(value: T): void {
    this.value = value;
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
    this.context.read(() => {
      const staged: Record<string, unknown> = {};
      const responseBytes = this.stage(names, staged);
      return { responseBytes, commit: () => Object.assign(this.loaded, staged) };
    });
    return this;
  }

  /** Reads the named properties from the model into `staged`; returns the cell bytes read. */
  protected stage(names: string[], staged: Record<string, unknown>): number {
    for (const name of names) staged[name] = this.read(name);
    return 0;
  }

  protected read(name: string): unknown {
    throw new FakeExcelError('InvalidArgument', `the fake cannot load ${name}`);
  }
}

class WorkbookProxy implements ExcelWorkbook {
  readonly worksheets: ExcelWorksheetCollection;
  readonly tables: ExcelTableCollection;
  readonly names: ExcelNamedItemCollection;
  readonly functions: ExcelFunctions;

  constructor(context: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TablesProxy(context);
    this.names = new NamesProxy(context, () => context.book.names);
    this.functions = { date: (y, m, d) => new FunctionResultProxy(context, () => context.book.serialOf(y, m, d)) };
  }
}

class FunctionResultProxy extends ClientObject implements ExcelFunctionResult {
  constructor(
    context: FakeContext,
    private readonly result: () => number,
  ) {
    super(context);
  }
  get value(): number {
    return this.property('value');
  }
  protected override read(name: string): unknown {
    if (name === 'value') return this.result();
    return super.read(name);
  }
}

class WorksheetCollectionProxy extends ClientObject implements ExcelWorksheetCollection {
  get items(): ExcelWorksheet[] {
    return this.property('items');
  }

  protected override stage(names: string[], staged: Record<string, unknown>): number {
    const itemProps = names.filter((n) => n.startsWith('items/')).map((n) => n.slice('items/'.length));
    if (itemProps.length !== names.length) return super.stage(names, staged);
    staged.items = this.context.book.sheets.map((sheet) => {
      const item = new WorksheetProxy(this.context, new Ref(() => sheet));
      item.fill(itemProps);
      return item;
    });
    return 0;
  }

  add(name?: string): ExcelWorksheet {
    const ref = new Ref<FakeSheet>(() => {
      throw new Error('a sheet used before the sync that adds it');
    });
    this.context.act(() => ref.set(this.context.book.insert(name ?? `Sheet${this.context.book.sheets.length + 1}`)));
    return new WorksheetProxy(this.context, ref);
  }

  getActiveWorksheet(): ExcelWorksheet {
    const ref = new Ref(() => this.context.book.sheet(this.context.book.activeSheetId ?? ''));
    this.context.act(() => void ref.get());
    return new WorksheetProxy(this.context, ref);
  }

  getItem(key: string): ExcelWorksheet {
    const ref = new Ref(() => this.context.book.sheet(key));
    this.context.act(() => void ref.get());
    return new WorksheetProxy(this.context, ref);
  }
}

class WorksheetProxy extends ClientObject implements ExcelWorksheet {
  readonly tables: ExcelTableCollection;
  readonly charts: ExcelChartCollection;
  readonly freezePanes: ExcelFreezePanes;
  readonly customProperties: ExcelCustomPropertyCollection;
  readonly names: ExcelNamedItemCollection;

  constructor(
    context: FakeContext,
    readonly ref: Ref<FakeSheet>,
  ) {
    super(context);
    this.tables = new TablesProxy(context, ref);
    this.charts = new ChartsProxy(context, ref);
    this.freezePanes = { freezeRows: (count = 1) => context.act(() => void (ref.get().frozenRows = count)) };
    this.customProperties = new CustomPropertiesProxy(context, ref);
    this.names = new NamesProxy(context, () => [...ref.get().names.values()], ref);
  }

  /** Fills properties at once (items of a collection being staged). */
  fill(names: string[]): void {
    for (const name of names) this.loaded[name] = this.read(name);
  }

  get id(): string {
    return this.property('id');
  }
  get name(): string {
    return this.property('name');
  }
  set name(name: string) {
    this.context.act(() => {
      const sheet = this.ref.get();
      this.context.book.changeStructure();
      this.context.book.checkSheetName(name, sheet);
      sheet.name = name;
    });
  }
  get visibility(): string {
    return this.property('visibility');
  }
  set visibility(visibility: string) {
    this.context.act(() => {
      const sheet = this.ref.get();
      this.context.book.changeStructure();
      if (visibility !== 'Visible' && sheet.visibility === 'Visible' && this.context.book.sheets.filter((s) => s.visibility === 'Visible').length <= 1)
        throw new FakeExcelError('InvalidOperation', 'a workbook must keep one visible sheet');
      sheet.visibility = visibility;
    });
  }

  protected override read(name: string): unknown {
    const sheet = this.ref.get();
    if (name === 'id' || name === 'name' || name === 'visibility') return sheet[name];
    return super.read(name);
  }

  activate(): void {
    this.context.act(() => {
      const sheet = this.ref.get();
      if (sheet.visibility !== 'Visible') throw new FakeExcelError('InvalidOperation', `sheet "${sheet.name}" is hidden`);
      this.context.book.activeSheetId = sheet.id;
    });
  }

  delete(): void {
    this.context.act(() => this.context.book.remove(this.ref.get()));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): ExcelRange {
    if (rowCount < 1 || columnCount < 1) throw new FakeExcelError('InvalidArgument', 'empty range');
    const area = { row: startRow, column: startColumn, rows: rowCount, columns: columnCount };
    return new RangeProxy(this.context, this.ref, new Ref(() => area));
  }

  getUsedRangeOrNullObject(): ExcelRange {
    return usedRangeOf(this.context, this.ref, undefined);
  }
}

/** The used range of a sheet, or of an area of it, found when the sync reaches it. */
function usedRangeOf(context: FakeContext, sheet: Ref<FakeSheet>, within: Ref<Area> | undefined): RangeProxy {
  let isNull = false;
  const area = new Ref<Area>(() => {
    const used = sheet.get().usedArea(within?.get());
    isNull = used === null;
    return used ?? { row: 0, column: 0, rows: 1, columns: 1 };
  });
  context.act(() => void area.get());
  return new RangeProxy(context, sheet, area, () => isNull);
}

class RangeProxy extends ClientObject implements ExcelRange {
  readonly format: ExcelRangeFormat;
  readonly conditionalFormats: ExcelConditionalFormatCollection;

  constructor(
    context: FakeContext,
    readonly sheet: Ref<FakeSheet>,
    readonly area: Ref<Area>,
    private readonly isNull: () => boolean = () => false,
  ) {
    super(context);
    this.format = new RangeFormatProxy(context, sheet, area);
    this.conditionalFormats = {
      add: (type) => {
        const format: FakeConditionalFormat = {
          type,
          area: { row: 0, column: 0, rows: 0, columns: 0 },
          colorScale: { criteria: { minimum: { type: 'Invalid' }, maximum: { type: 'Invalid' } } },
          cellValue: { format: { fill: { color: '' } }, rule: { formula1: '', operator: 'Invalid' } },
        };
        context.act(() => {
          format.area = area.get();
          sheet.get().conditionalFormats.push(format);
        });
        return format;
      },
    };
  }

  getUsedRangeOrNullObject(): ExcelRange {
    return usedRangeOf(this.context, this.sheet, this.area);
  }

  /** Like Office.js, `isNullObject` is known after any sync that loaded something of the range. */
  protected override stage(names: string[], staged: Record<string, unknown>): number {
    let bytes = 0;
    staged.isNullObject = this.isNull();
    for (const name of names) {
      if (name === 'values' || name === 'numberFormat' || name === 'formulas') {
        const matrix = this.isNull() ? [['']] : this.sheet.get().read(this.area.get(), name);
        staged[name] = matrix;
        bytes += payloadBytes(matrix);
      } else staged[name] = this.read(name);
    }
    return bytes;
  }

  protected override read(name: string): unknown {
    const area = this.area.get();
    switch (name) {
      case 'rowIndex':
        return area.row;
      case 'columnIndex':
        return area.column;
      case 'rowCount':
        return area.rows;
      case 'columnCount':
        return area.columns;
      default:
        return super.read(name);
    }
  }

  private write(matrix: unknown[][], apply: (sheet: FakeSheet, row: number, column: number, value: unknown) => void): void {
    const copy = matrix.map((row) => [...row]);
    this.context.act(() => {
      const area = this.area.get();
      if (copy.length !== area.rows || copy.some((row) => row.length !== area.columns))
        throw new FakeExcelError('InvalidArgument', `a ${copy.length}-row matrix does not fit ${JSON.stringify(area)}`);
      const sheet = this.sheet.get();
      copy.forEach((row, r) => row.forEach((value, c) => value !== null && apply(sheet, area.row + r, area.column + c, value)));
    }, payloadBytes(copy));
  }

  get values(): unknown[][] {
    return this.property('values');
  }
  set values(matrix: unknown[][]) {
    this.write(matrix, (sheet, r, c, value) => sheet.setValue(r, c, value as Scalar));
  }
  get numberFormat(): unknown[][] {
    return this.property('numberFormat');
  }
  set numberFormat(matrix: unknown[][]) {
    this.write(matrix, (sheet, r, c, value) => sheet.setFormat(r, c, String(value)));
  }
  get formulas(): unknown[][] {
    return this.property('formulas');
  }
  set formulas(matrix: unknown[][]) {
    this.write(matrix, (sheet, r, c, value) =>
      typeof value === 'string' && value.startsWith('=') ? sheet.setFormula(r, c, value) : sheet.setValue(r, c, value as Scalar),
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
    private readonly context: FakeContext,
    private readonly sheet: Ref<FakeSheet>,
    private readonly area: Ref<Area>,
  ) {
    const cells = () => {
      const a = area.get();
      return Array.from({ length: a.rows * a.columns }, (_, k) => `${a.row + Math.floor(k / a.columns)},${a.column + (k % a.columns)}`);
    };
    this.font = {
      get bold(): boolean {
        throw new FakeExcelError('PropertyNotLoaded', 'the fake does not load font.bold');
      },
      set bold(value: boolean) {
        context.act(() => {
          const bold = sheet.get().boldCells;
          for (const key of cells()) {
            if (value) bold.add(key);
            else bold.delete(key);
          }
        });
      },
    };
  }

  get columnWidth(): number {
    throw new FakeExcelError('PropertyNotLoaded', 'the fake does not load columnWidth');
  }
  set columnWidth(points: number) {
    this.context.act(() => {
      const a = this.area.get();
      for (let c = 0; c < a.columns; c++) this.sheet.get().columnWidths.set(a.column + c, points);
    });
  }
}

/** The tables of the workbook, or of one sheet when `sheet` is given (as `worksheet.tables`). */
class TablesProxy extends ClientObject implements ExcelTableCollection {
  constructor(
    context: FakeContext,
    private readonly sheet?: Ref<FakeSheet>,
  ) {
    super(context);
  }
  get items(): ExcelTable[] {
    return this.property('items');
  }
  protected override stage(names: string[], staged: Record<string, unknown>): number {
    if (!names.every((n) => n.startsWith('items/'))) return super.stage(names, staged);
    const sheetId = this.sheet?.get().id;
    staged.items = this.context.book.tables.filter((t) => sheetId === undefined || t.sheetId === sheetId).map((t) => ({ name: t.name, style: t.style }));
    return 0;
  }
  add(address: ExcelRange | string, hasHeaders: boolean): ExcelTable {
    if (!(address instanceof RangeProxy)) throw new FakeExcelError('InvalidArgument', 'the fake adds tables from ranges only');
    const table = new Ref<FakeTable>(() => {
      throw new Error('a table used before the sync that adds it');
    });
    this.context.act(() => {
      if (this.sheet && address.sheet.get() !== this.sheet.get()) throw new FakeExcelError('InvalidArgument', 'the range is on another sheet');
      table.set(this.context.book.addTable(address.sheet.get(), address.area.get(), hasHeaders));
    });
    const context = this.context;
    return {
      get name(): string {
        throw new FakeExcelError('PropertyNotLoaded', 'the fake does not load a new table name');
      },
      set name(name: string) {
        context.act(() => {
          const model = table.get();
          if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || context.book.nameTaken(name, model))
            throw new FakeExcelError('InvalidArgument', `"${name}" is not a free table name`);
          model.name = name;
        });
      },
      get style(): string {
        throw new FakeExcelError('PropertyNotLoaded', 'the fake does not load a new table style');
      },
      set style(style: string) {
        context.act(() => void (table.get().style = style));
      },
    };
  }
}

/** Defined names of the workbook or of a sheet. */
class NamesProxy extends ClientObject implements ExcelNamedItemCollection {
  constructor(
    context: FakeContext,
    private readonly list: () => FakeName[],
    private readonly sheet?: Ref<FakeSheet>,
  ) {
    super(context);
  }
  get items(): ExcelNamedItem[] {
    return this.property('items');
  }
  protected override stage(names: string[], staged: Record<string, unknown>): number {
    if (!names.every((n) => n.startsWith('items/'))) return super.stage(names, staged);
    staged.items = this.list().map((n) => ({ name: n.name, value: nameValue(n), isNullObject: false, load: () => undefined }));
    return 0;
  }
  add(name: string, reference: string): unknown {
    this.context.act(() => {
      if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) throw new FakeExcelError('InvalidArgument', `bad name "${name}"`);
      const named = { name, formula: reference };
      if (this.sheet) {
        const sheet = this.sheet.get();
        if (sheet.names.has(name.toLowerCase())) throw new FakeExcelError('ItemAlreadyExists', `name "${name}" exists`);
        sheet.names.set(name.toLowerCase(), named);
      } else {
        if (this.context.book.nameTaken(name)) throw new FakeExcelError('ItemAlreadyExists', `name "${name}" exists`);
        this.context.book.names.push(named);
      }
    });
    return undefined;
  }
  getItemOrNullObject(name: string): ExcelNamedItem {
    return new NamedItemProxy(this.context, () => this.list().find((n) => n.name.toLowerCase() === name.toLowerCase()));
  }
}

/** What a name evaluates to: the text of a `="text"` constant, else its formula. */
function nameValue(named: FakeName): unknown {
  const constant = /^="((?:[^"]|"")*)"$/.exec(named.formula);
  return constant ? constant[1].replace(/""/g, '"') : named.formula;
}

class NamedItemProxy extends ClientObject implements ExcelNamedItem {
  constructor(
    context: FakeContext,
    private readonly named: () => FakeName | undefined,
  ) {
    super(context);
  }
  get name(): string {
    return this.property('name');
  }
  get value(): unknown {
    return this.property('value');
  }
  get isNullObject(): boolean {
    return this.property('isNullObject');
  }
  protected override stage(names: string[], staged: Record<string, unknown>): number {
    const named = this.named();
    staged.isNullObject = named === undefined;
    for (const name of names) {
      if (name === 'name') staged.name = named?.name;
      else if (name === 'value') staged.value = named ? nameValue(named) : undefined;
      else super.stage([name], staged);
    }
    return 0;
  }
}

class CustomPropertiesProxy implements ExcelCustomPropertyCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: Ref<FakeSheet>,
  ) {}

  private supported(): void {
    if (!this.context.book.supportsExcelApi(12)) throw new FakeExcelError('ApiNotFound', 'worksheet custom properties need ExcelApi 1.12');
  }

  add(key: string, value: string): unknown {
    this.context.act(() => {
      this.supported();
      if (key.length > 255) throw new FakeExcelError('InvalidArgument', 'a custom property key is limited to 255 characters');
      this.sheet.get().customProperties.set(key.toLowerCase(), { key, value });
    });
    return undefined;
  }

  getItemOrNullObject(key: string): ExcelCustomProperty {
    const context = this.context;
    const sheet = this.sheet;
    const supported = () => this.supported();
    return new (class extends ClientObject implements ExcelCustomProperty {
      get value(): string {
        return this.property('value');
      }
      get isNullObject(): boolean {
        return this.property('isNullObject');
      }
      protected override stage(names: string[], staged: Record<string, unknown>): number {
        supported();
        const found = sheet.get().customProperties.get(key.toLowerCase());
        staged.isNullObject = found === undefined;
        for (const name of names) {
          if (name === 'value') staged.value = found?.value;
          else super.stage([name], staged);
        }
        return 0;
      }
    })(context);
  }
}

class ChartsProxy implements ExcelChartCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: Ref<FakeSheet>,
  ) {}

  add(type: ExcelChartType, sourceData: ExcelRange): ExcelChart {
    const source = sourceData as RangeProxy;
    const context = this.context;
    const chart: FakeChart = { type, title: { text: '' }, series: [], position: null };
    const first: FakeSeries = {
      name: '',
      chartType: type,
      axisGroup: 'Primary',
      values: null,
      xValues: null,
      setValues(range) {
        const area = (range as RangeProxy).area;
        context.act(() => void (first.values = area.get()));
      },
      setXAxisValues(range) {
        const area = (range as RangeProxy).area;
        context.act(() => void (first.xValues = area.get()));
      },
    };
    chart.series.push(first);
    this.context.act(() => {
      const area = source.area.get();
      if (area.columns !== 1) throw new FakeExcelError('InvalidArgument', 'the fake makes charts from one column');
      if (area.rows < 2) throw new FakeExcelError('EmptyChartSeries', 'no data under the header');
      first.name = String(this.sheet.get().cell(area.row, area.column).value);
      first.values = { ...area, row: area.row + 1, rows: area.rows - 1 };
      this.sheet.get().charts.push(chart);
    });
    const series: ExcelChartSeriesCollection = {
      add: (name?: string) => {
        const added: FakeSeries = {
          name: name ?? '',
          values: null,
          xValues: null,
          chartType: type,
          axisGroup: 'Primary',
          setValues(range) {
            const area = (range as RangeProxy).area;
            context.act(() => void (added.values = area.get()));
          },
          setXAxisValues(range) {
            const area = (range as RangeProxy).area;
            context.act(() => void (added.xValues = area.get()));
          },
        };
        context.act(() => void chart.series.push(added));
        return added;
      },
      getItemAt: (index: number) => chart.series[index],
    };
    return {
      title: chart.title,
      series,
      setPosition: (from, to) => {
        context.act(() => void (chart.position = { from: String(from), to: to === undefined ? undefined : String(to) }));
      },
    };
  }
}
