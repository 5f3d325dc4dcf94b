/**
 * The command line's reading: a .csv / .tsv / .txt or .xlsx file → a Grid for core/table.
 *
 * - Text files: bytes → text by decodeText (UTF-8 with or without BOM, UTF-16 LE, Windows-1251),
 *   then parseCsv with the delimiter detected. `sheet` does not apply.
 * - .xlsx / .xlsm (recognised by content, whatever the extension): the named sheet, or the first
 *   sheet in tab order. Row 1 of the sheet is grid row 0 and column A is column 0, so row numbers in
 *   messages are the sheet's own. Cells: numbers, text, booleans as they are; date cells as the
 *   UTC-midnight Dates exceljs makes (a formula's result in a date-formatted cell too); formulas →
 *   their cached result; rich text → its plain text;
 *   hyperlinks → their text; errors → the error text (`#N/A`). Empty rows after the last row with
 *   a value (Excel keeps formatted empty rows) are not part of the grid.
 * - Old binary .xls and unreadable files → ReadFileError with a one-line message.
 *
 * exceljs' normal reader is used, not its streaming one: the streaming reader decodes each
 * compressed chunk on its own and so breaks a Cyrillic letter that straddles two chunks into
 * U+FFFD (exceljs issues #2063, #2316) — about one cell in two thousand of a Russian export. The
 * normal reader is slower and heavier on very large sheets (541,909 rows × 8 columns: about 35 s
 * and 2.3 GB) but never changes a character; CSV stays the fast path for huge exports.
 */
import { open, readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { worksheetGrid } from '../xlsx/worksheet-grid.js';
import { decodeText, parseCsv } from '../core/read/index.js';
import type { Grid } from '../core/read/types.js';

export interface FileGrid {
  grid: Grid;
  /** The sheet that was read (xlsx only). */
  sheetName?: string;
  /** Every sheet of the workbook in tab order (xlsx only). */
  sheetNames?: string[];
  /** The workbook uses Excel's 1904 date system (xlsx only); pass it on as ReadOptions.date1904. */
  date1904?: boolean;
  /** The text encoding that was detected (text files only). */
  encoding?: string;
}

/** A file the command line cannot read; the message is one line for the user. */
export class ReadFileError extends Error {
  override name = 'ReadFileError';
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

export async function readGridFromFile(path: string, sheet?: string): Promise<FileGrid> {
  const head = await readHead(path);
  if (startsWith(head, OLE_MAGIC)) throw new ReadFileError(`${path}: old .xls format is not supported; save it as .xlsx or .csv`);
  if (startsWith(head, ZIP_MAGIC)) return readWorkbook(path, sheet);
  const { text, encoding } = decodeText(await readFile(path));
  return { grid: parseCsv(text), encoding };
}

/** The first bytes of the file (to tell a workbook from text), or a ReadFileError. */
async function readHead(path: string): Promise<Uint8Array> {
  try {
    const file = await open(path, 'r');
    try {
      const head = new Uint8Array(4);
      const { bytesRead } = await file.read(head, 0, 4, 0);
      return head.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (error as Error).message;
    throw new ReadFileError(`${path}: ${reason}`);
  }
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

async function readWorkbook(path: string, sheet: string | undefined): Promise<FileGrid> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(path);
  } catch (error) {
    throw new ReadFileError(`${path}: not a readable .xlsx workbook (${(error as Error).message})`);
  }
  const sheetNames = book.worksheets.map((w) => w.name);
  const name = wantedSheet(sheetNames, sheet);
  const worksheet = name === null ? undefined : book.getWorksheet(name);
  if (!worksheet) {
    const reason = sheet === undefined ? 'the workbook has no sheets' : `no sheet named "${sheet}" (sheets: ${sheetNames.join(', ')})`;
    throw new ReadFileError(`${path}: ${reason}`);
  }
  return { grid: worksheetGrid(worksheet), sheetName: worksheet.name, sheetNames, date1904: book.properties.date1904 === true };
}

/**
 * The sheet to read: the named one (exact name, else ignoring case and surrounding spaces), or the
 * first in tab order; null when there is no such sheet.
 */
function wantedSheet(names: readonly string[], sheet: string | undefined): string | null {
  if (sheet === undefined) return names[0] ?? null;
  const loose = sheet.trim().toLowerCase();
  return names.find((name) => name === sheet) ?? names.find((name) => name.trim().toLowerCase() === loose) ?? null;
}

