/**
 * A text file (CSV, TSV, a 1C export) read straight from its bytes as a TableSource: no text of
 * the whole file and no grid of strings, so memory follows the records, not the file. The bytes
 * come in chunks (`ByteChunks`: the command line reads the file in blocks; the page hands over
 * the whole file at once) and a record that straddles two chunks is read whole.
 *
 * Encoding: text-encoding.ts (UTF-8, UTF-16 LE/BE, Windows-1251, from the evidence; UTF-16 is
 * turned into UTF-8 as it is read). Delimiter: csv-delimiter.ts (`,` `;` tab, from the first
 * records). What both said, and how sure, is the source's `fileProfile`.
 *
 * Records, RFC 4180: fields separated by the delimiter, records by CRLF, LF or CR; a field that
 * starts with a double quote may hold delimiters, line breaks and doubled quotes (`""` → `"`);
 * text after its closing quote is kept as it is; a quote elsewhere in a field is a plain
 * character. A line break at the very end does not start another row; an empty line in the middle
 * is a row with one empty cell (a blank row, so row numbers stay those of the file). A record that
 * spans lines counts as one row, as a spreadsheet shows it.
 *
 * An unclosed quote does not swallow the file: a quoted field is broken when the file ends inside
 * it, when it holds a line break and its closing quote is followed by something other than a
 * delimiter or a line break, or when it holds a line break and grows beyond 32,767 characters (more
 * than a spreadsheet cell holds). Then the row where it opened is `unclosed-quote` (its value: the
 * field up to the line break) and reading resumes on the next line.
 *
 * Cells are decoded only when a reader asks for them; names and dates are decoded once per
 * distinct text (a per-column cache keyed by the bytes), numbers of the common shapes are read
 * from the bytes. A field with the same bytes as the same field of the record before (an export
 * sorted by document repeats the client, date, document, manager line after line) is not scanned
 * again: it is compared with that field and takes over its offsets, its text key and its day.
 * Every answer equals the reference rule applied to the decoded cell (table-source.ts); `csvRows`
 * materialises the cells for a view and for that comparison.
 *
 * Example: the bytes of `Клиент;Дата;Сумма\r\nООО "Ромашка";05.03.2026;"1 234,50"\r\n` in
 * Windows-1251 → rows [`Клиент`, `Дата`, `Сумма`] and [`ООО "Ромашка"`, `05.03.2026`, `1 234,50`];
 * fileProfile {encoding: windows-1251, delimiter: ';', both sure}.
 */
import { isBlankCell } from './cell-text.js';
import { detectDelimiter } from './csv-delimiter.js';
import { parseDay, type DateOptions, type DateShape } from './parse-date.js';
import { parseNumberText, plainNumberBytes, type NumberShape } from './parse-number.js';
import type { FilePart, RestOfFile, RestPart, RestPlan } from './rest-of-file.js';
import type { SourceRow, TableSource } from './table-source.js';
import { byteOrderMark, EVIDENCE_BYTES, unmarkedUtf16, utf8Sequence, weighEncoding } from './text-encoding.js';
import { FieldCache, sameBytes } from './field-cache.js';
import { isTotalText } from './total-words.js';
import type { Cell, Day, FileProfile, RowProblem, TextEncodingName } from './types.js';

/**
 * The file's bytes in order, one chunk per call; null after the last. `close`, when given, lets
 * the file go before its end (its rest was read elsewhere: rest-of-file.ts).
 */
export type ByteChunks = (() => Uint8Array | null) & { close?(): void };

export interface CsvSource extends TableSource {
  fileProfile(): FileProfile;
}

/** The rest of a file read in another thread (rest-of-file.ts): no mark, no delimiter to decide. */
export interface CsvRestSource extends TableSource {
  /** How its bytes read, for the top half to take in. */
  filePart(): FilePart;
}

/** Characters a quoted field holding a line break may grow to before its quote counts as unclosed. */
export const MAX_QUOTED = 32_767;

const QUOTE = 34;
const LF = 10;
const CR = 13;
const MORE = -2;
/** Bytes the byte-order mark and the UTF-16 test look at. */
const HEAD_BYTES = 1024;
/** Bytes the delimiter is decided on. */
const SAMPLE_BYTES = 1 << 20;

/**
 * The file as a TableSource; `bytes` is the whole file or its chunks. With `rest`, the rows from
 * `rest.from` on are read in another thread once the header is known (rest-of-file.ts).
 */
