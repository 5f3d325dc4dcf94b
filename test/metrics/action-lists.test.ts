import { describe, expect, it } from 'vitest';
import { actionList, actionListOrder, recommendedActions, type ListCandidate } from '../../core/metrics/action-lists.js';

const client = (patch: Partial<ListCandidate>): ListCandidate => ({
  client: 'x',
  status: 'active',
  tier: 'gold',
  signals: [],
  movement: [],
  valueAtStake: 100,
  ...patch,
});

describe('the action lists (SPEC §6a)', () => {
  it('keep: at-risk whatever else, or not lost with a complaint', () => {
    expect(actionList(client({ status: 'at-risk', signals: ['overdue'] }))).toBe('keep');
    expect(actionList(client({ status: 'at-risk', tier: 'bronze', signals: ['overdue', 'volume-drop'] }))).toBe('keep');
    expect(actionList(client({ status: 'active', signals: ['complaint', 'volume-drop'] }))).toBe('keep');
    expect(actionList(client({ status: 'new', tier: null, signals: ['complaint'] }))).toBe('keep');
  });

  it('win back: lost gold or silver; mailing only: lost bronze or without a tier, complaint or not', () => {
    expect(actionList(client({ status: 'lost', tier: 'gold', signals: ['overdue'] }))).toBe('win-back');
    expect(actionList(client({ status: 'lost', tier: 'silver', signals: ['overdue', 'complaint'] }))).toBe('win-back');
    expect(actionList(client({ status: 'lost', tier: 'bronze', signals: ['overdue', 'complaint'] }))).toBe('mailing');
    expect(actionList(client({ status: 'lost', tier: null, signals: ['overdue'] }))).toBe('mailing');
  });

  it('grow: new or active with a smaller-orders, requests or no-answer sign, or a losing movement', () => {
    expect(actionList(client({ signals: ['volume-drop'] }))).toBe('grow');
    expect(actionList(client({ status: 'new', signals: ['requests-without-orders'] }))).toBe('grow');
    expect(actionList(client({ signals: ['unresponsive'] }))).toBe('grow');
    for (const kind of ['buys-less', 'less-often', 'cheaper', 'dropped-products'] as const) expect(actionList(client({ movement: [kind] })), kind).toBe('grow');
  });

  it('leaves out a client with nothing to act on, and growth that is no loss', () => {
    expect(actionList(client({}))).toBeNull();
    expect(actionList(client({ movement: ['buys-more', 'new', 'reactivated'] }))).toBeNull();
    expect(actionList(client({ status: 'lost', movement: ['vanished'] }))).toBeNull();
  });

  it('orders list by list, then by value at stake, then by the number of signs, then by name', () => {
    const placed = [
      client({ client: 'grow-rich', status: 'active', signals: ['volume-drop'], valueAtStake: 9_000 }),
      client({ client: 'keep-small', status: 'at-risk', signals: ['overdue'], valueAtStake: 10 }),
      client({ client: 'mailing', status: 'lost', tier: 'bronze', signals: ['overdue'], valueAtStake: 50_000 }),
      client({ client: 'win-back', status: 'lost', tier: 'gold', signals: ['overdue'], valueAtStake: 1 }),
      client({ client: 'keep-b', status: 'at-risk', signals: ['overdue', 'complaint'], valueAtStake: 500 }),
      client({ client: 'keep-a', status: 'at-risk', signals: ['overdue'], valueAtStake: 500 }),
      client({ client: 'keep-c', status: 'at-risk', signals: ['overdue'], valueAtStake: 500 }),
      client({ client: 'none', valueAtStake: 1_000_000 }),
    ].map((c) => ({ ...c, list: actionList(c) }));
    expect(actionListOrder(placed).map((c) => c.client)).toEqual(['keep-b', 'keep-a', 'keep-c', 'keep-small', 'win-back', 'grow-rich', 'mailing']);
  });
});

describe('recommended actions', () => {
  it('gives one action per sign, a senior meeting for gold, mailing only in the mailing list', () => {
    const gold = client({ status: 'at-risk', signals: ['overdue', 'complaint'] });
    expect(recommendedActions(gold, 'keep')).toEqual(['overdue-gold', 'complaint']);
    const silver = client({ status: 'lost', tier: 'silver', signals: ['overdue'] });
    expect(recommendedActions(silver, 'win-back')).toEqual(['overdue']);
    const bronze = client({ status: 'lost', tier: 'bronze', signals: ['overdue', 'complaint'] });
    expect(recommendedActions(bronze, 'mailing')).toEqual(['mailing-only']);
    expect(recommendedActions(client({}), null)).toEqual([]);
  });

  it('adds the movement to a client in the Grow list, without repeating smaller orders', () => {
    expect(recommendedActions(client({ movement: ['buys-less', 'dropped-products'] }), 'grow')).toEqual(['dropped-products', 'buying-less']);
    expect(recommendedActions(client({ signals: ['volume-drop'], movement: ['buys-less'] }), 'grow')).toEqual(['volume-drop']);
    expect(recommendedActions(client({ signals: ['unresponsive'], movement: ['cheaper'] }), 'grow')).toEqual(['unresponsive', 'buying-less']);
  });

  it('names the dropped products in Keep and Win back too, but not in the mailing list, and buying less only in Grow', () => {
    const kept = client({ status: 'at-risk', signals: ['overdue'], movement: ['buys-less', 'dropped-products'] });
    expect(recommendedActions(kept, 'keep')).toEqual(['overdue-gold', 'dropped-products']);
    const lost = client({ status: 'lost', tier: 'silver', signals: ['overdue'], movement: ['dropped-products'] });
    expect(recommendedActions(lost, 'win-back')).toEqual(['overdue', 'dropped-products']);
    expect(recommendedActions({ ...lost, tier: 'bronze' }, 'mailing')).toEqual(['mailing-only']);
  });
});
