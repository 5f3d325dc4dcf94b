/**
 * What the Excel build writes besides the bundles (addin/build-time.ts), checked on the built
 * dist/excel: the Russian function metadata comes from the vocabulary (names, descriptions,
 * argument descriptions) with the ids of the English one; the help page and the task pane's
 * "could not start" sentence are in both languages; the header files of the static hosts cover
 * every file Excel fetches across origins; the production manifest differs from the development one
 * only where it must, and validates.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { crossOriginFiles, DEV_URL, localizedMetadata, PRODUCTION_ID, publicManifest, type FunctionsMetadata } from '../../addin/build-time.js';
import { catalog } from '../../core/functions/index.js';
import { LANGS, words } from '../../core/i18n/index.js';
import { ensureAddinBuilt, ROOT } from './build-addin.js';

const SCHEMA = join(ROOT, '../shared/schemas/office-manifest/OfficeAppManifestV1_1.xsd');
let dist: string;
const read = (file: string) => readFileSync(join(dist, file), 'utf8');

function validates(xml: string): boolean {
  const file = join(mkdtempSync(join(tmpdir(), 'winback-manifest-')), 'manifest.xml');
  writeFileSync(file, xml);
  return spawnSync('xmllint', ['--nonet', '--noout', '--schema', SCHEMA, file], { encoding: 'utf8' }).status === 0;
}

beforeAll(async () => {
  dist = await ensureAddinBuilt();
}, 300_000);

describe('the Excel build', () => {
  it('writes Russian function metadata from the vocabulary, with the ids and arguments of the English', () => {
    const english = JSON.parse(read('functions.json')) as FunctionsMetadata & { allowCustomDataForDataTypeAny: boolean };
    const russian = JSON.parse(read('functions.ru.json')) as typeof english;
    expect(russian).toEqual(localizedMetadata(english, 'ru'));
    expect(russian.allowCustomDataForDataTypeAny).toBe(true);
    const ru = words('ru');
    for (const definition of catalog) {
      const f = russian.functions.find((item) => item.id === definition.name)!;
      const en = english.functions.find((item) => item.id === definition.name)!;
      expect(f.name, definition.name).toBe(ru.excel.functionNames[definition.name]);
      expect(f.name, definition.name).toMatch(/^[\p{L}][\p{L}\p{N}_.]{2,}$/u);
      expect(f.description).toBe(`${ru.functions.description[definition.name]}.`);
      expect(f.parameters.map((p) => p.description)).toEqual(definition.arguments.map((a) => `${ru.functions.argument[a.word]}.`));
      expect({ ...f, name: en.name, description: en.description, parameters: en.parameters }).toEqual(en);
    }
    expect(new Set(russian.functions.map((f) => f.name)).size).toBe(catalog.length);
  });

  it('writes the help page and the "could not start" sentence in every language, from the vocabulary', () => {
    const help = read('help.html');
    const page = read('taskpane.html');
    for (const lang of LANGS) {
      expect(help).toContain(`<h1>${words(lang).excel.help.title}</h1>`);
      expect(help).toContain(`WINBACK.${words(lang).excel.functionNames.CHURNSIGNALS}(`);
      expect(page).toContain(words(lang).panel.errors.hostUnavailable);
    }
  });

  it('writes CORS headers for every file Excel on the web fetches across origins, for each static host', () => {
    const files = crossOriginFiles();
    expect(files).toEqual(['functions.json', 'functions.ru.json', 'functions.js']);
    const headers = read('_headers');
    const azure = JSON.parse(read('staticwebapp.config.json')) as { routes: { route: string; headers: Record<string, string> }[] };
    const iis = read('web.config');
    for (const file of files) {
      expect(headers).toContain(`/${file}\n  Access-Control-Allow-Origin: *\n`);
      expect(azure.routes).toContainEqual({ route: `/${file}`, headers: { 'Access-Control-Allow-Origin': '*' } });
      expect(iis).toMatch(new RegExp(`<location path="${file.replace('.', '\\.')}">[\\s\\S]*?name="Access-Control-Allow-Origin" value="\\*"`));
    }
  });

  it('writes the development manifest without an address, and a production one that validates for an address', () => {
    const dev = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
    expect(read('manifest.xml')).toBe(dev);
    const production = publicManifest(dev, 'https://addin.example.com/winback');
    expect(validates(production)).toBe(true);
    expect(production).toContain(`<Id>${PRODUCTION_ID}</Id>`);
    expect(dev).not.toContain(PRODUCTION_ID);
    expect(production).not.toContain(DEV_URL);
    expect(production).not.toMatch(/\(dev\)|разработка/);
    expect(production).toContain('<DisplayName DefaultValue="Winback">');
    expect(production).toContain('<bt:Override Locale="ru-RU" Value="https://addin.example.com/winback/functions.ru.json"/>');
    expect(production).toContain('<SupportUrl DefaultValue="https://addin.example.com/winback/help.html"/>');
    const otherwise = (text: string) =>
      text
        .replace(/<!--[\s\S]*?-->/, '')
        .replace(/<Id>[^<]+<\/Id>/, '')
        .replace(/<DisplayName[\s\S]*?<\/DisplayName>/, '');
    expect(otherwise(production)).toBe(otherwise(dev).split(DEV_URL).join('https://addin.example.com/winback/'));
    expect(() => publicManifest(dev, 'http://addin.example.com/')).toThrow(/https/);
  });
});
