import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromYmd, formatDay, serialFromDay } from '../../core/basics/calendar.js';
import { parseDay } from '../../core/read/parse-date.js';

const day = (text: string) => {
  const [y, m, d] = text.split('-').map(Number);
  return dayFromYmd(y!, m!, d!);
};
const read = (cell: Parameters<typeof parseDay>[0], options?: Parameters<typeof parseDay>[1]) => {
  const result = parseDay(cell, options);
  return result === null ? null : formatDay(result);
};

describe('parseDay: numbers', () => {
  it('reads Excel serials and drops the time', () => {
    expect(read(46086)).toBe('2026-03-05');
    expect(read(46086.75)).toBe('2026-03-05');
    expect(read(40513.35)).toBe('2010-12-01');
    expect(read(61)).toBe('1900-03-01');
    expect(read(2958465)).toBe('9999-12-31');
  });

  it('reads serials of the 1904 date system when told', () => {
    expect(read(44624, { date1904: true })).toBe('2026-03-05');
    expect(read(0, { date1904: true })).toBe('1904-01-01');
  });

  it('reads an 8-digit whole number as YYYYMMDD', () => {
    expect(read(20260305)).toBe('2026-03-05');
    expect(read(19970101)).toBe('1997-01-01');
    expect(read(20260231)).toBeNull();
  });

  it('refuses implausible numbers', () => {
    for (const value of [0, 60, -1, 2958466, 3e9, Number.NaN, Number.POSITIVE_INFINITY, 20260305.5]) expect(read(value)).toBeNull();
  });
});

describe('parseDay: Date objects', () => {
  it('takes the UTC calendar date', () => {
    expect(read(new Date(Date.UTC(2026, 2, 5)))).toBe('2026-03-05');
    expect(read(new Date(Date.UTC(2026, 2, 5, 23, 59, 59)))).toBe('2026-03-05');
    expect(read(new Date(Date.UTC(1969, 11, 31, 12)))).toBe('1969-12-31');
  });

  it('refuses an invalid Date', () => {
    expect(read(new Date(Number.NaN))).toBeNull();
  });
});

describe('parseDay: text', () => {
  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026-3-5', '2026-03-05'],
    ['2026/03/05', '2026-03-05'],
    ['2026.03.05', '2026-03-05'],
    ['2010-12-01 08:26:00', '2010-12-01'],
    ['2010-12-01T08:26:00Z', '2010-12-01'],
    ['2010-12-01T23:30:00.123+05:00', '2010-12-01'],
    ['2010-12-01T23:30-0500', '2010-12-01'],
    ['05.03.2026', '2026-03-05'],
    ['5.3.2026', '2026-03-05'],
    ['05.03.26', '2026-03-05'],
    ['05.03.2026 14:05', '2026-03-05'],
    ['05.03.2026 14:05:59', '2026-03-05'],
    ['5/3/2026', '2026-03-05'],
    ['05-03-2026', '2026-03-05'],
    ['20260305', '2026-03-05'],
    ['  05.03.2026  ', '2026-03-05'],
    ['29.02.2024', '2024-02-29'],
    ['31.12.1999', '1999-12-31'],
  ])('reads %j', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it('reads slash and dash dates month first when told', () => {
    expect(read('3/5/2026', { slashDates: 'mdy' })).toBe('2026-03-05');
    expect(read('12/1/2010 8:26', { slashDates: 'mdy' })).toBe('2010-12-01');
    expect(read('12/1/2010 8:26 AM', { slashDates: 'mdy' })).toBe('2010-12-01');
    expect(read('03-05-2026', { slashDates: 'mdy' })).toBe('2026-03-05');
    expect(read('12/1/10', { slashDates: 'mdy' })).toBe('2010-12-01');
    expect(read('13/1/2010', { slashDates: 'mdy' })).toBeNull();
  });

  it('keeps dotted dates day first whatever the slash setting', () => {
    expect(read('05.03.2026', { slashDates: 'mdy' })).toBe('2026-03-05');
  });

  it.each([
    '31.04.2026',
    '29.02.2025',
    '2026-13-01',
    '2026-00-10',
    '00.01.2026',
    '2026-02-30',
    '05.03.2026 garbage',
    '05.03.2026г',
    '5 марта 2026',
    'March 5, 2026',
    '05/03-2026',
    '2026-03',
    '2026',
    '46086',
    '0202-03-05',
    '1899-12-31',
    '123.03.2026',
    '05.03.02026',
    '2026-03-05T',
    '',
    '   ',
  ])('refuses %j', (text) => {
    expect(read(text)).toBeNull();
  });

  it('refuses booleans, null and undefined', () => {
    expect(read(true)).toBeNull();
    expect(read(null)).toBeNull();
    expect(read(undefined)).toBeNull();
  });

  it('agrees with the calendar for every ISO, dotted and serial form of a day', () => {
    fc.assert(
      fc.property(fc.integer({ min: day('1900-03-01'), max: day('9999-12-31') }), (d) => {
        const iso = formatDay(d);
        const [y, m, dd] = iso.split('-');
        expect(parseDay(iso)).toBe(d);
        expect(parseDay(`${dd}.${m}.${y}`)).toBe(d);
        expect(parseDay(`${Number(dd)}/${Number(m)}/${y}`)).toBe(d);
        expect(parseDay(`${m}/${dd}/${y}`, { slashDates: 'mdy' })).toBe(d);
        expect(parseDay(serialFromDay(d) + 0.5)).toBe(d);
      }),
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseDay(text);
        expect(result === null || Number.isInteger(result)).toBe(true);
      }),
    );
  });
});
