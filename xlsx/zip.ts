/**
 * The parts of a zip file (an .xlsx is one), read from its central directory, each part's bytes
 * inflated as they are needed: `entryChunks` hands them out a block at a time (fflate's streaming
 * Inflate), so a sheet of a million rows is never held whole as text.
 *
 * Stored (method 0) and deflated (method 8) parts, zip64 sizes and offsets. A part that would
 * inflate beyond MAX_PART bytes is refused as a zip bomb (`PartTooLarge`), so a few kilobytes can
 * never make the reader chew through gigabytes.
 *
 * Example: zipEntries(bytes).get('xl/workbook.xml') → {method: 8, offset, compressedSize, size};
 * entryChunks(bytes, entry) → () => the next inflated block, or null after the last.
 */
import { Inflate } from 'fflate';

export interface ZipEntry {
  name: string;
  method: number;
  /** Offset of the part's local header. */
  offset: number;
  compressedSize: number;
  size: number;
}

/** Inflated bytes a part may reach: beyond Excel's 1,048,576 rows × 16,384 columns of cells in practice. */
export const MAX_PART = 4 * 1024 ** 3;
/** Compressed bytes pushed through the inflater at a time. */
const BLOCK = 1 << 20;

export class ZipError extends Error {}

/** The parts by name; a ZipError when the bytes are not a zip file. */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEnd(bytes, view);
  let count = view.getUint16(eocd + 10, true);
  let directory = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || directory === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === 0x07064b50) {
    const end64 = Number(view.getBigUint64(eocd - 12, true));
    if (end64 + 56 > bytes.length || view.getUint32(end64, true) !== 0x06064b50) throw new ZipError('broken zip64 directory');
    count = Number(view.getBigUint64(end64 + 32, true));
    directory = Number(view.getBigUint64(end64 + 48, true));
  }
  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder();
  let p = directory;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw new ZipError('broken central directory');
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let offset = view.getUint32(p + 42, true);
    const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // zip64: the sizes and offset that do not fit in 32 bits follow in extra field 0x0001, in order.
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength; ) {
      const id = view.getUint16(e, true);
      const length = view.getUint16(e + 2, true);
      if (id === 1) {
        let at = e + 4;
        const next = () => {
          const value = Number(view.getBigUint64(at, true));
          at += 8;
          return value;
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (offset === 0xffffffff) offset = next();
      }
      e += 4 + length;
    }
    entries.set(name, { name, method, offset, compressedSize, size });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEnd(bytes: Uint8Array, view: DataView): number {
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 0xffff); p--) {
    if (view.getUint32(p, true) === 0x06054b50) return p;
  }
  throw new ZipError('no zip directory');
}

/** The part's bytes, inflated a block at a time; null after the last. */
export function entryChunks(bytes: Uint8Array, entry: ZipEntry): () => Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.offset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw new ZipError(`broken part ${entry.name}`);
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipError(`truncated part ${entry.name}`);
  if (entry.method === 0) {
    let given = false;
    return () => {
      if (given) return null;
      given = true;
      return bytes.subarray(start, end);
    };
  }
  if (entry.method !== 8) throw new ZipError(`unsupported compression ${entry.method} in ${entry.name}`);
  const ready: Uint8Array[] = [];
  let inflated = 0;
  const inflater = new Inflate((chunk) => {
    inflated += chunk.length;
    if (inflated > MAX_PART) throw new PartTooLarge(entry.name);
    if (chunk.length > 0) ready.push(chunk);
  });
  let at = start;
  return () => {
    while (ready.length === 0 && at < end) {
      const to = Math.min(end, at + BLOCK);
      inflater.push(bytes.subarray(at, to), to === end);
      at = to;
    }
    return ready.shift() ?? null;
  };
}

export class PartTooLarge extends ZipError {
  constructor(part: string) {
    super(`${part} inflates beyond ${MAX_PART} bytes`);
  }
}

/** A whole (small) part as text. */
export function entryText(bytes: Uint8Array, entry: ZipEntry): string {
  const next = entryChunks(bytes, entry);
  const decoder = new TextDecoder();
  let text = '';
  for (let chunk = next(); chunk; chunk = next()) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}
