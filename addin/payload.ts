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

/**
 * What the port believes a request really weighs compared with the JSON of its cells: Excel also
 * sends object paths, property names and one action per call, so the real size is larger by a
 * factor the port learns from Excel's refusals. A refused request whose cells came to `bytes` was
 * really over the limit, so the factor is at least limit ÷ bytes; the estimate takes that with a
 * tenth to spare (and at least a quarter more than before), and every later block — read or
 * write, any sheet — is sized by it. One estimate per port, so it is learnt once per session.
 *
 * Worked example: a 4,000,000-byte block refused → factor max(1 × 1.25, 5,000,000 / 4,000,000 ×
 * 1.1) = 1.375 → the next blocks aim at 4,000,000 / 1.375 ≈ 2,909,000 bytes of cells.
 */
export class PayloadEstimate {
  private factor = 1;

  /** Bytes of cell JSON one request may carry. */
  get budget(): number {
    return BLOCK_BUDGET_BYTES / this.factor;
  }

  /** Rows that fit one request at `bytesPerRow` of cell JSON each. */
  rowsFor(bytesPerRow: number): number {
    return rowsForBudget(bytesPerRow, this.budget);
  }

  /** Excel refused a request that carried `bytes` of cell JSON as too large. */
  refused(bytes: number): void {
    this.factor = Math.max(this.factor * 1.25, (PAYLOAD_LIMIT_BYTES / Math.max(1, bytes)) * 1.1);
  }
}

/** Rows measured to size the next block. */
const SAMPLED_ROWS = 1_000;

/** The golden ratio's fraction: i × it (mod 1) spreads samples without a period a sheet could share. */
const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * The UTF-8 size of a block's JSON, measured on at most 1,000 rows spread over it and scaled:
 * sizing the next block needs an estimate, and measuring every byte of 4 MB would keep the page
 * busy for no gain (a refusal from Excel corrects an estimate that was too low). The rows are
 * picked at fractions i × 0.618… of the block, so a sheet whose rows alternate is not sampled on
 * one kind of row only.
 *
 * Worked example: 40,000 rows, the 1,000 sampled ones 89 bytes each plus their comma → 3,600,001.
 */
export function blockBytes(rows: readonly unknown[]): number {
  if (rows.length <= SAMPLED_ROWS) return jsonBytes(rows);
  let bytes = 0;
  for (let i = 0; i < SAMPLED_ROWS; i++) bytes += jsonBytes(rows[Math.floor(((i * GOLDEN) % 1) * rows.length)]) + 1;
  return Math.round((bytes * rows.length) / SAMPLED_ROWS) + 1;
}
