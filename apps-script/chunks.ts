/**
 * Cutting a long text into pieces that each fit a CacheService value (100 KB, counted in UTF-8
 * bytes), without splitting a surrogate pair (an emoji would not survive the round trip).
 *
 * Worked example: maxBytes 4 and the text "aбв" (1 + 2 + 2 bytes) → ["aб", "в"].
 */

export function splitUtf8(text: string, maxBytes: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    const size = pair ? 4 : utf8Size(code);
    if (bytes + size > maxBytes && i > start) {
      pieces.push(text.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += size;
    if (pair) i++;
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

function utf8Size(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  return 3;
}
