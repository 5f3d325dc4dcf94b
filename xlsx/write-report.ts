/**
 * Writes the report's tabs (SheetSpec[]) to an .xlsx workbook with exceljs — for the command line
 * and the playground's download. Each worksheet replays the core's layout (core/layout: rows,
 * frozen rows, column widths) and styles it:
 * - the notes italic, dark grey (long lines run over the empty cells to their right);
 * - titles bold; native tables (filter buttons, banded rows, TableStyleMedium2, unique names such
 *   as `clients_clients`); every header row also styled directly (bold on light blue) so it reads
 *   the same where table styles are not drawn (LibreOffice);
 *
 * Cells as core/layout's sheetCell gives them, as every host writes them: strings as text in the
 * Text format (exceljs stores a string as a string cell, never as a formula, so `=HYPERLINK(…)`,
 * `+7 …`, `@SUM(…)` and `-5 …` stay text), numbers with their column's number format; a date as a
 * Date at UTC midnight of the day. `valueColours` become solid fills on the matching cells. A heat
 * map is a 3-colour scale (conditional formatting) over all its columns' data together.
 *
 * Charts and the Summary's links to other tabs: exceljs writes neither (no charts; internal links
 * as broken external ones), so `reportXlsxBytes` adds them to the package it wrote
 * (xlsx/package-parts.ts). A link line is written here as blue underlined text.
 *
 * Printing, as the layout says: landscape, one page wide, the long lists' header row repeated.
 * The first tab (the Summary) is the one selected when the workbook opens.
 *
 * Widths are the layout's; headers wrap at word boundaries, and text longer than its column wraps
 * with the row made tall enough to show it.
 */
import ExcelJS from 'exceljs';
import {
  columnOf,
  dateOfDay,
  layoutTab,
  sheetCell,
  tableFills,
  type ColumnSpec,
  type PlacedTable,
  type SheetSpec,
  type SpecValue,
  type TabLayout,
} from '../core/index.js';
import { withChartsAndLinks } from './package-parts.js';

const LINE_HEIGHT = 15;
/** Room for the filter button in a native table's header cell. */
const FILTER_BUTTON = 3;
const NOTE_COLOUR = 'FF595959';
const HEADER_FILL = 'FFDDEBF7';
const FONT = { name: 'Calibri', size: 11 };
/** Text columns this narrow hold codes (A, B, X …) and are centred. */
const CODE_WIDTH = 6;
const LINK_COLOUR = 'FF0563C1';

/**
 * The workbook as .xlsx bytes (fast deflate, level 1), with the native charts and tab links of
 * `sheets` — the report tabs in it, under the names they have in it — added.
 */
export async function reportXlsxBytes(workbook: ExcelJS.Workbook, sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as ExcelJS.XlsxWriteOptions));
  return withChartsAndLinks(bytes, sheets.map(layoutTab));
}

/** The workbook for the tabs, in memory. */
export function reportWorkbook(sheets: SheetSpec[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Winback';
  workbook.lastModifiedBy = 'Winback';
  const tableNames = new Set<string>();
  for (const spec of sheets) writeSheet(workbook.addWorksheet(spec.name), layoutTab(spec), tableNames);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return workbook;
}

function writeSheet(ws: ExcelJS.Worksheet, layout: TabLayout, tableNames: Set<string>): void {
  const widths = layout.columnWidths;
  widths.forEach((width, c) => {
    ws.getColumn(c + 1).width = width;
  });
  layout.notes.forEach((note, row) => {
    const cell = ws.getCell(row + 1, 1);
    cell.value = note;
    cell.numFmt = '@';
    cell.font = { ...FONT, italic: true, color: { argb: NOTE_COLOUR } };
  });
  const rules = { priority: 1 };
  for (const table of layout.tables) {
    if (table.titleRow !== null) {
      const cell = ws.getCell(table.titleRow + 1, 1);
      cell.value = table.spec.title!;
      cell.numFmt = '@';
      cell.font = { ...FONT, bold: true, size: 12 };
    }
    writeTable(ws, table, tableName(layout.spec.key, table.spec.id, tableNames), widths);
    if (table.linkRow !== null) {
      const cell = ws.getCell(table.linkRow + 1, 1);
      cell.value = table.spec.link!.text;
      cell.numFmt = '@';
      cell.font = { ...FONT, color: { argb: LINK_COLOUR }, underline: true };
    }
    addHeatMap(ws, table, rules);
  }
  if (layout.frozenRows > 0) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: layout.frozenRows, topLeftCell: `A${layout.frozenRows + 1}` }];
  const { print } = layout;
  ws.pageSetup = { ...ws.pageSetup, orientation: print.orientation, fitToPage: true, fitToWidth: print.fitToWidth, fitToHeight: 0 };
  if (print.repeatRow !== null) ws.pageSetup.printTitlesRow = `${print.repeatRow + 1}:${print.repeatRow + 1}`;
}

