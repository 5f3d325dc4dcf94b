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
import type { FakeHost } from './fakes.js';

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

/** The globals of the loaded script, callable like Apps Script calls them. */
export type ServerGlobals = Record<string, (...args: unknown[]) => unknown>;

export function loadServer(code: string, host: FakeHost): ServerGlobals {
  const context = vm.createContext({ ...host.globals, console, __simulatedNow: () => host.log.now });
  vm.runInContext('Date.now = function () { return __simulatedNow(); };', context);
  // Inside a vm context every global lookup goes through an interceptor, which makes the core's
  // Math-heavy loops (the model fit) about 100× slower than in Apps Script. The script runs inside
  // a function with the built-ins bound locally; its top-level functions (what Apps Script sees as
  // globals) are then put on the context, as Apps Script would have them.
  const names = [...code.matchAll(/^function\s+([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1]);
  const prelude = LOCAL_BUILTINS.map((name) => `const ${name} = globalThis.${name};`).join(' ');
  const exported = vm.runInContext(`(function () { ${prelude}\n${code}\nreturn { ${names.join(', ')} }; })()`, context, {
    filename: 'Code.js',
  });
  Object.assign(context, exported);
  return context as unknown as ServerGlobals;
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
