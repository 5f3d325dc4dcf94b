import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { bgnbd } from '../../core/model/index.js';

// The CDNOW 2,357-customer sample through the command line, calibration to 1997-09-30
// (REFERENCE_RESULTS.md): the published BG/NBD parameters in weeks are r 0.243, α 4.414, a 0.793,
// b 2.426, LL −9582.4. The command reports α per day (×7 = per week) and the LL in days, which
// differs from the weekly one by −Σx·ln 7 with Σx = 2,457 repeat purchase days.
const SAMPLE = '../shared/data/cdnow_lifetimes/CDNOW_sample.txt';
let report: {
  asOf: string;
  model: { bgnbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number; timeUnit: string } };
  clients: { client: string; pAlive: number; expected90: number; expectedValue12m: number; purchaseDays: number }[];
  input: { rejected: { reason: string }[] };
};
let automatic: {
  model: {
    used: string | null;
    why: { code: string; message: string };
    bgnbd: { a: number };
    mbgnbd: { kind: string };
    paretonbd: { kind: string; r: number; s: number };
    gammaGamma: { p: number };
    check: {
      holdoutDays: number;
      split: string;
      clients: number;
      baseline: { mae: number };
      models: Record<string, { predicted: number; actual: number; mae: number }>;
      tracking: { weekEnd: string[]; actual: number[]; predicted: Record<string, number[] | null> };
    };
  };
  clients: {
    client: string;
    status: string | null;
    pAlive: number | null;
    pAliveLow: number | null;
    pAliveHigh: number | null;
    expectedValue12m: number | null;
    expectedValue12mLow: number | null;
    expectedValue12mHigh: number | null;
    list: string | null;
  }[];
  winBack: string[];
};
let mbg: typeof automatic;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'winback-cdnow-'));
  const lines = readFileSync(SAMPLE, 'utf8').trim().split(/\r?\n/);
  const csv = ['Customer,Date,Amount'];
  for (const line of lines) {
    const [, id, ymd, , dollars] = line.trim().split(/\s+/);
    csv.push(`${id},${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)},${dollars}`);
  }
  writeFileSync(join(dir, 'cdnow.csv'), csv.join('\n'));
  const code = await main(['segment', join(dir, 'cdnow.csv'), '--as-of', '1997-09-30', '--model', 'bgnbd', '--json', join(dir, 'r.json'), '--quiet']);
  expect(code).toBe(0);
  report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
  expect(await main(['segment', join(dir, 'cdnow.csv'), '--as-of', '1998-06-30', '--holdout-days', '273', '--json', join(dir, 'auto.json'), '--quiet'])).toBe(0);
  automatic = JSON.parse(readFileSync(join(dir, 'auto.json'), 'utf8'));
  expect(await main(['segment', join(dir, 'cdnow.csv'), '--as-of', '1997-09-30', '--model', 'mbgnbd', '--json', join(dir, 'mbg.json'), '--quiet'])).toBe(0);
  mbg = JSON.parse(readFileSync(join(dir, 'mbg.json'), 'utf8'));
}, 240_000);

describe('CDNOW through `winback segment --as-of 1997-09-30 --model bgnbd`', () => {
  it('reproduces the published BG/NBD parameters within 0.001', () => {
    const m = report.model.bgnbd;
    expect(m.timeUnit).toBe('day');
    expect(Math.abs(m.r - 0.243)).toBeLessThan(0.001);
    expect(Math.abs(m.alpha / 7 - 4.414)).toBeLessThan(0.001);
    expect(Math.abs(m.a - 0.793)).toBeLessThan(0.001);
    expect(Math.abs(m.b - 2.426)).toBeLessThan(0.001);
    expect(m.logLikelihood + 2457 * Math.log(7)).toBeCloseTo(-9582.43, 1);
  });

  it('scores customer 0001 (x = 2, t_x = 30.43 wk, T = 38.86 wk): P(alive) 0.7266', () => {
    const c = report.clients.find((x) => x.client === '0001')!;
    expect(c.purchaseDays).toBe(3);
    expect(c.pAlive).toBeCloseTo(0.7266, 3);
  });

  it('values customer 0001’s next 12 months as expected purchase days × the Gamma-Gamma value of a day (published 24.65)', () => {
    // Published BG/NBD parameters with α per day (×7); customer 0001 bought on 1997-01-01, 01-18 and 08-02.
    const published = { r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 };
    const days = bgnbd.conditionalExpected(published, 365, 2, 213, 272);
    const c = report.clients.find((x) => x.client === '0001')!;
    expect(c.expectedValue12m / days).toBeCloseTo(24.65, 0);
  });

  it('reports the lines after the calibration end instead of dropping them', () => {
    expect(report.asOf).toBe('1997-09-30');
    expect(report.input.rejected.every((r) => r.reason === 'after-as-of')).toBe(true);
    expect(report.clients).toHaveLength(2357);
  });
});

