import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPayloadTooLarge, jsonBytes, rowsForBudget, utf8Length } from '../../addin/payload.js';

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
