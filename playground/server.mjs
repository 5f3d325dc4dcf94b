/**
 * `npm run playground`: bundles the playground page (playground/main.ts with the panel and the
 * core) and its download worker (playground/download-worker.ts) with esbuild, and serves them
 * with a few static files on http://127.0.0.1:PORT (default 3000; PORT=0 picks a free port). Only a fixed list of files is served; nothing is written to
 * disk and no data comes back to the server: the page reads and writes workbooks in the browser.
 *
 * Workbooks are read and written by the project's own streaming code (xlsx/, on fflate), bundled
 * with the page and the worker.
 * A Content-Security-Policy keeps the page to its own origin: no remote scripts, fonts or requests.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (path) => `${root}${path}`;


async function bundle(entry) {
  const result = await build({
    entryPoints: [at(entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return result.outputFiles[0].contents;
}

const TYPES = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export async function startPlayground(port = Number(process.env.PORT ?? 3000)) {
  const [script, worker] = await Promise.all([bundle('playground/main.ts'), bundle('playground/download-worker.ts')]);
  const files = {
    '/': { type: TYPES.html, load: () => readFile(at('playground/index.html')) },
    '/index.html': { type: TYPES.html, load: () => readFile(at('playground/index.html')) },
    '/playground.css': { type: TYPES.css, load: () => readFile(at('playground/playground.css')) },
    '/playground.js': { type: TYPES.js, load: async () => script },
    '/download-worker.js': { type: TYPES.js, load: async () => worker },
    '/examples/sample-sales.xlsx': { type: TYPES.xlsx, load: () => readFile(at('examples/sample-sales.xlsx')) },
  };
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = request.method === 'GET' || request.method === 'HEAD' ? files[path] : undefined;
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    try {
      const body = await file.load();
      response.writeHead(200, { 'content-type': file.type, 'content-security-policy': POLICY, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const { url } = await startPlayground();
    console.log(`Winback playground: ${url}`);
  } catch (error) {
    const busy = error?.code === 'EADDRINUSE';
    console.error(busy ? `Port ${error.port} is in use: start with another one, e.g. PORT=3001 npm run playground (PORT=0 picks a free one).` : `The playground could not start: ${error?.message ?? error}`);
    process.exitCode = 1;
  }
}
