/**
 * The shipped bundles call no library function newer than their runtime floor (tsconfig.bundles.json:
 * ES2020 — Object.hasOwn and Array.prototype.at are ES2022 and break the Office webview of older
 * Macs, Safari 14). The check is TypeScript's; a file that calls Object.hasOwn fails it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './build-addin.js';

const TSC = join(ROOT, 'node_modules/.bin/tsc');

function check(project: string) {
  return spawnSync(TSC, ['--noEmit', '-p', project], { cwd: ROOT, encoding: 'utf8' });
}

describe('the library floor of the shipped bundles', () => {
  it('holds for the Excel bundles, and catches an ES2022 call', () => {
    const ok = check(join(ROOT, 'tsconfig.bundles.json'));
    expect(ok.stdout + ok.stderr).toBe('');
    expect(ok.status).toBe(0);

    const dir = mkdtempSync(join(tmpdir(), 'winback-lib-'));
    writeFileSync(join(dir, 'late.ts'), 'export const own = Object.hasOwn({ a: 1 }, "a") && [1, 2].at(-1);\n');
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: join(ROOT, 'tsconfig.bundles.json'), files: [join(dir, 'late.ts')] }));
    const late = check(join(dir, 'tsconfig.json'));
    expect(late.status).not.toBe(0);
    expect(late.stdout).toMatch(/Property 'hasOwn' does not exist/);
    expect(late.stdout).toMatch(/Property 'at' does not exist/);
  }, 120_000);
});
