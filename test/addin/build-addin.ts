/**
 * Builds dist/excel with webpack for the tests that load the built add-in, once: the build is
 * reused while it is newer than every source it comes from, and a lock directory keeps test files
 * running in parallel from building at the same time. A stamp written after each build dates it:
 * webpack leaves an output it would write unchanged as it was ("compared for emit"), so the
 * outputs' own times say nothing of when the build ran; the stamp bears the time it started.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist/excel');
const LOCK = join(ROOT, 'dist/.excel-build-lock');
const STAMP = join(ROOT, 'dist/.excel-build-stamp');
const SOURCES = ['addin', 'core', 'ui', 'playground', 'cli', 'xlsx', 'assets', 'manifest.xml', 'webpack.config.js'];
const OUTPUTS = [
  'functions.js',
  'pipeline-worker.js',
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
  if (!existsSync(STAMP) || !OUTPUTS.every((file) => existsSync(join(DIST, file)))) return false;
  const built = statSync(STAMP).mtimeMs;
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
    if (!isFresh()) {
      rmSync(STAMP, { force: true });
      const started = new Date();
      execFileSync(join(ROOT, 'node_modules/.bin/webpack'), ['--mode', 'production'], { cwd: ROOT, stdio: 'pipe' });
      // Dated when the build started, so a source saved during the build makes the next one rebuild.
      writeFileSync(STAMP, '');
      utimesSync(STAMP, started, started);
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
  return DIST;
}
