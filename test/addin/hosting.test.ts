/**
 * Hosting the built add-in on a static host, as Excel on the web reaches it: the page of Excel
 * (another origin) fetches functions.json from the add-in's origin, which the browser allows only
 * with `Access-Control-Allow-Origin` (Excel-Custom-Functions#200, office-js#3970: without it the
 * functions never register). In headless Chromium, a page on one origin fetches the metadata and the
 * functions script from a static server on another that applies the build's `_headers` the way
 * Netlify and Cloudflare Pages do — and from one that ignores it, to show the fetch would fail.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../e2e/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crossOriginFiles } from '../../addin/build-time.js';
import { ensureAddinBuilt } from './build-addin.js';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'application/javascript', '.json': 'application/json' };

/** `_headers` as Netlify reads it: a path line, then indented `Name: value` lines. */
function parseHeaders(text: string): Map<string, [string, string][]> {
  const rules = new Map<string, [string, string][]>();
  let path = '';
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) {
      path = line.trim();
      rules.set(path, []);
    } else {
      const [name, ...value] = line.trim().split(':');
      rules.get(path)!.push([name.trim(), value.join(':').trim()]);
    }
  }
  return rules;
}

function staticHost(dir: string, honourHeaders: boolean): Promise<Server> {
  const rules = honourHeaders ? parseHeaders(readFileSync(join(dir, '_headers'), 'utf8')) : new Map();
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, pathname));
    try {
      if (!file.startsWith(dir) || pathname === '/_headers') throw new Error('not served');
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...Object.fromEntries(rules.get(pathname) ?? []) });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function excelPage(): Promise<Server> {
  const server = createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Excel</title>'));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const origin = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
let servers: Server[] = [];
let browser: Browser;
let dist: string;

beforeAll(async () => {
  dist = await ensureAddinBuilt();
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** What the Excel page gets when it fetches each cross-origin file: its status, or the browser's refusal. */
async function fetchedFromExcel(honourHeaders: boolean): Promise<string[]> {
  const host = await staticHost(dist, honourHeaders);
  const excel = await excelPage();
  servers.push(host, excel);
  const page = await browser.newPage();
  await page.goto(origin(excel));
  const results = await page.evaluate(
    async ({ base, files }) =>
      Promise.all(files.map((file) => fetch(`${base}/${file}`).then((r) => `${file} ${r.status}`, () => `${file} refused`))),
    { base: origin(host), files: crossOriginFiles() },
  );
  await page.close();
  return results;
}

describe('the built add-in on a static host', () => {
  it('serves functions.json, the Russian metadata and functions.js to Excel on another origin with the build _headers', async () => {
    expect(await fetchedFromExcel(true)).toEqual(['functions.json 200', 'functions.ru.json 200', 'functions.js 200']);
  });

  it('is refused by the browser on a host that sends no CORS header (what "any static web server" gave)', async () => {
    expect(await fetchedFromExcel(false)).toEqual(['functions.json refused', 'functions.ru.json refused', 'functions.js refused']);
  });
});
