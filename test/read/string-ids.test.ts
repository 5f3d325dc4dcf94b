import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringIds } from '../../core/read/string-ids.js';

describe('StringIds', () => {
  it('numbers distinct texts in the order they are first met', () => {
    const ids = new StringIds();
    expect(ids.id('Acme')).toBe(0);
    expect(ids.id('Beta')).toBe(1);
    expect(ids.id('Acme')).toBe(0);
    expect(ids.texts).toEqual(['Acme', 'Beta']);
  });

  it('tells apart texts that differ only in case, spaces, look-alike letters or the empty text', () => {
    const ids = new StringIds();
    const texts = ['', 'acme', 'Acme', 'Acme ', ' Acme', 'Асме' /* Cyrillic А, с, е */, 'Acme\u200b'];
    expect(texts.map((text) => ids.id(text))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(texts.map((text) => ids.id(text))).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('agrees with a Map on any sequence of texts, across many rehashes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('РТ-00000001', 'РТ-00000002', 'x')), { maxLength: 2000 }), (texts) => {
        const ids = new StringIds();
        const map = new Map<string, number>();
        for (const text of texts) {
          if (!map.has(text)) map.set(text, map.size);
          expect(ids.id(text)).toBe(map.get(text));
        }
        expect(ids.texts).toEqual([...map.keys()]);
        for (const text of texts) expect(ids.id(text)).toBe(map.get(text));
        expect(ids.texts.length).toBe(map.size);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps 330,000 document numbers apart (hash collisions resolved by the text)', () => {
    const ids = new StringIds();
    const n = 330_000;
    for (let i = 0; i < n; i++) ids.id(`РТ-${String(i).padStart(8, '0')}`);
    expect(ids.texts.length).toBe(n);
    expect(ids.id('РТ-00123456')).toBe(123456);
    expect(ids.id('РТ-00330000')).toBe(n);
  });
});
