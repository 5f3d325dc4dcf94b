/**
 * manifest.xml (the development manifest) and the built dist/excel/manifest.xml validate offline
 * against the Office add-in XSDs in ../shared/schemas (xmllint), and say what the add-in needs: a
 * shared runtime that lives long, the WINBACK functions namespace, the minimum permission, Russian
 * text for every display string, a metadata file per language, and a support page.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { METADATA_LOCALES, metadataFile } from '../../addin/build-time.js';
import { ensureAddinBuilt } from './build-addin.js';

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
  let dist: string;
  beforeAll(async () => {
    dist = await ensureAddinBuilt();
  }, 300_000);

  it('validates against the Office add-in manifest schema, in the repository and as built', () => {
    for (const file of [join(ROOT, 'manifest.xml'), join(dist, 'manifest.xml')]) {
      const result = xmllint(file);
      expect(result.stderr, file).toContain('validates');
      expect(result.status, file).toBe(0);
    }
  });

  it('names a metadata file for every language, a support page, and says it is the development add-in', () => {
    for (const [lang, locale] of Object.entries(METADATA_LOCALES))
      expect(MANIFEST).toContain(`<bt:Override Locale="${locale}" Value="https://localhost:3000/${metadataFile(lang as 'ru')}"/>`);
    expect(MANIFEST).toContain('<SupportUrl DefaultValue="https://localhost:3000/help.html"/>');
    expect(MANIFEST).toContain('<DisplayName DefaultValue="Winback (dev)">');
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
    expect(MANIFEST).toMatch(/<DisplayName DefaultValue="Winback \(dev\)">\s*<Override Locale="ru-RU"/);
    expect(MANIFEST).toMatch(/<Description DefaultValue="[^"]+">\s*<Override Locale="ru-RU"/);
  });
});
