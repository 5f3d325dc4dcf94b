import { describe, expect, it } from 'vitest';
import { langOfLocale, panelText } from '../../core/i18n/panel.js';

/** Every key path of a dictionary, functions called with sample arguments. */
function entries(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [[path, String(value('7', '8', '9', '10'))]];
  if (Array.isArray(value)) return value.flatMap((v, i) => entries(v, `${path}[${i}]`));
  return Object.entries(value as object).flatMap(([key, v]) => entries(v, path ? `${path}.${key}` : key));
}

describe('the panel words', () => {
  it('English and Russian have exactly the same keys, none of them empty', () => {
    const en = entries(panelText('en'));
    const ru = entries(panelText('ru'));
    expect(ru.map(([path]) => path)).toEqual(en.map(([path]) => path));
    for (const [path, text] of [...en, ...ru]) expect(text.trim(), path).not.toBe('');
  });

  it('every sentence is translated (only names and codes may stay the same)', () => {
    const ru = new Map(entries(panelText('ru')));
    const same = entries(panelText('en'))
      .filter(([path, text]) => ru.get(path) === text)
      .map(([path]) => path);
    // count, date and a column option are formats: with a header given, `A: header` in both languages.
    expect(same).toEqual([
      'count',
      'date',
      'title',
      'languageNames.en',
      'languageNames.ru',
      'columns.option',
      'settings.modelNames.bgnbd',
      'settings.modelNames.mbgnbd',
    ]);
  });

  it('groups thousands and agrees Russian nouns with numbers', () => {
    expect(panelText('en').count(200000)).toBe('200,000');
    expect(panelText('ru').count(200000)).toBe('200\u00a0000');
    expect(panelText('en').result.rejected(1, '1')).toBe('1 row could not be used.');
    expect(panelText('ru').result.rejected(1, '1')).toBe('1 строку не удалось использовать.');
    expect(panelText('ru').result.rejected(3, '3')).toBe('3 строки не удалось использовать.');
    expect(panelText('ru').result.rejected(11, '11')).toBe('11 строк не удалось использовать.');
    expect(panelText('ru').date('2026-03-05')).toBe('05.03.2026');
  });

  it('takes Russian for ru* locales and English otherwise', () => {
    expect(langOfLocale('ru-RU')).toBe('ru');
    expect(langOfLocale('ru_RU')).toBe('ru');
    expect(langOfLocale('RU')).toBe('ru');
    expect(langOfLocale('en-US')).toBe('en');
    expect(langOfLocale('uk-UA')).toBe('en');
    expect(langOfLocale('')).toBe('en');
  });
});
