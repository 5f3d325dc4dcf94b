/**
 * How a word typed by a user is compared with the words Winback knows (header words, total words,
 * yes / no, request types, sheet names): trimmed, every run of whitespace — no-break spaces
 * included — as one space, lower case, and ё written as е. One rule for every reader, so
 * `Партнёр`, ` ПАРТНЕР ` and `партнер` are the same word everywhere.
 *
 * Example: normalizeWord('  Итого\u00a0по  клиенту ') → `итого по клиенту`; normalizeWord('Ёлка') → `елка`.
 */
const WHITESPACE_RUN = /\s+/g;

export function normalizeWord(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ').trim().toLowerCase().replace(/ё/g, 'е');
}
