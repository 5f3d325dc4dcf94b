/** Types of webpack.config.js for the tests that import it (test/addin/dev-server.test.ts). */
type DevCerts = () => Promise<unknown>;

export function devHttpsOptions(load?: DevCerts): Promise<unknown>;

declare function config(
  env?: { WEBPACK_SERVE?: boolean },
  argv?: { mode?: string },
  devCerts?: DevCerts,
): Promise<{ devServer: { server: unknown; headers: Record<string, string> } }>;
export default config;
