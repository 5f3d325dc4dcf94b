import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../cli/args.js';
import { dayFromYmd } from '../../core/basics/calendar.js';
import { splitSheet } from '../../cli/segment.js';

describe('command line', () => {
  it('parses the SPEC §9 options', () => {
    const parsed = parseCommandLine(
      ['segment', 'sales.csv', '--as-of', '2011-12-09', '--period', 'quarter', '--periods', '8', '--measure', 'profit', '--lang', 'ru', '--out', 'r.xlsx', '--json', 'r.json', '--xyz', 'regularity'],
      'en',
    );
    expect(parsed.kind).toBe('run');
    if (parsed.kind !== 'run') return;
    expect(parsed.command).toMatchObject({ input: 'sales.csv', out: 'r.xlsx', json: 'r.json', lang: 'ru' });
    expect(parsed.command.options).toMatchObject({
      asOf: dayFromYmd(2011, 12, 9),
      period: 'quarter',
      periods: 8,
      measure: 'profit',
      xyz: { method: 'regularity' },
    });
  });

  it('refuses bad values with a sentence naming the option', () => {
    const error = (argv: string[]) => {
      const parsed = parseCommandLine(argv, 'en');
      return parsed.kind === 'error' ? parsed.error : '';
    };
    expect(error(['segment', 'a.csv', '--as-of', '2011-02-30'])).toContain('--as-of');
    expect(error(['segment', 'a.csv', '--period', 'year'])).toContain('--period must be one of month, quarter, week');
    expect(error(['segment', 'a.csv', '--periods', '0'])).toContain('--periods');
    expect(error(['segment'])).toContain('exactly one sales file');
    expect(error(['split', 'a.csv'])).toContain('unknown command');
    expect(error(['segment', 'a.csv', '--colour'])).toContain('colour');
  });

  it('shows help without arguments', () => {
    expect(parseCommandLine([], 'en').kind).toBe('help');
  });

  it('splits a sheet off a file name', () => {
    expect(splitSheet('dir/book.xlsx#Sheet 1')).toEqual(['dir/book.xlsx', 'Sheet 1']);
    expect(splitSheet('plain.csv')).toEqual(['plain.csv', undefined]);
  });
});
