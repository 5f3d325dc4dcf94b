/**
 * An in-memory workbook that implements WorkbookPort: the playground's host, and a port the host
 * contract tests can run against without Office or Google. No DOM: it runs in the page and in Node.
 *
 * - `readSheet` hands the grid over in blocks of `blockRows` rows, reporting progress and yielding
 *   to the event loop between blocks, as the real hosts read in row blocks. A sheet opened from a
 *   file is handed over by `readRows` as its rows read from the file's bytes (open-file.ts), never
 *   as a grid. Its row count, when opening did not reach its end, is learnt from the first pass
 *   that does (the panel's inspection reads the whole sheet): the sheet's `rowCount` is null
 *   until then, and the workbook's listeners hear of it once it is known.
 * - `writeReport` makes each SheetSpec a sheet of its own, laid out (render-spec.ts) when first
 *   shown or read. Tabs this port wrote are remembered by their report key, not by name: a re-run
 *   replaces them where they stand (also when the language, and so the name, changed); a user's
 *   sheet that has the tab's name is never touched — the new tab gets a free name (`Clients (2)`).
 *   Source sheets are never written.
 *   Strings stay strings (a text `=1+1` is text, never a formula); date cells become Dates.
 *
 * Example: sheets [Sales, Clients (the user's)] + writeReport([clients spec]) → sheets
 * [Sales, Clients, Clients (2)], and the returned tab is {key: 'clients', name: 'Clients (2)'}.
 */
import {
  dateOfDay,
  freeTabName,
  rowCells,
  type Cell,
  type Grid,
  type PanelSettings,
  type SettingsStore,
  type SheetKey,
  type SheetSpec,
  type SpecValue,
  type TableSource,
  type WorkbookPort,
  type WrittenTab,
} from '../core/index.js';
import { renderSpec, type RenderedSheet } from './render-spec.js';

/** A sheet opened from a file: its rows read from the bytes, its first rows as cells, its size if known. */
export interface FileRows {
  rows(): TableSource;
  preview: Cell[][];
  rowCount: number | null;
}

/** A sheet as the playground opens it: cells in memory, or a file's rows. */
export type SheetInput = { name: string; grid: Cell[][] } | { name: string; file: FileRows };

export interface MemorySheet {
  name: string;
  /** The cells as a host reads them (row 0 is sheet row 1); of a file's sheet, its first rows only. */
  grid: Cell[][];
  /** Rows in the sheet; null for a file's sheet not yet read to its end. */
  rowCount: number | null;
  /** Set on a sheet opened from a file. */
  file?: FileRows;
  /** Set on the tabs this port wrote: the report tab as specified, and its layout for viewing. */
  report?: { key: SheetKey; spec: SheetSpec; rendered: RenderedSheet };
}


