/**
 * Starting the playground and the browser, for the browser tests (harness.ts) and the benchmark
 * (bench/playground.ts): the playground server on a free port (the same `node playground/server.mjs`
 * that `npm run playground` runs) and headless Debian Chromium through playwright-core, never a
 * downloaded browser.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

/** The project's folder (this file and the bundled benchmark, dist/bench/, both lie two levels down). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Debian's Chromium (`apt-get install chromium`). */
export const CHROMIUM = '/usr/bin/chromium';

export interface Playground {
  url: string;
  stop(): void;
}

/** `node playground/server.mjs` with PORT=0; resolves with the address it prints. */
export async function startPlayground(): Promise<Playground> {
  const child: ChildProcess = spawn(process.execPath, ['playground/server.mjs'], { cwd: ROOT, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += String(chunk)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(chunk));
      if (match) resolve(match[0]);
    });
    child.on('exit', (code) => reject(new Error(`playground server exited with ${code}: ${errors}`)));
  });
  return { url, stop: () => child.kill() };
}

/** Whether this machine has the browser the tests and the benchmark drive. */
export function chromiumPresent(): boolean {
  return existsSync(CHROMIUM);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}
