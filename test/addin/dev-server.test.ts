/**
 * `npm run start:excel` serves the add-in over HTTPS with the localhost certificate that
 * office-addin-dev-certs makes and trusts — Excel on Windows and Mac refuse a self-signed one —
 * and stops with what to do when the package is missing or cannot make the certificate (before,
 * a silent catch fell back to webpack-dev-server's own certificate).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config, { devHttpsOptions } from '../../webpack.config.js';
import { ROOT } from './build-addin.js';

const certificate = { ca: 'CA', cert: 'CERT', key: 'KEY' };

describe('the Excel dev server', () => {
  it('uses the certificate of office-addin-dev-certs under start:excel', async () => {
    const serve = await config({ WEBPACK_SERVE: true }, { mode: 'development' }, async () => ({ getHttpsServerOptions: async () => certificate }));
    expect(serve.devServer.server).toEqual({ type: 'https', options: certificate });
    expect(serve.devServer.headers).toEqual({ 'Access-Control-Allow-Origin': '*' });
  }, 120_000);

  it('stops with what to do when the package is missing or cannot make the certificate', async () => {
    await expect(devHttpsOptions(() => Promise.reject(new Error("Cannot find package 'office-addin-dev-certs'")))).rejects.toThrow(
      /needs office-addin-dev-certs \(a devDependency\): run npm ci/,
    );
    await expect(devHttpsOptions(async () => ({ getHttpsServerOptions: () => Promise.reject(new Error('certutil failed')) }))).rejects.toThrow(
      /certutil failed\nRun npx office-addin-dev-certs install/,
    );
  });

  it('has office-addin-dev-certs as a pinned devDependency that resolves', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.devDependencies['office-addin-dev-certs']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(createRequire(join(ROOT, 'package.json')).resolve('office-addin-dev-certs')).toContain('office-addin-dev-certs');
  });
});