export function csvSource(bytes: Uint8Array | ByteChunks, rest?: RestOfFile): CsvSource {
  return new CsvReader(typeof bytes === 'function' ? bytes : once(bytes), rest);
}

/** The rest of a file from a line start on, its delimiter decided by the top (rest-of-file.ts). */
export function csvRestSource(chunks: ByteChunks, delimiter: string): CsvRestSource {
  return CsvReader.rest(chunks, delimiter);
}

/** The first `limit` rows' cells as decoded text (a view of the file; the reference of the tests). */
export function csvRows(bytes: Uint8Array, limit = Infinity): { cells: string[][]; problems: Map<number, { problem: RowProblem; value: string }> } {
  const source = csvSource(bytes);
  const cells: string[][] = [];
  const problems = new Map<number, { problem: RowProblem; value: string }>();
  for (let row = source.next(); row && cells.length < limit; row = source.next()) {
    cells.push(Array.from({ length: row.width }, (_, c) => row.cell(c) as string));
    if (row.problem) problems.set(row.index, { problem: row.problem, value: row.problemValue });
  }
  return { cells, problems };
}

function once(bytes: Uint8Array): ByteChunks {
  let given = false;
  return () => {
    if (given) return null;
    given = true;
    return bytes;
  };
}

class CsvReader implements CsvSource, SourceRow {
  index = -1;
  width = 0;
  problem: RowProblem | null = null;
  problemValue = '';

  private buf: Uint8Array = new Uint8Array(0);
  /** `buf` for reading four bytes at a time (kept in step with it). */
  private view = new DataView(this.buf.buffer);
  /** False while `buf` is a chunk the caller handed over (never written to). */
  private owned = false;
  private pos = 0;
  private end = 0;
  /** The offset in the file of `buf[0]`. */
  private base = 0;
  /** Where the rest read elsewhere starts (−1: nowhere), and whether `next` stopped there. */
  private restFrom = -1;
  private atRest = false;
  private eof = false;
  private started = false;
  private sep = 44;
  private encoding: TextEncodingName = 'utf-8';
  /** 'ascii' until the first byte above 0x7F, then the decision. */
  private mode: 'ascii' | 'utf-8' | 'windows-1251' = 'ascii';
  private mixed = false;
  private strays = 0;
  private delimiterSure = true;
  private utf16: TextDecoder | null = null;
  private decoder = new TextDecoder('utf-8');
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  /** Per field: 1 when its bytes still hold its quotes (doubled quotes, or text after the closing quote). */
  private quotedBytes = new Uint8Array(64);
  /** Per field: 1 when it has a byte above 0x7F. */
  private high = new Uint8Array(64);
  /** Per field: the row whose cache entry `keyOf` holds (so a cell is looked up once per row). */
  private keyRow = new Int32Array(64).fill(-1);
  private keyOf = new Int32Array(64);
  /** Per field: the row whose day `dayOf` holds, read with the date options of slot `daySlot`. */
  private dayRow = new Int32Array(64).fill(-1);
  private daySlot = new Int32Array(64);
  private dayOf = new Int32Array(64);
  /**
   * Per field of the last record: where its bytes start (its opening quote included) and where
   * the byte that ended it is. A field whose bytes and ending byte are those of the same field in
   * the record before is that field again (sorted exports repeat the client, date and document of
   * a document's lines), so it is not scanned and its cache entries are taken over.
   */
  private rawFrom = new Int32Array(64);
  private rawTo = new Int32Array(64);
  /**
   * How many fields of the last record can be taken over: none after a record with a problem, and
   * none while a record is read, so a record started again after a refill (which moves the buffer
   * under the last record's offsets) scans every field.
   */
  private reusable = 0;
  /** The first field of the record with a stray byte, or −1. */
  private bad = -1;
  private readonly caches: (FieldCache | undefined)[] = [];
  private readonly dayCaches: (FieldCache | undefined)[] = [];
  /** Set by quoted(): where the closing quote is, whether a quote was doubled, high bytes, strays. */
  private closing = 0;
  private doubled = false;
  private quotedHigh = 0;
  private quotedStrays = 0;

  constructor(
    private readonly chunks: ByteChunks,
    private readonly restOfFile?: RestOfFile,
  ) {}

