/**
 * Ordering of client names in Unicode code-point order (SPEC §3 ties), which differs from
 * JavaScript's default UTF-16 order only for characters above U+FFFF.
 *
 * Example: compareCodePoints('Alpha', 'beta') < 0 (uppercase sorts first); 'Ω' < '😀'.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** UTF-16 surrogates (U+D800–DFFF) stand for code points above U+FFFF: move them past U+FFFF. */
function codePointRank(unit: number): number {
  return unit >= 0xd800 && unit <= 0xdfff ? unit + 0x10000 : unit;
}
