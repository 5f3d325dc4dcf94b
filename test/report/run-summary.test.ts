import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze/analyze.js';
import type { Analysis } from '../../core/analyze/analysis.js';
import { dayFromYmd } from '../../core/basics/calendar.js';
import { words } from '../../core/i18n/index.js';
import { summarize } from '../../core/report/run-summary.js';
import { actionSentence, actionSentences } from '../../core/report/actions.js';
import { readSales } from '../../core/read/index.js';
import { salesGrid } from '../panel/fixtures.js';

function analysis(options = {}): Analysis {
  const read = readSales(salesGrid());
  if (!read.ok) throw new Error('fixture does not read');
  const outcome = analyze({ sales: read.records, rows: read.dataRows, rejected: read.rejected }, { asOf: dayFromYmd(2026, 3, 31), ...options });
  if (!outcome.ok) throw new Error(outcome.code);
  return outcome.analysis;
}

describe('summarize', () => {
  it('counts the hand-worked statuses, matrix cells and rejected rows of the fixture, and the window it used', () => {
    const s = summarize(analysis());
    expect(s.asOf).toBe('2026-03-31');
    expect([s.windowFrom, s.windowTo, s.period, s.periods]).toEqual(['2025-04-01', '2026-03-31', 'month', 12]);
    expect(s.clients).toBe(4);
    expect(s.statusCounts).toEqual({ active: 1, 'at-risk': 1, lost: 1, new: 1 });
    expect(s.matrix).toEqual({ AX: 1, AZ: 1, CY: 1, CN: 1 });
    expect([s.noStatus, s.noClass]).toEqual([0, 0]);
    expect(s.rejectedRows).toBe(2);
    expect(s.winBackCount).toBe(2);
  });

  it('says how many clients have no status (only returns) and no class (nothing bought in the window), so the counts add up', () => {
    const grid = [
      ...salesGrid(),
      // Only a return: no purchase day, so no status, and no positive value, so no class.
      ['Epsilon', '2026-02-10', -40],
      // Bought before the window only: a status (lost), but no value in the window, so no class.
      ['Zeta', '2024-01-10', 70],
      ['Zeta', '2024-02-10', 70],
    ];
    const read = readSales(grid);
    if (!read.ok) throw new Error('fixture does not read');
    const outcome = analyze({ sales: read.records, rows: read.dataRows, rejected: read.rejected }, { asOf: dayFromYmd(2026, 3, 31) });
    if (!outcome.ok) throw new Error(outcome.code);
    const s = summarize(outcome.analysis);
    expect(s.clients).toBe(6);
    expect(s.statusCounts).toEqual({ active: 1, 'at-risk': 1, lost: 2, new: 1 });
    expect(s.noStatus).toBe(1);
    expect(s.noClass).toBe(2);
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(sum(s.statusCounts) + s.noStatus).toBe(s.clients);
    expect(sum(s.matrix) + s.noClass).toBe(s.clients);
  });

  it('gives each win-back card its list and keys, its value at stake (formerValue), its days without a purchase, and the facts its actions are worded from', () => {
    const a = analysis();
    const cards = summarize(a).topWinBack;
    expect(cards).toMatchObject([
      { client: 'Delta', list: 'keep', tier: 'bronze', status: 'at-risk', signals: ['overdue'], actions: ['overdue'], valueAtStake: 200, recencyDays: 59 },
      { client: 'Beta', list: 'win-back', tier: 'gold', status: 'lost', signals: ['overdue'], actions: ['overdue-gold'], valueAtStake: 6000, recencyDays: 289 },
    ]);
    for (const card of cards) {
      const client = a.clients.find((c) => c.client === card.client)!;
      for (const lang of ['en', 'ru'] as const) expect(card.actions.map((key) => actionSentence(lang, card, key))).toEqual(actionSentences(lang, client));
    }
  });

  it('keeps only the first `top` clients of the win-back list, and the full count', () => {
    const s = summarize(analysis(), 1);
    expect(s.topWinBack.map((c) => c.client)).toEqual(['Delta']);
    expect(s.winBackCount).toBe(2);
  });

  it('says why P(alive) is empty with the counts behind it, and nothing when the model was switched off', () => {
    // Four clients, three of them with a repeat purchase day, are far fewer than the model needs.
    expect(summarize(analysis()).model).toEqual({ kind: 'skipped', code: 'too-few-repeaters', clients: 4, repeaters: 3, minClients: 20, minRepeaters: 10 });
    expect(summarize(analysis({ model: 'none' })).model).toBeNull();
  });

  it('is plain JSON with no text in a language (it crosses google.script.run, and the panel words it)', () => {
    const s = summarize(analysis());
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    const texts = JSON.stringify(s);
    for (const word of [words('en').report.signal.overdue, words('ru').report.signal.overdue, words('en').report.tier.gold]) expect(texts).not.toContain(word);
  });
});
