/**
 * What the Excel build writes besides the bundles, made from the one vocabulary (core/i18n) and the
 * repository's manifest — webpack.config.js loads this file through esbuild, the tests import it.
 * Nothing here ships in a bundle.
 *
 * - `localizedMetadata`: functions.json in another language. Excel shows a custom function's
 *   `name` and `description` and its parameters' descriptions from the metadata file the manifest
 *   names for the user's locale (`<bt:Override Locale="ru-RU">` on Functions.Metadata.Url); the `id`
 *   stays, so the same code answers (Excel "Custom functions naming and localization").
 * - `hostUnavailableHtml`: the sentence the task pane shows, in every language, until the panel
 *   replaces it — and keeps showing when office.js could not be loaded.
 * - `helpPage`: help.html (the manifest's GetStarted link and SupportUrl), in every language.
 * - `staticHostFiles`: the response-header files of common static hosts. Excel on the web fetches
 *   functions.json from the add-in's origin across origins, so it needs
 *   `Access-Control-Allow-Origin` (Excel-Custom-Functions#200, office-js#3970, office-js-docs-pr#2956;
 *   without it the functions never register, though the task pane works).
 * - `publicManifest`: the manifest to hand out. The repository's manifest.xml is the development
 *   one (its own `<Id>`, "(dev)" in its name, https://localhost:3000/); given the address where the
 *   files will be hosted, the build makes the production one: the production `<Id>` (so both can be
 *   installed side by side), the plain name, every URL at that address.
 *
 * Example: localizedMetadata(english, 'ru') turns {id: 'CADENCE', name: 'CADENCE', description:
 * 'Median gap between purchase days, in days.'} into {id: 'CADENCE', name: 'РИТМ.ПОКУПОК',
 * description: 'Медианный интервал между днями покупок, в днях.'}.
 */
import { catalog, LANGS, words, type FunctionName, type Lang } from '../core/index.js';

/** The metadata Excel reads (the part this file touches). */
export interface FunctionsMetadata {
  functions: {
    id: string;
    name: string;
    description?: string;
    parameters: { name: string; description?: string }[];
  }[];
}

/** Languages other than English, each with the manifest locale whose metadata file it fills. */
export const METADATA_LOCALES: Record<Exclude<Lang, 'en'>, string> = { ru: 'ru-RU' };

/** The metadata file of a language: functions.json for English, functions.<lang>.json otherwise. */
export function metadataFile(lang: Lang): string {
  return lang === 'en' ? 'functions.json' : `functions.${lang}.json`;
}

/** The production manifest's `<Id>`; the development manifest in the repository has its own. */
export const PRODUCTION_ID = '0b3f58c2-7d9e-4a61-b1c4-5e2a9f70d318';
/** Where the development manifest points. */
export const DEV_URL = 'https://localhost:3000/';
/** What marks the development add-in's display names. */
const DEV_MARKS = [' (dev)', ' (разработка)'];

const sentence = (text: string) => (text.endsWith('.') ? text : `${text}.`);

