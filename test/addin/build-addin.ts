/**
 * Builds dist/excel with webpack for the tests that load the built add-in, once: the build is
 * reused while it is newer than every source it comes from, and a lock directory keeps test files
 * running in parallel from building at the same time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist/excel');
const LOCK = join(ROOT, 'dist/.excel-build-lock');
const SOURCES = ['addin', 'core', 'ui', 'playground', 'cli', 'xlsx', 'assets', 'manifest.xml', 'webpack.config.js'];
const OUTPUTS = [
  'functions.js',
  'functions.json',
  'functions.ru.json',
  'taskpane.js',
  'taskpane.html',
  'help.html',
  'manifest.xml',
  '_headers',
  'staticwebapp.config.json',
  'web.config',
];
const STALE_LOCK_MS = 10 * 60_000;

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function isFresh(): boolean {
  if (!OUTPUTS.every((file) => existsSync(join(DIST, file)))) return false;
  const built = Math.min(...OUTPUTS.map((file) => statSync(join(DIST, file)).mtimeMs));
  return SOURCES.filter((s) => existsSync(join(ROOT, s))).every((s) => newest(join(ROOT, s)) < built);
}

function tryLock(): boolean {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

/** Makes sure dist/excel holds a build of the current sources; returns its path. */
export async function ensureAddinBuilt(): Promise<string> {
  while (!tryLock()) await new Promise((r) => setTimeout(r, 500));
  try {
    if (!isFresh()) execFileSync(join(ROOT, 'node_modules/.bin/webpack'), ['--mode', 'production'], { cwd: ROOT, stdio: 'pipe' });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
  return DIST;
}
