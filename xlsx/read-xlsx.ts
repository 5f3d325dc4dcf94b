/**
 * An .xlsx workbook read straight from its bytes: the sheet names and date system from the
 * workbook part, each sheet's rows as a TableSource the core's readers walk while the sheet's XML
 * is inflated (zip.ts) and scanned (xml-scan.ts) — no workbook of objects, no grid. Used by the
 * command line and the playground.
 *
 * Cells as the other hosts hand them over, and as exceljs (the reference the tests hold this
 * reader to) gives them:
 * - `t="s"`: the shared text (rich text as its plain text, phonetic runs left out); an index the
 *   workbook does not have makes the row `bad-cell`;
 * - `t="inlineStr"`: its text; `t="str"` (a formula's text result): the text; `t="b"`: a boolean;
 *   `t="e"`: the error text (`#N/A`); `t="d"`: an ISO date as a Date at UTC midnight of its day;
 * - a number, or a formula's cached number: the number — a Date (exceljs' conversion, to the
 *   millisecond) when its style's number format is a date format (exceljs' rule: a format that,
 *   without its quoted parts and brackets, holds any of `y m d h M s b`);
 * - a cell with no value is empty.
 * Unlike exceljs, a merged range's value is only in its top-left cell (as Excel's own API gives it:
 * the other cells of the range are empty).
 *
 * Rows come with their sheet row number (`<row r>`); rows with no cells are not listed (the
 * readers count them blank). A row number listed twice is given twice (the reader rejects the
 * second as `duplicate-row`).
 *
 * Refused (XlsxProblem): bytes that are not a zip, a zip without a workbook part, a part with a
 * document type declaration (XML bombs, external entities), a part inflating beyond MAX_PART.
 *
 * Example: a workbook with sheets Продажи and Запросы → {sheetNames: ['Продажи', 'Запросы'],
 * date1904: false}; sheet('Продажи').next() → the first row with cells.
 */
import {
  cellText,
  columnLetters,
  dayFromTime,
  FieldCache,
  fitted,
  isBlankCell,
  isTotalText,
  parseDay,
  parseNumber,
  parseNumberText,
  type Cell,
  type DateOptions,
  type DateShape,
  type NumberShape,
  type RowProblem,
  type SourceRow,
  type TableSource,
} from '../core/index.js';
import { entryChunks, entryText, zipEntries, ZipError, type ZipEntry } from './zip.js';
import { CLOSE, END, OPEN, TEXT, unescapeXml, XmlRefused, XmlScanner } from './xml-scan.js';

export interface XlsxBook {
  sheetNames: string[];
  date1904: boolean;
  /** The rows of a sheet, read as its part is inflated (each call starts from its first row). */
  rows(sheet: string): TableSource;
}

/** Why the bytes cannot be read as a workbook, in a few words for the user's sentence. */
export class XlsxProblem extends Error {}

export function openXlsx(bytes: Uint8Array): XlsxBook {
  try {
    const entries = zipEntries(bytes);
    const workbookPath = officeDocument(bytes, entries);
    const workbook = entries.get(workbookPath);
    if (!workbook) throw new XlsxProblem('no workbook part');
    const { sheets, date1904 } = workbookSheets(entryText(bytes, workbook));
    const targets = relationships(bytes, entries, workbookPath);
    const base = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
    const parts = new Map<string, ZipEntry>();
    for (const sheet of sheets) {
      const target = targets.get(sheet.id);
      const entry = target ? entries.get(resolvePart(base, target)) : undefined;
      if (entry) parts.set(sheet.name, entry);
    }
    const sheetNames = sheets.map((s) => s.name).filter((name) => parts.has(name));
    let styles: boolean[] | undefined;
    let shared: string[] | undefined;
    const stylesPart = [...targets.values()].map((t) => entries.get(resolvePart(base, t))).find((e) => e?.name.endsWith('styles.xml'));
    const sharedPart = [...targets.values()].map((t) => entries.get(resolvePart(base, t))).find((e) => e?.name.endsWith('sharedStrings.xml'));
    return {
      sheetNames,
      date1904,
      rows(name) {
        styles ??= stylesPart ? dateStyles(bytes, stylesPart) : [];
        shared ??= sharedPart ? sharedStrings(bytes, sharedPart) : [];
        return new SheetRows(new XmlScanner(guarded(entryChunks(bytes, parts.get(name)!))), shared, styles, date1904);
      },
    };
  } catch (error) {
    throw asProblem(error);
  }
}

