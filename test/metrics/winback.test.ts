import { describe, expect, it } from 'vitest';
import { recommendedActions, winBackOrder } from '../../core/metrics/winback.js';

describe('win-back', () => {
  it('recommends one action per signal, a senior meeting for gold, mailing only for lost bronze', () => {
    expect(recommendedActions(['overdue', 'complaint'], 'bronze', 'lost')).toEqual(['mailing-only']);
    expect(recommendedActions(['overdue', 'volume-drop'], 'gold', 'at-risk')).toEqual(['overdue-gold', 'volume-drop']);
    expect(recommendedActions(['overdue'], 'silver', 'lost')).toEqual(['overdue']);
    expect(recommendedActions([], 'bronze', 'lost')).toEqual([]);
  });

  it('orders by tier, then former value, then name, and keeps only clients with signals', () => {
    const list = winBackOrder([
      { client: 'b', tier: 'silver', formerValue: 900, signals: ['overdue'] },
      { client: 'a', tier: 'gold', formerValue: 100, signals: ['complaint'] },
      { client: 'c', tier: 'silver', formerValue: 950, signals: ['overdue'] },
      { client: 'd', tier: 'gold', formerValue: 5000, signals: [] },
      { client: 'e', tier: null, formerValue: 0, signals: ['requests-without-orders'] },
    ] as const);
    expect(list.map((c) => c.client)).toEqual(['a', 'c', 'b', 'e']);
  });
});
