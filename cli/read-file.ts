/**
 * The command line's reading: a .csv / .tsv / .txt or .xlsx file, opened once, its sheets handed
 * to the pipeline as grids (a companion sheet of the sales workbook is read from the workbook
 * already open, not from the file again).
 *
 * - Text files: bytes → text by decodeText (UTF-8 with or without BOM, UTF-16 LE, Windows-1251),
 *   then parseCsv with the delimiter detected. One sheet, named after the file.
 * - .xlsx / .xlsm (recognised by content, whatever the extension): the named sheet (exact name,
 *   else ignoring case and surrounding spaces), or the first sheet in tab order. Row 1 of the
 *   sheet is grid row 0 and column A is column 0, so row numbers in messages are the sheet's own.
 *   Cells as xlsx/worksheet-grid.ts hands them over.
 * - Old binary .xls, folders, missing and unreadable files → a SourceProblem the pipeline's
 *   failureMessage words in one line.
 *
 * exceljs' normal reader is used, not its streaming one: the streaming reader decodes each
 * compressed chunk on its own and so breaks a Cyrillic letter that straddles two chunks into
 * U+FFFD (exceljs issues #2063, #2316) — about one cell in two thousand of a Russian export. The
 * normal reader is slower and heavier on very large sheets (541,909 rows × 8 columns: about 35 s
 * and 2.3 GB) but never changes a character; CSV stays the fast path for huge exports.
 */
import { open, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { decodeText, parseCsv, type SourceAnswer, type SourceProblem } from '../core/index.js';
import { worksheetGrid } from '../xlsx/worksheet-grid.js';

export interface OpenedFile {
  /** The sheets in tab order; a text file is one sheet named after the file. */
  sheetNames: string[];
  /** The file is a workbook (its sheets may hold companion sources). */
  isWorkbook: boolean;
  /** The text encoding that was detected (text files only). */
  encoding?: string;
  /** The name of the sheet `read(sheet)` reads, or null when there is no such sheet. */
  sheetNamed(sheet?: string): string | null;
  /** A sheet as the pipeline takes it: the named one, or the first; a problem when there is none. */
  read(sheet?: string): SourceAnswer;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

export async function openFile(path: string): Promise<OpenedFile | { problem: SourceProblem }> {
  const head = await readHead(path);
  if ('problem' in head) return head;
  if (startsWith(head.bytes, OLE_MAGIC)) return { problem: { code: 'old-xls' } };
  if (startsWith(head.bytes, ZIP_MAGIC)) return openWorkbook(path);
  const { text, encoding } = decodeText(await readFile(path));
  const grid = parseCsv(text);
  const name = basename(path);
  return { sheetNames: [name], isWorkbook: false, encoding, sheetNamed: () => name, read: () => ({ grid, name }) };
}

/** The first bytes of the file (to tell a workbook from text), or why it cannot be opened. */
async function readHead(path: string): Promise<{ bytes: Uint8Array } | { problem: SourceProblem }> {
  try {
    const file = await open(path, 'r');
    try {
      const bytes = new Uint8Array(4);
      const { bytesRead } = await file.read(bytes, 0, 4, 0);
      return { bytes: bytes.subarray(0, bytesRead) };
    } finally {
      await file.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problem: { code: 'no-file' } };
    if (code === 'EISDIR') return { problem: { code: 'is-folder' } };
    return { problem: { code: 'unreadable', detail: (error as Error).message } };
  }
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

async function openWorkbook(path: string): Promise<OpenedFile | { problem: SourceProblem }> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(path);
  } catch (error) {
    return { problem: { code: 'not-workbook', detail: (error as Error).message } };
  }
  const sheetNames = book.worksheets.map((w) => w.name);
  const date1904 = book.properties.date1904 === true;
  return {
    sheetNames,
    isWorkbook: true,
    sheetNamed: (sheet) => wantedSheet(sheetNames, sheet),
    read(sheet) {
      const name = wantedSheet(sheetNames, sheet);
      const worksheet = name === null ? undefined : book.getWorksheet(name);
      if (!worksheet) return { problem: { code: 'no-sheet', sheet, sheets: sheetNames } };
      return { grid: worksheetGrid(worksheet), date1904, name: worksheet.name };
    },
  };
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