function asProblem(error: unknown): unknown {
  if (error instanceof XlsxProblem) return error;
  if (error instanceof ZipError || error instanceof XmlRefused) return new XlsxProblem(error.message);
  return error;
}

/** Pulls that turn the zip's and the scanner's refusals into XlsxProblem. */
function guarded(pull: () => Uint8Array | null): () => Uint8Array | null {
  return () => {
    try {
      return pull();
    } catch (error) {
      throw asProblem(error);
    }
  };
}

/** The workbook part named by the package's relationships (xl/workbook.xml by convention). */
function officeDocument(bytes: Uint8Array, entries: Map<string, ZipEntry>): string {
  const rels = entries.get('_rels/.rels');
  if (rels) {
    for (const rel of tags(entryText(bytes, rels), 'Relationship')) {
      if (rel.Type?.endsWith('/officeDocument') && rel.Target) return rel.Target.replace(/^\//, '');
    }
  }
  return 'xl/workbook.xml';
}

function workbookSheets(xml: string): { sheets: { name: string; id: string }[]; date1904: boolean } {
  const sheets = tags(xml, 'sheet').map((s) => ({ name: s.name ?? '', id: s.id ?? '' }));
  const properties = tags(xml, 'workbookPr')[0];
  const flag = properties?.date1904;
  return { sheets, date1904: flag === '1' || flag === 'true' };
}

/** Relationship id → target of the workbook's relationships part. */
function relationships(bytes: Uint8Array, entries: Map<string, ZipEntry>, workbookPath: string): Map<string, string> {
  const slash = workbookPath.lastIndexOf('/');
  const part = entries.get(`${workbookPath.slice(0, slash + 1)}_rels/${workbookPath.slice(slash + 1)}.rels`);
  const map = new Map<string, string>();
  if (part) for (const rel of tags(entryText(bytes, part), 'Relationship')) if (rel.Id && rel.Target) map.set(rel.Id, rel.Target);
  return map;
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (base + target).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.') out.push(part);
  }
  return out.join('/');
}

/** The attributes (by local name) of every element with this local name, in a small part. */
function tags(xml: string, name: string): Record<string, string>[] {
  const scanner = new XmlScanner(once(new TextEncoder().encode(xml)));
  const found: Record<string, string>[] = [];
  for (let token = scanner.next(); token !== END; token = scanner.next()) {
    if (token !== OPEN || !scanner.is(name)) continue;
    const attributes: Record<string, string> = {};
    const text = scanner.decode(scanner.attrStart, scanner.attrEnd, true);
    for (const match of text.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
      const key = match[1]!.slice(match[1]!.lastIndexOf(':') + 1);
      attributes[key] = unescapeXml(match[3] ?? match[4] ?? '');
    }
    found.push(attributes);
  }
  return found;
}

function once(bytes: Uint8Array): () => Uint8Array | null {
  let given = false;
  return () => {
    if (given) return null;
    given = true;
    return bytes;
  };
}

