/**
 * The command line's reading: a .csv / .tsv / .txt or .xlsx file, opened once, its sheets handed
 * to the pipeline as TableSources read straight from the bytes (a companion sheet of the sales
 * workbook is read from the workbook already open, not from the file again).
 *
 * - Text files: read in blocks of 4 MB straight into the core's CSV reader (csvSource: encoding
 *   and delimiter from the evidence, no text of the whole file). One sheet, named after the file.
 *   A large one is read in two halves at once when the command's second thread can take the
 *   second (core/read/rest-of-file.ts).
 * - .xlsx / .xlsm (recognised by content, whatever the extension): the workbook's bytes are read
 *   once and each sheet's XML inflated and scanned as the rows are read (xlsx/read-xlsx.ts) — the
 *   named sheet (exact name, else ignoring case and surrounding spaces), or the first in tab
 *   order. Row numbers are the sheet's own.
 * - Old binary .xls, folders, missing and unreadable files → a SourceProblem the pipeline's
 *   failureMessage words in one line. A workbook whose parts turn out broken while its rows are
 *   read throws XlsxProblem, which the command words the same way.
 *
 * Example: openFile('sales.csv') → {sheetNames: ['sales.csv'], isWorkbook: false, read() → a
 * TableSource over the file's bytes}.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { csvSource, type ByteChunks, type RestOfFile, type SourceAnswer, type SourceProblem } from '../core/index.js';
import { openXlsx, XlsxProblem } from '../xlsx/read-xlsx.js';

export interface OpenedFile {
  /** The sheets in tab order; a text file is one sheet named after the file. */
  sheetNames: string[];
  /** The file is a workbook (its sheets may hold companion sources). */
  isWorkbook: boolean;
  /** The name of the sheet `read(sheet)` reads, or null when there is no such sheet. */
  sheetNamed(sheet?: string): string | null;
  /** A sheet as the pipeline takes it: the named one, or the first; a problem when there is none. */
  read(sheet?: string): SourceAnswer;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
/** Bytes of a text file read at a time. */
export const BLOCK_BYTES = 4 << 20;

/**
 * Opens the file; `restOf`, when given, is asked for a thread to read the second half of a text
 * file (cli/second-thread.ts) each time the file is read.
 */
export async function openFile(path: string, restOf?: (path: string, size: number) => RestOfFile | undefined): Promise<OpenedFile | { problem: SourceProblem }> {
  const head = await readHead(path);
  if ('problem' in head) return head;
  if (startsWith(head.bytes, OLE_MAGIC)) return { problem: { code: 'old-xls' } };
  if (startsWith(head.bytes, ZIP_MAGIC)) return openWorkbook(path);
  const name = basename(path);
  const read = () => ({ grid: csvSource(fileChunks(path), restOf?.(path, head.size)), name });
  return { sheetNames: [name], isWorkbook: false, sheetNamed: () => name, read };
}

/** The file's bytes from offset `from`, a block at a time (the descriptor is closed after the last, or by `close`). */
export function fileChunks(path: string, block = BLOCK_BYTES, from = 0): ByteChunks {
  let fd: number | null = openSync(path, 'r');
  let position = from;
  const close = () => {
    if (fd !== null) closeSync(fd);
    fd = null;
  };
  const next = () => {
    if (fd === null) return null;
    const bytes = new Uint8Array(block);
    const read = readSync(fd, bytes, 0, block, position);
    position += read;
    if (read === 0) {
      close();
      return null;
    }
    return read === block ? bytes : bytes.subarray(0, read);
  };
  return Object.assign(next, { close });
}

/** The first bytes of the file (to tell a workbook from text), or why it cannot be opened. */
async function readHead(path: string): Promise<{ bytes: Uint8Array; size: number } | { problem: SourceProblem }> {
  try {
    const file = await open(path, 'r');
    try {
      const bytes = new Uint8Array(4);
      const { bytesRead } = await file.read(bytes, 0, 4, 0);
      return { bytes: bytes.subarray(0, bytesRead), size: (await file.stat()).size };
    } finally {
      await file.close();
    }
  } catch (error) {
    return { problem: fileProblem(error) };
  }
}

/** A file system error as the pipeline's SourceProblem. */
export function fileProblem(error: unknown): SourceProblem {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { code: 'no-file' };
  if (code === 'EISDIR') return { code: 'is-folder' };
  return { code: 'unreadable', detail: (error as Error).message };
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

async function openWorkbook(path: string): Promise<OpenedFile | { problem: SourceProblem }> {
  let book;
  try {
    book = openXlsx(new Uint8Array(await readFile(path)));
  } catch (error) {
    if (error instanceof XlsxProblem) return { problem: { code: 'not-workbook', detail: error.message } };
    return { problem: fileProblem(error) };
  }
  const { sheetNames, date1904 } = book;
  return {
    sheetNames,
    isWorkbook: true,
    sheetNamed: (sheet) => wantedSheet(sheetNames, sheet),
    read(sheet) {
      const name = wantedSheet(sheetNames, sheet);
      if (name === null) return { problem: { code: 'no-sheet', sheet, sheets: sheetNames } };
      return { grid: book.rows(name), date1904, name };
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
