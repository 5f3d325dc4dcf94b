/**
 * The fakes' clock and executions: what a call costs in simulated time, the limits the fakes
 * enforce, the transient errors they inject, and the executions calls run in (see ../fakes.ts for
 * where Google says each).
 */

/** Simulated milliseconds per call, and per cell (or byte) for calls that move many. */
export const COSTS = {
  call: 5,
  sheetChange: 150,
  chart: 300,
  perCellRead: 0.01,
  perCellWritten: 0.05,
  perFormat: 0.02,
  perByteZipped: 0.00002,
};

/** The limits the fakes enforce. */
export const LIMITS = {
  cells: 10_000_000,
  cellCharacters: 50_000,
  executionMs: 6 * 60 * 1000,
  newSheetRows: 1000,
  newSheetColumns: 26,
  cacheValueBytes: 100 * 1024,
  cacheEntries: 1000,
  cacheKept: 900,
  cacheSeconds: 21_600,
  propertyBytes: 9 * 1024,
  propertyStoreBytes: 500 * 1024,
};

/** Messages Apps Script gives for a failure that goes away when the call is tried again. */
export const TRANSIENT_ERRORS = [
  'Service Spreadsheets failed while accessing document with id 1x2y3z.',
  "We're sorry, a server error occurred. Please wait a bit and try again.",
  'Service Spreadsheets timed out while accessing document with id 1x2y3z.',
  'Service invoked too many times in a short time: spreadsheets. Try Utilities.sleep(1000) between calls.',
];

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

/** The calls an execution in AuthMode.NONE may make. */
const ALLOWED_IN_NONE = new Set(['SpreadsheetApp.getUi', 'Ui.createAddonMenu', 'Menu.addItem', 'Menu.addSeparator', 'Menu.addToUi', 'Session.getActiveUserLocale']);

export interface Execution {
  id: number;
  name: string;
  authMode: AuthModeName;
  started: number;
  killed: boolean;
}

/** What the caller of a killed execution gets. */
export class ExecutionKilled extends Error {
  constructor() {
    super('Exceeded maximum execution time');
  }
}

interface Fault {
  call: string;
  times: number;
  message: string;
}

export class Recorder {
  readonly counts = new Map<string, number>();
  /** The simulated clock, in milliseconds. */
  now = 0;
  /** Cost of writes not applied yet (flush or the end of the execution applies them). */
  pending = 0;
  cellsRead = 0;
  /** Calls refused for want of authorization. */
  readonly denied: string[] = [];
  private readonly executions: Execution[] = [];
  private executionIds = 0;
  private readonly faults: Fault[] = [];
  /** Called after every counted call: a test runs another execution here to interleave two. */
  onCall: ((name: string) => void) | null = null;

  record(name: string, cost = COSTS.call, deferred = false): void {
    const execution = this.current();
    if (execution) {
      if (!execution.killed && this.now + this.pending - execution.started > LIMITS.executionMs) execution.killed = true;
      if (execution.killed) throw new ExecutionKilled();
      if (execution.authMode === 'NONE' && !ALLOWED_IN_NONE.has(name)) {
        this.denied.push(name);
        throw new Error(`You do not have permission to call ${name}. Required permissions are missing (AuthMode.NONE).`);
      }
    }
    const fault = this.faults.find((f) => f.call === name && f.times > 0);
    if (fault) {
      fault.times--;
      this.now += cost;
      throw new Error(fault.message);
    }
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    if (deferred) this.pending += cost;
    else this.now += cost;
    this.onCall?.(name);
  }

  /** Applies the pending writes (their cost lands on the clock). */
  apply(): void {
    this.now += this.pending;
    this.pending = 0;
  }

  /** Makes the next `times` calls named `call` fail with a transient error. */
  fail(call: string, times = 1, message = TRANSIENT_ERRORS[0]): void {
    this.faults.push({ call, times, message });
  }

  count(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  reset(): void {
    this.counts.clear();
    this.cellsRead = 0;
  }

  current(): Execution | null {
    return this.executions.at(-1) ?? null;
  }

  begin(name: string, authMode: AuthModeName): Execution {
    const execution: Execution = { id: ++this.executionIds, name, authMode, started: this.now, killed: false };
    this.executions.push(execution);
    return execution;
  }

  end(execution: Execution): void {
    this.apply();
    this.executions.splice(this.executions.indexOf(execution), 1);
  }
}
