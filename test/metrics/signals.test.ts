import { describe, expect, it } from 'vitest';
import {
  hasOpenComplaint,
  isOverdue,
  isUnresponsive,
  isVolumeDrop,
  requestsWithoutOrders,
} from '../../core/metrics/signals.js';

describe('signals', () => {
  it('overdue means at-risk or lost', () => {
    expect([isOverdue('at-risk'), isOverdue('lost'), isOverdue('active'), isOverdue('new'), isOverdue(null)]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('needs three requests after the last purchase and not after asOf', () => {
    expect(requestsWithoutOrders([11, 12, 13], 10, 20)).toBe(true);
    expect(requestsWithoutOrders([10, 12, 13], 10, 20)).toBe(false);
    expect(requestsWithoutOrders([11, 12, 21], 10, 20)).toBe(false);
  });

  it('needs the last three attempts after the last purchase to be unanswered', () => {
    const no = (day: number) => ({ day, answered: false });
    expect(isUnresponsive([no(11), no(12), no(13)], 10, 20)).toBe(true);
    expect(isUnresponsive([no(11), no(12), { day: 13, answered: true }], 10, 20)).toBe(false);
    expect(isUnresponsive([{ day: 11, answered: true }, no(12), no(13), no(14)], 10, 20)).toBe(true);
    expect(isUnresponsive([no(9), no(12), no(13)], 10, 20)).toBe(false);
  });

  it('detects the worked volume drop and respects its guards', () => {
    expect(isVolumeDrop([100, 120, 80, 100, 40, 50, 60], 'active')).toBe(true);
    expect(isVolumeDrop([100, 120, 80, 100, 40, 50, 61], 'active')).toBe(false);
    expect(isVolumeDrop([100, 120, 80, 100, 40, 50, 60], 'lost')).toBe(false);
    expect(isVolumeDrop([100, 120, 40, 50, 60], 'active')).toBe(false);
  });

  it('compares against at most the 12 purchase days before the last three', () => {
    const old = Array(10).fill(1000);
    const earlier = Array(12).fill(100);
    expect(isVolumeDrop([...old, ...earlier, 50, 50, 50], 'at-risk')).toBe(true);
  });

  it('flags a complaint in the last 90 days with no purchase after it', () => {
    expect(hasOpenComplaint([95], 90, 100)).toBe(true);
    expect(hasOpenComplaint([90], 90, 100)).toBe(true);
    expect(hasOpenComplaint([85], 90, 100)).toBe(false);
    expect(hasOpenComplaint([10], 5, 100)).toBe(false);
    expect(hasOpenComplaint([11], 5, 100)).toBe(true);
  });
});
