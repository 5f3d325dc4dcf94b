/**
 * Host-neutral description of the tabs the add-in writes (`SheetSpec`), and the port every host
 * implements to read a sheet and write those tabs. A host never decides layout: it only turns a
 * SheetSpec into its own API calls.
 */
import type { Grid } from './read/types.js';

/** How a column's numbers are shown. `date` cells hold day numbers (days since 1970-01-01). */
export type CellFormat = 'text' | 'integer' | 'money' | 'decimal' | 'percent' | 'date';

/** The number format code of each CellFormat — the same codes in Excel, Google Sheets and xlsx. */
export const NUMBER_FORMATS: Record<CellFormat, string> = {
  text: '@',
  integer: '#,##0',
  money: '#,##0.00',
  decimal: '0.00',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
};

/** A value in a written cell. Strings are always text: a host never lets them become formulas. */
export type SpecValue = string | number | null;

export interface ColumnSpec {
  /** Stable key (e.g. `client`, `abc`) — tests and hosts refer to columns by it. */
  key: string;
  /** Header text in the report's language. */
  header: string;
  format: CellFormat;
  /** Width in characters. */
  width: number;
}

/** Background colours (`#RRGGBB`) keyed by a column's cell text, e.g. status → colour. */
export interface ValueColours {
  column: string;
  colours: Record<string, string>;
}

/** A 3-colour scale over the numbers of some columns (the ABC-XYZ heat-map). */
export interface HeatMap {
  columns: string[];
  low: string;
  mid: string;
  high: string;
}

export interface TableSpec {
  /** Unique within the sheet; charts refer to it. */
  id: string;
  /** A title line written above the table, when present. */
  title?: string;
  columns: ColumnSpec[];
  rows: SpecValue[][];
  valueColours?: ValueColours[];
  heatMap?: HeatMap;
  /** Write as a native table with filter buttons (long lists) or as a plain block (small summaries). */
  asTable: boolean;
}

export type ChartKind = 'pareto' | 'column' | 'stacked-column' | 'line' | 'bar';

export interface ChartSpec {
  kind: ChartKind;
  title: string;
  /** The table whose rows feed the chart. */
  table: string;
  /** Column key of the categories (x axis). */
  categories: string;
  /** Column keys of the series (y). For `pareto`: the value column, then the cumulative-share column. */
  series: string[];
}

export type SheetKey = 'clients' | 'matrix' | 'winback' | 'movement' | 'conversion' | 'kpi' | 'issues';

export interface SheetSpec {
  key: SheetKey;
  /** Tab name in the report's language (≤ 31 characters, no `[]:*?/\`). */
  name: string;
  /** Lines of explanation written above the first table (what the tab shows, the asOf and window). */
  notes: string[];
  tables: TableSpec[];
  charts: ChartSpec[];
  /** Freeze the header row of the first table. */
  freezeHeader: boolean;
}

/** Progress of a long run, for a progress bar: stage key and counts. */
export interface Progress {
  stage: 'read' | 'analyze' | 'report' | 'write';
  done: number;
  total: number;
}

/** What a host offers the panel and the runner: read a sheet, write tabs. */
export interface WorkbookPort {
  /** Names of the sheets the user can pick, in workbook order. */
  sheetNames(): Promise<string[]>;
  /** The name of the active sheet. */
  activeSheet(): Promise<string>;
  /** The used range of a sheet as a grid (row 0 = sheet row 1). */
  readSheet(name: string, onProgress?: (done: number, total: number) => void): Promise<Grid>;
  /** Write the tabs, replacing only tabs this add-in wrote before; never touching other sheets. */
  writeReport(sheets: SheetSpec[], onProgress?: (done: number, total: number) => void): Promise<WrittenTab[]>;
}

export interface WrittenTab {
  key: SheetKey;
  /** The tab name actually used (a suffix is added when a user's sheet already has the name). */
  name: string;
}
