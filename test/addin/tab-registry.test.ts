import { describe, expect, it } from 'vitest';
import { markText, parseMark, parseRegistry, tabsToReplace } from '../../addin/tab-registry.js';

describe('tab registry and marks', () => {
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

  it('replaces a marked tab under the name in its mark, whatever its id (ids change on reopening)', () => {
    const mark = { key: 'clients' as const, name: 'Clients' };
    const sheets = [
      { id: 'a', name: 'Clients', mark },
      { id: 'b', name: 'Clients (2)', mark },
      { id: 'c', name: 'Clients' },
      { id: 'd', name: '~wbk3j9n2', mark },
      { id: 'e', name: '~wbk3j9n2' },
    ];
    expect(tabsToReplace([], sheets, new Set()).map((s) => s.id)).toEqual(['a', 'd']);
  });

  it('reads only well-formed registry entries and marks', () => {
    expect(parseRegistry(null)).toEqual([]);
    expect(parseRegistry('x')).toEqual([]);
    expect(parseRegistry([registry[0], { key: 'kpi', id: 8 }, null])).toEqual([registry[0]]);
    expect(parseMark(markText({ key: 'kpi', name: 'KPI' }))).toEqual({ key: 'kpi', name: 'KPI' });
    for (const stored of [null, 42, '', 'not json', '{"key":"kpi"}', '[1]']) expect(parseMark(stored), String(stored)).toBeNull();
  });
});
