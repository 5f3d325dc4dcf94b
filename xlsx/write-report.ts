/**
 * Writes the report's tabs (SheetSpec[]) to an .xlsx file with exceljs — the command line's
 * host. Layout of a worksheet, top to bottom:
 * - the notes, one per line in column A (italic, dark grey; long lines run over the empty cells
 *   to their right), then a blank row;
 * - each table: its title in bold when it has one, the header row, the data rows, a blank row.
 *   `asTable` tables become real Excel tables (filter buttons, banded rows, TableStyleMedium2,
 *   unique names such as `clients_clients`); every header row is also styled directly (bold on
 *   light blue) so it reads the same where table styles are not drawn (LibreOffice);
 * - with `freezeHeader`, the panes are frozen below the first table's header row.
 *
 * Cells: strings are always written as text — exceljs stores a string as a string cell, never as a
 * formula, so `=HYPERLINK(…)`, `+7 …`, `@SUM(…)` and `-5 …` stay text. Number formats: money
 * `#,##0.00`, integer `#,##0`, percent `0.0%`, decimal `0.00` (as the Excel and Sheets hosts
 * show them; the cell keeps the full number), date `yyyy-mm-dd` on a Date at UTC midnight of the
 * day. `valueColours` become solid fills on the matching cells. A heat map is
 * a 3-colour scale (conditional formatting) over all its columns' data together.
 *
 * Charts: exceljs cannot draw charts. The data of every chart is already laid out chart-ready
 * (categories and series side by side in one block, so Insert → Chart on the block draws it), and
 * each series column gets an in-cell data bar, one colour per series, so magnitudes show at a
 * glance without a chart object. Chart titles are not written (the table titles say the same).
 *
 * Widths: a column is as wide as the widest of its tables asks, widened so numbers never show as
 * ####; headers wrap at word boundaries, and text longer than its column wraps with the row made
 * tall enough to show it.
 */
import ExcelJS from 'exceljs';
import { NUMBER_FORMATS, type CellFormat, type ColumnSpec, type SheetSpec, type SpecValue, type TableSpec } from '../core/index.js';

const MS_PER_DAY = 86_400_000;
const LINE_HEIGHT = 15;
const MAX_WIDTH = 80;
/** Bold header letters are about this much wider than the digits a column width counts. */
const BOLD_WIDTH = 1.15;
/** Room for the filter button in a native table's header cell. */
const FILTER_BUTTON = 3;
const NOTE_COLOUR = 'FF595959';
const HEADER_FILL = 'FFDDEBF7';
const FONT = { name: 'Calibri', size: 11 };
/** Text columns this narrow hold codes (A, B, X …) and are centred. */
const CODE_WIDTH = 6;
const SERIES_COLOURS = ['FF9DC3E6', 'FFF4B183', 'FFA9D18E', 'FFFFD966'];

export async function writeReportXlsx(sheets: SheetSpec[], path: string): Promise<void> {
  await reportWorkbook(sheets).xlsx.writeFile(path, { zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as ExcelJS.XlsxWriteOptions);
}

/** The workbook for the tabs, in memory. */
export function reportWorkbook(sheets: SheetSpec[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Winback';
  workbook.lastModifiedBy = 'Winback';
  const tableNames = new Set<string>();
  for (const spec of sheets) writeSheet(workbook.addWorksheet(spec.name), spec, tableNames);
  return workbook;
}

function writeSheet(ws: ExcelJS.Worksheet, spec: SheetSpec, tableNames: Set<string>): void {
  const widths = columnWidths(spec.tables);
  widths.forEach((width, c) => {
    ws.getColumn(c + 1).width = width;
  });
  let row = 1;
  for (const note of spec.notes) {
    const cell = ws.getCell(row++, 1);
    cell.value = note;
    cell.font = { ...FONT, italic: true, color: { argb: NOTE_COLOUR } };
  }
  if (spec.notes.length > 0) row++;
  const rules = { priority: 1 };
  spec.tables.forEach((table, index) => {
    if (table.title) {
      const cell = ws.getCell(row++, 1);
      cell.value = table.title;
      cell.font = { ...FONT, bold: true, size: 12 };
    }
    const headerRow = row;
    writeTable(ws, table, headerRow, tableName(spec.key, table.id, tableNames), widths);
    addColourRules(ws, spec, table, headerRow, rules);
    if (index === 0 && spec.freezeHeader) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }];
    row = headerRow + table.rows.length + 2;
  });
}

function writeTable(ws: ExcelJS.Worksheet, table: TableSpec, headerRow: number, name: string, widths: number[]): void {
  const headers = uniqueHeaders(table.columns);
  const native = table.asTable && table.rows.length > 0;
  if (native) {
    ws.addTable({
      name,
      ref: `A${headerRow}`,
      headerRow: true,
      style: { theme: 'TableStyleMedium2', showRowStripes: true },
      columns: headers.map((header) => ({ name: header, filterButton: true })),
      rows: table.rows.map((cells) => cells.map((cell, c) => cellValue(cell, table.columns[c].format))),
    });
  } else {
    headers.forEach((header, c) => {
      ws.getCell(headerRow, c + 1).value = header;
    });
  }
  styleHeader(ws, table, headers, headerRow, native ? widths.map((w) => w - FILTER_BUTTON) : widths);
  table.rows.forEach((cells, r) => writeRow(ws, table, headerRow + 1 + r, cells, native, widths));
}

