/**
 * Writes the report's tabs (SheetSpec[]) — and, for the playground's download, the user's own
 * sheets of cells — as an .xlsx workbook, streaming: each sheet's XML is made row by row, straight
 * into UTF-8 bytes, and deflated a megabyte at a time (fflate's streaming Zip; the deflater
 * fflate's own, or the host's — the command line passes Node's zlib, cli/zlib-deflate.ts), so a tab
 * of 135,000 rows never exists as one string, as a string per cell or as a workbook of objects. Standard SpreadsheetML that Excel, LibreOffice and exceljs
 * open.
 *
 * Each report tab replays the core's layout (core/layout: rows, frozen rows, column widths) with
 * the cells as core/layout's sheetCell gives them, as every host writes them — strings as text in
 * the Text format `@` (an inline string is never a formula, so `=HYPERLINK(…)`, `+7 …`, `@SUM(…)`
 * and `-5 …` stay text; a text longer than a cell holds is cut with the mark), numbers with their
 * column's number format, a date as its serial with `yyyy-mm-dd` — and styles it:
 * - the notes italic, dark grey (long lines run over the empty cells to their right);
 * - titles bold; native tables (filter buttons, banded rows, TableStyleMedium2, unique names such
 *   as `clients_clients`); every header row also styled directly (bold on light blue, a thin line
 *   below) so it reads the same where table styles are not drawn (LibreOffice);
 * - `valueColours` as solid fills on the matching text cells; a heat map as a 3-colour scale
 *   (conditional formatting) over all its columns' data together;
 * - the tab's native charts (xlsx/chart-xml.ts, anchored by xlsx/drawing-parts.ts) and the
 *   Summary's links to other tabs (internal hyperlinks on the blue underlined link lines);
 * - headers wrap at word boundaries, text longer than its column wraps with the row made tall
 *   enough to show it; codes (columns of width 6 or less) centred, other text indented;
 * - the layout's frozen rows (a pane split there, when it has any), and its print setup:
 *   landscape, fitted to the page width, a long list's header row repeated on every page;
 * - dates and other number formats as the tab's `numberFormats` say (a Russian report dd.mm.yyyy);
 * - the Summary, when there is one, is the tab selected on open.
 *
 * Strings are written inline (`t="inlineStr"`): measured on the Online Retail report (docs/speed),
 * inline strings wrote faster than a shared-string table and need no second pass. Characters XML
 * cannot hold (control characters) are written as Excel's `_xHHHH_` escapes.
 *
 * Example: reportXlsxBytes([clientsSpec]) → the bytes of a workbook with one tab "Clients": its
 * lead line, a native table `clients_clients` frozen through its header (rows 1–2) and its header
 * row repeated on printed pages, then its notes under the table.
 */
