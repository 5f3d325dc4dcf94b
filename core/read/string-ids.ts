/**
 * Distinct strings numbered 0, 1, 2, … in the order they are first met: `id(text)` gives a text's
 * number, adding the text when it is new.
 *
 * It does what a `Map<string, number>` does for TextTable (sales-columns.ts), for less: V8's Map
 * spends about 1 µs per new key at a few hundred thousand keys (its ordered table is rebuilt as it
 * grows, each entry a separate heap object), and a million-line export has ~330,000 distinct
 * document numbers. Here the texts sit in one array, their 32-bit hashes (FNV-1a over the UTF-16
 * code units) in a typed array, and open addressing over a power-of-two table of ids, kept at
 * most half full; a lookup compares hashes first and texts only when they agree.
 *
 * Example: id('Acme') → 0, id('Beta') → 1, id('Acme') → 0, texts ['Acme', 'Beta'].
 */
export class StringIds {
  readonly texts: string[] = [];
  private hashes = new Int32Array(64);
  private slots = new Int32Array(128).fill(-1);

  /** The text's number, the next one when the text is new. */
  id(text: string): number {
    const h = hashText(text);
    const mask = this.slots.length - 1;
    let s = h & mask;
    for (; ; s = (s + 1) & mask) {
      const id = this.slots[s]!;
      if (id < 0) break;
      if (this.hashes[id] === h && this.texts[id] === text) return id;
    }
    const id = this.texts.length;
    this.texts.push(text);
    if (id === this.hashes.length) {
      const hashes = new Int32Array(id * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[id] = h;
    this.slots[s] = id;
    if ((id + 1) * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.texts.length; id++) {
      let s = this.hashes[id]! & mask;
      while (slots[s]! >= 0) s = (s + 1) & mask;
      slots[s] = id;
    }
    this.slots = slots;
  }
}

/** FNV-1a over the text's UTF-16 code units, as a signed 32-bit integer. */
function hashText(text: string): number {
  let h = 0x811c9dc5 ^ text.length;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}
