import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIT_WORKER, startModelFitter } from '../../cli/model-fits.js';
import { runCountFitJob, type CountFitJob } from '../../core/analyze/client-model.js';
import { aggregateRepeatData } from '../../core/model/index.js';
import { cdnowSummary } from '../model/cdnow.js';

// The worker the built command line starts (dist/cli/fit-worker.js, built by `npm ci`).
const BUILT = pathToFileURL(join(process.cwd(), 'dist/cli/fit-worker.js'));
const data = aggregateRepeatData(cdnowSummary());
const jobs: CountFitJob[] = [
  { kind: 'bgnbd', data },
  { kind: 'paretonbd', data },
];
const folder = mkdtempSync(join(tmpdir(), 'winback-fit-worker-'));
const script = (name: string, text: string) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return pathToFileURL(path);
};

describe('the model-fit worker of the command line', () => {
  it('gives the fits of this thread, number for number, in job order', async () => {
    if (!existsSync(BUILT)) throw new Error('dist/cli/fit-worker.js is missing: run `npm run build:cli` (npm ci does)');
    const fitter = startModelFitter(BUILT)!;
    try {
      const results = await fitter.fit(jobs);
      expect(results).toEqual(jobs.map(runCountFitJob));
      // CDNOW's published BG/NBD r (REFERENCE_RESULTS.md) comes back through the worker.
      expect(results[0]!.ok && results[0]!.params.r).toBeCloseTo(0.243, 3);
      expect(await fitter.fit([])).toEqual([]);
    } finally {
      fitter.close();
    }
  });

  it('is built beside the command line, where the command line looks for it', () => {
    // The command line's bundle resolves FIT_WORKER next to itself: both must come out of the build.
    expect(FIT_WORKER.pathname.endsWith('/cli/fit-worker.js')).toBe(true);
    expect(existsSync(join(process.cwd(), 'dist/cli/winback.js'))).toBe(true);
    expect(existsSync(BUILT)).toBe(true);
  });

  it('is not started without its script (the command line run from its sources fits in its thread)', () => {
    expect(startModelFitter(pathToFileURL(join(folder, 'missing.js')))).toBeNull();
  });

  it('rejects when the worker exits before answering, and every later batch too', async () => {
    const fitter = startModelFitter(script('exits.mjs', 'process.exit(3);\n'))!;
    await expect(fitter.fit(jobs)).rejects.toThrow('the fit worker exited (code 3)');
    await expect(fitter.fit(jobs)).rejects.toThrow('the fit worker exited (code 3)');
    fitter.close();
  });

  it('rejects when the worker throws on a batch', async () => {
    const fitter = startModelFitter(
      script('throws.mjs', "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { throw new Error('out of memory in the worker'); });\n"),
    )!;
    await expect(fitter.fit(jobs)).rejects.toThrow('out of memory in the worker');
    fitter.close();
  });
});