function writeTable(ws: ExcelJS.Worksheet, table: PlacedTable, name: string, widths: readonly number[]): void {
  const headers = uniqueHeaders(table.spec.columns);
  const headerRow = table.headerRow + 1;
  if (table.native) {
    ws.addTable({
      name,
      ref: `A${headerRow}`,
      headerRow: true,
      style: { theme: 'TableStyleMedium2', showRowStripes: true },
      columns: headers.map((header) => ({ name: header, filterButton: true })),
      rows: table.spec.rows.map((cells) => cells.map((cell, c) => cellValue(cell, table.spec.columns[c]))),
    });
  } else {
    headers.forEach((header, c) => {
      ws.getCell(headerRow, c + 1).value = header;
    });
  }
  styleHeader(ws, table, headers, table.native ? widths.map((w) => w - FILTER_BUTTON) : widths);
  const fills = tableFills(table.spec, { heatMap: false });
  table.spec.rows.forEach((cells, r) => writeRow(ws, table, r, cells, fills[r]!, widths));
}

/** Values, number formats, fills, alignment and wrapping of one data row. */
function writeRow(ws: ExcelJS.Worksheet, table: PlacedTable, r: number, cells: SpecValue[], fills: (string | undefined)[], widths: readonly number[]): void {
  const rowNumber = table.firstDataRow + 1 + r;
  let lines = 1;
  cells.forEach((value, c) => {
    const column = table.spec.columns[c]!;
    const cell = ws.getCell(rowNumber, c + 1);
    if (!table.native) cell.value = cellValue(value, column);
    cell.numFmt = sheetCell(value, column.format, () => 0, table.numberFormats).format;
    if (column.format !== 'text') {
      cell.alignment = { vertical: 'top' };
      return;
    }
    const needed = typeof value === 'string' ? wrappedLines(value, widths[c]! - 1) : 1;
    lines = Math.max(lines, needed);
    cell.alignment =
      column.width <= CODE_WIDTH ? { vertical: 'top', horizontal: 'center' } : { vertical: 'top', indent: 1, wrapText: needed > 1 };
    const fill = fills[c];
    if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(fill) } };
  });
  if (lines > 1) ws.getRow(rowNumber).height = lines * LINE_HEIGHT;
}

/** Bold header on a light blue fill (explicit, so it shows where table styles are not drawn), wrapped at words. */
function styleHeader(ws: ExcelJS.Worksheet, table: PlacedTable, headers: string[], room: readonly number[]): void {
  const headerRow = table.headerRow + 1;
  let lines = 1;
  headers.forEach((header, c) => {
    const cell = ws.getCell(headerRow, c + 1);
    cell.numFmt = '@';
    cell.font = { ...FONT, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: { style: 'thin' } };
    cell.alignment = { wrapText: true, vertical: 'middle', ...headerPlacement(table.spec.columns[c]!, table.native) };
    lines = Math.max(lines, wrappedLines(header, room[c]!));
  });
  if (lines > 1) ws.getRow(headerRow).height = lines * LINE_HEIGHT;
}

/**
 * Codes centred; numbers right-aligned over their figures, except under a native table's filter
 * button, which would cover them; other text indented.
 */
function headerPlacement(column: ColumnSpec, native: boolean): Partial<ExcelJS.Alignment> {
  if (column.format === 'text') return column.width <= CODE_WIDTH ? { horizontal: 'center' } : { indent: 1 };
  return native ? { indent: 1 } : { horizontal: 'right' };
}

/** The heat map: a 3-colour scale over the table's data rows. */
function addHeatMap(ws: ExcelJS.Worksheet, table: PlacedTable, rules: { priority: number }): void {
  if (table.rowCount === 0 || !table.spec.heatMap) return;
  const first = table.firstDataRow + 1;
  const last = table.firstDataRow + table.rowCount;
  const rangeOf = (key: string) => {
    const letter = ws.getColumn(columnOf(table, key) + 1).letter;
    return `${letter}${first}:${letter}${last}`;
  };
  const { columns, low, mid, high } = table.spec.heatMap;
  ws.addConditionalFormatting({
    ref: columns.map(rangeOf).join(' '),
    rules: [
      {
        type: 'colorScale',
        priority: rules.priority++,
        cfvo: [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }],
        color: [{ argb: argb(low) }, { argb: argb(mid) }, { argb: argb(high) }],
      },
    ],
  });
}

/** A SpecValue as exceljs takes it: dates become Dates at UTC midnight, the rest as they are. */
function cellValue(value: SpecValue, column: ColumnSpec): ExcelJS.CellValue {
  if (column.format === 'date' && typeof value === 'number') return dateOfDay(value);
  return value;
}

/** Headers as a native table needs them: non-empty and unique ("Change", "Change (2)"). */
function uniqueHeaders(columns: readonly ColumnSpec[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((column) => {
    const header = column.header.trim() || column.key;
    const count = (seen.get(header) ?? 0) + 1;
    seen.set(header, count);
    return count === 1 ? header : `${header} (${count})`;
  });
}

/** A workbook-unique table name of letters, digits and underscores, e.g. `clients_clients`. */
function tableName(sheetKey: string, tableId: string, taken: Set<string>): string {
  const base = `${sheetKey}_${tableId}`.replace(/[^A-Za-z0-9_]/g, '_');
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Lines a text takes when wrapped at word boundaries in a column of `width` characters. */
function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - 1);
  let total = 0;
  for (const paragraph of text.split('\n')) {
    let lines = 1;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      if (used === 0) used = word.length;
      else if (used + 1 + word.length <= room) used += 1 + word.length;
      else {
        lines++;
        used = word.length;
      }
      for (; used > room; used -= room) lines++;
    }
    total += lines;
  }
  return total;
}

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}
