import { describe, expect, it } from 'vitest';
import { overallPercent } from '../../ui/progress-view.js';

describe('overallPercent', () => {
  it('gives each stage its share of the bar: read 0–40, analyse 40–75, tabs 75–80, write 80–100', () => {
    expect(overallPercent({ stage: 'read', done: 0, total: 200_000 })).toBe(0);
    expect(overallPercent({ stage: 'read', done: 50_000, total: 200_000 })).toBe(10);
    expect(overallPercent({ stage: 'read', done: 200_000, total: 200_000 })).toBe(40);
    expect(overallPercent({ stage: 'analyze', done: 0, total: 10 })).toBe(40);
    expect(overallPercent({ stage: 'report', done: 1, total: 1 })).toBe(80);
    expect(overallPercent({ stage: 'write', done: 1, total: 2 })).toBe(90);
    expect(overallPercent({ stage: 'write', done: 5, total: 5 })).toBe(100);
  });

  it('treats an unknown total as the start of the stage and never leaves its stage', () => {
    expect(overallPercent({ stage: 'write', done: 0, total: 0 })).toBe(80);
    expect(overallPercent({ stage: 'read', done: 12, total: 10 })).toBe(40);
  });
});
