/**
 * Host-neutral description of the tabs the report writes (`SheetSpec`): notes, tables with typed
 * columns, colours and charts, in the user's language. Where each part lands on a sheet is
 * decided once by core/layout; a host only replays that layout with its own API calls.
 */

/** How a column's numbers are shown. `date` cells hold day numbers (days since 1970-01-01). */
export type CellFormat = 'text' | 'integer' | 'money' | 'decimal' | 'percent' | 'date';

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
  /** A line right under the table pointing to the tab with the whole of it (the Summary's blocks). */
  link?: TableLink;
}

/** A pointer to another tab of the report: written as text, made a hyperlink where the host can. */
export interface TableLink {
  sheet: SheetKey;
  text: string;
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

export type SheetKey = 'summary' | 'clients' | 'matrix' | 'winback' | 'movement' | 'conversion' | 'kpi' | 'check' | 'issues';

export interface SheetSpec {
  key: SheetKey;
  /** Tab name in the report's language (≤ 31 characters, no `[]:*?/\`). */
  name: string;
  /** Lines of explanation (what the tab shows, the asOf and window), above the first table unless `notesBelow`. */
  notes: string[];
  /**
   * A long list's notes go under its tables instead, and only `lead` — one short line, the asOf
   * and a pointer to the notes — stands above the first table, so the header row is near enough
   * the top to freeze (core/layout/tab-layout.ts).
   */
  notesBelow?: { lead: string };
  tables: TableSpec[];
  charts: ChartSpec[];
  /**
   * A long list: the first table's header row is frozen when it is one of the tab's top rows
   * (core/layout/tab-layout.ts, MAX_FROZEN_ROWS; with `notesBelow` it is) and repeats on every
   * printed page.
   */
  freezeHeader: boolean;
  /**
   * Number format codes that differ from core/layout's defaults: dates as the user's language
   * writes them, money with the currency (set for every tab of a report alike).
   */
  numberFormats?: Partial<Record<CellFormat, string>>;
}