export class MemoryWorkbook implements WorkbookPort {
  sheets: MemorySheet[];
  private active: string;
  private settings: PanelSettings | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    sheets: SheetInput[],
    private readonly blockRows = 10_000,
  ) {
    this.sheets = sheets.map((s) =>
      'file' in s ? { name: s.name, grid: s.file.preview, rowCount: s.file.rowCount, file: s.file } : { name: s.name, grid: s.grid, rowCount: s.grid.length },
    );
    this.active = sheets[0]?.name ?? '';
  }

  async sheetNames(): Promise<string[]> {
    return this.sheets.map((s) => s.name);
  }

  async activeSheet(): Promise<string> {
    return this.active;
  }

  /** The active sheet's name, for the view. */
  get activeName(): string {
    return this.active;
  }

  /** A file's sheet as its rows read from the bytes (counting them, until their count is known); null for a sheet held as cells. */
  readRows(name: string): TableSource | null {
    const sheet = this.sheet(name);
    if (!sheet.file) return null;
    return sheet.rowCount === null ? this.counting(sheet, sheet.file.rows()) : sheet.file.rows();
  }

  async readSheet(name: string, onProgress?: (done: number, total: number) => void): Promise<Grid> {
    const sheet = this.sheet(name);
    const file = this.readRows(name);
    const cells = file ? gridOfRows(file) : sheet.grid;
    const total = cells.length;
    const rows: Cell[][] = [];
    for (let from = 0; from < total; from += this.blockRows) {
      const to = Math.min(total, from + this.blockRows);
      for (let r = from; r < to; r++) rows.push([...cells[r]!]);
      onProgress?.(to, total);
      if (to < total) await yieldToEventLoop();
    }
    if (total === 0) onProgress?.(0, 0);
    return rows;
  }

  async readHead(name: string, rows: number): Promise<{ grid: Grid; rows: number }> {
    const sheet = this.sheet(name);
    if (sheet.rowCount === null) for (const source = this.readRows(name)!; source.next(); );
    return { grid: sheet.grid.slice(0, rows).map((row) => [...row]), rows: sheet.rowCount! };
  }

  async writeReport(specs: SheetSpec[], onProgress?: (done: number, total: number) => void): Promise<WrittenTab[]> {
    const total = specs.reduce((sum, s) => sum + s.tables.reduce((n, t) => n + t.rows.length + 1, 0), 0);
    const written: WrittenTab[] = [];
    let done = 0;
    for (const spec of specs) {
      const previous = this.sheets.findIndex((s) => s.report?.key === spec.key);
      const others = this.sheets.filter((_, i) => i !== previous).map((s) => s.name);
      const sheet = reportSheet(freeTabName(spec.name, others), spec);
      if (previous >= 0) this.sheets[previous] = sheet;
      else this.sheets.push(sheet);
      written.push({ key: spec.key, name: sheet.name });
      done += spec.tables.reduce((n, t) => n + t.rows.length + 1, 0);
      onProgress?.(done, total);
      await yieldToEventLoop();
    }
    this.changed();
    return written;
  }

  /** Make a sheet the active one (the panel's tab links, the view's tabs). */
  activate(name: string): void {
    this.sheet(name);
    this.active = name;
    this.changed();
  }

  /** Add a user sheet (templates); its name is made free first. Returns the name used. */
  addSheet(name: string, grid: Cell[][]): string {
    const free = freeTabName(name, this.sheets.map((s) => s.name));
    this.sheets.push({ name: free, grid, rowCount: grid.length });
    this.changed();
    return free;
  }

  /** Settings kept with the workbook, as Excel keeps them in the document. */
  settingsStore(): SettingsStore {
    return {
      load: async () => this.settings,
      save: async (settings) => {
        this.settings = structuredClone(settings);
      },
    };
  }

  /** Called after every change of sheets or of the active sheet. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  sheet(name: string): MemorySheet {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`No sheet named ${name}`);
    return sheet;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** The rows of a file's sheet, setting its row count when they come to their end. */
  private counting(sheet: MemorySheet, source: TableSource): TableSource {
    let last = -1;
    return {
      next: () => {
        const row = source.next();
        if (row) last = row.index;
        else if (sheet.rowCount === null) {
          sheet.rowCount = last + 1;
          this.changed();
        }
        return row;
      },
      ...(source.fileProfile ? { fileProfile: () => source.fileProfile!() } : {}),
    };
  }
}

/**
 * A tab this port wrote. It is laid out (render-spec.ts), and its cells made, when first asked for
 * — by the view showing it, a run reading it — not when written: most tabs of a run are never
 * shown, and Data issues alone can hold 135,000 rows.
 */
function reportSheet(name: string, spec: SheetSpec): MemorySheet {
  let rendered: RenderedSheet | undefined;
  let grid: Cell[][] | undefined;
  const layout = () => (rendered ??= renderSpec(spec));
  const cells = () => (grid ??= gridOf(layout()));
  return {
    name,
    get grid() {
      return cells();
    },
    get rowCount() {
      return cells().length;
    },
    report: {
      key: spec.key,
      spec,
      get rendered() {
        return layout();
      },
    },
  };
}

/** The cells of a laid-out tab as a host would read them back: date cells as Dates (UTC midnight). */
function gridOf(rendered: RenderedSheet): Cell[][] {
  return rendered.rows.map((row) => row.cells.map((value, i) => cellOf(value, row.formats?.[i])));
}

function cellOf(value: SpecValue, format: string | undefined): Cell {
  if (format === 'date' && typeof value === 'number') return dateOfDay(value);
  return value;
}

/** Every row of a file's sheet as cells (rows the file skips are empty). */
function gridOfRows(source: TableSource): Cell[][] {
  const grid: Cell[][] = [];
  for (let row = source.next(); row; row = source.next()) {
    while (grid.length < row.index) grid.push([]);
    grid[row.index] = rowCells(row);
  }
  return grid;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