import { Zip, ZipDeflate, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';
import { chartXml } from './chart-xml.js';
import { CHART_CONTENT, CHART_REL, DRAWING_CONTENT, DRAWING_REL, drawingXml, drawnCharts, hyperlinksXml, linksOf, type Link } from './drawing-parts.js';
import {
  columnLetters,
  layoutTab,
  NUMBER_FORMATS,
  serialFromDay,
  sheetCellInto,
  tableFills,
  dayOfDate,
  fitted,
  type Cell,
  type ColumnSpec,
  type NoteBlock,
  type PlacedTable,
  type SheetCell,
  type SheetSpec,
  type TabLayout,
} from '../core/index.js';

/** A user's sheet of cells (the playground's download), written as it is. */
export interface CellsSheet {
  name: string;
  rows: Iterable<readonly Cell[]>;
}

export type WorkbookSheet = { report: SheetSpec } | { cells: CellsSheet };

const LINE_HEIGHT = 15;
/** Room for the filter button in a native table's header cell. */
const FILTER_BUTTON = 3;
const NOTE_COLOUR = 'FF595959';
const HEADER_FILL = 'FFDDEBF7';
/** Text columns this narrow hold codes (A, B, X …) and are centred. */
const CODE_WIDTH = 6;
const LINK_COLOUR = 'FF0563C1';
/**
 * Every part's modification time in the zip: the first day a zip holds (1 January 1980), not the
 * clock's, so the same report is the same bytes whenever it is written. At noon: fflate reads it
 * in local time, and a time zone changed after this module loads (process.env.TZ) would take
 * midnight back into 1979, which a zip cannot hold.
 */
const ZIP_TIME = new Date(1980, 0, 1, 12);
/** Bytes of XML made before they are handed to the deflater. */
const CHUNK_BYTES = 1 << 20;
const DATE_FORMAT = NUMBER_FORMATS.date;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Raw DEFLATE of one part, chunk by chunk: what each chunk adds to the part's compressed stream
 * (the last chunk ends it).
 */
export type RawDeflate = (chunk: Uint8Array, final: boolean) => Uint8Array;

/** A host's compression of the parts, faster than fflate's JavaScript: a fresh deflater per part and the zip's checksum. */
export interface PartCompression {
  deflate: () => RawDeflate;
  /** The CRC-32 of the bytes after those whose CRC-32 is `crc` (0 before any), as node:zlib's crc32 counts it. */
  crc32: (bytes: Uint8Array, crc: number) => number;
}

export interface XlsxOptions {
  /** How each part is compressed; default fflate's deflater (level 1) and checksum, which run anywhere. */
  compression?: PartCompression;
  /** Hears each sheet written. */
  onSheet?: (done: number, total: number) => void;
}

/** The report tabs as .xlsx bytes (the command line's `--out`). */
export function reportXlsxBytes(sheets: readonly SheetSpec[], options: XlsxOptions = {}): Uint8Array {
  return workbookXlsxBytes(sheets.map((report) => ({ report })), options);
}

/** Report tabs and sheets of cells, in this order, as .xlsx bytes. */
export function workbookXlsxBytes(sheets: readonly WorkbookSheet[], options: XlsxOptions = {}): Uint8Array {
  const onSheet = options.onSheet ?? (() => {});
  const parts: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else parts.push(data);
  });
  const compression = options.compression;
  const archive: Archive = { zip, file: (path) => (compression ? new DeflatedPart(path, compression.deflate(), compression.crc32) : Object.assign(new ZipDeflate(path, { level: 1 }), { mtime: ZIP_TIME })) };
  const styles = new Styles();
  const tableNames = new Set<string>();
  const layouts = sheets.map((sheet) => ('report' in sheet ? layoutTab(sheet.report) : null));
  const reportLayouts = layouts.filter((layout): layout is TabLayout => layout !== null);
  const summary = layouts.findIndex((layout) => layout?.spec.key === 'summary');
  const selectedTab = Math.max(0, summary);
  const written: { name: string; tables: number; printTitles: string | null }[] = [];
  let tableCount = 0;
  let drawingCount = 0;
  let chartCount = 0;
  sheets.forEach((sheet, index) => {
    const path = `xl/worksheets/sheet${index + 1}.xml`;
    const layout = layouts[index];
    if ('report' in sheet && layout) {
      const tables = layout.tables.filter((t) => t.native).map((t) => ({ table: t, id: ++tableCount, name: tableName(layout.spec.key, t.spec.id, tableNames) }));
      const charts = drawnCharts(layout);
      const rels = tables.map(({ id }, k) => ({ id: `rId${k + 1}`, type: `${RELS}/table`, target: `../tables/table${id}.xml` }));
      let drawing: string | null = null;
      if (charts.length > 0) {
        const number = ++drawingCount;
        drawing = `rId${rels.length + 1}`;
        rels.push({ id: drawing, type: DRAWING_REL, target: `../drawings/drawing${number}.xml` });
        const chartNumbers = charts.map(() => ++chartCount);
        charts.forEach((chart, i) => writePart(archive, `xl/charts/chart${chartNumbers[i]}.xml`, (out) => out.push(chartXml(chart, layout.spec.name))));
        writePart(archive, `xl/drawings/drawing${number}.xml`, (out) => out.push(drawingXml(charts)));
        writePart(archive, `xl/drawings/_rels/drawing${number}.xml.rels`, (out) =>
          out.push(relationshipsXml(chartNumbers.map((n, i) => ({ id: `rId${i + 1}`, type: CHART_REL, target: `../charts/chart${n}.xml` })))),
        );
      }
      const parts = { tableIds: tables.map((t) => t.id), links: linksOf(layout, reportLayouts), drawing };
      writePart(archive, path, (out) => reportSheetXml(out, layout, styles, parts, index === selectedTab));
      tables.forEach(({ table, id, name }) => writePart(archive, `xl/tables/table${id}.xml`, (out) => out.push(tableXml(table, id, name))));
      if (rels.length > 0) writePart(archive, `xl/worksheets/_rels/sheet${index + 1}.xml.rels`, (out) => out.push(relationshipsXml(rels)));
      const repeat = layout.print.repeatRow;
      written.push({ name: layout.spec.name, tables: tables.length, printTitles: repeat === null ? null : `$${repeat + 1}:$${repeat + 1}` });
    } else if ('cells' in sheet) {
      writePart(archive, path, (out) => cellsSheetXml(out, sheet.cells, styles, index === selectedTab));
      written.push({ name: sheet.cells.name, tables: 0, printTitles: null });
    }
    onSheet(index + 1, sheets.length);
  });
  writePart(archive, 'xl/styles.xml', (out) => out.push(styles.xml()));
  writePart(archive, 'xl/workbook.xml', (out) => out.push(workbookXml(written, selectedTab)));
  writePart(archive, 'xl/_rels/workbook.xml.rels', (out) =>
    out.push(
      relationshipsXml([
        ...written.map((_, i) => ({ id: `rId${i + 1}`, type: `${RELS}/worksheet`, target: `worksheets/sheet${i + 1}.xml` })),
        { id: `rId${written.length + 1}`, type: `${RELS}/styles`, target: 'styles.xml' },
      ]),
    ),
  );
  writePart(archive, '[Content_Types].xml', (out) => out.push(contentTypesXml(written.length, tableCount, drawingCount, chartCount)));
  writePart(archive, '_rels/.rels', (out) =>
    out.push(
      relationshipsXml([
        { id: 'rId1', type: `${RELS}/officeDocument`, target: 'xl/workbook.xml' },
        { id: 'rId2', type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', target: 'docProps/core.xml' },
        { id: 'rId3', type: `${RELS}/extended-properties`, target: 'docProps/app.xml' },
      ]),
    ),
  );
  writePart(archive, 'docProps/core.xml', (out) =>
    out.push(
      `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Winback</dc:creator><cp:lastModifiedBy>Winback</cp:lastModifiedBy></cp:coreProperties>`,
    ),
  );
  writePart(archive, 'docProps/app.xml', (out) =>
    out.push(`${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Winback</Application></Properties>`),
  );
  zip.end();
  if (failure) throw failure;
  return concat(parts);
}

