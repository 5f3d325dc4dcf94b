/**
 * Golden files for report layouts: `expectGolden(name, value)` compares `value` with
 * test/report/golden/<name>.json; with UPDATE_GOLDEN=1 in the environment it rewrites the file
 * instead (then read the diff by eye before committing it).
 *
 * The files are JSON with every innermost object or array on one line, so a row or a column
 * reads as one line and a diff shows exactly which cell changed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');

export function expectGolden(name: string, value: unknown): void {
  const path = join(GOLDEN_DIR, `${name}.json`);
  const text = goldenText(value);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, text);
    return;
  }
  expect(existsSync(path), `${path} is missing: run the tests with UPDATE_GOLDEN=1 to write it`).toBe(true);
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}

/** Pretty JSON with each innermost `[…]` or `{…}` on one line. */
export function goldenText(value: unknown): string {
  return (
    JSON.stringify(value, null, 2).replace(/[[{][^[\]{}]*[\]}]/g, (block) =>
      block.replace(/\n\s*/g, ' ').replace(/^([[{]) /, '$1').replace(/ ([\]}])$/, '$1'),
    ) + '\n'
  );
}