describe('CDNOW with the default model, checked on the published 39/39-week split (`--as-of 1998-06-30 --holdout-days 273`)', () => {
  it('hides the 39 weeks after 1997-09-30 and checks all 2,357 customers', () => {
    const check = automatic.model.check;
    expect(check).toMatchObject({ holdoutDays: 273, split: '1997-09-30', clients: 2357 });
    expect(Object.keys(check.models).sort()).toEqual(['bgnbd', 'mbgnbd', 'paretonbd']);
    expect(check.tracking.weekEnd[0]).toBe('1997-01-07');
    expect(check.tracking.predicted.paretonbd!.slice(19, 25).map(Math.round)).toEqual([1309, 1385, 1460, 1533, 1604, 1674]);
  });

  it('scores the clients with the model of lowest error in the check, saying why, and keeps every fit under its own key', () => {
    const { check } = automatic.model;
    const [best] = Object.entries(check.models).sort((p, q) => p[1].mae - q[1].mae)[0]!;
    expect(check.models[best]!.mae).toBeLessThan(check.baseline.mae);
    expect(automatic.model.used).toBe(best);
    expect(automatic.model.why.code).toBe('lowest-error');
    expect(automatic.model.why.message).toMatch(/Model check/);
    expect(automatic.model.mbgnbd.kind).toBe('mbgnbd');
    expect(automatic.model.paretonbd.kind).toBe('paretonbd');
    expect(automatic.model.gammaGamma.p).toBeGreaterThan(0);
  });

  it('gives every scored client a 90 % interval around its P(alive)', () => {
    const scored = automatic.clients.filter((c) => c.pAlive !== null);
    expect(scored).toHaveLength(2357);
    expect(scored.every((c) => c.pAliveLow! <= c.pAlive! + 1e-12 && c.pAlive! <= c.pAliveHigh! + 1e-12 && c.pAliveHigh! <= 1)).toBe(true);
  });

  it('gives every valued client a 90 % interval around its 12-month value in the JSON', () => {
    const valued = automatic.clients.filter((c) => c.expectedValue12m !== null);
    expect(valued).toHaveLength(2357);
    expect(valued.every((c) => c.expectedValue12mLow! < c.expectedValue12m! && c.expectedValue12m! < c.expectedValue12mHigh!)).toBe(true);
  });

  it('puts every client with a sign in exactly one list, in list order', () => {
    const order = ['keep', 'win-back', 'grow', 'mailing'];
    const byName = new Map(automatic.clients.map((c) => [c.client, c]));
    const lists = automatic.winBack.map((name) => byName.get(name)!.list);
    expect(lists.every((l) => l !== null)).toBe(true);
    expect(lists.map((l) => order.indexOf(l!))).toEqual([...lists.map((l) => order.indexOf(l!))].sort((p, q) => p - q));
    expect(automatic.clients.filter((c) => c.list !== null)).toHaveLength(automatic.winBack.length);
  });
});

describe('CDNOW with MBG/NBD as of 1997-09-30', () => {
  it('calls no client alive with P(alive) ≥ 0.9 whose silence is past its lost limit', () => {
    const contradicting = mbg.clients.filter((c) => c.status === 'lost' && c.pAlive !== null && c.pAlive >= 0.9);
    expect(mbg.clients.filter((c) => c.status === 'lost').length).toBeGreaterThan(500);
    expect(contradicting.map((c) => [c.client, c.pAlive])).toEqual([]);
  });
});
