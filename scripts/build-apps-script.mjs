// Builds the Google Sheets add-on into dist/apps-script/, the folder `clasp push` uploads:
//   Code.js          the server bundle (esbuild, one IIFE assigned to the global `Winback`) followed by
//                    one top-level function per export of apps-script/index.ts, with that export's
//                    JSDoc — Apps Script only sees top-level function declarations, and Sheets reads
//                    `@customfunction` from the JSDoc of the declaration itself;
//   Sidebar.html     the panel as one self-contained page (bundled script, and any bundled CSS, inline;
//                    the panel installs its own styles from its script);
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
    banner: { js: SERVER_PRELUDE },
    write: false,
    logLevel: 'warning',
  });
  const bundle = result.outputFiles[0].text;
  const wrappers = globalWrappers(exportedFunctions(await readFile(ENTRY, 'utf8')));
  return `${bundle}\n// Apps Script globals (generated from ${ENTRY}).\n${wrappers}`;
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
