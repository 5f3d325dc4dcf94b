// Builds the Excel add-in into dist/excel/ (`webpack --mode production`), or serves it on
// https://localhost:3000 for sideloading (`webpack serve --mode development`, machines with Excel).
//
// Shared runtime, as Microsoft's shared-runtime template: one page (taskpane.html) runs the task
// pane, the ribbon button and the WINBACK.* functions. functions.js carries the webpack runtime
// and everything the functions need (the core); taskpane.js depends on it (`dependOn`), so the
// core is bundled once and the page loads functions.js, then taskpane.js.
// functions.json is generated from the JSDoc in addin/functions.ts by custom-functions-metadata-
// plugin, which also appends the CustomFunctions.associate calls — never written by hand.
// manifest.xml is copied with its https://localhost:3000/ URLs replaced by WINBACK_ADDIN_URL
// (e.g. https://addin.example.com/winback/) when that variable is set.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import CustomFunctionsMetadataPlugin from 'custom-functions-metadata-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';

const root = path.dirname(fileURLToPath(import.meta.url));
const DEV_URL = 'https://localhost:3000/';
const DEV_PORT = 3000;

/** HTTPS options from office-addin-dev-certs (trusted localhost certificates) when it is installed. */
async function devHttpsOptions() {
  try {
    const devCerts = await import('office-addin-dev-certs');
    return await devCerts.getHttpsServerOptions();
  } catch {
    return undefined; // webpack-dev-server then makes a self-signed certificate
  }
}

function publicManifest(content) {
  const url = process.env.WINBACK_ADDIN_URL;
  if (!url) return content;
  return content.toString().replaceAll(DEV_URL, url.endsWith('/') ? url : `${url}/`);
}

export default async (env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  return {
    context: root,
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'source-map',
    target: ['web', 'es2019'],
    entry: {
      functions: './addin/functions.ts',
      taskpane: { import: './addin/taskpane.ts', dependOn: 'functions' },
    },
    output: { path: path.resolve(root, 'dist/excel'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          // Office's webviews include older Edge builds: syntax is lowered to ES2019.
          options: { transpileOnly: true, compilerOptions: { noEmit: false, target: 'ES2019', module: 'ESNext' } },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './addin/functions.ts' }),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './addin/taskpane.html', chunks: ['functions', 'taskpane'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'addin/help.html', to: 'help.html' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: publicManifest },
        ],
      }),
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
      server: env.WEBPACK_SERVE ? { type: 'https', options: await devHttpsOptions() } : 'https',
    },
  };
};