/** Values, number formats, fills, alignment and wrapping of one data row. */
function writeRow(ws: ExcelJS.Worksheet, table: TableSpec, rowNumber: number, cells: SpecValue[], native: boolean, widths: number[]): void {
  let lines = 1;
  cells.forEach((value, c) => {
    const column = table.columns[c];
    const cell = ws.getCell(rowNumber, c + 1);
    if (!native) cell.value = cellValue(value, column.format);
    if (column.format !== 'text') {
      cell.numFmt = NUMBER_FORMATS[column.format];
      cell.alignment = { vertical: 'top' };
      return;
    }
    const needed = typeof value === 'string' ? wrappedLines(value, widths[c] - 1) : 1;
    lines = Math.max(lines, needed);
    cell.alignment =
      column.width <= CODE_WIDTH ? { vertical: 'top', horizontal: 'center' } : { vertical: 'top', indent: 1, wrapText: needed > 1 };
    const fill = typeof value === 'string' ? table.valueColours?.find((v) => v.column === column.key)?.colours[value] : undefined;
    if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(fill) } };
  });
  if (lines > 1) ws.getRow(rowNumber).height = lines * LINE_HEIGHT;
}

/** Bold header on a light blue fill (explicit, so it shows where table styles are not drawn), wrapped at words. */
function styleHeader(ws: ExcelJS.Worksheet, table: TableSpec, headers: string[], headerRow: number, room: number[]): void {
  let lines = 1;
  headers.forEach((header, c) => {
    const cell = ws.getCell(headerRow, c + 1);
    cell.font = { ...FONT, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: { style: 'thin' } };
    cell.alignment = { wrapText: true, vertical: 'middle', ...headerPlacement(table.columns[c], table.asTable && table.rows.length > 0) };
    lines = Math.max(lines, wrappedLines(header, room[c]));
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

/** Heat map (3-colour scale) and chart data bars over the table's data rows. */
function addColourRules(ws: ExcelJS.Worksheet, spec: SheetSpec, table: TableSpec, headerRow: number, rules: { priority: number }): void {
  if (table.rows.length === 0) return;
  const first = headerRow + 1;
  const last = headerRow + table.rows.length;
  const rangeOf = (key: string) => {
    const letter = ws.getColumn(table.columns.findIndex((c) => c.key === key) + 1).letter;
    return `${letter}${first}:${letter}${last}`;
  };
  if (table.heatMap) {
    const { columns, low, mid, high } = table.heatMap;
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
  const barred = new Set<string>();
  for (const chart of spec.charts.filter((ch) => ch.table === table.id)) {
    for (const key of chart.series) {
      if (barred.has(key)) continue;
      ws.addConditionalFormatting({ ref: rangeOf(key), rules: [dataBar(SERIES_COLOURS[barred.size % SERIES_COLOURS.length], rules.priority++)] });
      barred.add(key);
    }
  }
}

/**
 * A solid data bar from zero to the column's maximum. Solid (gradient false) on purpose: exceljs
 * then writes the Excel 2010 extension with a matching id, while a gradient bar gets an empty
 * extension reference.
 */
function dataBar(colour: string, priority: number): ExcelJS.ConditionalFormattingRule {
  const rule: ExcelJS.DataBarRuleType & { color: Partial<ExcelJS.Color> } = {
    type: 'dataBar',
    priority,
    gradient: false,
    cfvo: [{ type: 'num', value: 0 }, { type: 'max' }],
    color: { argb: colour },
  };
  return rule;
}

/** A SpecValue as exceljs takes it: dates become Dates at UTC midnight, the rest as they are. */
function cellValue(value: SpecValue, format: CellFormat): ExcelJS.CellValue {
  if (format === 'date' && typeof value === 'number') return new Date(value * MS_PER_DAY);
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

/** Each worksheet column as wide as the widest of its tables' needs. */
function columnWidths(tables: readonly TableSpec[]): number[] {
  const widths: number[] = [];
  for (const table of tables) {
    table.columns.forEach((_, c) => {
      widths[c] = Math.min(MAX_WIDTH, Math.max(widths[c] ?? 0, columnWidth(table, c)));
    });
  }
  return widths;
}

/** The spec's width, widened to the longest header word and to the widest number shown. */
function columnWidth(table: TableSpec, c: number): number {
  const column = table.columns[c];
  const longestWord = Math.max(...column.header.split(/\s+/).map((w) => w.length));
  let width = Math.max(column.width, Math.ceil(longestWord * BOLD_WIDTH) + 2 + (table.asTable ? FILTER_BUTTON : 0));
  if (column.format !== 'text') {
    for (const row of table.rows) {
      const value = row[c];
      if (typeof value === 'number') width = Math.max(width, shownLength(value, column.format) + 2);
    }
  }
  return width;
}

/** Characters a number takes in its format (an estimate good enough to avoid ####). */
function shownLength(value: number, format: Exclude<CellFormat, 'text'>): number {
  const sign = value < 0 ? 1 : 0;
  const digits = (n: number) => String(Math.trunc(Math.abs(n))).length;
  const grouped = (n: number) => digits(n) + Math.floor((digits(n) - 1) / 3);
  switch (format) {
    case 'date':
      return 10;
    case 'money':
      return sign + grouped(value) + 3;
    case 'integer':
      return sign + grouped(value);
    case 'percent':
      return sign + digits(value * 100) + 3;
    case 'decimal':
      return sign + digits(value) + 3;
  }
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
