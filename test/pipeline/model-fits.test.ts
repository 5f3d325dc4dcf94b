import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysisStages, analyze } from '../../core/analyze/analyze.js';
import { runCountFitJob, type CountFitJob } from '../../core/analyze/client-model.js';
import type { CountFitResult } from '../../core/model/index.js';
import { runPipeline, runPipelineSync, type PipelineRequest, type RunControl } from '../../core/pipeline/pipeline.js';
import type { Grid } from '../../core/read/types.js';
import { dayOf } from '../model/cdnow.js';

const AS_OF = dayOf('19980630');

// The CDNOW 2,357-customer sample as a sales sheet: enough clients and repeaters for every model.
const grid: Grid = [
  ['Client', 'Date', 'Amount'],
  ...readFileSync('../shared/data/cdnow_lifetimes/CDNOW_sample.txt', 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((line) => {
      const [id, , date, , amount] = line.trim().split(/\s+/);
      return [id!, `${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6)}`, Number(amount)];
    }),
];
const request: PipelineRequest = { sources: { sales: 'Sales' }, options: { asOf: AS_OF, holdoutDays: 273 }, lang: 'en', tabs: false };
const provider = { has: async () => true, read: async () => ({ grid }) };
const control = (fit?: RunControl['fit']): RunControl => ({ onProgress: () => {}, cancelled: () => false, pause: async () => {}, ...(fit ? { fit } : {}) });

const inThread = runPipelineSync(request, { has: () => true, read: () => ({ grid }) });
if (!inThread.ok) throw new Error('the sample did not analyse');

describe('the count-model fits as steps (FitStep)', () => {
  it('asks for each model on all the data, then each on the check calibration: six jobs', () => {
    // One line: no history for a check, so only the three fits on all the data.
    const alone = jobsAsked(analysisStages({ sales: [{ client: 'A', day: 10_000, amount: 1, row: 2 }] }, { asOf: 10_000 }));
    expect(alone.map((job) => job.kind)).toEqual(['bgnbd', 'mbgnbd', 'paretonbd']);
    const jobs = jobsAsked(analysisStages({ sales: salesOf() }, { asOf: AS_OF, holdoutDays: 273 }));
    expect(jobs.map((job) => job.kind)).toEqual(['bgnbd', 'mbgnbd', 'paretonbd', 'bgnbd', 'mbgnbd', 'paretonbd']);
    // All the data: 2,357 clients; the check's calibration: those who bought by the split.
    expect(jobs[0]!.data.clients).toBe(2357);
    // Every sample client bought first in the first quarter of 1997, before the split: all are in the cohort, with fewer repeats.
    expect(jobs[3]!.data.clients).toBe(2357);
    expect(jobs[3]!.data.sumX).toBeLessThan(jobs[0]!.data.sumX);
    expect(jobs[3]!.data).toBe(jobs[5]!.data);
  });

  it('asks for one fit without the check and none with the model off', () => {
    const jobsOf = (options: object) => jobsAsked(analysisStages({ sales: salesOf() }, { asOf: AS_OF, ...options })).map((job) => job.kind);
    expect(jobsOf({ modelCheck: false })).toEqual(['mbgnbd']);
    expect(jobsOf({ modelCheck: false, model: 'paretonbd' })).toEqual(['paretonbd']);
    expect(jobsOf({ model: 'none' })).toEqual([]);
  });

  it('gives the same analysis whether the host fits (later, in its own time) or the pipeline does', async () => {
    const asked: number[] = [];
    const elsewhere = async (jobs: readonly CountFitJob[]) => {
      asked.push(jobs.length);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return jobs.map(runCountFitJob);
    };
    const outcome = await runPipeline(request, provider, control(elsewhere));
    expect(asked).toEqual([6]);
    expect(outcome).toEqual(inThread);
    expect(await runPipeline(request, provider, control())).toEqual(inThread);
    expect(inThread.analysis.model.used).not.toBeNull();
    expect(inThread.analysis.model.check?.clients).toBeGreaterThan(0);
  });

  it('fits in the pipeline when the host cannot: a rejected fit gives the same analysis', async () => {
    const broken = async (): Promise<readonly CountFitResult[]> => {
      throw new Error('the worker exited');
    };
    expect(await runPipeline(request, provider, control(broken))).toEqual(inThread);
  });

  it('uses the results it is given, in job order', async () => {
    // Swapping the fits on all the data for BG/NBD and Pareto/NBD shows in the model summaries.
    const swapped = async (jobs: readonly CountFitJob[]) => {
      const results = jobs.map(runCountFitJob);
      return [results[2]!, results[1]!, results[0]!, ...results.slice(3)];
    };
    const outcome = await runPipeline(request, provider, control(swapped));
    if (!outcome.ok) throw new Error('refused');
    expect(outcome.analysis.model.bgnbd?.r).toBe(inThread.analysis.model.paretonbd?.r);
  });

  it('analyze is the steps with the fits done in its thread', () => {
    const input = { sales: salesOf() };
    const options = { asOf: AS_OF, holdoutDays: 273 };
    const stages = analysisStages(input, options);
    const jobs = jobsAsked(stages);
    // Fitted last job first: the order they are done in does not matter, the order given back does.
    const results = [...jobs].reverse().map(runCountFitJob).reverse();
    expect(stages.next().value).toEqual({ kind: 'fitted', jobs });
    const last = stages.next(results);
    expect(last.done).toBe(true);
    expect(last.value).toEqual(analyze(input, options));
  });
});

/** The jobs of the first step, which is always 'fit'. */
function jobsAsked(stages: ReturnType<typeof analysisStages>): readonly CountFitJob[] {
  const step = stages.next().value;
  if (!('kind' in step) || step.kind !== 'fit') throw new Error('the analysis did not ask for its fits first');
  return step.jobs;
}

/** The sample's lines as SaleLine objects. */
function salesOf() {
  return grid.slice(1).map(([client, date, amount], row) => ({ client: String(client), day: dayOf(String(date).replaceAll('-', '')), amount: Number(amount), row: row + 2 }));
}
