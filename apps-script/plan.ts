/**
 * The write plan of a run: the report's tabs (their core/layout TabLayouts) cut into steps small
 * enough that a batch of them fits in one server call, each step's work written out as plain data
 * in Sheets' 1-based rows and columns — so a step can be stored between calls on its own, carried
 * out from that data alone (write-step.ts), and repeated safely.
 *
 * Per tab: `open` (find or create the tab, clear it, size it exactly, write the notes, set the
 * column widths), then `lines` blocks of each table (at most `blockCells` cells each: one
 * setNumberFormats and one setValues), then `finish` (bold titles and headers, frozen rows,
 * banding, filter, conditional formats, charts).
 *
 * A tab is sized to its layout's extent, with one rule of Sheets' own: it refuses to freeze every
 * row of a sheet ("You can't freeze all visible rows"), so a tab whose frozen header is its last
 * row gets one row more.
 *
 * Worked example: one tab with a 4-column table of 10,000 rows and blockCells 20,000 → 5,000 rows
 * per block; the table has 10,001 lines (header + rows), so the steps are open, lines 0–5000,
 * lines 5000–10000, lines 10000–10001, finish: 5 steps; the first lines block lands at sheet row
 * (header row + 1).
 */
import {
  columnOf,
  firstLineRow,
  noteLines,
  serialFromDay,
  tableLineCount,
  tableLines,
  type ChartKind,
  type PlacedTable,
  type SheetCell,
  type SheetKey,
  type TabLayout,
} from '../core/index.js';

/** Cells per setValues block: small enough that one block takes a few seconds at most. */
export const BLOCK_CELLS = 20_000;

export type WriteStep =
  | { kind: 'open'; tab: number }
  | { kind: 'lines'; tab: number; table: number; from: number; to: number }
  | { kind: 'finish'; tab: number };

/** A rectangle of a sheet, 1-based. */
export interface Box {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface OpenTab {
  key: SheetKey;
  name: string;
  /** The size the tab gets, exactly. */
  rows: number;
  columns: number;
  /** Each block of notes at its (1-based) row: above the tables, or a lead line above and the notes under them. */
  notes: { row: number; lines: SheetCell[][] }[];
  /** Column widths in pixels, from column A. */
  widths: number[];
}

export type RuleData =
  | { kind: 'text'; text: string; colour: string; range: Box }
  | { kind: 'gradient'; low: string; mid: string; high: string; ranges: Box[] };

export interface ChartData {
  kind: ChartKind;
  title: string;
  /** The category column then each series column, header included. */
  ranges: Box[];
  anchor: { row: number; column: number };
}

export interface TabFinish {
  bold: Box[];
  banded: Box[];
  filter: Box | null;
  frozenRows: number;
  rules: RuleData[];
  charts: ChartData[];
}

export type StepData =
  | { kind: 'open'; tab: number; open: OpenTab }
  | { kind: 'lines'; tab: number; row: number; lines: SheetCell[][] }
  | { kind: 'finish'; tab: number; finish: TabFinish };

export function planWrites(layouts: readonly TabLayout[], blockCells = BLOCK_CELLS): WriteStep[] {
  const steps: WriteStep[] = [];
  layouts.forEach((layout, tab) => {
    steps.push({ kind: 'open', tab });
    for (const table of layout.tables) {
      const rowsPerBlock = Math.max(1, Math.floor(blockCells / Math.max(1, table.columnCount)));
      const lines = tableLineCount(table);
      for (let from = 0; from < lines; from += rowsPerBlock) {
        steps.push({ kind: 'lines', tab, table: table.index, from, to: Math.min(lines, from + rowsPerBlock) });
      }
    }
    steps.push({ kind: 'finish', tab });
  });
  return steps;
}

/** What a step does, as data. Sheets counts dates like Excel's 1900 system (serialFromDay). */
export function stepData(step: WriteStep, layouts: readonly TabLayout[]): StepData {
  const layout = layouts[step.tab];
  if (step.kind === 'open') return { kind: 'open', tab: step.tab, open: openOf(layout) };
  if (step.kind === 'finish') return { kind: 'finish', tab: step.tab, finish: finishOf(layout) };
  const table = layout.tables[step.table];
  return { kind: 'lines', tab: step.tab, row: firstLineRow(table) + step.from + 1, lines: tableLines(table, step.from, step.to, serialFromDay) };
}

/** The rows a tab gets: its extent, and one more when the frozen header would be its last row. */
export function tabRows(layout: TabLayout): number {
  return Math.max(layout.extentRows, layout.frozenRows + 1);
}

function openOf(layout: TabLayout): OpenTab {
  return {
    key: layout.spec.key,
    name: layout.spec.name,
    rows: tabRows(layout),
    columns: layout.extentColumns,
    notes: layout.notes.map((block) => ({ row: block.row + 1, lines: noteLines(block) })),
    widths: layout.columnWidths.map(pixelsForCharacters),
  };
}

function finishOf(layout: TabLayout): TabFinish {
  const bold: Box[] = [];
  const banded: Box[] = [];
  let filter: Box | null = null;
  for (const table of layout.tables) {
    const top = firstLineRow(table);
    bold.push({ row: top + 1, column: 1, rows: table.headerRow - top + 1, columns: table.columnCount });
    if (!table.native) continue;
    const body = { row: table.headerRow + 1, column: 1, rows: table.rowCount + 1, columns: table.columnCount };
    banded.push(body);
    filter ??= body;
  }
  return {
    bold,
    banded,
    filter,
    frozenRows: layout.frozenRows,
    rules: layout.tables.flatMap(rulesOf),
    charts: layout.charts.flatMap((chart) => {
      const ranges = [chart.spec.categories, ...chart.spec.series].flatMap((key) => columnBox(chart.table, key, true) ?? []);
      return ranges.length < 2 ? [] : [{ kind: chart.spec.kind, title: chart.spec.title, ranges, anchor: { row: chart.top + 1, column: chart.left + 1 } }];
    }),
  };
}

/** Pixel width of a column `characters` wide. */
function pixelsForCharacters(characters: number): number {
  return Math.round(characters * 7 + 16);
}

/** A column of a table's data (with its header when asked), or null when the table has no rows. */
function columnBox(table: PlacedTable, key: string, withHeader: boolean): Box | null {
  if (table.rowCount === 0) return null;
  const first = withHeader ? table.headerRow : table.firstDataRow;
  return { row: first + 1, column: columnOf(table, key) + 1, rows: table.rowCount + (withHeader ? 1 : 0), columns: 1 };
}

/** Status / tier colours as text-equals rules; the heat-map as one gradient over its columns. */
function rulesOf(table: PlacedTable): RuleData[] {
  const rules: RuleData[] = [];
  for (const paint of table.spec.valueColours ?? []) {
    const range = columnBox(table, paint.column, false);
    if (!range) continue;
    for (const [text, colour] of Object.entries(paint.colours)) rules.push({ kind: 'text', text, colour, range });
  }
  const heat = table.spec.heatMap;
  const ranges = heat ? heat.columns.flatMap((key) => columnBox(table, key, false) ?? []) : [];
  if (heat && ranges.length > 0) rules.push({ kind: 'gradient', low: heat.low, mid: heat.mid, high: heat.high, ranges });
  return rules;
}

/**
 * A short fingerprint of a plan's data (FNV-1a over each step's JSON): a recomputed report with
 * the same fingerprint writes the same cells, so a run can go on where it stopped.
 */
export function fingerprint(parts: Iterable<string>): string {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      hash ^= part.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hash = Math.imul(hash ^ 0xff, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
