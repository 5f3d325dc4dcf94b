import { describe, expect, it } from 'vitest';
import { is1904System, isDateFormat, serialForWorkbook, to1900Serials } from '../../addin/date-system.js';
import { dayFromYmd } from '../../core/basics/calendar.js';

describe('Excel date systems', () => {
  it('tells the 1904 system by DATE(1904,1,1)', () => {
    expect(is1904System(0)).toBe(true);
    expect(is1904System(1462)).toBe(false);
  });

  it('recognises date formats, not numbers, times or text with d and y in quotes', () => {
    for (const format of ['dd.mm.yyyy', 'm/d/yy', 'yyyy-mm-dd', '[$-F800]dddd, mmmm dd, yyyy', 'd-mmm', 'DD.MM.YYYY h:mm', '[$-419]d mmmm yyyy "г."'])
      expect(isDateFormat(format), format).toBe(true);
    for (const format of ['General', '0.00', '#,##0', 'mm:ss', '[h]:mm', '# ##0 "дн."', '0 "days"', '0.0%', '_(* #,##0_)', '@', null, 42])
      expect(isDateFormat(format), String(format)).toBe(false);
  });

  it('shifts only date-formatted numbers by 1462 days', () => {
    expect(
      to1900Serials(
        [
          [44196, 44196, '44196', 44196.75],
          [null, true, 1, 0],
        ],
        [
          ['dd.mm.yyyy', 'General', 'dd.mm.yyyy', 'dd.mm.yyyy hh:mm'],
          ['dd.mm.yyyy', 'dd.mm.yyyy', '0.00', 'yyyy'],
        ],
      ),
    ).toEqual([
      [45658, 44196, '44196', 45658.75],
      [null, true, 1, 1462],
    ]);
  });

  it('writes 2026-03-05 as 46086 (1900) or 44624 (1904)', () => {
    const day = dayFromYmd(2026, 3, 5);
    expect(serialForWorkbook(day, false)).toBe(46086);
    expect(serialForWorkbook(day, true)).toBe(44624);
  });
});
