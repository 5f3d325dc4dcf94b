// Builds the Excel add-in into dist/excel/ (`webpack --mode production`), or serves it on
// https://localhost:3000 for sideloading (`webpack serve --mode development`, machines with Excel).
//
// Shared runtime, as Microsoft's shared-runtime template: one page (taskpane.html) runs the task
// pane, the ribbon button and the WINBACK.* functions. functions.js carries the webpack runtime
// and everything the functions need (the core); taskpane.js depends on it (`dependOn`), so the
// core is bundled once and the page loads functions.js, then taskpane.js. pipeline-worker.js is the
// Web Worker a panel run's pipeline runs in (a bundle of its own; workers share no scripts).
// functions.json is generated from the JSDoc in addin/functions.ts by custom-functions-metadata-
// plugin, which also appends the CustomFunctions.associate calls — never written by hand.
//
// Everything else the build writes comes from addin/build-time.ts (loaded through esbuild, since
// it is TypeScript over the core's vocabulary): the localized metadata (functions.ru.json), the
// page's "could not start" sentence, help.html, the response-header files static hosts read
// (_headers, staticwebapp.config.json, web.config: CORS on functions.json for Excel on the web),
// and manifest.xml — the production manifest when WINBACK_ADDIN_URL is set (e.g.
// https://addin.example.com/winback/), else the development one as it is.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import CustomFunctionsMetadataPlugin from 'custom-functions-metadata-plugin';
import { build } from 'esbuild';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack from 'webpack';

const root = path.dirname(fileURLToPath(import.meta.url));
const DEV_PORT = 3000;

/** addin/build-time.ts, bundled with the core it reads, as a module. */
async function loadBuildTime() {
  const bundled = await build({ entryPoints: [path.join(root, 'addin/build-time.ts')], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning' });
  return import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
}

/**
 * HTTPS options with the localhost certificate office-addin-dev-certs makes and trusts (Excel on
 * Windows and Mac load add-ins only over a trusted certificate). `npm run start:excel` stops here,
 * saying what to do, when the package is missing or cannot make the certificate — a self-signed
 * certificate of the dev server would be refused by Excel without a word.
 */
const loadDevCerts = () => import('office-addin-dev-certs');

export async function devHttpsOptions(load = loadDevCerts) {
  let devCerts;
  try {
    devCerts = await load();
  } catch (error) {
    throw new Error(`npm run start:excel needs office-addin-dev-certs (a devDependency): run npm ci. (${error.message})`);
  }
  try {
    return await (devCerts.getHttpsServerOptions ?? devCerts.default.getHttpsServerOptions)();
  } catch (error) {
    throw new Error(
      `office-addin-dev-certs could not make or trust the localhost certificate: ${error.message}\nRun npx office-addin-dev-certs install, accept its prompt, and start again (docs/excel.md, "Develop against a real Excel").`,
    );
  }
}

/** Writes the files of build-time.ts into the build, after the metadata plugin has written functions.json. */
class ExcelFilesPlugin {
  constructor(buildTime) {
    this.buildTime = buildTime;
  }

  apply(compiler) {
    const { RawSource } = webpack.sources;
    compiler.hooks.thisCompilation.tap('ExcelFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'ExcelFilesPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const { buildTime } = this;
        const english = JSON.parse(compilation.getAsset('functions.json').source.source().toString());
        for (const lang of Object.keys(buildTime.METADATA_LOCALES)) {
          compilation.emitAsset(buildTime.metadataFile(lang), new RawSource(`${JSON.stringify(buildTime.localizedMetadata(english, lang), null, 4)}\n`));
        }
        for (const [name, text] of Object.entries(buildTime.staticHostFiles())) compilation.emitAsset(name, new RawSource(text));
        compilation.emitAsset('help.html', new RawSource(buildTime.helpPage()));
        const manifest = path.join(root, 'manifest.xml');
        compilation.fileDependencies.add(manifest);
        compilation.emitAsset('manifest.xml', new RawSource(buildTime.publicManifest(readFileSync(manifest, 'utf8'), process.env.WINBACK_ADDIN_URL)));
      });
    });
  }
}

/** The configuration; `devCerts` (how to load office-addin-dev-certs) is for tests — webpack passes env and argv only. */
export default async (env = {}, argv = {}, devCerts = loadDevCerts) => {
  const production = argv.mode !== 'development';
  const buildTime = await loadBuildTime();
  return {
    context: root,
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'source-map',
    target: ['web', 'es2019'],
    entry: {
      functions: './addin/functions.ts',
      taskpane: { import: './addin/taskpane.ts', dependOn: 'functions' },
      // The task pane's pipeline worker (addin/worker-pipeline.ts): an entry of its own, with its
      // own copy of the core, started by the page as new Worker('pipeline-worker.js'). Not
      // new Worker(new URL(…, import.meta.url)): that would put webpack's automatic publicPath into
      // functions.js's runtime, which throws where no <script> or location is at hand.
      'pipeline-worker': './addin/pipeline-worker.ts',
    },
    output: { path: path.resolve(root, 'dist/excel'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          // Office's webviews include older Edge and Safari builds: syntax is lowered to ES2019, and
          // tsconfig.bundles.json holds the library calls to ES2020 (npm run typecheck).
          options: { transpileOnly: true, compilerOptions: { noEmit: false, target: 'ES2019', module: 'ESNext' } },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './addin/functions.ts' }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './addin/taskpane.html',
        chunks: ['functions', 'taskpane'],
        templateParameters: { hostUnavailable: buildTime.hostUnavailableHtml() },
      }),
      new CopyWebpackPlugin({ patterns: [{ from: 'assets/*.png', to: 'assets/[name][ext]' }] }),
      new ExcelFilesPlugin(buildTime),
    ],
    performance: { hints: false },
    devServer: {
      host: 'localhost',
      port: DEV_PORT,
      static: false,
      hot: false,
      liveReload: false,
      client: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: env.WEBPACK_SERVE ? await devHttpsOptions(devCerts) : undefined },
    },
  };
};
