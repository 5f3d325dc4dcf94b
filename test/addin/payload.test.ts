import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockBytes, isPayloadTooLarge, jsonBytes, PayloadEstimate, rowsForBudget, utf8Length } from '../../addin/payload.js';

describe('request sizes', () => {
  it('counts UTF-8 bytes: 1 for ASCII, 2 for Cyrillic, 3 for €, 4 for an emoji', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('Жук')).toBe(6);
    expect(utf8Length('€')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
    expect(jsonBytes([[1, 'ab']])).toBe(10);
  });

  it('agrees with TextEncoder on any string', () => {
    const encoder = new TextEncoder();
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => utf8Length(text) === encoder.encode(text).length));
  });

  it('sizes blocks to the 4 MB budget, at least one row', () => {
    expect(rowsForBudget(100)).toBe(40_000);
    expect(rowsForBudget(10_000_000)).toBe(1);
    expect(rowsForBudget(0)).toBe(4_000_000);
  });

  it("recognises Excel's payload-size errors only", () => {
    expect(isPayloadTooLarge({ code: 'RequestPayloadSizeLimitExceeded' })).toBe(true);
    expect(isPayloadTooLarge({ code: 'ResponsePayloadSizeLimitExceeded' })).toBe(true);
    expect(isPayloadTooLarge({ code: 'ItemNotFound' })).toBe(false);
    expect(isPayloadTooLarge(null)).toBe(false);
  });
});

describe('block sizes', () => {
  it('measures a small block exactly and a large one on an even sample of 1,000 rows', () => {
    const small = Array.from({ length: 10 }, (_, i) => ['x', i]);
    expect(blockBytes(small)).toBe(jsonBytes(small));
    const large = Array.from({ length: 40_000 }, () => ['abcdefgh', 12345]);
    expect(blockBytes(large)).toBe(jsonBytes(large));
    const mixed = Array.from({ length: 40_000 }, (_, i) => [i % 2 === 0 ? 'a' : 'abc']);
    expect(Math.abs(blockBytes(mixed) - jsonBytes(mixed)) / jsonBytes(mixed)).toBeLessThan(0.01);
  });

  it('learns the real size of a request from a refusal, and aims lower afterwards', () => {
    const estimate = new PayloadEstimate();
    expect(estimate.budget).toBe(4_000_000);
    estimate.refused(4_000_000);
    expect(estimate.budget).toBeCloseTo(4_000_000 / 1.375, 3);
    estimate.refused(estimate.budget);
    expect(estimate.budget).toBeLessThan(4_000_000 / 1.375 / 1.25 + 1);
    expect(estimate.rowsFor(100)).toBe(Math.floor(estimate.budget / 100));
  });
});
