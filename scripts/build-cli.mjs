// Bundles the command line (and its second thread's worker), the example generator and the benchmark (with its stage runner) into dist/ with esbuild
// (runs on `npm ci` through the prepare script, so `npx winback` works right after install).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' };
await Promise.all([
  build({ ...common, entryPoints: ['cli/main.ts'], outfile: 'dist/cli/winback.js' }),
  build({ ...common, entryPoints: ['cli/worker.ts'], outfile: 'dist/cli/worker.js' }),
  build({ ...common, entryPoints: ['examples/generate.ts'], outfile: 'dist/examples/generate.js' }),
  build({ ...common, entryPoints: ['bench/bench.ts'], outfile: 'dist/bench/bench.js' }),
  build({ ...common, entryPoints: ['bench/stages.ts'], outfile: 'dist/bench/stages.js' }),
]);
