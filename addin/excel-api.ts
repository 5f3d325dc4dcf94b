/**
 * The subset of the Excel JavaScript API (Office.js) the Excel port uses, as structural types.
 *
 * The port is written against these types only, so the tests can drive it with a typed fake
 * (test/addin/fake-excel.ts), and `officeExcelHost()` in excel-port.ts hands the real
 * `Excel.RequestContext` to code typed with `ExcelContext` — the compiler checks there that the
 * real API satisfies every member listed here. Nothing in this file calls the API.
 *
 * Semantics as in Office.js: `load` queues a read that is filled in by the next `sync`; property
 * writes and method calls are queued and sent by `sync`, which runs them in order; a request or
 * response over 5 MB fails (Office on the web).
 */

/** An object whose scalar properties are read after `load(...)` and `sync()`. */
export interface Loadable {
  load(propertyNames: string | string[]): unknown;
}

export interface ExcelContext {
  readonly workbook: ExcelWorkbook;
  readonly application: ExcelApplication;
  sync(): Promise<unknown>;
}

export interface ExcelApplication {
  /** Suspends calculation until the next `sync` (ExcelApi 1.8). */
  suspendApiCalculationUntilNextSync(): void;
}

export interface ExcelWorkbook {
  readonly worksheets: ExcelWorksheetCollection;
  readonly tables: ExcelTableCollection;
  /** Workbook-level defined names (a table's name must not be one of them). */
  readonly names: ExcelNamedItemCollection;
  /** Worksheet functions evaluated by Excel; `date` tells the workbook's date system. */
  readonly functions: ExcelFunctions;
}

export interface ExcelFunctions {
  date(year: number, month: number, day: number): ExcelFunctionResult;
}

export interface ExcelFunctionResult extends Loadable {
  readonly value: number;
}

export interface ExcelWorksheetCollection extends Loadable {
  readonly items: ExcelWorksheet[];
  add(name?: string): ExcelWorksheet;
  getActiveWorksheet(): ExcelWorksheet;
  getItem(key: string): ExcelWorksheet;
}

export interface ExcelWorksheet extends Loadable {
  readonly id: string;
  /** Settable: renames the sheet. */
  name: string;
  /** `Visible`, `Hidden` or `VeryHidden`; settable. */
  visibility: string;
  readonly tables: ExcelTableCollection;
  /** Key–value pairs kept with the sheet (ExcelApi 1.12). */
  readonly customProperties: ExcelCustomPropertyCollection;
  /** Names scoped to the sheet (ExcelApi 1.4). */
  readonly names: ExcelNamedItemCollection;
  readonly charts: ExcelChartCollection;
  readonly freezePanes: ExcelFreezePanes;
  activate(): void;
  delete(): void;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): ExcelRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange;
}

/** A sheet's custom properties (ExcelApi 1.12): they stay with the sheet when the workbook is saved. */
export interface ExcelCustomPropertyCollection {
  add(key: string, value: string): unknown;
  getItemOrNullObject(key: string): ExcelCustomProperty;
}

export interface ExcelCustomProperty extends Loadable {
  readonly value: string;
  readonly isNullObject: boolean;
}

export interface ExcelNamedItemCollection extends Loadable {
  readonly items: ExcelNamedItem[];
  /** `reference` is a range or a formula such as `="text"`. */
  add(name: string, reference: string, comment?: string): unknown;
  getItemOrNullObject(name: string): ExcelNamedItem;
}

export interface ExcelNamedItem extends Loadable {
  readonly name: string;
  /** What a `="text"` name evaluates to. */
  readonly value: unknown;
  readonly isNullObject: boolean;
}

export interface ExcelRange extends Loadable {
  values: unknown[][];
  numberFormat: unknown[][];
  formulas: unknown[][];
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly isNullObject: boolean;
  readonly format: ExcelRangeFormat;
  readonly conditionalFormats: ExcelConditionalFormatCollection;
  /** The part of this range that holds values (`valuesOnly`) or anything (ExcelApi 1.4). */
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange;
}

export interface ExcelRangeFormat {
  /** Width of every column of the range, in points. */
  columnWidth: number;
  readonly font: { bold: boolean };
}

export interface ExcelFreezePanes {
  freezeRows(count?: number): void;
}

export interface ExcelTableCollection extends Loadable {
  readonly items: ExcelTable[];
  add(address: ExcelRange | string, hasHeaders: boolean): ExcelTable;
}

export interface ExcelTable {
  name: string;
  style: string;
}

export interface ExcelConditionalFormatCollection {
  add(type: 'ColorScale' | 'CellValue'): ExcelConditionalFormat;
}

export interface ExcelConditionalFormat {
  readonly colorScale: { criteria: ColorScaleCriteria };
  readonly cellValue: {
    readonly format: { readonly fill: { color: string } };
    rule: { formula1: string; operator: string };
  };
}

export interface ColorScaleCriterion {
  color?: string;
  formula?: string;
  type: string;
}

export interface ColorScaleCriteria {
  minimum: ColorScaleCriterion;
  midpoint?: ColorScaleCriterion;
  maximum: ColorScaleCriterion;
}

/** The chart types the report uses. */
export type ExcelChartType = 'ColumnClustered' | 'ColumnStacked' | 'Line' | 'BarClustered';

export interface ExcelChartCollection {
  add(type: ExcelChartType, sourceData: ExcelRange, seriesBy?: 'Auto' | 'Columns' | 'Rows'): ExcelChart;
}

export interface ExcelChart {
  readonly title: { text: string };
  readonly series: ExcelChartSeriesCollection;
  setPosition(startCell: ExcelRange | string, endCell?: ExcelRange | string): void;
}

export interface ExcelChartSeriesCollection {
  add(name?: string): ExcelChartSeries;
  getItemAt(index: number): ExcelChartSeries;
}

export interface ExcelChartSeries {
  chartType: string;
  axisGroup: string;
  setValues(sourceData: ExcelRange): void;
  setXAxisValues(sourceData: ExcelRange): void;
}

/**
 * How a batch runs. `delayForCellEdit`: Excel waits until the user leaves cell-edit mode instead of
 * failing the batch with InvalidOperationInCellEditMode (Excel.RunOptions; without it a batch sent
 * while the user types in a cell fails).
 */
export interface RunOptions {
  delayForCellEdit?: boolean;
}

/** Runs a batch against the workbook: `Excel.run` in Excel, the fake's `run` in tests. */
export type ExcelRun = <T>(batch: (context: ExcelContext) => Promise<T>, options?: RunOptions) => Promise<T>;

/** Per-document add-in settings (`Office.context.document.settings`), saved with the workbook. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  /** Persists the settings in the document. */
  save(): Promise<void>;
}

/** What the Excel port needs from its host. */
export interface ExcelHost {
  run: ExcelRun;
  settings: DocumentSettings;
  /** Whether the Excel running the add-in supports the requirement set ExcelApi 1.`minor`. */
  supportsExcelApi(minor: number): boolean;
}
