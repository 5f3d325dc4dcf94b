/**
 * A pull scanner over the bytes of an XML part as they are inflated: tags and text, never the
 * whole part as a string and never a tree. Made for SpreadsheetML (sheets, shared strings,
 * styles, workbook, relationships): element names are matched by their local name (`x:row` is
 * `row`), attributes are read from the tag's bytes on demand, text is decoded (UTF-8, the five
 * predefined entities and character references, CDATA) only when asked for. A token that straddles
 * two inflated blocks is read whole, so a letter is never split (the fault of exceljs' streaming
 * reader, issues #2063 and #2316).
 *
 * A document type declaration (`<!DOCTYPE`, where entity expansion — "billion laughs" — and
 * external entities — XXE — live) is refused: XmlRefused. Processing instructions and comments are
 * skipped.
 *
 * Example: `<row r="3"><c r="B3" t="s"><v>7</v></c></row>` → Open(row) · Open(c) · Open(v) ·
 * Text("7") · Close(v) · Close(c) · Close(row).
 */
export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
export const END = 4;

export class XmlRefused extends Error {}

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUESTION = 63;
const BANG = 33;
const COLON = 58;
const QUOTE = 34;
const APOSTROPHE = 39;
const AMPERSAND = 38;

export class XmlScanner {
  /** The current token's bytes live in `buf` until the next call of `next`. */
  buf: Uint8Array = new Uint8Array(0);
  /** `buf` for reading four bytes at a time (field-cache.ts), kept in step with it. */
  view = new DataView(this.buf.buffer);
  /** Element name (local part, after any prefix) and attributes of an Open or Close token. */
  nameStart = 0;
  nameEnd = 0;
  attrStart = 0;
  attrEnd = 0;
  selfClosing = false;
  /** Text of a Text token (CDATA: `cdata` true, no entities inside). */
  textStart = 0;
  textEnd = 0;
  cdata = false;
  /** The value of the attribute `hasAttr` last found. */
  valueStart = 0;
  valueEnd = 0;

  private pos = 0;
  private end = 0;
  private done = false;
  private readonly utf8 = new TextDecoder();

  constructor(private readonly pull: () => Uint8Array | null) {}

  next(): number {
    for (;;) {
      if (this.pos >= this.end) {
        if (!this.refill()) return END;
        continue;
      }
      const buf = this.buf;
      if (buf[this.pos] !== LT) {
        const lt = buf.indexOf(LT, this.pos);
        if (lt < 0 || lt >= this.end) {
          if (!this.done && this.refill()) continue;
          this.textStart = this.pos;
          this.textEnd = this.pos = this.end;
        } else {
          this.textStart = this.pos;
          this.textEnd = this.pos = lt;
        }
        this.cdata = false;
        return TEXT;
      }
      if (this.pos + 1 >= this.end) {
        if (this.refill()) continue;
        return END;
      }
      const second = buf[this.pos + 1]!;
      if (second === QUESTION) {
        if (!this.skipPast('?>')) return END;
        continue;
      }
      if (second === BANG) {
        const token = this.declaration();
        if (token === 0) continue;
        return token;
      }
      const gt = this.tagEnd();
      if (gt < 0) {
        if (this.refill()) continue;
        return END;
      }
      const closing = second === SLASH;
      let p = this.pos + (closing ? 2 : 1);
      const nameFrom = p;
      let local = p;
      while (p < gt && buf[p]! > 32 && buf[p] !== SLASH) {
        if (buf[p] === COLON) local = p + 1;
        p++;
      }
      this.nameStart = local;
      this.nameEnd = p > nameFrom ? p : local;
      this.selfClosing = !closing && buf[gt - 1] === SLASH;
      this.attrStart = p;
      this.attrEnd = this.selfClosing ? gt - 1 : gt;
      this.pos = gt + 1;
      return closing ? CLOSE : OPEN;
    }
  }

  /** True when the current element's local name is `name` (ASCII). */
  is(name: string): boolean {
    const n = this.nameEnd - this.nameStart;
    if (n !== name.length) return false;
    for (let i = 0; i < n; i++) if (this.buf[this.nameStart + i] !== name.charCodeAt(i)) return false;
    return true;
  }

  /** The value of the current tag's attribute (matched by local name), decoded; undefined when absent. */
  attr(name: string): string | undefined {
    return this.hasAttr(name) ? this.decode(this.valueStart, this.valueEnd, false) : undefined;
  }

