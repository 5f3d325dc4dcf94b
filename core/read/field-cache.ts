/**
 * Field bytes → a value, for one column of a file read from its bytes (csv.ts, and the inline
 * texts of an .xlsx sheet): each distinct run of bytes is decoded once and gets a number, its
 * entry, which readers use as the cell's text key (table-source.ts). Open addressing over a hash
 * of the bytes, the keys copied into one growing byte array; the last hit is tried first (exports
 * list a client's lines together).
 *
 * Example: find(bytes, view, 0, 4) on `Acme` → −1; add(…, 'Acme') makes entry 0; the same four
 * bytes anywhere later → 0, and values[0] is 'Acme'.
 */
export class FieldCache {
  values: (string | number)[] = [];
  /** Per entry, a flag worked out once (is the text a total word). */
  flags: (boolean | undefined)[] = [];
  private keys = new Uint8Array(1024);
  private keyView = new DataView(this.keys.buffer);
  private keyEnd = 0;
  private offsets: number[] = [];
  private lengths: number[] = [];
  private slots = new Int32Array(256).fill(-1);
  private last = -1;

  find(bytes: Uint8Array, view: DataView, from: number, to: number): number {
    const n = to - from;
    if (this.last >= 0 && this.lengths[this.last] === n && this.same(this.last, bytes, view, from, n)) return this.last;
    const mask = this.slots.length - 1;
    for (let s = hash(bytes, view, from, to) & mask; ; s = (s + 1) & mask) {
      const id = this.slots[s]!;
      if (id < 0) return -1;
      if (this.lengths[id] === n && this.same(id, bytes, view, from, n)) return (this.last = id);
    }
  }

  add(bytes: Uint8Array, from: number, to: number, value: string | number): void {
    const n = to - from;
    if (this.keyEnd + n > this.keys.length) {
      const keys = new Uint8Array(Math.max(this.keys.length * 2, this.keyEnd + n));
      keys.set(this.keys.subarray(0, this.keyEnd));
      this.keys = keys;
      this.keyView = new DataView(keys.buffer);
    }
    const at = this.keyEnd;
    this.keys.set(bytes.subarray(from, to), at);
    const id = this.values.length;
    this.offsets.push(at);
    this.lengths.push(n);
    this.values.push(value);
    this.keyEnd += n;
    if (this.values.length * 2 > this.slots.length) this.rehash();
    else this.place(id, hash(this.keys, this.keyView, at, at + n));
    this.last = id;
  }

  /** True when entry id's key is the n bytes at `from`. */
  private same(id: number, bytes: Uint8Array, view: DataView, from: number, n: number): boolean {
    return sameBytes(this.keys, this.keyView, this.offsets[id]!, bytes, view, from, n);
  }

  private place(id: number, h: number): void {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s]! >= 0) s = (s + 1) & mask;
    this.slots[s] = id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let id = 0; id < this.values.length; id++) {
      const at = this.offsets[id]!;
      this.place(id, hash(this.keys, this.keyView, at, at + this.lengths[id]!));
    }
  }
}

/**
 * True when the n bytes at `a` of one buffer are the n bytes at `b` of another (or of the same),
 * compared four at a time; each view is its buffer's.
 */
export function sameBytes(aBytes: Uint8Array, aView: DataView, a: number, bBytes: Uint8Array, bView: DataView, b: number, n: number): boolean {
  let i = 0;
  for (; i + 4 <= n; i += 4) if (aView.getInt32(a + i) !== bView.getInt32(b + i)) return false;
  for (; i < n; i++) if (aBytes[a + i] !== bBytes[b + i]) return false;
  return true;
}

/**
 * FNV-1a over the bytes taken four at a time — of a long key, over its length, its first and last
 * eight bytes and four from the middle (the cache compares the whole key anyway; this only spreads
 * the slots) — then mixed so the upper bytes of each word reach the low bits the table's mask keeps.
 */
function hash(bytes: Uint8Array, view: DataView, from: number, to: number): number {
  const n = to - from;
  let h = 0x811c9dc5 ^ n;
  if (n <= 24) {
    let i = from;
    for (; i + 4 <= to; i += 4) h = Math.imul(h ^ view.getInt32(i), 0x01000193);
    for (; i < to; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  } else {
    const middle = (from + to - 4) >> 1;
    h = Math.imul(h ^ view.getInt32(from), 0x01000193);
    h = Math.imul(h ^ view.getInt32(from + 4), 0x01000193);
    h = Math.imul(h ^ view.getInt32(middle), 0x01000193);
    h = Math.imul(h ^ view.getInt32(to - 8), 0x01000193);
    h = Math.imul(h ^ view.getInt32(to - 4), 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
