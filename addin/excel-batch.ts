/**
 * A write batch for the Excel API: writes are queued as parts, and sent with one `sync` whenever
 * the next part would push the request past the budget of the payload estimate (payload.ts). Every
 * request starts by suspending calculation until its sync, so formulas elsewhere in the workbook
 * are not recalculated per block.
 *
 * When Excel refuses a request as too large, nothing of it has run: the estimate learns from the
 * refusal, every part that can be split (a block of rows) is halved, and the parts are sent again
 * within the new budget — until a part that cannot be split is refused on its own, which is
 * Excel's error for the caller.
 *
 * Worked example: parts of 3 MB, 3 MB and 1 MB with a 4 MB budget → two requests: [3 MB] and
 * [3 MB + 1 MB]; if Excel refuses the second, it is resent as [1.5 MB + 1.5 MB + 1 MB] under the
 * learnt budget (about 2.9 MB): [1.5 MB] and [1.5 MB + 1 MB].
 */
import type { ExcelContext } from './excel-api.js';
import { isPayloadTooLarge, type PayloadEstimate } from './payload.js';

/** Something to queue in a request: its size in cell JSON, how to queue it, and how to halve it. */
export interface WritePart {
  bytes: number;
  send(): void;
  /** Two parts that together write the same; absent when the part cannot be split. */
  split?(): [WritePart, WritePart];
}

export class WriteBatch {
  private pending: WritePart[] = [];
  private pendingBytes = 0;
  private open = false;

  constructor(
    private readonly context: ExcelContext,
    private readonly estimate: PayloadEstimate,
  ) {}

  /** Bytes of cell JSON one request may carry now. */
  get budget(): number {
    return this.estimate.budget;
  }

  /** Queues a part, sending what is queued first when the part would not fit. */
  async queue(part: WritePart): Promise<void> {
    if (this.pending.length > 0 && this.pendingBytes + part.bytes > this.estimate.budget) await this.flush();
    this.begin();
    part.send();
    this.pending.push(part);
    this.pendingBytes += part.bytes;
  }

  /** Sends what is queued; a refusal as too large is resent in halves under the learnt budget. */
  async flush(): Promise<void> {
    if (!this.open) return;
    const parts = this.pending;
    const bytes = this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
    this.open = false;
    try {
      await this.context.sync();
    } catch (error) {
      if (!isPayloadTooLarge(error) || !parts.some((part) => part.split)) throw error;
      this.estimate.refused(bytes);
      for (const part of parts) for (const piece of part.split ? part.split() : [part]) await this.queue(piece);
      await this.flush();
    }
  }

  private begin(): void {
    if (this.open) return;
    this.context.application.suspendApiCalculationUntilNextSync();
    this.open = true;
  }
}
