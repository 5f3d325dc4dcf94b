/**
 * manifest.xml validates offline against the Office add-in XSDs in ../shared/schemas (xmllint,
 * installed by .ci/run), and says what the add-in needs: a shared runtime that lives long, the
 * WINBACK functions namespace, the minimum permission, and Russian text for every display string.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SCHEMA = resolve(ROOT, '../shared/schemas/office-manifest/OfficeAppManifestV1_1.xsd');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

function xmllint(file: string) {
  return spawnSync('xmllint', ['--nonet', '--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
}

function validate(text: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'winback-manifest-')), 'manifest.xml');
  writeFileSync(file, text);
  return xmllint(file);
}

describe('manifest.xml', () => {
  it('validates against the Office add-in manifest schema', () => {
    const result = xmllint(join(ROOT, 'manifest.xml'));
    expect(result.stderr).toContain('validates');
    expect(result.status).toBe(0);
  });

  it('is rejected by the same check when broken (the check really validates)', () => {
    expect(validate(MANIFEST.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Bogus</Permissions>')).status).toBe(3);
    expect(validate(MANIFEST.replace('lifetime="long"', 'lifetime="forever"')).status).toBe(3);
  });

  it('declares a long-lived shared runtime, the WINBACK namespace and the minimum permission', () => {
    expect(MANIFEST).toMatch(/<Runtime resid="Shared\.Url" lifetime="long"\/>/);
    expect(MANIFEST).toMatch(/<bt:String id="Functions\.Namespace" DefaultValue="WINBACK"\/>/);
    expect(MANIFEST).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(MANIFEST).toContain('<TaskpaneId>Office.AutoShowTaskpaneWithDocument</TaskpaneId>');
    expect(MANIFEST).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
  });

  it('has a Russian override for every display string and the default locale en-US', () => {
    expect(MANIFEST).toContain('<DefaultLocale>en-US</DefaultLocale>');
    const strings = [...MANIFEST.matchAll(/<bt:String id="([^"]+)" DefaultValue="[^"]*"(\/?)>/g)].filter(([, id]) => id !== 'Functions.Namespace');
    expect(strings.length).toBeGreaterThanOrEqual(5);
    for (const [, id, selfClosing] of strings) {
      expect(selfClosing, id).toBe('');
      expect(MANIFEST, id).toMatch(new RegExp(`<bt:String id="${id.replace('.', '\\.')}"[^>]*>\\s*<bt:Override Locale="ru-RU" Value="[^"]+"/>`));
    }
    expect(MANIFEST).toMatch(/<DisplayName DefaultValue="Winback">\s*<Override Locale="ru-RU"/);
    expect(MANIFEST).toMatch(/<Description DefaultValue="[^"]+">\s*<Override Locale="ru-RU"/);
  });
});