  static rest(chunks: ByteChunks, delimiter: string): CsvReader {
    const reader = new CsvReader(chunks);
    reader.started = true;
    reader.sep = delimiter.charCodeAt(0);
    return reader;
  }

  filePart(): FilePart {
    return { mode: this.mode, mixed: this.mixed, strays: this.strays };
  }

  beginRest(plan: Omit<RestPlan, 'delimiter'>): void {
    const rest = this.restOfFile;
    if (!rest || this.utf16 || this.restFrom >= 0 || rest.from <= this.base + this.pos) return;
    this.restFrom = rest.from;
    rest.begin({ ...plan, delimiter: String.fromCharCode(this.sep) });
  }

  takeRest(): RestPart | null {
    if (this.restFrom < 0) return null;
    const stopped = this.atRest;
    this.restFrom = -1;
    this.atRest = false;
    if (!stopped) {
      this.restOfFile!.drop();
      return null;
    }
    const part = this.restOfFile!.take();
    if (!part || !this.agrees(part.file)) return null;
    if (this.mode === 'ascii' && part.file.mode !== 'ascii') {
      this.mode = this.encoding = part.file.mode;
      this.mixed = part.file.mixed;
    }
    this.strays += part.file.strays;
    this.eof = true;
    this.pos = this.end;
    this.chunks.close?.();
    return part;
  }

  /** True when the rest read its text in this half's encoding (a half without high bytes agrees with any). */
  private agrees(file: FilePart): boolean {
    return file.mode === 'ascii' || this.mode === 'ascii' || file.mode === this.mode;
  }

  fileProfile(): FileProfile {
    const ascii = this.mode === 'ascii';
    return {
      encoding: this.encoding,
      encodingSure: ascii || (!this.mixed && this.strays === 0),
      strayBytes: this.strays,
      delimiter: String.fromCharCode(this.sep) as FileProfile['delimiter'],
      delimiterSure: this.delimiterSure,
    };
  }

  next(): SourceRow | null {
    if (!this.started) this.start();
    if (this.base + this.pos === this.restFrom) {
      this.atRest = true;
      return null;
    }
    for (;;) {
      if (this.pos >= this.end && this.eof) return null;
      if (this.record() !== MORE) {
        this.index++;
        return this;
      }
      if (!this.refill()) {
        this.eof = true;
        if (this.pos >= this.end) return null;
      }
    }
  }

  // ---- the row's cells (SourceRow) ----

  cell(c: number): Cell {
    return c < this.width ? this.decode(c) : undefined;
  }

  text(c: number): string {
    return c < this.width ? this.cached(c) : '';
  }

  textKey(c: number): number {
    return c < this.width ? this.cachedId(c) : -1;
  }

  blank(c: number): boolean {
    if (c >= this.width) return true;
    const from = this.starts[c]!;
    if (from === this.ends[c]) return true;
    // Taking off the quotes never changes the first byte unless it is a quote.
    const first = this.buf[from]!;
    if ((first > 32 && first < 0x7f && first !== QUOTE) || this.isLetterByte(first)) return false;
    return isBlankCell(this.decode(c));
  }

  /** A first byte that starts a visible letter: UTF-8 Cyrillic (D0, D1), a Windows-1251 letter (C0–FF). */
  private isLetterByte(b: number): boolean {
    return this.mode === 'utf-8' ? b === 0xd0 || b === 0xd1 : this.mode === 'windows-1251' && b >= 0xc0;
  }

  day(c: number, options: DateOptions, shape?: DateShape): Day | null {
    if (shape) shape.twoDigitYear = false;
    if (c >= this.width || this.starts[c] === this.ends[c]) return null;
    const slot = c * 2 + (options.slashDates === 'mdy' ? 1 : 0);
    const packed = this.dayRow[c] === this.index && this.daySlot[c] === slot ? this.dayOf[c]! : this.packedDay(c, slot, options);
    if (shape) shape.twoDigitYear = packed < 0;
    return packed === NO_DAY ? null : Math.abs(packed) - DAY_BIAS;
  }

