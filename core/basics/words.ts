/**
 * How a word typed by a user is compared with the words Winback knows (header words, total words,
 * yes / no, request types, sheet names): invisible characters dropped, trimmed, every run of
 * whitespace — no-break spaces included — as one space, lower case, and ё written as е. One rule
 * for every reader, so `Партнёр`, ` ПАРТНЕР ` and `партнер` are the same word everywhere.
 *
 * Invisible characters are the ones a spreadsheet shows as nothing: format characters (Unicode
 * category Cf: zero-width spaces and joiners, the byte-order mark, left-to-right and right-to-left
 * marks and overrides, soft hyphens, word joiners), control characters other than tab and line
 * breaks (NUL, BEL, DEL, C1 controls) and the Hangul fillers. They are not part of a name: `Acme\u200b`
 * is `Acme`, and a cell made only of them is empty.
 *
 * Example: normalizeWord('  Итого\u00a0по  клиенту ') → `итого по клиенту`; normalizeWord('Ёлка') → `елка`;
 * withoutInvisible('\u200bAcme\u200e') → `Acme`.
 */
const WHITESPACE_RUN = /\s+/g;
const INVISIBLE = /[\p{Cf}\u0000-\u0008\u000e-\u001f\u007f-\u009f\u115f\u1160\u3164\uffa0]/gu;
const HAS_INVISIBLE = /[\p{Cf}\u0000-\u0008\u000e-\u001f\u007f-\u009f\u115f\u1160\u3164\uffa0]/u;

export function normalizeWord(text: string): string {
  return withoutInvisible(text).replace(WHITESPACE_RUN, ' ').trim().toLowerCase().replace(/ё/g, 'е');
}

/** The text without its invisible characters (the same string when it has none). */
export function withoutInvisible(text: string): string {
  return hasInvisible(text) ? text.replace(INVISIBLE, '') : text;
}

/** True when the text holds an invisible character. */
export function hasInvisible(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Printable ASCII and the common letters below U+00AD hold none: a test without the pattern.
    if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code < 0xad) || (code > 0xad && code < 0x600)) continue;
    return HAS_INVISIBLE.test(text);
  }
  return false;
}
