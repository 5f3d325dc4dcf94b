import { describe, expect, it } from 'vitest';
import { freeTabName, MAX_TAB_NAME, sameTabName, tabName } from '../../core/layout/tab-names.js';

describe('tab names', () => {
  it('make any text a valid name: no [ ] : * ? / \\, no edge apostrophes, at most 31 characters, never empty', () => {
    expect(tabName('Sales 2026/03')).toBe('Sales 2026 03');
    expect(tabName("'Q1: [draft]?'")).toBe('Q1 draft');
    expect(tabName('A'.repeat(40))).toHaveLength(MAX_TAB_NAME);
    expect(tabName(' *** ')).toBe('Sheet');
    expect(tabName('', 'Sheet1')).toBe('Sheet1');
  });

  it('are the same name whatever the case', () => {
    expect(sameTabName('Clients', 'CLIENTS')).toBe(true);
    expect(sameTabName('Клиенты', 'клиенты')).toBe(true);
    expect(sameTabName('Clients', 'Clients (2)')).toBe(false);
  });

  it('find the first free name, comparing without case, within 31 characters', () => {
    expect(freeTabName('Clients', ['Sales'])).toBe('Clients');
    expect(freeTabName('Clients', ['clients', 'Clients (2)'])).toBe('Clients (3)');
    expect(freeTabName('Клиенты', ['КЛИЕНТЫ'])).toBe('Клиенты (2)');
    const long = 'Клиенты, которых стоит вернуть сейчас';
    // The first 31 characters end in a space: a name ends with no space, so the taken one counts as "…вернуть".
    expect(freeTabName(long, [long.slice(0, 31)])).toBe('Клиенты, которых стоит верн (2)');
    expect(freeTabName('A'.repeat(40), ['A'.repeat(31)])).toBe(`${'A'.repeat(27)} (2)`);
  });
});