const ENCODER = new TextEncoder();
const UNDERSCORE = 0x5f;
const LOWER_X = 0x78;
/** ASCII characters xmlText writes as they are (1); the others (`& < >`, control characters, `_`) go through it. */
const PLAIN = Uint8Array.from({ length: 128 }, (_, code) => (code < 0x20 ? code === 0x09 || code === 0x0a || code === 0x0d : !'&<>_'.includes(String.fromCharCode(code))) ? 1 : 0);

/**
 * A part's XML written straight into UTF-8 bytes and handed to the deflater a megabyte at a time:
 * no string per row or per cell is kept, joined or encoded again (the markup cells repeat is
 * encoded once and copied as bytes, plain ASCII text character by character, anything else through
 * TextEncoder).
 */
class PartWriter {
  private chunk = new Uint8Array(CHUNK_BYTES);
  private at = 0;
  /** The row number rowNumber wrote last, and its digits. */
  private row = -1;
  private readonly digitRoom = new Uint8Array(16);
  private rowDigits = this.digitRoom.subarray(0, 0);
  /**
   * Per column, the last text cell after its reference (style, text, closing tags): its text and
   * style, and once the cell below repeats them its bytes, copied from then on instead of encoded
   * again (a Data issues tab repeats its sheet name and reason on every row).
   */
  private readonly lastText: { text: string; style: number; bytes: Uint8Array | null }[] = [];
  /** Chunks handed on so far (bytes written since a mark are in the chunk only while it is the same). */
  private flushes = 0;

  constructor(private readonly file: ZipInputFile & { push(chunk: Uint8Array, final?: boolean): void }) {}

