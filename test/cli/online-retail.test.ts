import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';

// End to end on UCI Online Retail through `winback segment … --json`, compared client by client
// with an independent computation in plain Python (scripts/reference/online_retail.py, output
// committed as test/fixtures/online-retail-reference.tsv).
interface JsonClient {
  client: string;
  value: number;
  abc: string | null;
  xyz: string | null;
  status: string | null;
  tier: string | null;
  purchaseDays: number;
  recencyDays: number | null;
  cadenceDays: number | null;
}
let report: {
  asOf: string;
  window: { from: string; to: string };
  input: { rows: number; accepted: number; rejected: { row: number; reason: string }[] };
  clients: JsonClient[];
  model: { bgnbd: unknown; skipped: { code: string } | null };
};
const reference = readFileSync('test/fixtures/online-retail-reference.tsv', 'utf8').trim().split('\n');

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'winback-or-'));
  const code = await main(['segment', '../shared/data/online_retail_uci/online_retail.csv', '--json', join(dir, 'r.json'), '--quiet']);
  expect(code).toBe(0);
  report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
}, 300_000);

describe('Online Retail end to end', () => {
  it('rejects exactly the 135,080 lines without a CustomerID, with their file row numbers', () => {
    expect(report.input.rows).toBe(541_909);
    expect(report.input.accepted).toBe(406_829);
    expect(report.input.rejected).toHaveLength(135_080);
    expect(report.input.rejected.every((r) => r.reason === 'no-client')).toBe(true);
    // The first line without a CustomerID is InvoiceNo 536414 on file line 624 (header = line 1).
    expect(report.input.rejected[0].row).toBe(624);
  });

  it('analyses as of 2011-12-09 over Dec 2010 … Nov 2011', () => {
    expect(report.asOf).toBe('2011-12-09');
    expect(report.window).toMatchObject({ from: '2010-12-01', to: '2011-11-30' });
    expect(reference[0]).toContain('asOf 2011-12-09 window 2010-12..2011-11');
  });

  it('gives every one of the 4,372 clients the value and classes the independent computation gives', () => {
    const ours = new Map(report.clients.map((c) => [c.client, c]));
    expect(ours.size).toBe(4372);
    const mismatches: string[] = [];
    for (const line of reference.slice(1)) {
      const [client, cents, abc, xyz, status, tier, days, recency, cadence] = line.split('\t');
      const c = ours.get(client);
      const got = c && [Math.round(c.value * 100), c.abc ?? '', c.xyz ?? '', c.status ?? '', c.tier ?? '', c.purchaseDays, c.recencyDays ?? '', c.cadenceDays ?? ''].join('\t');
      const want = [cents, abc, xyz, status, tier, days, recency, cadence === '' ? '' : Number(cadence)].join('\t');
      if (got !== want) mismatches.push(`${client}: got ${got}, want ${want}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('lets cancellations reduce value but never make a purchase day (client 12346: sale and same-day cancellation)', () => {
    const c = report.clients.find((x) => x.client === '12346')!;
    expect(c).toMatchObject({ value: 0, abc: null, purchaseDays: 0, status: null });
  });

  it('says the purchase model is not informative on this data (no dropout) rather than calling lost clients alive', () => {
    expect(report.model.skipped?.code).toBe('no-dropout');
  });
});
