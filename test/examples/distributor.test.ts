import { describe, expect, it } from 'vitest';
import { dayFromYmd, ymdFromDay } from '../../core/basics/calendar.js';
import type { Day } from '../../core/read/types.js';
import { generateDistributor } from '../../examples/distributor.js';
import type { DistributorData, GeneratedSale, Scenario } from '../../examples/example-types.js';
import { HOSTILE_PROBES } from '../helpers/probes.js';

const END = dayFromYmd(2026, 10, 31);
const sample = generateDistributor({ seed: 20_261_031, clients: 600, years: 3, endDay: END, linesTarget: 32_000 });
const others = [1, 2, 3].map((seed) => generateDistributor({ seed, clients: 400, years: 3, endDay: END }));
const winter = generateDistributor({ seed: 4, clients: 300, years: 2, endDay: dayFromYmd(2025, 3, 16) });
const all = [sample, ...others, winter];

/** Purchase days (SPEC §2: days whose lines sum to a positive amount) and their values, per client. */
function purchaseDays(data: DistributorData): Map<string, { day: Day; value: number }[]> {
  const perDay = new Map<string, Map<Day, number>>();
  for (const s of data.sales) {
    const days = perDay.get(s.client) ?? new Map<Day, number>();
    days.set(s.day, (days.get(s.day) ?? 0) + s.amount);
    perDay.set(s.client, days);
  }
  const out = new Map<string, { day: Day; value: number }[]>();
  for (const [client, days] of perDay) {
    out.set(client, [...days].filter(([, v]) => v > 0).map(([day, value]) => ({ day, value })).sort((a, b) => a.day - b.day));
  }
  return out;
}

/** SPEC §6 status with the default limits, worked from the raw purchase days. */
function statusOf(days: Day[], asOf: Day): string {
  const n = days.length;
  const recency = asOf - days[n - 1];
  let risk = 90;
  let lost = 180;
  if (n >= 3) {
    const gaps = days.slice(1).map((d, i) => d - days[i]).slice(-12).sort((a, b) => a - b);
    const m = gaps.length;
    const cadence = m % 2 ? gaps[(m - 1) / 2] : (gaps[m / 2 - 1] + gaps[m / 2]) / 2;
    risk = 1.5 * cadence;
    lost = Math.max(3 * cadence, 60);
  }
  if (recency > lost) return 'lost';
  if (recency > risk) return 'at-risk';
  if (asOf - days[0] < 90) return 'new';
  return 'active';
}

