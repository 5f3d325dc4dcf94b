/**
 * The example data as files:
 * - `writeSampleWorkbook` — the clean .xlsx the demo segments: sheets Sales, Requests, Contacts,
 *   Complaints with English headers, real date cells and number cells, bold frozen headers;
 * - `writeGridXlsx` — any grid (such as the messy 1C grid) as an .xlsx whose every cell is text;
 * - `toCleanCsv`, `toCleanCompanionCsv` — comma-separated UTF-8 text, ISO dates, plain numbers;
 * - re-exported from their own files: `toMessy1cGrid` (messy-1c.ts) and `writeCsv1251` (cp1251.ts).
 *
 * The xlsx writers stream rows to disk (exceljs WorkbookWriter), so a million lines do not have to
 * fit in memory as a workbook; exceljs still writes only a few thousand rows a second, so for a
 * million lines the CSV writers are the practical choice. Names that start with `=`, `+`, `-` or `@`
 * are written as text cells, never as formulas.
 *
 * Example: `await writeSampleWorkbook(generateDistributor({...}), 'examples/sample-sales.xlsx')`.
 */
import ExcelJS from 'exceljs';
import { dateOfDay, formatDay } from '../core/basics/calendar.js';
import type { Cell, Day, Grid } from '../core/read/types.js';
import { csvText, decimalText } from './csv-text.js';
import type { DistributorData, GeneratedSale } from './example-types.js';

export { writeCsv1251, encodeWindows1251 } from './cp1251.js';
export { toMessy1cGrid, MESSY_1C_HEADERS, type Messy1cExport } from './messy-1c.js';

export const SALES_HEADERS: readonly string[] = [
  'Client', 'Date', 'Document', 'Product', 'Category', 'Quantity', 'Price', 'Amount', 'Profit', 'Manager', 'Region', 'Industry',
];

const DATE_FORMAT = 'yyyy-mm-dd';
const MONEY_FORMAT = '#,##0.00';
const QUANTITY_FORMAT = '#,##0.###;-#,##0.###;0';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

interface Column {
  header: string;
  width: number;
  numFmt?: string;
}

const SALES_COLUMNS: readonly Column[] = [
  { header: 'Client', width: 34 },
  { header: 'Date', width: 12, numFmt: DATE_FORMAT },
  { header: 'Document', width: 14 },
  { header: 'Product', width: 42 },
  { header: 'Category', width: 18 },
  { header: 'Quantity', width: 11, numFmt: QUANTITY_FORMAT },
  { header: 'Price', width: 13, numFmt: MONEY_FORMAT },
  { header: 'Amount', width: 15, numFmt: MONEY_FORMAT },
  { header: 'Profit', width: 14, numFmt: MONEY_FORMAT },
  { header: 'Manager', width: 14 },
  { header: 'Region', width: 18 },
  { header: 'Industry', width: 20 },
];

/** The clean example workbook. */
export async function writeSampleWorkbook(data: DistributorData, path: string): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true, zip: { zlib: { level: 9 } } });
  book.creator = 'Winback example generator';
  book.created = book.modified = dateCell(data.endDay);
  addSheet(book, 'Sales', SALES_COLUMNS, data.sales, salesCells);
  addSheet(book, 'Requests', [{ header: 'Client', width: 34 }, { header: 'Date', width: 12, numFmt: DATE_FORMAT }, { header: 'Manager', width: 14 }],
    data.requests, (r) => [r.client, dateCell(r.day), r.manager]);
  addSheet(book, 'Contacts', [{ header: 'Client', width: 34 }, { header: 'Date', width: 12, numFmt: DATE_FORMAT }, { header: 'Answered', width: 10 }],
    data.contacts, (c) => [c.client, dateCell(c.day), c.answered ? 'yes' : 'no']);
  addSheet(book, 'Complaints', [{ header: 'Client', width: 34 }, { header: 'Date', width: 12, numFmt: DATE_FORMAT }, { header: 'Text', width: 40 }],
    data.complaints, (c) => [c.client, dateCell(c.day), c.text]);
  await book.commit();
}

/** Any grid as a single-sheet .xlsx with every non-empty cell written as text. */
export async function writeGridXlsx(grid: Grid, path: string, sheetName = 'Продажи'): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: true });
  const sheet = book.addWorksheet(sheetName);
  for (const row of grid) {
    sheet.addRow(row.map((cell) => (cell === null || cell === undefined || cell === '' ? null : String(cell)))).commit();
  }
  sheet.commit();
  await book.commit();
}

/** The sales as CSV: English headers, `,`-separated, ISO dates, plain numbers (`1234.5`, `-0.25`). */
export function toCleanCsv(data: DistributorData): string {
  const isoDays = new Map<Day, string>();
  const iso = (day: Day): string => {
    let text = isoDays.get(day);
    if (text === undefined) isoDays.set(day, (text = formatDay(day)));
    return text;
  };
  return csvText(cleanRows(SALES_HEADERS, data.sales, (s) => [s.client, iso(s.day), s.document, s.product, s.group,
    decimalText(s.quantity, 1000), decimalText(s.price, 100), decimalText(s.amount, 100), decimalText(s.profit, 100),
    s.manager, s.region, s.industry]), ',', '\n');
}

/** Requests, contacts and complaints as CSV texts in the same style as `toCleanCsv`. */
export function toCleanCompanionCsv(data: DistributorData): { requests: string; contacts: string; complaints: string } {
  return {
    requests: csvText(cleanRows(['Client', 'Date', 'Manager'], data.requests, (r) => [r.client, formatDay(r.day), r.manager]), ',', '\n'),
    contacts: csvText(cleanRows(['Client', 'Date', 'Answered'], data.contacts, (c) => [c.client, formatDay(c.day), c.answered ? 'yes' : 'no']), ',', '\n'),
    complaints: csvText(cleanRows(['Client', 'Date', 'Text'], data.complaints, (c) => [c.client, formatDay(c.day), c.text]), ',', '\n'),
  };
}

function* cleanRows<T>(headers: readonly string[], rows: readonly T[], cells: (row: T) => Cell[]): Generator<readonly Cell[]> {
  yield headers;
  for (const row of rows) yield cells(row);
}

type CellValue = string | number | Date;

function salesCells(s: GeneratedSale): CellValue[] {
  return [s.client, dateCell(s.day), s.document, s.product, s.group, s.quantity / 1000, s.price / 100, s.amount / 100,
    s.profit / 100, s.manager, s.region, s.industry];
}

/** A Date at UTC midnight: exceljs stores it as the whole Excel serial of that calendar day. */
function dateCell(day: Day): Date {
  return dateOfDay(day);
}

function addSheet<T>(book: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: readonly Column[], rows: readonly T[], cells: (row: T) => CellValue[]): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  for (const row of rows) sheet.addRow(cells(row)).commit();
  sheet.commit();
}