  /**
   * Field c's day through the column's cache, packed (NO_DAY, or day + DAY_BIAS negated for a
   * two-digit year), and kept for the row.
   */
  private packedDay(c: number, slot: number, options: DateOptions): number {
    const cache = (this.dayCaches[slot] ??= new FieldCache());
    const from = this.keyStart(c);
    const to = this.ends[c]!;
    const found = cache.find(this.buf, this.view, from, to);
    let packed: number;
    if (found >= 0) packed = cache.values[found] as number;
    else {
      const dateShape: DateShape = { twoDigitYear: false };
      const day = parseDay(this.decode(c), options, dateShape);
      packed = day === null ? NO_DAY : (day + DAY_BIAS) * (dateShape.twoDigitYear ? -1 : 1);
      cache.add(this.buf, from, to, packed);
    }
    this.dayRow[c] = this.index;
    this.daySlot[c] = slot;
    this.dayOf[c] = packed;
    return packed;
  }

  number(c: number, shape?: NumberShape): number | null {
    if (shape) {
      shape.evidence = null;
      shape.alternative = Number.NaN;
      shape.currency = null;
    }
    if (c >= this.width) return null;
    if (!this.quotedBytes[c] && !this.high[c]) {
      const plain = plainNumberBytes(this.buf, this.starts[c]!, this.ends[c]!, shape);
      if (plain !== undefined) return plain;
    }
    return parseNumberText(this.decode(c), shape);
  }

  total(c: number): boolean {
    if (c >= this.width) return false;
    const from = this.starts[c]!;
    if (from === this.ends[c]) return false;
    const first = this.buf[from]!;
    if (first > 32 && first < 0x7f && first !== QUOTE && !TOTAL_FIRST.has(first)) return false;
    const cache = (this.caches[c] ??= new FieldCache());
    const id = this.cachedId(c);
    return (cache.flags[id] ??= isTotalText(cache.values[id] as string));
  }

  // ---- reading records ----

  private start(): void {
    this.started = true;
    // The mark and the UTF-16 test look at the first kilobyte, however small the blocks come.
    const head: Uint8Array[] = [];
    let size = 0;
    for (let chunk = this.chunks(); chunk; chunk = size < HEAD_BYTES ? this.chunks() : null) {
      head.push(chunk);
      size += chunk.length;
    }
    if (size === 0) {
      this.eof = true;
      return;
    }
    const first = head.length === 1 ? head[0]! : joined(head, size);
    const mark = byteOrderMark(first);
    const utf16 = mark ? (mark.encoding === 'utf-8' ? null : mark.encoding) : unmarkedUtf16(first);
    let bytes = first.subarray(mark?.length ?? 0);
    this.base = mark?.length ?? 0;
    if (utf16) {
      this.utf16 = new TextDecoder(utf16, { ignoreBOM: true });
      bytes = new TextEncoder().encode(this.utf16.decode(bytes, { stream: true }));
    }
    if (mark || utf16) {
      this.encoding = utf16 ?? 'utf-8';
      this.mode = 'utf-8';
    }
    this.buf = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.end = bytes.length;
    // The delimiter is decided on the first megabyte, however small the blocks come.
    while (this.end < SAMPLE_BYTES && this.refill());
    const delimiter = detectDelimiter(this.buf, 0, this.end);
    this.sep = delimiter.delimiter.charCodeAt(0);
    this.delimiterSure = delimiter.sure;
  }

  /** Keeps the unread tail and appends the next chunk; false at the end of the file. */
  private refill(): boolean {
    let chunk: Uint8Array | null;
    do {
      const raw = this.chunks();
      if (this.utf16) {
        const text = this.utf16.decode(raw ?? new Uint8Array(0), { stream: raw !== null });
        chunk = text.length > 0 || raw !== null ? new TextEncoder().encode(text) : null;
        if (raw === null && text.length === 0) chunk = null;
      } else chunk = raw;
      if (chunk === null) return false;
    } while (chunk.length === 0);
    const tail = this.end - this.pos;
    const need = tail + chunk.length;
    this.base += this.pos;
    if (this.owned && need <= this.buf.length) {
      this.buf.copyWithin(0, this.pos, this.end);
      this.buf.set(chunk, tail);
    } else {
      // A buffer of our own (never the caller's bytes), grown by doubling.
      const next = new Uint8Array(Math.max(need, this.owned ? this.buf.length * 2 : 0));
      next.set(this.buf.subarray(this.pos, this.end));
      next.set(chunk, tail);
      this.buf = next;
      this.view = new DataView(next.buffer);
      this.owned = true;
    }
    this.end = need;
    this.pos = 0;
    return true;
  }