  /** Markup, or text already escaped. */
  push(text: string): void {
    const length = text.length;
    // A UTF-16 unit takes at most 3 bytes in UTF-8.
    if (!this.room(3 * length)) {
      this.file.push(ENCODER.encode(text), false);
      return;
    }
    const bytes = this.chunk;
    let at = this.at;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x80) {
        at += ENCODER.encodeInto(text.slice(i), bytes.subarray(at)).written;
        break;
      }
      bytes[at++] = code;
    }
    this.at = at;
  }

  /** Bytes already encoded (markup made once, a row's digits, a repeated cell): copied as they are. */
  bytes(markup: Uint8Array): void {
    const length = markup.length;
    this.room(length);
    const bytes = this.chunk;
    const at = this.at;
    for (let i = 0; i < length; i++) bytes[at + i] = markup[i]!;
    this.at = at + length;
  }

  /** Text as XML element content: what xmlText gives, without a new string when nothing needs escaping. */
  text(text: string): void {
    const length = text.length;
    if (!this.room(length)) {
      this.push(xmlText(text));
      return;
    }
    const bytes = this.chunk;
    let at = this.at;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      // An underscore needs escaping only where `_xHHHH_` could be read back as a character.
      if (code >= 0x80 || (PLAIN[code] === 0 && (code !== UNDERSCORE || text.charCodeAt(i + 1) === LOWER_X))) {
        this.at = at;
        // xmlText's rules look ahead only (and a surrogate pair starts at or after i), so its tail is the tail of xmlText(text).
        this.push(xmlText(text.slice(i)));
        return;
      }
      bytes[at++] = code;
    }
    this.at = at;
  }

  /** A number as `${value}` writes it (a whole number below 10^15 digit by digit). */
  number(value: number): void {
    if (!(Number.isInteger(value) && value >= 0 && value < 1e15)) {
      this.push(String(value));
      return;
    }
    let digits = 1;
    for (let power = 10; power <= value; power *= 10) digits++;
    this.room(digits);
    const bytes = this.chunk;
    let rest = value;
    for (let k = this.at + digits - 1; k >= this.at; k--) {
      bytes[k] = 48 + (rest % 10);
      rest = Math.floor(rest / 10);
    }
    this.at += digits;
  }

  /**
   * A row number (1-based), as `number` writes it: the row's own `r` and every cell reference in
   * it, so its digits are worked out once per row and copied after that.
   */
  rowNumber(row: number): void {
    if (row !== this.row) {
      this.row = row;
      let digits = 0;
      for (let rest = row; digits === 0 || rest > 0; rest = Math.floor(rest / 10)) this.digitRoom[digits++] = 48 + (rest % 10);
      this.rowDigits = this.digitRoom.subarray(0, digits).reverse();
    }
    this.bytes(this.rowDigits);
  }

  /**
   * A text cell's part after its reference `<c r="B7`: what `write` writes, or the bytes of the
   * same cell above when this one repeats it.
   */
  textCellTail(c: number, text: string, style: number, write: () => void): void {
    const last = (this.lastText[c] ??= { text: '', style: -1, bytes: null });
    if (last.text !== text || last.style !== style) {
      last.text = text;
      last.style = style;
      last.bytes = null;
      write();
      return;
    }
    if (last.bytes) {
      this.bytes(last.bytes);
      return;
    }
    const from = this.at;
    const flushes = this.flushes;
    write();
    if (this.flushes === flushes) last.bytes = this.chunk.slice(from, this.at);
  }

  /** Hands the bytes so far to the deflater (the last time with `last`). */
  flush(last: boolean): void {
    this.flushes++;
    this.file.push(this.chunk.subarray(0, this.at), last);
    // The deflater may keep what it was handed: the next bytes go to a new chunk.
    if (!last) this.chunk = new Uint8Array(CHUNK_BYTES);
    this.at = 0;
  }

  /** Makes room for `bytes` more, flushing when needed; false when they would not fit in a chunk at all. */
  private room(bytes: number): boolean {
    if (this.at + bytes <= this.chunk.length) return true;
    this.flush(false);
    return bytes <= this.chunk.length;
  }
}

/** The zip being written and how a part of it is compressed. */
interface Archive {
  zip: Zip;
  file(path: string): ZipDeflate | DeflatedPart;
}

/**
 * A part compressed by the host (PartCompression): a file of fflate's Zip as its ZipInputFile
 * interface describes one — the size and CRC-32 of the bytes pushed, their DEFLATE handed on.
 */
class DeflatedPart implements ZipInputFile {
  readonly compression = 8;
  readonly mtime = ZIP_TIME;
  size = 0;
  crc = 0;
  ondata?: AsyncFlateStreamHandler;

  constructor(
    readonly filename: string,
    private readonly deflate: RawDeflate,
    private readonly crc32: PartCompression['crc32'],
  ) {}

  /** A deflater that throws stops the whole workbook (the error reaches the caller). */
  push(chunk: Uint8Array, final: boolean): void {
    this.crc = this.crc32(chunk, this.crc);
    this.size += chunk.length;
    this.ondata!(null, this.deflate(chunk, final), final);
  }
}