export function localizedMetadata(english: FunctionsMetadata, lang: Lang): FunctionsMetadata {
  const w = words(lang);
  return {
    ...english,
    functions: english.functions.map((f) => {
      const definition = catalog.find((d) => d.name === f.id);
      if (!definition) throw new Error(`functions.json has ${f.id}, which the catalog does not`);
      return {
        ...f,
        name: w.excel.functionNames[definition.name],
        description: sentence(w.functions.description[definition.name]),
        parameters: f.parameters.map((p, i) => ({ ...p, description: sentence(w.functions.argument[definition.arguments[i].word]) })),
      };
    }),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function hostUnavailableHtml(): string {
  return LANGS.map((lang) => `<p lang="${lang}" class="wb-unavailable">${escapeHtml(words(lang).panel.errors.hostUnavailable)}</p>`).join('\n');
}

/** `=WINBACK.NAME(A2:A5000, B2:B5000, C2:C5000)`, with the list separator of the language's Excel. */
function example(lang: Lang, name: FunctionName): string {
  const separator = lang === 'en' ? ', ' : '; ';
  return `=WINBACK.${words(lang).excel.functionNames[name]}(${['A2:A5000', 'B2:B5000', 'C2:C5000'].join(separator)})`;
}

export function helpPage(): string {
  const sections = LANGS.map((lang) => {
    const help = words(lang).excel.help;
    const others = catalog
      .filter((f) => f.name !== 'CHURNSIGNALS')
      .map((f) => words(lang).excel.functionNames[f.name])
      .join(', ');
    const functions = escapeHtml(help.functions('\u0000', '\u0001'))
      .replace('\u0000', `<code>${escapeHtml(example(lang, 'CHURNSIGNALS'))}</code>`)
      .replace('\u0001', escapeHtml(others));
    return [
      `    <section lang="${lang}">`,
      `      <h1>${escapeHtml(help.title)}</h1>`,
      `      <p>${escapeHtml(help.start)}</p>`,
      `      <p>${functions}</p>`,
      '    </section>',
    ].join('\n');
  });
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'" />
    <title>${escapeHtml(LANGS.map((lang) => words(lang).excel.help.title).join(' · '))}</title>
    <style>
      body { font-family: "Segoe UI", system-ui, sans-serif; max-width: 40em; margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #242424; }
      code { background: #f5f5f5; padding: 0 0.2em; }
    </style>
  </head>
  <body>
${sections.join('\n')}
  </body>
</html>
`;
}

/** The files Excel fetches across origins: every language's metadata and the functions script. */
export function crossOriginFiles(): string[] {
  return [...LANGS.map(metadataFile), 'functions.js'];
}

export function staticHostFiles(): Record<string, string> {
  const files = crossOriginFiles();
  const headers = files.map((file) => `/${file}\n  Access-Control-Allow-Origin: *\n`).join('');
  const azure = { routes: files.map((file) => ({ route: `/${file}`, headers: { 'Access-Control-Allow-Origin': '*' } })) };
  const iis = files
    .map(
      (file) =>
        `  <location path="${file}">\n    <system.webServer>\n      <httpProtocol>\n        <customHeaders>\n          <add name="Access-Control-Allow-Origin" value="*" />\n        </customHeaders>\n      </httpProtocol>\n    </system.webServer>\n  </location>\n`,
    )
    .join('');
  return {
    // Netlify and Cloudflare Pages read `_headers`; Azure Static Web Apps its config; IIS web.config.
    _headers: headers,
    'staticwebapp.config.json': `${JSON.stringify(azure, null, 2)}\n`,
    'web.config': `<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n${iis}</configuration>\n`,
  };
}

/** The manifest to hand out: the production one for `url`, or the development one as it is when there is no address. */
export function publicManifest(dev: string, url: string | undefined): string {
  if (!url) return dev;
  const base = url.endsWith('/') ? url : `${url}/`;
  if (!/^https:\/\//.test(base)) throw new Error(`WINBACK_ADDIN_URL must be an https:// address (Office loads add-ins over HTTPS only), not ${url}`);
  if (!/<Id>[^<]+<\/Id>/.test(dev)) throw new Error('manifest.xml has no <Id>');
  const comment = `<!--\n  Winback for Excel, the PRODUCTION manifest for ${base}: written by npm run build from the\n  development manifest.xml of the repository (addin/build-time.ts). Hand this file out.\n-->`;
  let manifest = dev.replace(/<!--[\s\S]*?-->/, comment).replace(/<Id>[^<]+<\/Id>/, `<Id>${PRODUCTION_ID}</Id>`);
  const displayName = /<DisplayName [\s\S]*?<\/DisplayName>/.exec(manifest);
  if (!displayName || !DEV_MARKS.some((mark) => displayName[0].includes(mark))) throw new Error('manifest.xml: the display name does not say (dev)');
  manifest = manifest.replace(displayName[0], DEV_MARKS.reduce((text, mark) => text.split(mark).join(''), displayName[0]));
  return manifest.split(DEV_URL).join(base);
}
