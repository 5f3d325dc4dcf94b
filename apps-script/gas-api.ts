/// <reference types="google-apps-script" />
/**
 * The part of the Apps Script services this add-on uses, as narrow interfaces. The host code is
 * written against these (each module reads its service's global through a function typed with the
 * narrow interface, so the compiler checks that the real service from @types/google-apps-script
 * satisfies it), and the test fakes implement them — so a call the fakes accept is a call Apps Script
 * has. Return types the code ignores are `unknown`; enum
 * values are opaque.
 */

/** A cell value as Range.getValues returns it. */
export type SheetCell = string | number | boolean | Date;

export interface RangeApi {
  getValues(): SheetCell[][];
  setValues(values: (string | number)[][]): unknown;
  setNumberFormats(numberFormats: string[][]): unknown;
  setFontWeight(fontWeight: string | null): unknown;
  applyRowBanding(bandingTheme: unknown, showHeader: boolean, showFooter: boolean): unknown;
  createFilter(): unknown;
}

export interface BandingApi {
  remove(): void;
}

export interface FilterApi {
  remove(): void;
}

export interface ChartApi {
  getChartId(): number | null;
}

export interface ChartBuilderApi {
  addRange(range: RangeApi): ChartBuilderApi;
  setNumHeaders(headers: number): ChartBuilderApi;
  setOption(option: string, value: unknown): ChartBuilderApi;
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): ChartBuilderApi;
  build(): ChartApi;
}

export interface NewChartApi extends ChartBuilderApi {
  asColumnChart(): ChartBuilderApi & { setStacked(): ChartBuilderApi };
  asBarChart(): ChartBuilderApi;
  asLineChart(): ChartBuilderApi;
  asComboChart(): ChartBuilderApi;
}

export interface ConditionalFormatRuleApi {
  getRanges(): RangeApi[];
}

export interface ConditionalFormatRuleBuilderApi {
  whenTextEqualTo(text: string): ConditionalFormatRuleBuilderApi;
  setBackground(color: string | null): ConditionalFormatRuleBuilderApi;
  setGradientMinpoint(color: string): ConditionalFormatRuleBuilderApi;
  setGradientMidpointWithValue(color: string, type: unknown, value: string): ConditionalFormatRuleBuilderApi;
  setGradientMaxpoint(color: string): ConditionalFormatRuleBuilderApi;
  setRanges(ranges: RangeApi[]): ConditionalFormatRuleBuilderApi;
  build(): ConditionalFormatRuleApi;
}

export interface SheetApi {
  getName(): string;
  setName(name: string): unknown;
  getSheetId(): number;
  activate(): unknown;
  getLastRow(): number;
  getLastColumn(): number;
  getMaxRows(): number;
  getMaxColumns(): number;
  insertRowsAfter(afterPosition: number, howMany: number): unknown;
  insertColumnsAfter(afterPosition: number, howMany: number): unknown;
  deleteRows(rowPosition: number, howMany: number): void;
  deleteColumns(columnPosition: number, howMany: number): void;
  getRange(row: number, column: number, numRows: number, numColumns: number): RangeApi;
  clear(): unknown;
  clearConditionalFormatRules(): void;
  getCharts(): ChartApi[];
  removeChart(chart: ChartApi): void;
  getBandings(): BandingApi[];
  getFilter(): FilterApi | null;
  setFrozenRows(rows: number): void;
  setColumnWidth(columnPosition: number, width: number): unknown;
  setConditionalFormatRules(rules: ConditionalFormatRuleApi[]): void;
  newChart(): NewChartApi;
  insertChart(chart: ChartApi): void;
  addDeveloperMetadata(key: string, value: string): unknown;
}

export interface DeveloperMetadataApi {
  getKey(): string;
  getValue(): string | null;
  getLocation(): { getSheet(): SheetApi | null };
}

export interface DeveloperMetadataFinderApi {
  withKey(key: string): DeveloperMetadataFinderApi;
  find(): DeveloperMetadataApi[];
}

export interface SpreadsheetApi {
  getSheets(): SheetApi[];
  getSheetByName(name: string): SheetApi | null;
  getSheetById(id: number): SheetApi | null;
  getActiveSheet(): SheetApi;
  insertSheet(sheetName: string, sheetIndex: number): SheetApi;
  getSpreadsheetTimeZone(): string;
  getSpreadsheetLocale(): string;
  createDeveloperMetadataFinder(): DeveloperMetadataFinderApi;
}

export interface MenuApi {
  addItem(caption: string, functionName: string): MenuApi;
  addSeparator(): MenuApi;
  addToUi(): void;
}

export interface HtmlOutputApi {
  getContent(): string;
  setTitle(title: string): HtmlOutputApi;
}

export interface UiApi {
  createAddonMenu(): MenuApi;
  showSidebar(userInterface: HtmlOutputApi): void;
  showModalDialog(userInterface: HtmlOutputApi, title: string): void;
}

export interface SpreadsheetAppApi {
  BandingTheme: { LIGHT_GREY: unknown };
  InterpolationType: { PERCENTILE: unknown };
  getActiveSpreadsheet(): SpreadsheetApi;
  getUi(): UiApi;
  newConditionalFormatRule(): ConditionalFormatRuleBuilderApi;
  flush(): void;
}

export interface HtmlServiceApi {
  createHtmlOutputFromFile(filename: string): HtmlOutputApi;
  createHtmlOutput(html: string): HtmlOutputApi;
}

export interface PropertiesApi {
  getProperty(key: string): string | null;
  setProperty(key: string, value: string): unknown;
  deleteProperty(key: string): unknown;
}

export interface PropertiesServiceApi {
  getDocumentProperties(): PropertiesApi;
}

export interface CacheApi {
  get(key: string): string | null;
  getAll(keys: string[]): Record<string, string>;
  put(key: string, value: string, expirationInSeconds: number): void;
  putAll(values: Record<string, string>, expirationInSeconds: number): void;
  removeAll(keys: string[]): void;
}

export interface CacheServiceApi {
  /** Null outside a document (a standalone script or a web app). */
  getDocumentCache(): CacheApi | null;
}

export interface SessionApi {
  getActiveUserLocale(): string;
}

/** What Utilities.gzip takes: anything that gives a Blob. */
export interface BlobSourceApi {
  getBlob(): unknown;
}

/** A Blob; its bytes are Java bytes, -128 … 127. */
export interface BlobApi extends BlobSourceApi {
  getBytes(): number[];
  getDataAsString(): string;
}

export interface UtilitiesApi {
  formatDate(date: Date, timeZone: string, format: string): string;
  getUuid(): string;
  newBlob(data: string): BlobApi;
  newBlob(data: number[], contentType: string): BlobApi;
  gzip(blob: BlobSourceApi): BlobApi;
  ungzip(blob: BlobSourceApi): BlobApi;
  base64Encode(data: number[]): string;
  base64Decode(encoded: string): number[];
  sleep(milliseconds: number): void;
}

export interface LockApi {
  tryLock(timeoutInMillis: number): boolean;
  releaseLock(): void;
  hasLock(): boolean;
}

export interface LockServiceApi {
  /** Null outside a document. */
  getDocumentLock(): LockApi | null;
}

export interface ScriptAppApi {
  AuthMode: { NONE: unknown; LIMITED: unknown; FULL: unknown };
}
