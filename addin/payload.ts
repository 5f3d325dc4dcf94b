/**
 * Request sizes for the Excel port. Excel refuses a request or a response over 5 MB
 * (RequestPayloadSizeLimitExceeded), so the port reads and writes in row blocks of about 4 MB,
 * measured as the UTF-8 size of the JSON of the cells — what travels to and from Excel.
 *
 * Worked example: rows of 8 cells whose JSON averages 100 bytes → 40,000 rows per block, so a
 * 1,000,000-row sheet takes 25 blocks.
 */

/** Excel's limit on one request or response, taken as 5,000,000 bytes (the decimal reading is the stricter one). */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/** What one block aims at: a fifth under the limit, room for rows longer than the estimate. */
export const BLOCK_BUDGET_BYTES = PAYLOAD_LIMIT_BYTES * 0.8;

/** Bytes of `text` in UTF-8, without building a buffer (Cyrillic letters take 2, emoji 4). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** UTF-8 size of a value's JSON, e.g. `[[1,"ab"]]` → 10. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value));
}

/** Rows that fit the budget at `bytesPerRow` each; at least one. */
export function rowsForBudget(bytesPerRow: number, budget = BLOCK_BUDGET_BYTES): number {
  return Math.max(1, Math.floor(budget / Math.max(1, bytesPerRow)));
}

/** True when an error is Excel's "request or response too large" (worth retrying with smaller blocks). */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}
