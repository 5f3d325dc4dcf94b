import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze/analyze.js';
import type { Analysis } from '../../core/analyze/analysis.js';
import { dayFromYmd } from '../../core/basics/calendar.js';
import { words } from '../../core/i18n/index.js';
import { summarize } from '../../core/report/run-summary.js';
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
  it('counts the hand-worked statuses, matrix cells and rejected rows of the fixture', () => {
    const s = summarize(analysis(), 'en');
    expect(s.asOf).toBe('2026-03-31');
    expect([s.windowFrom, s.windowTo]).toEqual(['2025-04-01', '2026-03-31']);
    expect(s.clients).toBe(4);
    expect(s.statusCounts).toEqual({ active: 1, 'at-risk': 1, lost: 1, new: 1 });
    expect(s.matrix).toEqual({ AX: 1, AZ: 1, CY: 1, CN: 1 });
    expect(s.rejectedRows).toBe(2);
    expect(s.winBackCount).toBe(2);
  });

  it('lists the clients of the action lists in order with their actions about them in the language asked', () => {
    const en = words('en').report;
    const [delta, beta] = summarize(analysis(), 'en').topWinBack;
    expect(delta).toMatchObject({ client: 'Delta', list: 'Keep', tier: 'Bronze', status: 'At risk', signals: [en.signal.overdue] });
    expect(delta!.actions).toEqual([expect.stringMatching(/^No purchase for \d+ days( \(usually every \d+\))?: invite the client to company events/)]);
    expect(beta).toMatchObject({ client: 'Beta', list: 'Win back', tier: 'Gold', status: 'Lost', signals: [en.signal.overdue] });
    expect(beta!.actions).toEqual([expect.stringMatching(/: arrange a meeting with a senior manager and assign a new account manager/)]);
    const ru = summarize(analysis(), 'ru').topWinBack[1]!;
    expect(ru).toMatchObject({ client: 'Beta', list: 'Вернуть', tier: 'Золото', status: 'Потерян', signals: ['Давно не покупает'] });
    expect(ru.actions[0]).toMatch(/организуйте встречу с руководителем/);
  });

  it('keeps only the first `top` clients of the win-back list, and the full count', () => {
    const s = summarize(analysis(), 'en', 1);
    expect(s.topWinBack.map((c) => c.client)).toEqual(['Delta']);
    expect(s.winBackCount).toBe(2);
  });

  it('says why P(alive) is empty when the model could not be fitted, and nothing when it was switched off', () => {
    // Four clients are far fewer than the model needs: it is skipped as too-few-repeaters.
    expect(summarize(analysis(), 'en').modelNote).toBe(
      'P(alive) and the expected purchases and values are empty: too few clients bought more than once to fit the purchase model.',
    );
    expect(summarize(analysis({ model: 'none' }), 'en').modelNote).toBeNull();
  });

  it('is plain JSON (it crosses google.script.run)', () => {
    const s = summarize(analysis(), 'ru');
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});
