/**
 * `npm run push:sheets` must upload the build. clasp 3 asks "Manifest file has been updated. Do
 * you want to push and overwrite?" (default No) whenever appsscript.json changed, and in a shell
 * that is not interactive it answers No itself, prints "Skipping push." and exits 0
 * (node_modules/@google/clasp/build/src/commands/push.js, `confirmManifestUpdate`): a push that
 * pushes nothing and reports success. `--force` skips the question. clasp is the product's named
 * tool, so it is a pinned devDependency, not fetched by `npx --yes` at push time.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };

describe('pushing the add-on with clasp', () => {
  it('pins @google/clasp to an exact version, and that version is the one installed', async () => {
    const pinned = pkg.devDependencies['@google/clasp'];
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = JSON.parse(await readFile('node_modules/@google/clasp/package.json', 'utf8')) as { version: string };
    expect(installed.version).toBe(pinned);
  });

  it('builds, then pushes with --force through the installed clasp', () => {
    const script = pkg.scripts['push:sheets'];
    expect(script).not.toMatch(/npx/);
    const steps = script.split('&&').map((step) => step.trim());
    expect(steps).toEqual(['npm run build:sheets', 'clasp push --force']);
  });

  it('runs a clasp whose push knows --force', async () => {
    const { stdout } = await promisify(execFile)('node_modules/.bin/clasp', ['push', '--help']);
    expect(stdout).toMatch(/-f, --force\s+Forcibly overwrites the remote manifest\./);
  }, 120_000);
});