  /**
   * Whether the current tag has the attribute (matched by local name); its value's bytes are then
   * [valueStart, valueEnd) until the next call (no object made per attribute: a sheet has millions).
   */
  hasAttr(name: string): boolean {
    const buf = this.buf;
    let p = this.attrStart;
    const end = this.attrEnd;
    while (p < end) {
      while (p < end && buf[p]! <= 32) p++;
      const from = p;
      let local = p;
      while (p < end && buf[p] !== 61 && buf[p]! > 32) {
        if (buf[p] === COLON) local = p + 1;
        p++;
      }
      const nameEnd = p;
      while (p < end && buf[p] !== QUOTE && buf[p] !== APOSTROPHE) p++;
      if (p >= end) return false;
      const quote = buf[p++]!;
      const valueFrom = p;
      while (p < end && buf[p] !== quote) p++;
      const valueTo = p++;
      if (nameEnd - local === name.length && from < nameEnd) {
        let same = true;
        for (let i = 0; i < name.length && same; i++) same = buf[local + i] === name.charCodeAt(i);
        if (same) {
          this.valueStart = valueFrom;
          this.valueEnd = valueTo;
          return true;
        }
      }
    }
    return false;
  }

  /** The current text token as a string. */
  text(): string {
    return this.decode(this.textStart, this.textEnd, this.cdata);
  }

  /** True when the current text token is only whitespace. */
  blankText(): boolean {
    for (let p = this.textStart; p < this.textEnd; p++) if (this.buf[p]! > 32) return false;
    return true;
  }

  decode(from: number, to: number, raw: boolean): string {
    const buf = this.buf;
    let high = false;
    let entity = false;
    for (let p = from; p < to; p++) {
      const b = buf[p]!;
      if (b >= 0x80) high = true;
      else if (b === AMPERSAND) entity = true;
    }
    let text: string;
    if (high) text = this.utf8.decode(buf.subarray(from, to));
    else {
      text = '';
      for (let p = from; p < to; p++) text += String.fromCharCode(buf[p]!);
    }
    return entity && !raw ? unescapeXml(text) : text;
  }

  /** `<!…`: a comment (skipped: 0), CDATA (a Text token), a document type (refused). */
  private declaration(): number {
    const buf = this.buf;
    if (this.pos + 9 > this.end && this.refill()) return 0;
    if (buf[this.pos + 2] === 45 && buf[this.pos + 3] === 45) return this.skipPast('-->') ? 0 : END;
    if (startsWith(buf, this.pos, '<![CDATA[')) {
      const close = indexOfText(buf, ']]>', this.pos + 9, this.end);
      if (close < 0) return this.refill() ? 0 : END;
      this.textStart = this.pos + 9;
      this.textEnd = close;
      this.cdata = true;
      this.pos = close + 3;
      return TEXT;
    }
    throw new XmlRefused('the part declares a document type (DTD)');
  }

  /** Moves past the next `marker`; false at the end of the part. */
  private skipPast(marker: string): boolean {
    for (;;) {
      const at = indexOfText(this.buf, marker, this.pos, this.end);
      if (at >= 0) {
        this.pos = at + marker.length;
        return true;
      }
      if (!this.refill()) return false;
    }
  }

  /** The `>` that ends the tag at pos (a `>` inside a quoted attribute value does not), or −1. */
  private tagEnd(): number {
    const buf = this.buf;
    let quote = 0;
    for (let p = this.pos + 1; p < this.end; p++) {
      const b = buf[p]!;
      if (quote) {
        if (b === quote) quote = 0;
      } else if (b === QUOTE || b === APOSTROPHE) quote = b;
      else if (b === GT) return p;
    }
    return -1;
  }

  /** Keeps the unread bytes and appends the next block; false when there is none. */
  private refill(): boolean {
    if (this.done) return false;
    const chunk = this.pull();
    if (!chunk) {
      this.done = true;
      return false;
    }
    const tail = this.end - this.pos;
    if (tail === 0) {
      this.buf = chunk;
      this.end = chunk.length;
    } else {
      const next = new Uint8Array(tail + chunk.length);
      next.set(this.buf.subarray(this.pos, this.end));
      next.set(chunk, tail);
      this.buf = next;
      this.end = next.length;
    }
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    this.pos = 0;
    return true;
  }
}

function startsWith(buf: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (buf[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

function indexOfText(buf: Uint8Array, text: string, from: number, end: number): number {
  const first = text.charCodeAt(0);
  for (let p = buf.indexOf(first, from); p >= 0 && p + text.length <= end; p = buf.indexOf(first, p + 1)) {
    if (startsWith(buf, p, text)) return p;
  }
  return -1;
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The five predefined entities and character references; anything else is kept as written. */
export function unescapeXml(text: string): string {
  return text.replace(ENTITY, (whole, name: string | undefined, decimal: string | undefined, hex: string | undefined) => {
    if (name) return NAMED[name]!;
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
