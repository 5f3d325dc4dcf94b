import { describe, expect, it } from 'vitest';
import { freeName, parseRegistry, tabsToReplace } from '../../addin/tab-registry.js';

describe('tab registry', () => {
  const registry = [
    { key: 'clients' as const, id: '7', name: 'Clients' },
    { key: 'kpi' as const, id: '8', name: 'KPI' },
  ];

  it('replaces a registered tab only while it keeps its id and name, and never a protected one', () => {
    const sheets = [
      { id: '1', name: 'Sales' },
      { id: '7', name: 'Clients' },
      { id: '9', name: 'KPI' },
      { id: '8', name: 'KPI March' },
    ];
    expect(tabsToReplace(registry, sheets, new Set())).toEqual([{ id: '7', name: 'Clients' }]);
    expect(tabsToReplace(registry, sheets, new Set(['Clients']))).toEqual([]);
  });

  it('finds a free name: suffix (2), (3)…, without case, within 31 characters', () => {
    expect(freeName('Clients', ['Sales'])).toBe('Clients');
    expect(freeName('Clients', ['clients', 'Clients (2)'])).toBe('Clients (3)');
    const long = 'Клиенты, которых стоит вернуть сейчас';
    const name = freeName(long, [long.slice(0, 31)]);
    expect(name).toBe(`${long.slice(0, 27)} (2)`);
    expect(name.length).toBe(31);
  });

  it('reads only well-formed registry entries', () => {
    expect(parseRegistry(null)).toEqual([]);
    expect(parseRegistry('x')).toEqual([]);
    expect(parseRegistry([registry[0], { key: 'kpi', id: 8 }, null])).toEqual([registry[0]]);
  });
});
