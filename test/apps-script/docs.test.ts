/**
 * docs/google-sheets.md gives a path that works for a new user, each step as Google documents it:
 * the Apps Script API switched on before the first push (clasp fails without it), a bound project
 * named Winback (a bound script's add-on menu carries the project's name — "Untitled project" for
 * one made with Extensions → Apps Script), and the editor add-on's own path: a standalone project,
 * a test deployment, a standard Cloud project, the OAuth consent screen, a version pinned in the
 * Marketplace SDK's App Configuration, a store listing — and custom functions only once the add-on
 * is enabled in the document. The quota table says which figures were measured in Node.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const docs = await readFile('docs/google-sheets.md', 'utf8');
const section = (title: string) => {
  const start = docs.indexOf(`## ${title}`);
  const end = docs.indexOf('\n## ', start + 1);
  return docs.slice(start, end < 0 ? undefined : end);
};

describe('docs/google-sheets.md', () => {
  it('turns on the Apps Script API before anything talks to Google, then logs in, creates, pushes', () => {
    const bound = section('A bound script in five minutes');
    const order = ['script.google.com/home/usersettings', 'clasp login', 'clasp create-script', 'npm run push:sheets', 'Extensions → Winback → Open'].map((step) => bound.indexOf(step));
    expect(order.every((at) => at > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('creates or renames the bound project as Winback, so the menu is Extensions → Winback', () => {
    const bound = section('A bound script in five minutes');
    expect(bound).toContain('npx clasp create-script --type sheets --title Winback --rootDir dist/apps-script');
    expect(bound).toContain('npx clasp create-script --title Winback --parentId <spreadsheet id> --rootDir dist/apps-script');
    expect(bound).toMatch(/"Untitled project"/);
    expect(bound).toMatch(/rename it Winback/);
  });

  it("walks the editor add-on's path: standalone project, test deployment, Cloud project, consent screen, version, Marketplace SDK, listing", () => {
    const addOn = section('An editor add-on');
    const steps = [
      '--type standalone',
      'Test deployments',
      'Installed and enabled',
      'standard Cloud project',
      'OAuth consent screen',
      'clasp create-version',
      'Google Workspace Marketplace SDK',
      'App Configuration',
      'version number',
      'Store Listing',
    ].map((step) => addOn.indexOf(step));
    expect(steps.every((at) => at > 0), JSON.stringify(steps)).toBe(true);
    expect(addOn).toMatch(/spreadsheet functions .* work in a document only once the\s+add-on is \*enabled\* there/);
  });

  it('says which quota figures are Google limits and which were measured in Node', () => {
    const quotas = section('Quotas, and how the add-on stays inside them');
    expect(quotas).toMatch(/\| Google's limit \| how Winback keeps to it \| measured in Node \|/);
    expect(quotas).toMatch(/npm run bench/);
  });
});
