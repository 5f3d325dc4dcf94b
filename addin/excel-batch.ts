/**
 * A write batch for the Excel API: queued writes are sent with one `sync` whenever the next one
 * would push the request past the ~4 MB budget, and every request starts by suspending
 * calculation until its sync (so formulas elsewhere in the workbook are not recalculated per block).
 *
 * Worked example: blocks of 3 MB, 3 MB and 1 MB → two requests: [3 MB] and [3 MB + 1 MB].
 */
import type { ExcelContext } from './excel-api.js';
import { BLOCK_BUDGET_BYTES } from './payload.js';

export class WriteBatch {
  private pendingBytes = 0;
  private open = false;

  constructor(
    private readonly context: ExcelContext,
    private readonly budget = BLOCK_BUDGET_BYTES,
  ) {}

  /** Makes room for `bytes` of queued writes: sends what is queued first when they would not fit. */
  async reserve(bytes: number): Promise<void> {
    if (this.pendingBytes > 0 && this.pendingBytes + bytes > this.budget) await this.flush();
    this.begin();
    this.pendingBytes += bytes;
  }

  /** Starts a request (suspending calculation) if none is open; for writes whose size does not matter. */
  begin(): void {
    if (this.open) return;
    this.context.application.suspendApiCalculationUntilNextSync();
    this.open = true;
  }

  /** Sends what is queued. */
  async flush(): Promise<void> {
    if (!this.open) return;
    await this.context.sync();
    this.open = false;
    this.pendingBytes = 0;
  }
}