  /** Reads the record at `pos` into the field offsets; MORE when its end is not in the buffer yet. */
  private record(): number {
    const buf = this.buf;
    const view = this.view;
    const end = this.end;
    const sep = this.sep;
    const seps = Math.imul(sep, ONE_BYTES);
    let p = this.pos;
    let k = 0;
    let utf8 = this.mode === 'utf-8';
    let cp1251 = this.mode === 'windows-1251';
    this.problem = null;
    this.problemValue = '';
    this.bad = -1;
    const reusable = this.reusable;
    this.reusable = 0;
    for (;;) {
      if (k === this.starts.length) this.widen();
      const taken = k < reusable ? this.takeOver(k, p) : -1;
      if (taken >= 0) p = taken;
      else {
        let from = p;
        this.rawFrom[k] = p;
        let high = 0;
        let quoted = 0;
        let strays = 0;
        if (p < end && buf[p] === QUOTE) {
          const after = this.quoted(p + 1);
          utf8 = this.mode === 'utf-8';
          cp1251 = this.mode === 'windows-1251';
          if (after === MORE) return MORE;
          if (after < 0) return this.unclosed(k, p);
          from = p + 1;
          high = this.quotedHigh;
          strays = this.quotedStrays;
          p = after;
          const b = p < end ? buf[p]! : -1;
          const clean = !this.doubled && (b === -1 || b === sep || b === LF || b === CR);
          if (clean) {
            this.starts[k] = from;
            this.ends[k] = this.closing;
            this.quotedBytes[k] = 0;
            this.high[k] = high;
          }
          quoted = clean ? 2 : 1;
        }
        for (; p < end; p++) {
          // Four bytes at a time while none of them can end the field.
          while (p + 4 <= end) {
            const word = view.getInt32(p, true);
            if ((word & HIGH_BITS) === 0) {
              if (hasByte(word, seps) || hasByte(word, LF_BYTES) || hasByte(word, CR_BYTES)) break;
            } else if (utf8 ? isLetterPair(word) : cp1251 && (word & HIGH_BITS) === HIGH_BITS) high = 1;
            else break;
            p += 4;
          }
          if (p >= end) break;
          const b = buf[p]!;
          if (b < 0x80) {
            if (b === sep || b === LF || b === CR) break;
            continue;
          }
          high = 1;
          if (cp1251) continue;
          // The common case inline: a two-byte UTF-8 letter (Cyrillic, Latin with accents).
          if (utf8 && b >= 0xc2 && b <= 0xdf && p + 1 < end && (buf[p + 1]! & 0xc0) === 0x80) {
            p++;
            continue;
          }
          const length = this.highByte(p, end);
          if (length === 0) return MORE;
          if (length < 0) strays++;
          else p += length - 1;
          utf8 = this.mode === 'utf-8';
          cp1251 = this.mode === 'windows-1251';
        }
        if (p >= end && !this.eof) return MORE;
        if (quoted !== 2) {
          this.starts[k] = from;
          this.ends[k] = p;
          this.quotedBytes[k] = quoted;
          this.high[k] = high;
        }
        if (strays > 0) {
          this.strays += strays;
          if (this.bad < 0) this.bad = k;
        }
        this.rawTo[k] = p;
      }
      k++;
      if (p >= end) break;
      const b = buf[p]!;
      if (b === sep) {
        p++;
        continue;
      }
      if (b === CR) {
        if (p + 1 >= end && !this.eof) return MORE;
        p += buf[p + 1] === LF ? 2 : 1;
      } else p++;
      break;
    }
    this.width = k;
    this.pos = p;
    if (this.bad >= 0) {
      this.problem = 'bad-bytes';
      this.problemValue = this.decode(this.bad).trim();
    } else this.reusable = k;
    return k;
  }

  /**
   * Field k at p when its bytes and the byte that ends it are those of field k of the record
   * before: its offsets move on, its flags stay, and the text key and day that record looked up
   * are this record's too (`index` is still the record before's while a record is read). Returns
   * where the field ends, or −1 when it is another field (then it is scanned).
   */
  private takeOver(k: number, p: number): number {
    const before = this.rawFrom[k]!;
    const n = this.rawTo[k]! - before;
    if (p + n >= this.end || !sameBytes(this.buf, this.view, before, this.buf, this.view, p, n + 1)) return -1;
    const shift = p - before;
    this.starts[k]! += shift;
    this.ends[k]! += shift;
    this.rawFrom[k] = p;
    this.rawTo[k] = p + n;
    const next = this.index + 1;
    if (this.keyRow[k] === this.index) this.keyRow[k] = next;
    if (this.dayRow[k] === this.index) this.dayRow[k] = next;
    return p + n;
  }