function clientsOf(data: DistributorData, scenario: Scenario): string[] {
  return data.clients.filter((c) => c.scenario === scenario).map((c) => c.name);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('generateDistributor: determinism and shape', () => {
  it('gives identical data for the same options', () => {
    const again = generateDistributor({ seed: 1, clients: 400, years: 3, endDay: END });
    expect(again).toEqual(others[0]);
  });

  it('gives different data for a different seed', () => {
    expect(others[1].sales.length).not.toBe(others[0].sales.length);
    expect(others[1].clients.map((c) => c.name)).not.toEqual(others[0].clients.map((c) => c.name));
  });

  it('spans the asked years and ends with a sale on the end day, nothing after it', () => {
    expect(sample.startDay).toBe(dayFromYmd(2023, 11, 1));
    expect(winter.startDay).toBe(dayFromYmd(2023, 3, 17));
    for (const data of all) {
      expect(data.sales[data.sales.length - 1].day).toBe(data.endDay);
      for (const rows of [data.sales, data.requests, data.contacts, data.complaints]) {
        const days = rows.map((r) => r.day);
        expect(Math.min(...days)).toBeGreaterThanOrEqual(data.startDay);
        expect(Math.max(...days)).toBeLessThanOrEqual(data.endDay);
      }
    }
  });

  it('sorts every list by day and keeps client names unique', () => {
    for (const data of all) {
      for (const rows of [data.sales, data.requests, data.contacts, data.complaints]) {
        expect(rows.every((r, i) => i === 0 || r.day >= rows[i - 1].day)).toBe(true);
      }
      expect(new Set(data.clients.map((c) => c.name)).size).toBe(data.clients.length);
    }
  });

  it('makes about linesTarget lines', () => {
    expect(sample.sales.length).toBeGreaterThan(30_000);
    expect(sample.sales.length).toBeLessThan(34_000);
  });

  it('computes every amount as round(quantity × price), quantities in whole steps of the product', () => {
    const credits = sample.sales.filter((s) => s.document.startsWith('КР-'));
    const goods = sample.sales.filter((s) => !s.document.startsWith('КР-'));
    expect(credits.every((s) => s.quantity === 0 && s.price === 0 && s.amount < 0)).toBe(true);
    expect(goods.filter((s) => s.amount !== Math.round((s.quantity * s.price) / 1000))).toEqual([]);
    expect(goods.filter((s) => Math.abs(s.quantity) % 50 !== 0)).toEqual([]);
    expect(sample.sales.every((s) => Number.isInteger(s.amount) && Number.isInteger(s.profit))).toBe(true);
  });

  it('concentrates value like real B2B: the top 20 % of clients bring most of the revenue', () => {
    const byClient = new Map<string, number>();
    for (const s of sample.sales) byClient.set(s.client, (byClient.get(s.client) ?? 0) + s.amount);
    const values = [...byClient.values()].filter((v) => v > 0).sort((a, b) => b - a);
    const top = values.slice(0, Math.round(values.length / 5)).reduce((a, b) => a + b, 0);
    expect(top / values.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.6);
  });

  it('refuses too few clients or too short a history', () => {
    expect(() => generateDistributor({ seed: 1, clients: 10, years: 3, endDay: END })).toThrow(RangeError);
    expect(() => generateDistributor({ seed: 1, clients: 100, years: 1, endDay: END })).toThrow(RangeError);
  });

  it('generates 100,000 lines', () => {
    const big = generateDistributor({ seed: 9, clients: 1500, years: 3, endDay: END, linesTarget: 100_000 });
    expect(big.sales.length).toBeGreaterThan(90_000);
  });
});

describe('generateDistributor: every scenario shows its pattern in the raw data', () => {
  it('has every scenario, with background clients of the common ones', () => {
    const scenarios = new Set(sample.clients.map((c) => c.scenario));
    expect(scenarios.size).toBe(14);
    expect(scenarios.has('probe')).toBe(false);
    expect(sample.clients.filter((c) => !c.showcase && c.scenario === 'lost').length).toBeGreaterThan(30);
  });

  const expectations: [Scenario, string[]][] = [
    ['regular', ['active']],
    ['growing', ['active']],
    ['lost', ['lost']],
    ['at-risk', ['at-risk']],
    ['volume-drop', ['active']],
    ['returning', ['active']],
    ['new', ['new']],
    ['one-off', ['lost']],
  ];
  it.each(expectations)('%s clients have status %s', (scenario, statuses) => {
    for (const data of all) {
      const days = purchaseDays(data);
      for (const client of clientsOf(data, scenario)) {
        const status = statusOf(days.get(client)!.map((d) => d.day), data.endDay);
        expect({ client, status }).toEqual({ client, status: expect.toBeOneOf(statuses) });
      }
    }
  });

  it('lost clients last bought more than 180 days before the end', () => {
    for (const data of all) {
      const days = purchaseDays(data);
      for (const client of clientsOf(data, 'lost')) expect(data.endDay - days.get(client)!.at(-1)!.day).toBeGreaterThan(180);
    }
  });

  it('volume-drop clients: the last 3 purchase days are worth at most half the mean of the 12 before', () => {
    for (const data of all) {
      const days = purchaseDays(data);
      for (const client of clientsOf(data, 'volume-drop')) {
        const values = days.get(client)!.map((d) => d.value);
        expect(values.length).toBeGreaterThanOrEqual(6);
        expect(mean(values.slice(-3))).toBeLessThanOrEqual(0.5 * mean(values.slice(-15, -3)));
      }
    }
  });

  it('new clients first bought within 90 days of the end; one-off clients bought on one day only', () => {
    for (const data of all) {
      const days = purchaseDays(data);
      for (const client of clientsOf(data, 'new')) expect(data.endDay - days.get(client)![0].day).toBeLessThan(90);
      for (const client of clientsOf(data, 'one-off')) expect(days.get(client)!.length).toBe(1);
    }
  });

  it('returning clients were silent for more than 180 days and bought again in the last 60', () => {
    for (const data of all) {
      const days = purchaseDays(data);
      for (const client of clientsOf(data, 'returning')) {
        const d = days.get(client)!.map((x) => x.day);
        const longest = Math.max(...d.slice(1).map((x, i) => x - d[i]));
        expect(longest).toBeGreaterThan(180);
        expect(data.endDay - d[d.length - 1]).toBeLessThan(60);
      }
    }
  });

  it('seasonal clients buy only from April to October', () => {
    for (const data of all) {
      const days = purchaseDays(data);
      for (const client of clientsOf(data, 'seasonal')) {
        for (const { day } of days.get(client)!) expect(ymdFromDay(day).month).toBeOneOf([4, 5, 6, 7, 8, 9, 10]);
      }
    }
  });

  it('growing clients buy more in their last year than in their first', () => {
    for (const data of all) {
      const days = purchaseDays(data);
      for (const client of clientsOf(data, 'growing')) {
        const d = days.get(client)!;
        const firstYear = d.filter((x) => x.day < d[0].day + 365).reduce((a, x) => a + x.value, 0);
        const lastYear = d.filter((x) => x.day > data.endDay - 365).reduce((a, x) => a + x.value, 0);
        expect(lastYear).toBeGreaterThan(firstYear);
      }
    }
  });

  it('requests-without-orders clients made 3 or more requests after their last purchase', () => {
    for (const data of all) {
      const days = purchaseDays(data);
      for (const client of clientsOf(data, 'requests-without-orders')) {
        const last = days.get(client)!.at(-1)!.day;
        expect(data.requests.filter((r) => r.client === client && r.day > last).length).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('only requests-without-orders clients have 3+ requests after their last purchase', () => {
    const days = purchaseDays(sample);
    const scenarioOf = new Map(sample.clients.map((c) => [c.name, c.scenario]));
    const after = new Map<string, number>();
    for (const r of sample.requests) if (r.day > days.get(r.client)!.at(-1)!.day) after.set(r.client, (after.get(r.client) ?? 0) + 1);
    for (const [client, count] of after) if (count >= 3) expect(scenarioOf.get(client)).toBe('requests-without-orders');
  });

  it('unresponsive clients left their last 3 contact attempts after the last purchase unanswered', () => {
    for (const data of all) {
      const days = purchaseDays(data);
      for (const client of clientsOf(data, 'unresponsive')) {
        const last = days.get(client)!.at(-1)!.day;
        const after = data.contacts.filter((c) => c.client === client && c.day > last);
        expect(after.length).toBeGreaterThanOrEqual(3);
        expect(after.slice(-3).map((c) => c.answered)).toEqual([false, false, false]);
      }
    }
  });

  it('complaint clients complained within the last 90 days and bought nothing after', () => {
    for (const data of all) {
      const days = purchaseDays(data);
      for (const client of clientsOf(data, 'complaint')) {
        const last = days.get(client)!.at(-1)!.day;
        const recent = data.complaints.filter((c) => c.client === client && data.endDay - c.day <= 90 && c.day > last);
        expect(recent.length).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('other clients never complain after their last purchase', () => {
    const days = purchaseDays(sample);
    const scenarioOf = new Map(sample.clients.map((c) => [c.name, c.scenario]));
    for (const c of sample.complaints) {
      if (c.day > days.get(c.client)!.at(-1)!.day) expect(scenarioOf.get(c.client)).toBe('complaint');
    }
  });
});

describe('generateDistributor: returns and names', () => {
  const linesOf = (data: DistributorData, document: string): GeneratedSale[] => data.sales.filter((s) => s.document === document);

  it('returns one sale in full: the pair nets to exactly zero, line by line', () => {
    for (const data of all) {
      const { client, saleDocument, returnDocument } = data.fullReturn;
      const sale = linesOf(data, saleDocument);
      const back = linesOf(data, returnDocument);
      expect(sale.length).toBeGreaterThanOrEqual(3);
      expect(back.length).toBe(sale.length);
      expect(sale.every((s) => s.client === client && s.amount > 0)).toBe(true);
      expect(back[0].day).toBeGreaterThan(sale[0].day);
      for (const field of ['quantity', 'amount', 'profit'] as const) {
        expect([...sale, ...back].reduce((a, s) => a + s[field], 0)).toBe(0);
      }
      expect(data.sales.filter((s) => s.client === client).reduce((a, s) => a + s.amount, 0)).toBe(0);
    }
  });

  it('has partial returns (negative quantity) and credit notes among the lines', () => {
    const returns = sample.sales.filter((s) => s.quantity < 0);
    const credits = sample.sales.filter((s) => s.quantity === 0);
    expect(returns.length).toBeGreaterThan(20);
    expect(credits.length).toBeGreaterThan(5);
    expect(returns.every((s) => s.amount < 0 && s.document.startsWith('ВЗ-'))).toBe(true);
  });

  it('gives the returns-only client a return and a credit note and no purchase day', () => {
    const days = purchaseDays(sample);
    const [client] = clientsOf(sample, 'returns-only');
    expect(sample.sales.filter((s) => s.client === client).map((s) => s.amount < 0)).toEqual([true, true]);
    expect(days.get(client)).toEqual([]);
  });

  it('adds the probe clients a test asks for, each with a few normal sales, and none otherwise', () => {
    const probed = generateDistributor({ seed: 20_261_031, clients: 100, years: 3, endDay: END, probes: HOSTILE_PROBES });
    expect(probed.clients.filter((c) => c.scenario === 'probe').map((c) => c.name)).toEqual(HOSTILE_PROBES);
    expect(sample.clients.some((c) => HOSTILE_PROBES.includes(c.name))).toBe(false);
    for (const name of HOSTILE_PROBES) {
      const lines = probed.sales.filter((s) => s.client === name);
      expect(new Set(lines.map((s) => s.day)).size).toBeGreaterThanOrEqual(3);
      expect(lines.every((s) => s.amount > 0)).toBe(true);
    }
  });

  it('names clients like a Russian B2B catalogue, with a few Latin names', () => {
    const names = sample.clients.map((c) => c.name);
    expect(names.filter((n) => n.startsWith('ООО ')).length).toBeGreaterThan(200);
    expect(names.filter((n) => n.startsWith('ИП ')).length).toBeGreaterThan(80);
    expect(names.filter((n) => /^[A-Za-z ]+$/.test(n)).length).toBeGreaterThan(5);
    expect(names).toContain('ООО "СтройМаркет"');
  });
});