/** exceljs' built-in number formats (only those with a format code of their own). */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** exceljs' test of a date format: date letters left once quoted parts and brackets are removed. */
export function isDateFormat(format: string): boolean {
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Per cell style (index into cellXfs): whether its numbers are dates. */
function dateStyles(bytes: Uint8Array, part: ZipEntry): boolean[] {
  const scanner = new XmlScanner(guarded(entryChunks(bytes, part)));
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  for (let token = scanner.next(); token !== END; token = scanner.next()) {
    if (token === OPEN && scanner.is('numFmt')) custom.set(Number(scanner.attr('numFmtId')), scanner.attr('formatCode') ?? '');
    else if (token === OPEN && scanner.is('cellXfs')) inCellXfs = !scanner.selfClosing;
    else if (token === CLOSE && scanner.is('cellXfs')) inCellXfs = false;
    else if (token === OPEN && inCellXfs && scanner.is('xf')) {
      const id = Number(scanner.attr('numFmtId') ?? 0);
      const format = id ? (custom.get(id) ?? BUILT_IN_FORMATS[id]) : undefined;
      styles.push(format !== undefined && isDateFormat(format));
    }
  }
  return styles;
}

/** The shared texts: each `<si>`'s `<t>` runs joined, phonetic (`<rPh>`) runs left out. */
function sharedStrings(bytes: Uint8Array, part: ZipEntry): string[] {
  const scanner = new XmlScanner(guarded(entryChunks(bytes, part)));
  const texts: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  for (let token = scanner.next(); token !== END; token = scanner.next()) {
    if (token === TEXT) {
      if (inText && phonetic === 0) current += scanner.text();
    } else if (token === OPEN) {
      if (scanner.is('t')) inText = !scanner.selfClosing;
      else if (scanner.is('rPh')) phonetic++;
      else if (scanner.is('si')) {
        current = '';
        if (scanner.selfClosing) texts.push('');
      }
    } else if (scanner.is('t')) inText = false;
    else if (scanner.is('rPh')) phonetic--;
    else if (scanner.is('si')) texts.push(current);
  }
  return texts;
}

// ── a sheet's rows ───────────────────────────────────────────────────────────────────────────

const EMPTY = 0;
const NUMBER = 1;
const DATE = 2;
const TEXT_CELL = 3;
const BOOLEAN = 4;

const MS_PER_DAY = 86_400_000;

const CELL_TYPES = ['s', 'n', 'b', 'e', 'd', 'str', 'inlineStr'];

/** A cell's `t` attribute when it is one of ECMA-376's cell types (no string made per cell), else undefined. */
function cellType(buf: Uint8Array, from: number, to: number): string | undefined {
  for (const type of CELL_TYPES) {
    if (type.length !== to - from) continue;
    let same = true;
    for (let i = 0; i < type.length && same; i++) same = buf[from + i] === type.charCodeAt(i);
    if (same) return type;
  }
  return undefined;
}

/** A sheet's `<sheetData>` as rows; each row's cells kept by column until the next row. */
class SheetRows implements TableSource, SourceRow {
  index = -1;
  width = 0;
  problem: RowProblem | null = null;
  problemValue = '';
  private kinds = new Uint8Array(64);
  private numbers = new Float64Array(64);
  private texts: string[] = [];
  /**
   * Per text cell: its text key — a shared string's index, or for a text written in the sheet the
   * number of shared strings plus its entry in the column's cache; −1 for a text of several pieces.
   */
  private keys = new Int32Array(64);
  private readonly textCaches: (FieldCache | undefined)[] = [];
  private ended = false;

  constructor(
    private readonly xml: XmlScanner,
    private readonly shared: readonly string[],
    private readonly dates: readonly boolean[],
    private readonly date1904: boolean,
  ) {}

  next(): SourceRow | null {
    const xml = this.xml;
    if (this.ended) return null;
    for (let token = xml.next(); token !== END; token = xml.next()) {
      if (token === OPEN && xml.is('row')) {
        this.startRow();
        if (xml.selfClosing) {
          if (this.width === 0) continue;
          return this;
        }
        this.readCells();
        if (this.width === 0 && this.problem === null) continue;
        return this;
      }
      if (token === CLOSE && xml.is('sheetData')) break;
    }
    this.ended = true;
    return null;
  }

  private startRow(): void {
    const xml = this.xml;
    this.index = xml.hasAttr('r') ? digits(xml.buf, xml.valueStart, xml.valueEnd) - 1 : this.index + 1;
    for (let c = 0; c < this.width; c++) this.kinds[c] = EMPTY;
    this.width = 0;
    this.problem = null;
    this.problemValue = '';
  }

  /** The cells up to `</row>`. */
  private readCells(): void {
    const xml = this.xml;
    let column = -1;
    for (let token = xml.next(); token !== END; token = xml.next()) {
      if (token === CLOSE && xml.is('row')) return;
      if (token !== OPEN || !xml.is('c')) continue;
      column = xml.hasAttr('r') ? letters(xml.buf, xml.valueStart, xml.valueEnd) : column + 1;
      const type = xml.hasAttr('t') ? (cellType(xml.buf, xml.valueStart, xml.valueEnd) ?? xml.decode(xml.valueStart, xml.valueEnd, true)) : 'n';
      const style = xml.hasAttr('s') ? digits(xml.buf, xml.valueStart, xml.valueEnd) : 0;
      if (xml.selfClosing) continue;
      this.readCell(column, type, style);
    }
  }

  /** One `<c>` up to `</c>`: its value `<v>` or inline text `<is>`. */
  private readCell(column: number, type: string, style: number): void {
    const xml = this.xml;
    let value: string | null = null;
    let number = Number.NaN;
    let inline = '';
    let inInline = false;
    let inText = false;
    let phonetic = 0;
    // The text key of an inline text of one piece (or of a formula's text): its bytes' entry in the column's cache.
    let key = -1;
    let pieces = 0;
    for (let token = xml.next(); token !== END; token = xml.next()) {
      if (token === OPEN) {
        if (xml.is('v') && !xml.selfClosing) {
          if (xml.next() === TEXT) {
            if (type === 'n' || type === 's') number = plainNumber(xml);
            if (type === 'str' && !xml.cdata) {
              key = this.cachedText(column);
              value = this.cachedValue(column, key);
            } else value = Number.isNaN(number) ? xml.text() : '';
          }
        } else if (xml.is('is')) inInline = true;
        else if (xml.is('t') && inInline) inText = !xml.selfClosing;
        else if (xml.is('rPh')) phonetic++;
      } else if (token === TEXT) {
        if (inText && phonetic === 0) {
          if (pieces++ === 0 && !xml.cdata) {
            key = this.cachedText(column);
            inline = this.cachedValue(column, key);
          } else {
            key = -1;
            inline += xml.text();
          }
        }
      } else if (xml.is('c')) break;
      else if (xml.is('t')) inText = false;
      else if (xml.is('rPh')) phonetic--;
      else if (xml.is('is')) inInline = false;
    }
    if (column >= this.kinds.length) this.widen(column + 1);
    if (type === 'inlineStr') return this.setText(column, inline, key < 0 ? -1 : this.shared.length + key);
    if (value === null) return;
    switch (type) {
      case 's': {
        const index = Number.isNaN(number) ? Number(value) : number;
        const text = Number.isInteger(index) && index >= 0 ? this.shared[index] : undefined;
        if (text === undefined) {
          this.problem ??= 'bad-cell';
          if (!this.problemValue) this.problemValue = fitted(`${columnLetters(column)}${this.index + 1}: #${value || number}`);
          return;
        }
        return this.setText(column, text, index);
      }
      case 'str':
        return this.setText(column, value, key < 0 ? -1 : this.shared.length + key);
      case 'e':
        return this.setText(column, value);
      case 'b':
        this.kinds[column] = BOOLEAN;
        this.numbers[column] = parseInt(value, 10) !== 0 ? 1 : 0;
        return this.touch(column);
      case 'd': {
        const day = parseDay(value);
        if (day === null) return this.setText(column, value);
        this.kinds[column] = DATE;
        this.numbers[column] = day * MS_PER_DAY;
        return this.touch(column);
      }
      default: {
        const n = Number.isNaN(number) ? parseFloat(value) : number;
        const date = style > 0 && this.dates[style] === true;
        this.kinds[column] = date ? DATE : NUMBER;
        this.numbers[column] = date ? Math.round((n - 25_569 + (this.date1904 ? 1_462 : 0)) * MS_PER_DAY) : n;
        return this.touch(column);
      }
    }
  }

  /**
   * The entry of the current text token's bytes in the column's cache of texts written in the
   * sheet (inline or a formula's): decoded once per distinct run of bytes.
   */
  private cachedText(column: number): number {
    const xml = this.xml;
    const cache = (this.textCaches[column] ??= new FieldCache());
    const found = cache.find(xml.buf, xml.view, xml.textStart, xml.textEnd);
    if (found >= 0) return found;
    cache.add(xml.buf, xml.textStart, xml.textEnd, xml.text());
    return cache.values.length - 1;
  }

  private cachedValue(column: number, entry: number): string {
    return this.textCaches[column]!.values[entry] as string;
  }

  private setText(column: number, text: string, key = -1): void {
    this.kinds[column] = TEXT_CELL;
    this.texts[column] = text;
    this.keys[column] = key;
    this.touch(column);
  }

  private touch(column: number): void {
    if (column + 1 > this.width) this.width = column + 1;
  }

  private widen(size: number): void {
    const n = Math.max(size, this.kinds.length * 2);
    const kinds = new Uint8Array(n);
    kinds.set(this.kinds);
    const numbers = new Float64Array(n);
    numbers.set(this.numbers);
    const keys = new Int32Array(n);
    keys.set(this.keys);
    this.kinds = kinds;
    this.numbers = numbers;
    this.keys = keys;
  }

  // ---- the row's cells (SourceRow) ----

  cell(c: number): Cell {
    if (c >= this.width) return undefined;
    switch (this.kinds[c]) {
      case NUMBER:
        return this.numbers[c]!;
      case DATE:
        return new Date(this.numbers[c]!);
      case TEXT_CELL:
        return this.texts[c]!;
      case BOOLEAN:
        return this.numbers[c] === 1;
      default:
        return null;
    }
  }

  text(c: number): string {
    if (c < this.width && this.kinds[c] === TEXT_CELL) return this.texts[c]!.trim();
    return cellText(this.cell(c));
  }

  /** The text key of a text cell: its shared string's index, or past those its bytes' entry in the column's cache (see `keys`). */
  textKey(c: number): number {
    return c < this.width && this.kinds[c] === TEXT_CELL ? this.keys[c]! : -1;
  }

  blank(c: number): boolean {
    if (c >= this.width) return true;
    const kind = this.kinds[c];
    if (kind === EMPTY) return true;
    return kind === TEXT_CELL && isBlankCell(this.texts[c]!);
  }

  day(c: number, options: DateOptions, shape?: DateShape): number | null {
    if (c < this.width && this.kinds[c] === DATE) {
      if (shape) shape.twoDigitYear = false;
      return dayFromTime(this.numbers[c]!);
    }
    if (c < this.width && this.kinds[c] === NUMBER) {
      if (shape) shape.twoDigitYear = false;
      return parseDay(this.numbers[c]!, options);
    }
    return parseDay(this.cell(c), options, shape);
  }

  number(c: number, shape?: NumberShape): number | null {
    if (c < this.width && this.kinds[c] === TEXT_CELL) return parseNumberText(this.texts[c]!, shape);
    return parseNumber(this.cell(c), shape);
  }

  total(c: number): boolean {
    return c < this.width && this.kinds[c] === TEXT_CELL && isTotalText(this.texts[c]!);
  }
}

/** A number `<v>` of the plain shape (digits, one point, a minus), read from its bytes; NaN otherwise. */
function plainNumber(xml: XmlScanner): number {
  const buf = xml.buf;
  const from = xml.textStart;
  const to = xml.textEnd;
  if (to - from > 16 || to === from) return Number.NaN;
  let p = from;
  const negative = buf[p] === 45;
  if (negative) p++;
  let whole = 0;
  let fraction = 0;
  let scale = 1;
  let point = false;
  let count = 0;
  for (; p < to; p++) {
    const b = buf[p]!;
    if (b >= 48 && b <= 57) {
      count++;
      if (point) {
        fraction = fraction * 10 + (b - 48);
        scale *= 10;
      } else whole = whole * 10 + (b - 48);
    } else if (b === 46 && !point) point = true;
    else return Number.NaN;
  }
  if (count === 0 || count > 15) return Number.NaN;
  const value = (whole * scale + fraction) / scale;
  return negative ? -value : value;
}

function digits(buf: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let p = from; p < to; p++) {
    const b = buf[p]!;
    if (b < 48 || b > 57) break;
    n = n * 10 + (b - 48);
  }
  return n;
}

/** The 0-based column of a cell reference such as `AB12`. */
function letters(buf: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let p = from; p < to; p++) {
    const b = buf[p]! & ~32;
    if (b < 65 || b > 90) break;
    n = n * 26 + (b - 64);
  }
  return n - 1;
}
