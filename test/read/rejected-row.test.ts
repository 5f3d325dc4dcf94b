/**
 * A rejected row's fields (core/read/types.ts): rejectedWith copies them in REJECTED_ROW_FIELDS
 * order — the order the JSON report writes them in (core/report/json-report.ts) — whatever order
 * the row was made in, leaves out the ones it lacks, and puts the extra fields after them.
 */
import { describe, expect, it } from 'vitest';
import { REJECTED_ROW_FIELDS, rejectedWith, type RejectedRow } from '../../core/read/types.js';

describe('rejectedWith', () => {
  it('copies every field in REJECTED_ROW_FIELDS order, then the extra ones', () => {
    const scrambled = { sheet: 'Продажи', value: '31.02.2026', source: 'requests', reason: 'bad-date', toRow: 9, row: 3 } as RejectedRow;
    const copy = rejectedWith(scrambled, { message: 'Date cannot be read' });
    expect(Object.keys(copy)).toEqual([...REJECTED_ROW_FIELDS, 'message']);
    expect(copy).toEqual({ ...scrambled, message: 'Date cannot be read' });
  });

  it('leaves out the fields a row lacks', () => {
    expect(Object.keys(rejectedWith({ row: 5, reason: 'no-client' }, { source: 'sales' }))).toEqual(['row', 'reason', 'source']);
  });
});
