// Builds the Google Sheets add-on into dist/apps-script/, the folder `clasp push` uploads:
//   Code.js          one script: "use strict" as its very first statement (so the whole file,
//                    wrappers included, is strict — a directive counts only at the top), a polyfill,
//                    the server bundle (esbuild, one IIFE assigned to the global `Winback`), then one
//                    top-level function per export of apps-script/index.ts with that export's
//                    parameters and JSDoc — Apps Script only sees top-level function declarations,
//                    passes a trigger its event through the parameter, and Sheets reads
//                    `@customfunction` from the JSDoc of the declaration itself;
//   Sidebar.html     the panel as one self-contained page (bundled script, and any bundled CSS, inline;
//                    the panel installs its own styles from its script), with a static fallback in
//                    #wb-fallback — the vocabulary's panel.errors.hostUnavailable in every language —
//                    shown until the panel mounts and left when google.script.run is missing;
//   appsscript.json  the manifest.
// Usage: node scripts/build-apps-script.mjs [outDir]
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';

const GLOBAL_NAME = 'Winback';
const ENTRY = 'apps-script/index.ts';
const SIDEBAR_ENTRY = 'apps-script/sidebar.ts';
const outDir = process.argv[2] ?? 'dist/apps-script';
// The core uses Object.hasOwn (ES2022); Apps Script's V8 is not guaranteed to have it.
const SERVER_PRELUDE = 'if (!Object.hasOwn) Object.hasOwn = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };';

/** Every exported function of the entry file: name, parameter names, and its JSDoc comment. */
function exportedFunctions(source, fileName = ENTRY) {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  return file.statements
    .filter((node) => ts.isFunctionDeclaration(node) && node.name && node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
    .map((node) => {
      const comments = ts.getLeadingCommentRanges(source, node.getFullStart()) ?? [];
      const doc = comments.map((c) => source.slice(c.pos, c.end)).filter((text) => text.startsWith('/**')).pop() ?? '';
      return { name: node.name.text, params: node.parameters.map((p) => p.name.getText(file)), doc };
    });
}

/** The top-level declarations Apps Script calls, each handing off to the bundle. */
function globalWrappers(functions) {
  return functions
    .map(({ name, params, doc }) => {
      const list = params.join(', ');
      return `${doc}\nfunction ${name}(${list}) {\n  return ${GLOBAL_NAME}.${name}(${list});\n}\n`;
    })
    .join('\n');
}

/** Text that is safe inside an inline <script> or <style> element. */
function inlineSafe(text, tag) {
  return text.replace(new RegExp(`</(${tag})`, 'gi'), '<\\/$1').replace(/<!--/g, '<\\!--');
}

async function buildServer() {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    platform: 'neutral',
    target: 'es2019',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const bundle = result.outputFiles[0].text.replace(/^"use strict";\n/, '');
  const wrappers = globalWrappers(exportedFunctions(await readFile(ENTRY, 'utf8')));
  return `"use strict";\n${SERVER_PRELUDE}\n${bundle}\n// Apps Script globals (generated from ${ENTRY}).\n${wrappers}`;
}

/** The vocabulary, bundled from the core, for the words the build writes into the pages. */
async function vocabulary() {
  const result = await build({
    stdin: { contents: "export { LANGS, words } from './core/index.ts';", resolveDir: process.cwd(), sourcefile: 'words.ts', loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}

/** What the sidebar shows until the panel mounts: the host-unavailable sentence in every language. */
async function fallback() {
  const { LANGS, words } = await vocabulary();
  const lines = LANGS.map((lang) => `<p lang="${lang}">${escapeHtml(words(lang).panel.errors.hostUnavailable)}</p>`);
  return `<div id="wb-fallback">${lines.join('')}</div>`;
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function buildSidebar() {
  const result = await build({
    entryPoints: [SIDEBAR_ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    outfile: join(outDir, 'sidebar.js'),
    write: false,
    logLevel: 'warning',
  });
  const script = result.outputFiles.find((f) => f.path.endsWith('.js')).text;
  const styles = result.outputFiles.filter((f) => f.path.endsWith('.css')).map((f) => f.text).join('\n');
  return [
    '<!DOCTYPE html>',
    '<html>',
    '<head>',
    '<base target="_top">',
    '<meta charset="utf-8">',
    ...(styles ? [`<style>${inlineSafe(styles, 'style')}</style>`] : []),
    '</head>',
    '<body>',
    await fallback(),
    '<div id="app" data-locale=""></div>',
    `<script>${inlineSafe(script, 'script')}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

await mkdir(outDir, { recursive: true });
const [code, sidebar] = await Promise.all([buildServer(), buildSidebar()]);
await writeFile(join(outDir, 'Code.js'), code);
await writeFile(join(outDir, 'Sidebar.html'), sidebar);
await copyFile('apps-script/appsscript.json', join(outDir, 'appsscript.json'));