  /**
   * The quoted part of a field from `p` (after its opening quote): the offset after the closing
   * quote, MORE when the buffer ends first (and the file does not), −1 when the quote is broken.
   */
  private quoted(p: number): number {
    const buf = this.buf;
    const end = this.end;
    let lineBreak = false;
    let chars = 0;
    this.doubled = false;
    this.quotedHigh = 0;
    this.quotedStrays = 0;
    for (;;) {
      // Four bytes at a time while none of them is a quote or a line break (then characters are counted one by one).
      while (!lineBreak && p + 4 <= end) {
        const word = this.view.getInt32(p, true);
        if ((word & HIGH_BITS) === 0) {
          if (hasByte(word, QUOTE_BYTES) || hasByte(word, LF_BYTES) || hasByte(word, CR_BYTES)) break;
        } else if (this.mode === 'utf-8' ? isLetterPair(word) : this.mode === 'windows-1251' && (word & HIGH_BITS) === HIGH_BITS) this.quotedHigh = 1;
        else break;
        p += 4;
      }
      if (p >= end) return this.eof ? -1 : MORE;
      const b = buf[p]!;
      if (b === QUOTE) {
        if (p + 1 >= end && !this.eof) return MORE;
        if (buf[p + 1] === QUOTE) {
          this.doubled = true;
          p += 2;
          continue;
        }
        const after = p + 1 < end ? buf[p + 1]! : -1;
        if (lineBreak && after !== -1 && after !== this.sep && after !== LF && after !== CR) return -1;
        this.closing = p;
        return p + 1;
      }
      if (b === LF || b === CR) lineBreak = true;
      if (b >= 0x80) {
        this.quotedHigh = 1;
        const length = this.highByte(p, end);
        if (length === 0) return MORE;
        if (length < 0) {
          this.quotedStrays++;
          p++;
        } else p += length;
      } else p++;
      if (lineBreak && ++chars > MAX_QUOTED) return -1;
    }
  }

  /**
   * A byte above 0x7F at p: the first one decides the encoding; in UTF-8 its sequence is checked.
   * Returns the sequence's length, −1 for a stray byte, 0 when more bytes are needed.
   */
  private highByte(p: number, end: number): number {
    if (this.mode === 'ascii') {
      // Weighed on a megabyte of evidence when the file has it: ask for more bytes first.
      if (end - p < EVIDENCE_BYTES && !this.eof) return 0;
      const weighed = weighEncoding(this.buf, p, end);
      this.mode = this.encoding = weighed.encoding;
      this.mixed = weighed.mixed;
      this.decoder = new TextDecoder(weighed.encoding);
    }
    if (this.mode !== 'utf-8') return 1;
    const length = utf8Sequence(this.buf, p, end);
    if (length === 0) return this.eof ? -1 : 0;
    return length;
  }

  /** A broken quote in field k, opened at `open`: the row ends at the next line break. */
  private unclosed(k: number, open: number): number {
    const buf = this.buf;
    let p = open + 1;
    let high = 0;
    while (p < this.end && buf[p] !== LF && buf[p] !== CR) if (buf[p++]! >= 0x80) high = 1;
    if (p >= this.end && !this.eof) return MORE;
    this.starts[k] = open + 1;
    this.ends[k] = p;
    this.quotedBytes[k] = 0;
    this.high[k] = high;
    this.width = k + 1;
    this.problem = 'unclosed-quote';
    this.problemValue = this.decode(k).trim();
    if (p < this.end) p += buf[p] === CR && buf[p + 1] === LF ? 2 : 1;
    this.pos = p;
    return k + 1;
  }

  private widen(): void {
    const size = this.starts.length * 2;
    const grow = <T extends Int32Array | Uint8Array>(a: T, next: T) => {
      next.set(a);
      return next;
    };
    this.starts = grow(this.starts, new Int32Array(size));
    this.ends = grow(this.ends, new Int32Array(size));
    this.quotedBytes = grow(this.quotedBytes, new Uint8Array(size));
    this.high = grow(this.high, new Uint8Array(size));
    this.keyRow = grow(this.keyRow, new Int32Array(size).fill(-1));
    this.keyOf = grow(this.keyOf, new Int32Array(size));
    this.dayRow = grow(this.dayRow, new Int32Array(size).fill(-1));
    this.daySlot = grow(this.daySlot, new Int32Array(size));
    this.dayOf = grow(this.dayOf, new Int32Array(size));
    this.rawFrom = grow(this.rawFrom, new Int32Array(size));
    this.rawTo = grow(this.rawTo, new Int32Array(size));
  }

