import { describe, expect, it } from 'vitest';
import { parseRegistry, tabsToReplace } from '../../addin/tab-registry.js';

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

  it('reads only well-formed registry entries', () => {
    expect(parseRegistry(null)).toEqual([]);
    expect(parseRegistry('x')).toEqual([]);
    expect(parseRegistry([registry[0], { key: 'kpi', id: 8 }, null])).toEqual([registry[0]]);
  });
});