function writePart(archive: Archive, path: string, write: (out: PartWriter) => void): void {
  const { zip } = archive;
  const file = archive.file(path);
  zip.add(file);
  const out = new PartWriter(file);
  write(out);
  out.flush(true);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

// ── report tabs ──────────────────────────────────────────────────────────────────────────────

/** What a report tab's XML refers to beyond its cells: its table parts, its links, its drawing's relationship. */
interface TabParts {
  tableIds: number[];
  links: Link[];
  drawing: string | null;
}

function reportSheetXml(out: PartWriter, layout: TabLayout, styles: Styles, parts: TabParts, selected: boolean): void {
  const widths = layout.columnWidths;
  const lastColumn = Math.max(1, layout.columnCount);
  out.push(
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${RELS}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
      `<dimension ref="A1:${columnLetters(lastColumn - 1)}${Math.max(1, layout.rowCount)}"/>` +
      sheetViews(layout.frozenRows, selected) +
      `<sheetFormatPr defaultRowHeight="${LINE_HEIGHT}"/>` +
      cols(widths) +
      '<sheetData>',
  );
  const noteStyle = styles.cell({ format: '@', font: 'note' });
  // Rows go in order: the notes above the tables, the tables, the notes under them.
  const notes = (place: NoteBlock['place']) => {
    for (const block of layout.notes.filter((b) => b.place === place)) {
      block.texts.forEach((note, i) => oneCellRow(out, block.row + i, fitted(note), noteStyle));
    }
  };
  notes('above');
  const titleStyle = styles.cell({ format: '@', font: 'title' });
  const linkStyle = styles.cell({ format: '@', font: 'link' });
  for (const table of layout.tables) {
    if (table.titleRow !== null) oneCellRow(out, table.titleRow, fitted(table.spec.title!), titleStyle);
    headerRow(out, table, styles, table.native ? widths.map((w) => w - FILTER_BUTTON) : widths);
    dataRows(out, table, styles, widths);
    if (table.linkRow !== null) oneCellRow(out, table.linkRow, fitted(table.spec.link!.text), linkStyle);
  }
  notes('below');
  out.push('</sheetData>');
  heatMaps(out, layout);
  out.push(hyperlinksXml(parts.links));
  const { print } = layout;
  out.push(
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      `<pageSetup orientation="${print.orientation}" fitToWidth="${print.fitToWidth}" fitToHeight="0"/>`,
  );
  if (parts.drawing !== null) out.push(`<drawing r:id="${parts.drawing}"/>`);
  const ids = parts.tableIds;
  if (ids.length > 0) out.push(`<tableParts count="${ids.length}">${ids.map((_, k) => `<tablePart r:id="rId${k + 1}"/>`).join('')}</tableParts>`);
  out.push('</worksheet>');
}

function sheetViews(frozenRows: number, selected: boolean): string {
  const tab = selected ? ' tabSelected="1"' : '';
  if (frozenRows === 0) return `<sheetViews><sheetView workbookViewId="0"${tab}/></sheetViews>`;
  const top = `A${frozenRows + 1}`;
  return `<sheetViews><sheetView workbookViewId="0"${tab}><pane ySplit="${frozenRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`;
}

function cols(widths: readonly number[]): string {
  if (widths.length === 0) return '';
  return `<cols>${widths.map((width, c) => `<col min="${c + 1}" max="${c + 1}" width="${width}" customWidth="1"/>`).join('')}</cols>`;
}

/** Bold header on a light blue fill (explicit, so it shows where table styles are not drawn), wrapped at words. */
function headerRow(out: PartWriter, table: PlacedTable, styles: Styles, room: readonly number[]): void {
  const headers = uniqueHeaders(table.spec.columns);
  const lines = Math.max(1, ...headers.map((header, c) => wrappedLines(header, room[c]!)));
  rowStart(out, table.headerRow, lines);
  headers.forEach((header, c) => {
    const style = styles.cell({ format: '@', font: 'bold', fill: HEADER_FILL, border: true, wrap: true, vertical: 'center', ...headerPlacement(table.spec.columns[c]!, table.native) });
    textCell(out, c, table.headerRow, header, style);
  });
  out.bytes(ROW_CLOSE);
}

/**
 * Codes centred; numbers right-aligned over their figures, except under a native table's filter
 * button, which would cover them; other text indented.
 */
function headerPlacement(column: ColumnSpec, native: boolean): Pick<CellStyle, 'horizontal' | 'indent'> {
  if (column.format === 'text') return column.width <= CODE_WIDTH ? { horizontal: 'center' } : { indent: 1 };
  return native ? { indent: 1 } : { horizontal: 'right' };
}

/** Values, number formats, fills, alignment and wrapping of the data rows. */
function dataRows(out: PartWriter, table: PlacedTable, styles: Styles, widths: readonly number[]): void {
  const fills = tableFills(table.spec, { heatMap: false });
  const columns = table.spec.columns;
  // A column's cells share a handful of styles: each looked up once per column, not per cell —
  // by format, then fill ('' for none), then unwrapped or wrapped, with no key made per cell.
  const known = columns.map(() => new Map<string, Map<string, [number?, number?]>>());
  // Most cells have the style of the cell above them: that one is compared first.
  const above = columns.map(() => ({ format: '', fill: undefined as string | undefined, wrap: false, style: -1 }));
  const styleOf = (c: number, format: string, fill: string | undefined, wrap: boolean): number => {
    const last = above[c]!;
    if (last.style >= 0 && last.format === format && last.fill === fill && last.wrap === wrap) return last.style;
    last.format = format;
    last.fill = fill;
    last.wrap = wrap;
    return (last.style = styleFor(c, format, fill, wrap));
  };
  const styleFor = (c: number, format: string, fill: string | undefined, wrap: boolean): number => {
    let byFill = known[c]!.get(format);
    if (byFill === undefined) known[c]!.set(format, (byFill = new Map()));
    let pair = byFill.get(fill ?? '');
    if (pair === undefined) byFill.set(fill ?? '', (pair = []));
    const style = pair[wrap ? 1 : 0];
    if (style !== undefined) return style;
    const column = columns[c]!;
    const placement: CellStyle = column.format !== 'text' ? {} : column.width <= CODE_WIDTH ? { horizontal: 'center' } : { indent: 1, wrap };
    return (pair[wrap ? 1 : 0] = styles.cell({ format, vertical: 'top', fill: fill ? argb(fill) : undefined, ...placement }));
  };
  // A row's cells and the lines each text needs come first: the row's height is written before its cells.
  // One cell per column, written over row by row.
  const cells: SheetCell[] = columns.map(() => ({ value: '', format: '' }));
  const needed: number[] = [];
  const { rows } = table.spec;
  for (let r = 0; r < rows.length; r++) {
    const values = rows[r]!;
    const row = table.firstDataRow + r;
    let lines = 1;
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c]!;
      const cell = sheetCellInto(cells[c]!, values[c], column.format, serialFromDay, table.numberFormats);
      needed[c] = column.format === 'text' && typeof cell.value === 'string' && cell.value ? wrappedLines(cell.value, widths[c]! - 1) : 1;
      lines = Math.max(lines, needed[c]!);
    }
    rowStart(out, row, lines);
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c]!;
      const cell = cells[c]!;
      const style = column.format === 'text' ? styleOf(c, cell.format, fills[r]![c] ?? undefined, needed[c]! > 1 && column.width > CODE_WIDTH) : styleOf(c, cell.format, undefined, false);
      anyCell(out, c, row, cell.value, style);
    }
    out.bytes(ROW_CLOSE);
  }
}

