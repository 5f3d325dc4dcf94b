/**
 * Builds the add-on with the real build script (into a temporary folder, so test files running in
 * parallel never read a half-written file) and loads the built Code.js in a Node `vm` context whose
 * globals are the fakes — as Apps Script loads it. `Date.now` inside the context reads the fakes'
 * simulated clock.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import vm from 'node:vm';
import type { AuthModeName, FakeHost } from './fakes.js';

export interface Built {
  dir: string;
  code: string;
  sidebar: string;
  manifest: string;
}

export async function buildAddOn(): Promise<Built> {
  const dir = await mkdtemp(join(tmpdir(), 'winback-apps-script-'));
  await promisify(execFile)(process.execPath, ['scripts/build-apps-script.mjs', dir], { cwd: process.cwd() });
  const [code, sidebar, manifest] = await Promise.all(['Code.js', 'Sidebar.html', 'appsscript.json'].map((f) => readFile(join(dir, f), 'utf8')));
  return { dir, code, sidebar, manifest };
}

/** The globals of the loaded script, callable like Apps Script calls them: each call one execution. */
export type ServerGlobals = Record<string, (...args: unknown[]) => unknown>;

/** The names of the top-level function declarations of a script: what Apps Script can call. */
export function topLevelFunctions(code: string): string[] {
  return [...code.matchAll(/^function\s+([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1]);
}

/**
 * Runs Code.js as Apps Script does — one script in one global scope, in the strict mode its own
 * first statement asks for — with the fakes as its globals and `Date.now` reading the simulated
 * clock. Returns the context (the script's global object).
 *
 * A test prelude, run first as its own script, binds the built-ins as script-scope constants: a
 * lookup of a global such as `Math` inside a vm context goes through the context's interceptor,
 * slow enough in the core's numeric loops to matter, while script-scope bindings are found before
 * the global object. The bindings hold the same objects, so Code.js behaves as it would anyway.
 */
export function loadScript(code: string, host: FakeHost): vm.Context {
  const context = vm.createContext({ ...host.globals, console, __simulatedNow: () => host.log.now });
  const prelude = LOCAL_BUILTINS.map((name) => `const ${name} = globalThis.${name};`).join(' ');
  vm.runInContext(`${prelude} Date.now = function () { return __simulatedNow(); };`, context, { filename: 'test-prelude.js' });
  vm.runInContext(code, context, { filename: 'Code.js' });
  return context;
}

/**
 * The script's top-level functions, each call run as one execution over the fakes: in the
 * authorization mode its event says (a simple trigger's `e.authMode`), CUSTOM_FUNCTION for a
 * spreadsheet function, FULL otherwise (a menu item or a google.script.run call).
 */
export function loadServer(code: string, host: FakeHost): ServerGlobals {
  const context = loadScript(code, host);
  const calls: ServerGlobals = {};
  for (const name of topLevelFunctions(code)) {
    const fn = context[name] as (...args: unknown[]) => unknown;
    calls[name] = (...args) => host.execute(name, () => fn(...args), authModeOf(host, name, args));
  }
  return calls;
}

function authModeOf(host: FakeHost, name: string, args: readonly unknown[]): AuthModeName {
  const event = args[0];
  const mode = event && typeof event === 'object' && 'authMode' in event ? host.scriptApp.nameOf((event as { authMode: unknown }).authMode) : null;
  if (mode) return mode;
  return /^[A-Z][A-Z0-9]*$/.test(name) ? 'CUSTOM_FUNCTION' : 'FULL';
}

const LOCAL_BUILTINS = ['Math', 'Number', 'Array', 'Object', 'Map', 'Set', 'String', 'JSON', 'Error', 'Symbol', 'Date', 'Float64Array', 'Int32Array', 'Uint8Array'];

/** Throws unless a value is plain JSON (what google.script.run can carry): no Date, function, undefined or NaN. */
export function assertPlainJson(value: unknown, path = 'value'): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertPlainJson(item, `${path}[${i}]`));
    return;
  }
  if (typeof value === 'object' && Object.prototype.toString.call(value) === '[object Object]') {
    for (const [key, item] of Object.entries(value)) assertPlainJson(item, `${path}.${key}`);
    return;
  }
  throw new Error(`${path} is not plain JSON: ${Object.prototype.toString.call(value)}`);
}
