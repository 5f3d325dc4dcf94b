/**
 * The port the panel's local hosts (the Excel task pane, the playground) implement: list, read
 * and write sheets. The run over it is core/panel/local-run.ts; the Google Sheets add-on runs on
 * its server instead and crosses to the panel through google.script.run.
 */
import type { TableSource } from '../read/table-source.js';
import type { Grid } from '../read/types.js';
import type { SheetKey, SheetSpec } from '../report/spec.js';

/** What a host offers the panel and the runner: read a sheet, write tabs. */
export interface WorkbookPort {
  /** Names of the sheets the user can pick, in workbook order. */
  sheetNames(): Promise<string[]>;
  /** The name of the active sheet. */
  activeSheet(): Promise<string>;
  /** The used range of a sheet as a grid (row 0 = sheet row 1). */
  readSheet(name: string, onProgress?: (done: number, total: number) => void): Promise<Grid>;
  /**
   * A sheet's rows read straight from a file's bytes (the playground), when the port has them that
   * way: the run and the inspection then read them without a grid; null for a sheet held as cells.
   * Every call gives the same rows from the first (a file's bytes never change), so a run may take
   * the inspection's read of them instead of reading them again.
   */
  readRows?(name: string): TableSource | null;
  /**
   * The first `rows` rows of a sheet (enough to inspect it) and how many rows it has: what the panel
   * reads while the user picks sheets and columns, so a large sheet is not read on every pick.
   */
  readHead(name: string, rows: number): Promise<{ grid: Grid; rows: number }>;
  /**
   * Write the tabs, replacing only tabs this add-in wrote before; never touching other sheets, and
   * never the `sources` this run read (the user may have picked one of the add-in's own tabs).
   */
  writeReport(sheets: SheetSpec[], onProgress?: (done: number, total: number) => void, sources?: readonly string[]): Promise<WrittenTab[]>;
}

export interface WrittenTab {
  key: SheetKey;
  /** The tab name actually used (a suffix is added when a user's sheet already has the name). */
  name: string;
}
