/**
 * Column letters and A1 addresses, as every spreadsheet names them (0-based indexes in).
 *
 * Example: columnLetters(0) → `A`, columnLetters(26) → `AA`, columnLetters(16383) → `XFD`;
 * cellAddress(18, 12) → `M19`.
 */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}
