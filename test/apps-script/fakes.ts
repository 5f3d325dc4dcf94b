/**
 * Typed fakes of the Apps Script services the add-on uses (apps-script/gas-api.ts), at least as
 * strict as the real ones: an in-memory spreadsheet with sheets, ranges, formats, developer
 * metadata, banding, filters, conditional format rules and charts; HtmlService, PropertiesService,
 * CacheService, LockService, ScriptApp, Session and Utilities.
 *
 * What they model, each with where Google (or a public thread) says so:
 * - A simulated clock: every call costs a fixed time, more for calls that move many cells. Writes
 *   are pending until `SpreadsheetApp.flush()` or the end of the execution applies them ("Spreadsheet
 *   operations are sometimes bundled together to improve performance", SpreadsheetApp.flush,
 *   https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush), so a
 *   time budget that never flushes measures writes that have not happened.
 * - Executions: each server call is one execution with its authorization mode; one that runs past
 *   6 minutes is killed ("Script runtime 6 min / execution",
 *   https://developers.google.com/apps-script/guides/services/quotas) — every later call throws and
 *   the caller gets "Exceeded maximum execution time", whatever the script caught. Two executions
 *   interleave when a test runs one inside another's call (`Recorder.onCall`), as two sidebar calls
 *   or two users do (google.script.run calls are asynchronous and run in parallel,
 *   https://developers.google.com/apps-script/guides/html/reference/run).
 * - AuthMode.NONE: an add-on's onOpen before the add-on is used in the document may call nothing
 *   that needs authorization (https://developers.google.com/apps-script/reference/script/auth-mode,
 *   https://developers.google.com/workspace/add-ons/concepts/addon-authorization); only the menu
 *   calls and Session.getActiveUserLocale (which needs no scope — unconfirmed) are allowed.
 * - The 10,000,000-cell limit of a spreadsheet, counted over every sheet's rows × columns, empty
 *   cells included ("Up to 10 million cells", https://support.google.com/drive/answer/37603); a
 *   new sheet is 1000 × 26.
 * - getLastRow counts a cell holding a formula even when it shows "" (a helper formula filled
 *   down): "the last row that has content" (Sheet.getLastRow).
 * - Sheet names differ in more than case (Sheets refuses `clients` next to `Clients`), and
 *   getSheetByName finds a sheet whatever the case.
 * - A duplicated sheet ("Duplicate", "Copy to") keeps its developer metadata (modelled as the worst
 *   case; unconfirmed).
 * - Writing: a string written to a cell whose number format is not plain text (`@`) becomes a
 *   formula when it starts with `=`, and a number when it reads as one. Ranges outside a sheet's
 *   size throw. Banding a range that has banding throws, a second filter throws, freezing every row
 *   throws, chart options are checked against Google Charts' options for the chart type and a
 *   chart must be anchored inside the sheet. A cell holds at most 50,000 characters: setValues
 *   with a longer string throws "Your input contains more than the maximum of 50000 characters in
 *   a single cell" (the limit as practitioners report it, e.g.
 *   https://haeminway.com/en/notes/sheet-cell-json-limit; not found on a Google page here, and the
 *   message's exact wording is unconfirmed).
 * - CacheService: values ≤ 100 KB, keys ≤ 250 characters, ≤ 6 hours; a read may return null at any
 *   time ("not guaranteed to persist", https://developers.google.com/apps-script/reference/cache/cache-service)
 *   — tests evict entries between calls — and past 1,000 entries the cache keeps the 900 farthest
 *   from expiration (Cache class reference; unconfirmed).
 * - PropertiesService: a value ≤ 9 KB, a store ≤ 500 KB (quotas page).
 * - Transient service errors ("Service Spreadsheets failed while accessing document…", "We're sorry,
 *   a server error occurred…", collected at
 *   https://ramblings.mcpher.com/database-abstraction-and-google-apps-script/backing-off-on-rate-limiting/)
 *   are injected per call name (`Recorder.fail`).
 * - LockService's document lock: one execution at a time; a tryLock that cannot get it waits its
 *   timeout and returns false; an execution's lock is released when it ends.
 * - Utilities.gzip / ungzip / base64 over Java bytes (-128 … 127), as Blob.getBytes returns them.
 *
 * The fakes live in fakes/ — clock.ts (costs, limits, executions), spreadsheet.ts, services.ts,
 * dates.ts; this file re-exports them and builds a host.
 */
import { ExecutionKilled, Recorder, type AuthModeName } from './fakes/clock.js';
import { FakeCacheService, FakeHtmlService, FakeLockService, FakeProperties, FakeScriptApp, FakeSession, FakeUtilities, type FakeCache } from './fakes/services.js';
import { FakeSpreadsheet, FakeSpreadsheetApp } from './fakes/spreadsheet.js';

export * from './fakes/clock.js';
export * from './fakes/services.js';
export * from './fakes/spreadsheet.js';
export { midnightIn } from './fakes/dates.js';

/** Everything a test needs: the services as globals, and handles on their state. */
export interface FakeHost {
  log: Recorder;
  book: FakeSpreadsheet;
  app: FakeSpreadsheetApp;
  html: FakeHtmlService;
  properties: FakeProperties;
  caches: FakeCacheService;
  /** The document cache the add-on keeps its run state in. */
  cache: FakeCache;
  locks: FakeLockService;
  scriptApp: FakeScriptApp;
  session: FakeSession;
  utilities: FakeUtilities;
  globals: Record<string, unknown>;
  /** Runs `body` as one execution of the script: writes applied and the lock released at its end. */
  execute<T>(name: string, body: () => T, authMode?: AuthModeName): T;
}

export interface FakeHostOptions {
  timeZone?: string;
  locale?: string;
  files?: Record<string, string>;
  /** The script project's title (the add-on menu's name); "Untitled project" by default. */
  projectTitle?: string;
}

export function fakeHost(options: FakeHostOptions = {}): FakeHost {
  const log = new Recorder();
  const book = new FakeSpreadsheet(log, options.timeZone ?? 'Europe/Moscow');
  const app = new FakeSpreadsheetApp(book, options.projectTitle);
  const html = new FakeHtmlService(options.files ?? {});
  const properties = new FakeProperties(log);
  const caches = new FakeCacheService(log);
  const locks = new FakeLockService(log);
  const scriptApp = new FakeScriptApp();
  const session = new FakeSession(options.locale ?? 'en', log);
  const utilities = new FakeUtilities(log);
  return {
    log,
    book,
    app,
    html,
    properties,
    caches,
    cache: caches.document,
    locks,
    scriptApp,
    session,
    utilities,
    globals: {
      SpreadsheetApp: app,
      HtmlService: html,
      PropertiesService: properties,
      CacheService: caches,
      LockService: locks,
      ScriptApp: scriptApp,
      Session: session,
      Utilities: utilities,
    },
    execute<T>(name: string, body: () => T, authMode: AuthModeName = 'FULL'): T {
      const execution = log.begin(name, authMode);
      let result: T;
      try {
        result = body();
      } finally {
        log.end(execution);
        locks.released(execution);
        book.showView();
      }
      if (execution.killed) throw new ExecutionKilled();
      return result;
    },
  };
}
