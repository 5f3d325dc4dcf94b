/** Windows-1251 bytes of a text made of ASCII, А–я, Ё, ё, № and NBSP, for the reader tests. */
export function cp1251(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    const special: Record<string, number> = { Ё: 0xa8, ё: 0xb8, '№': 0xb9, '\u00a0': 0xa0 };
    if (ch in special) return special[ch]!;
    throw new Error(`no 1251 byte for ${ch}`);
  });
}