  // ---- decoding ----

  /**
   * Where field c's cache key starts: its bytes, or for a field that still holds its quotes, its
   * bytes with the opening quote (no unquoted field starts with one), so the two never share a key.
   */
  private keyStart(c: number): number {
    return this.quotedBytes[c] ? this.starts[c]! - 1 : this.starts[c]!;
  }

  /** Field c as text (the quotes of a quoted field taken off, doubled quotes as one). */
  private decode(c: number): string {
    const from = this.starts[c]!;
    const to = this.ends[c]!;
    const text = this.high[c] ? this.decoder.decode(this.buf.subarray(from, to)) : latin(this.buf, from, to);
    return this.quotedBytes[c] ? unquote(text) : text;
  }

  /** Field c as trimmed text through the column's cache (names repeat: each distinct text is decoded once). */
  private cached(c: number): string {
    const id = this.cachedId(c);
    return this.caches[c]!.values[id] as string;
  }

  /** The entry of field c in its column's cache, added (decoded, trimmed) when new. */
  private cachedId(c: number): number {
    // Asked again for the same cell (its total check, its text key, its text): found once per row.
    if (this.keyRow[c] === this.index) return this.keyOf[c]!;
    const cache = (this.caches[c] ??= new FieldCache());
    const from = this.keyStart(c);
    const to = this.ends[c]!;
    let found = cache.find(this.buf, this.view, from, to);
    if (found < 0) {
      cache.add(this.buf, from, to, this.decode(c).trim());
      found = cache.values.length - 1;
    }
    this.keyRow[c] = this.index;
    this.keyOf[c] = found;
    return found;
  }
}

/** Four bytes read as one little-endian word: each byte's high bit, each byte 1, and a byte repeated in all four. */
const HIGH_BITS = 0x80808080 | 0;
const ONE_BYTES = 0x01010101;
const QUOTE_BYTES = Math.imul(QUOTE, ONE_BYTES);
const LF_BYTES = Math.imul(LF, ONE_BYTES);
const CR_BYTES = Math.imul(CR, ONE_BYTES);

/** True when one of the word's four bytes (all below 0x80) is the byte repeated in `pattern`. */
function hasByte(word: number, pattern: number): boolean {
  const x = word ^ pattern;
  return ((x - ONE_BYTES) & ~x & HIGH_BITS) !== 0;
}

/**
 * True when the word is two two-byte UTF-8 letters (lead C2–DF, then a continuation byte): the
 * Cyrillic and accented Latin letters, none of them a delimiter, a quote or a line break.
 */
function isLetterPair(word: number): boolean {
  return (word & LETTER_PAIR_MASK) === LETTER_PAIR && (word & 0x1e) !== 0 && (word & 0x1e0000) !== 0;
}

const LETTER_PAIR_MASK = 0xc0e0c0e0 | 0;
const LETTER_PAIR = 0x80c080c0 | 0;

const NO_DAY = 0;
/** Days are cached as day + DAY_BIAS (always positive), negated for a two-digit year. */
const DAY_BIAS = 1_000_000;
const TOTAL_FIRST = new Set([...'tTgGsS'].map((letter) => letter.charCodeAt(0)));

function joined(parts: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

/** ASCII bytes as a string. */
function latin(bytes: Uint8Array, from: number, to: number): string {
  if (to - from < 64) {
    let text = '';
    for (let i = from; i < to; i++) text += String.fromCharCode(bytes[i]!);
    return text;
  }
  return String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]);
}

/**
 * The text of a quoted field: the part inside the quotes with `""` as `"`, then whatever followed
 * the closing quote (kept as it is).
 */
function unquote(text: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return out + text.slice(i);
    if (text.charCodeAt(q + 1) === QUOTE) {
      out += text.slice(i, q + 1);
      i = q + 2;
    } else {
      return out + text.slice(i, q) + text.slice(q + 1);
    }
  }
}