/** The heat maps: a 3-colour scale over each table's heat-map columns, their data rows together. */
function heatMaps(out: PartWriter, layout: TabLayout): void {
  let priority = 1;
  for (const table of layout.tables) {
    if (table.rowCount === 0 || !table.spec.heatMap) continue;
    const rangeOf = (key: string) => {
      const letter = columnLetters(table.spec.columns.findIndex((c) => c.key === key));
      return `${letter}${table.firstDataRow + 1}:${letter}${table.firstDataRow + table.rowCount}`;
    };
    const { columns, low, mid, high } = table.spec.heatMap;
    out.push(
      `<conditionalFormatting sqref="${columns.map(rangeOf).join(' ')}"><cfRule type="colorScale" priority="${priority++}"><colorScale>` +
        '<cfvo type="min"/><cfvo type="percentile" val="50"/><cfvo type="max"/>' +
        `<color rgb="${argb(low)}"/><color rgb="${argb(mid)}"/><color rgb="${argb(high)}"/></colorScale></cfRule></conditionalFormatting>`,
    );
  }
}

function tableXml(table: PlacedTable, id: number, name: string): string {
  const headers = uniqueHeaders(table.spec.columns);
  const ref = `A${table.headerRow + 1}:${columnLetters(table.columnCount - 1)}${table.firstDataRow + table.rowCount}`;
  return (
    `${HEAD}<table xmlns="${MAIN}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}">${headers.map((_, c) => `<filterColumn colId="${c}" hiddenButton="0"/>`).join('')}</autoFilter>` +
    `<tableColumns count="${headers.length}">${headers.map((header, c) => `<tableColumn id="${c + 1}" name="${attribute(header)}"/>`).join('')}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}

/** Headers as a native table needs them: non-empty and unique ("Change", "Change (2)"). */
function uniqueHeaders(columns: readonly ColumnSpec[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((column) => {
    const header = fitted(column.header.trim() || column.key);
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
  // A text that fits on one line (most cells): no words to split.
  if (text.length <= room && !text.includes('\n')) return 1;
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

function height(lines: number): string {
  return lines > 1 ? ` ht="${lines * LINE_HEIGHT}" customHeight="1"` : '';
}

// ── sheets of cells ──────────────────────────────────────────────────────────────────────────

/** A user's sheet: text as text, numbers and booleans as they are, Dates as date cells. */
function cellsSheetXml(out: PartWriter, sheet: CellsSheet, styles: Styles, selected: boolean): void {
  out.push(`${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${RELS}">${sheetViews(0, selected)}<sheetFormatPr defaultRowHeight="${LINE_HEIGHT}"/><sheetData>`);
  const dateStyle = styles.cell({ format: DATE_FORMAT });
  let r = 0;
  for (const row of sheet.rows) {
    // A row is written from its first cell on: a row of empty cells is left out.
    let open = false;
    const opened = () => {
      if (!open) rowStart(out, r, 1);
      open = true;
    };
    row.forEach((value, c) => {
      if (value === null || value === undefined || value === '') return;
      if (typeof value === 'string') {
        opened();
        textCell(out, c, r, fitted(value), 0);
      } else if (typeof value === 'number') {
        if (!Number.isFinite(value)) return;
        opened();
        numberCell(out, c, r, value, 0);
      } else if (typeof value === 'boolean') {
        opened();
        cellStart(out, c, r);
        out.push(value ? '" t="b"><v>1</v></c>' : '" t="b"><v>0</v></c>');
      } else if (!Number.isNaN(value.getTime())) {
        opened();
        numberCell(out, c, r, serialFromDay(dayOfDate(value)), dateStyle);
      }
    });
    if (open) out.bytes(ROW_CLOSE);
    r++;
  }
  out.push('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
}

// ── cells ────────────────────────────────────────────────────────────────────────────────────

/** What a cell starts with in each column, `<c r="B`, encoded once per column. */
const CELL_OPEN: Uint8Array[] = [];
/** The markup the rows and cells repeat, encoded once. */
const ROW_OPEN = ENCODER.encode('<row r="');
const ROW_OPEN_END = ENCODER.encode('">');
const ROW_CLOSE = ENCODER.encode('</row>');
const NUMBER_CLOSE = ENCODER.encode('</v></c>');
const TEXT_CLOSE = ENCODER.encode('</t></is></c>');

/** The markup after a cell's row number, by its kind: its style (when it has one) written in. */
interface CellMarkup {
  text: Uint8Array;
  /** A text keeping its spaces (xml:space="preserve"). */
  spaced: Uint8Array;
  number: Uint8Array;
  empty: Uint8Array;
}

/** CellMarkup per style, made once per style. */
const MARKUP: CellMarkup[] = [];

function markupOf(style: number): CellMarkup {
  let markup = MARKUP[style];
  if (markup === undefined) {
    const s = style ? `" s="${style}"` : '"';
    markup = MARKUP[style] = {
      text: ENCODER.encode(`${s} t="inlineStr"><is><t>`),
      spaced: ENCODER.encode(`${s} t="inlineStr"><is><t xml:space="preserve">`),
      number: ENCODER.encode(`${s}><v>`),
      empty: ENCODER.encode(`${s}/>`),
    };
  }
  return markup;
}

/** `<row r="…"` with its height when it needs more than one line, and `>`. */
function rowStart(out: PartWriter, r: number, lines: number): void {
  out.bytes(ROW_OPEN);
  out.rowNumber(r + 1);
  if (lines > 1) out.push(`"${height(lines)}>`);
  else out.bytes(ROW_OPEN_END);
}

/** A row of one text cell in column A (a note, a title, a link line). */
function oneCellRow(out: PartWriter, r: number, text: string, style: number): void {
  rowStart(out, r, 1);
  textCell(out, 0, r, text, style);
  out.bytes(ROW_CLOSE);
}

/** A written cell's value as its kind of cell: '' empty, a number, a text. */
function anyCell(out: PartWriter, c: number, r: number, value: string | number, style: number): void {
  if (value === '') emptyCell(out, c, r, style);
  else if (typeof value === 'number') numberCell(out, c, r, value, style);
  else textCell(out, c, r, value, style);
}

/** `<c r="B7`: what every cell starts with. */
function cellStart(out: PartWriter, c: number, r: number): void {
  out.bytes((CELL_OPEN[c] ??= ENCODER.encode(`<c r="${columnLetters(c)}`)));
  out.rowNumber(r + 1);
}

function textCell(out: PartWriter, c: number, r: number, text: string, style: number): void {
  cellStart(out, c, r);
  out.textCellTail(c, text, style, () => {
    const markup = markupOf(style);
    out.bytes(keepsSpaces(text) ? markup.spaced : markup.text);
    out.text(text);
    out.bytes(TEXT_CLOSE);
  });
}

/** Spaces at either end (as trim sees them) or a line break, which XML keeps only when asked. */
function keepsSpaces(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  // Printable ASCII at both ends: nothing to trim (the common case, without making a trimmed copy).
  const plainEnds = first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f;
  return (!plainEnds && text !== text.trim()) || text.includes('\n');
}

function numberCell(out: PartWriter, c: number, r: number, value: number, style: number): void {
  cellStart(out, c, r);
  out.bytes(markupOf(style).number);
  out.number(value);
  out.bytes(NUMBER_CLOSE);
}

function emptyCell(out: PartWriter, c: number, r: number, style: number): void {
  if (!style) return;
  cellStart(out, c, r);
  out.bytes(markupOf(style).empty);
}

const XML_SPECIAL = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as XML element content: `& < >` as entities, what XML cannot hold as `_xHHHH_` (ECMA-376 ST_Xstring). */
function xmlText(text: string): string {
  return text.replace(XML_SPECIAL, (ch) => {
    if (ch === '&') return '&amp;';
    if (ch === '<') return '&lt;';
    if (ch === '>') return '&gt;';
    return `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
  });
}

/** Text as an XML attribute value (in double quotes). */
function attribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;');
}

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

// ── workbook parts ───────────────────────────────────────────────────────────────────────────

function workbookXml(sheets: readonly { name: string; printTitles: string | null }[], activeTab: number): string {
  const entries = sheets.map((s, i) => `<sheet name="${attribute(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const titles = sheets.flatMap((s, i) => (s.printTitles ? [`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${xmlText(s.name.replace(/'/g, "''"))}'!${s.printTitles}</definedName>`] : []));
  return (
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><workbookPr/><bookViews><workbookView activeTab="${activeTab}"/></bookViews><sheets>${entries}</sheets>` +
    (titles.length > 0 ? `<definedNames>${titles.join('')}</definedNames>` : '') +
    '</workbook>'
  );
}

function relationshipsXml(relationships: readonly { id: string; type: string; target: string }[]): string {
  return `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`)
    .join('')}</Relationships>`;
}

function contentTypesXml(sheets: number, tables: number, drawings: number, charts: number): string {
  const sml = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="${sml}.sheet.main+xml"/>`,
    `<Override PartName="/xl/styles.xml" ContentType="${sml}.styles+xml"/>`,
    ...Array.from({ length: sheets }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${sml}.worksheet+xml"/>`),
    ...Array.from({ length: tables }, (_, i) => `<Override PartName="/xl/tables/table${i + 1}.xml" ContentType="${sml}.table+xml"/>`),
    ...Array.from({ length: drawings }, (_, i) => `<Override PartName="/xl/drawings/drawing${i + 1}.xml" ContentType="${DRAWING_CONTENT}"/>`),
    ...Array.from({ length: charts }, (_, i) => `<Override PartName="/xl/charts/chart${i + 1}.xml" ContentType="${CHART_CONTENT}"/>`),
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>',
  ];
  return (
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    `${overrides.join('')}</Types>`
  );
}

// ── styles ───────────────────────────────────────────────────────────────────────────────────

interface CellStyle {
  format?: string;
  font?: 'note' | 'title' | 'bold' | 'link';
  /** ARGB of a solid fill. */
  fill?: string;
  /** A thin line below. */
  border?: boolean;
  vertical?: 'top' | 'center';
  horizontal?: 'center' | 'right';
  indent?: number;
  wrap?: boolean;
}

const FONTS = {
  normal: '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  note: `<font><i/><sz val="11"/><color rgb="${NOTE_COLOUR}"/><name val="Calibri"/><family val="2"/></font>`,
  title: '<font><b/><sz val="12"/><name val="Calibri"/><family val="2"/></font>',
  bold: '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  link: `<font><u/><sz val="11"/><color rgb="${LINK_COLOUR}"/><name val="Calibri"/><family val="2"/></font>`,
};
const FONT_IDS = { note: 1, title: 2, bold: 3, link: 4 } as const;
/** Excel's built-in number formats the report uses. */
const BUILT_IN: Record<string, number> = { General: 0, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '@': 49 };

/** The cell formats used, each written once (cellXfs); style 0 is the default. */
class Styles {
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly byKey = new Map<string, number>();
  private readonly formats = new Map<string, number>();
  private readonly fills: string[] = [];

  cell(style: CellStyle): number {
    const key = `${style.format ?? ''}|${style.font ?? ''}|${style.fill ?? ''}|${style.border ? 1 : 0}|${style.vertical ?? ''}|${style.horizontal ?? ''}|${style.indent ?? 0}|${style.wrap ? 1 : 0}`;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const numFmtId = this.formatId(style.format ?? 'General');
    const fontId = style.font ? FONT_IDS[style.font] : 0;
    const fillId = style.fill ? this.fillId(style.fill) : 0;
    const borderId = style.border ? 1 : 0;
    const alignment = [
      style.horizontal ? ` horizontal="${style.horizontal}"` : '',
      style.vertical ? ` vertical="${style.vertical}"` : '',
      style.indent ? ` indent="${style.indent}"` : '',
      style.wrap ? ' wrapText="1"' : '',
    ].join('');
    const applied = `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}`;
    const xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}${alignment ? ' applyAlignment="1"' : ''}>${alignment ? `<alignment${alignment}/>` : ''}</xf>`;
    const id = this.xfs.push(xf) - 1;
    this.byKey.set(key, id);
    return id;
  }

  xml(): string {
    const custom = [...this.formats].filter(([, id]) => id >= 164);
    return (
      `${HEAD}<styleSheet xmlns="${MAIN}">` +
      (custom.length > 0 ? `<numFmts count="${custom.length}">${custom.map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${attribute(code)}"/>`).join('')}</numFmts>` : '') +
      `<fonts count="5">${FONTS.normal}${FONTS.note}${FONTS.title}${FONTS.bold}${FONTS.link}</fonts>` +
      `<fills count="${2 + this.fills.length}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
      this.fills.map((rgb) => `<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor indexed="64"/></patternFill></fill>`).join('') +
      '</fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
    );
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = 164 + [...this.formats.values()].filter((v) => v >= 164).length;
      this.formats.set(code, id);
    }
    return id;
  }

  private fillId(rgb: string): number {
    const at = this.fills.indexOf(rgb);
    return 2 + (at >= 0 ? at : this.fills.push(rgb) - 1);
  }
}
