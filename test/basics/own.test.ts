import { describe, expect, it } from 'vitest';
import { hasOwn } from '../../core/basics/own.js';

describe('hasOwn', () => {
  it('sees own properties only, as Object.hasOwn does', () => {
    expect(hasOwn({ en: 1 }, 'en')).toBe(true);
    expect(hasOwn({}, 'toString')).toBe(false);
    expect(hasOwn(Object.create({ inherited: 1 }), 'inherited')).toBe(false);
    expect(hasOwn(Object.create(null, { own: { value: 1, enumerable: true } }), 'own')).toBe(true);
  });
});
