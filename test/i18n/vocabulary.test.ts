import { describe, expect, it } from 'vitest';
import {
  actionText,
  failureText,
  langOfLocale,
  LANGS,
  rejectReasonText,
  ruleText,
  statusLabel,
  words,
  type Vocabulary,
} from '../../core/i18n/index.js';

type Leaf = { path: string; value: unknown };

function leaves(node: unknown, path = ''): Leaf[] {
  if (node !== null && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
  }
  return [{ path, value: node }];
}

/** Arguments to call every function entry with (a new function entry must be added here). */
const SAMPLE_ARGS: Record<string, unknown[]> = {
  'format.number': [0.5],
  'format.count': [1234567],
  'format.percent': [0.8],
  'format.date': [20527],
  'report.columns.value': ['Revenue'],
  'report.columns.previousValue': ['Revenue'],
  'report.columns.formerValue': ['Revenue'],
  'report.titles.matrixValue': ['Revenue'],
  'report.titles.pareto': [50],
  'report.titles.model': ['BG/NBD'],
  'report.notes.window': ['2026-03-15', '2025-03-01', '2026-02-28', 12, 'month', '2024-03-01', '2025-02-28'],
  'report.notes.measure': ['Revenue'],
  'report.notes.abc': ['80%', '95%'],
  'report.notes.xyzCv': ['0.5', '1', 3, 'month'],
  'report.notes.xyzAuto': [3, 'quarter'],
  'report.notes.xyzRegularity': ['75%', '40%', 3, 'week'],
  'report.notes.status': ['1.5', '3', 60, 90],
  'report.notes.tiers': ['75%', '95%'],
  'report.notes.modelFitted': ['BG/NBD'],
  'report.notes.modelSkipped': ['reason'],
  'report.notes.notChecked': ['Requests without orders'],
  'report.notes.pareto': [50],
  'report.notes.movement': ['30%'],
  'report.notes.droppedProducts': ['10%'],
  'report.notes.conversion': [30],
  'report.notes.kpi': [8],
  'report.notes.issues': [1200, 1100, 100],
  'report.notes.issuesOther': [3],
  'report.failure.missing-columns': ['client, date'],
  'panel.sheet.found': ['1,200', 3],
  'panel.columns.option': ['C', 'Amount'],
  'panel.run.rows': ['50,000', '200,000'],
  'panel.run.steps': ['3', '26'],
  'panel.result.line': [600, '600', '2026-03-31', '2025-04-01', '2026-03-31'],
  'panel.result.winBackAll': ['73'],
  'panel.result.rejected': [21, '21'],
  'panel.errors.sourceUnusable': ['requests', 'Sheet2'],
  'panel.errors.sourceMissing': ['requests', 'Sheet2'],
  'panel.errors.noSheet': ['Sales'],
  'panel.errors.badNumber': ['Periods in the analysis'],
  'panel.errors.badSetting': ['Periods in the analysis', 'a whole number from 1 to 120'],
  'panel.playground.loading': ['sales.xlsx'],
  'panel.playground.opened': ['sales.xlsx'],
  'panel.playground.unreadable': ['photo.jpg'],
  'panel.playground.shownRows': ['1,000', '541,909'],
  'cli.wouldOverwrite': ['sales.xlsx'],
  'cli.reading': ['sales.xlsx'],
  'cli.read': [1200, 1100, 100],
  'cli.companion': ['Requests', 'Sheet2'],
  'cli.analysing': [1100],
  'cli.writing': ['out.xlsx'],
  'cli.done': [80, 12, 'out.xlsx'],
  'cli.unreadable': ['sales.xlsx', 'no such file'],
  'cli.unusable': ['sales.xlsx', 'the sheet is empty'],
  'cli.problem.notWorkbook': ['end of central directory not found'],
  'cli.problem.noSheet': ['Contacts', 'Sales, Requests'],
  'cli.badOption': ['periods', 'a whole number from 1 to 120', '0'],
  'cli.unknownOption': ['--colour'],
  'cli.missingValue': ['--out'],
  'cli.unknownCommand': ['split'],
  'excel.help.functions': ['=WINBACK.CHURNSIGNALS(A2:A9, B2:B9, C2:C9)', 'ABCXYZ, PALIVE'],
  'functions.errors.notADate': ['dates', 7, 'someday'],
  'functions.errors.notANumber': ['amounts', 3, 'abc'],
  'functions.errors.emptyClient': [4],
  'functions.errors.singleValue': ['asOf'],
  'functions.errors.sizeMismatch': ['amounts', 9, 'dates', 10],
  'functions.errors.outOfRange': ['periods', 'a whole number from 1 to 120'],
  'functions.errors.unknownFunction': ['CHURN'],
  'options.whole': ['1', '120'],
  'options.wholeAtLeast': ['1'],
  'options.between': ['0', '1'],
  'options.betweenInclusive': ['0.8', '1'],
  'options.above': ['0'],
  'options.oneOf': ['month, quarter, week'],
};

/** Entries that are the same in every language on purpose: names, class names, symbols, pure layout. */
const SAME_IN_ALL = new Set([
  'report.tabs.matrix',
  'report.tabs.kpi',
  'report.columns.abc',
  'report.columns.xyz',
  'report.columns.r',
  'report.columns.a',
  'report.columns.b',
  'report.columns.value',
  'cli.unusable',
  'panel.title',
  'panel.columns.option',
  'panel.settings.modelNames.bgnbd',
  'panel.settings.modelNames.mbgnbd',
  'sheets.title',
  'excel.functionNames.ABCXYZ',
]);

/** The text of an entry: the string, or a function's result on its sample arguments. */
function textOf(leaf: Leaf): string {
  if (typeof leaf.value === 'function') return (leaf.value as (...args: unknown[]) => string)(...SAMPLE_ARGS[leaf.path]!);
  return leaf.value as string;
}

const english = leaves(words('en'));

describe('the vocabulary', () => {
  it('has sample arguments for every function entry, and nothing else', () => {
    const functions = english.filter((leaf) => typeof leaf.value === 'function').map((leaf) => leaf.path);
    expect(functions.sort()).toEqual(Object.keys(SAMPLE_ARGS).sort());
  });

  for (const lang of LANGS.filter((l) => l !== 'en')) {
    describe(lang, () => {
      const own = new Map(leaves(words(lang)).map((leaf) => [leaf.path, leaf]));

      it('has exactly the keys of the English one, each of the same kind', () => {
        expect([...own.keys()].sort()).toEqual(english.map((leaf) => leaf.path).sort());
        for (const leaf of english) expect(typeof own.get(leaf.path)!.value, leaf.path).toBe(typeof leaf.value);
      });

      it('translates every entry except names, class names, symbols and pure layout', () => {
        const same = english.filter((leaf) => textOf(leaf) === textOf(own.get(leaf.path)!)).map((leaf) => leaf.path);
        expect(same.sort()).toEqual([...SAME_IN_ALL].sort());
      });
    });
  }

  it('has no empty text and no unfilled value in any language', () => {
    for (const lang of LANGS) {
      for (const leaf of leaves(words(lang))) {
        const text = textOf(leaf);
        expect(text.trim(), `${lang} ${leaf.path}`).not.toBe('');
        expect(text, `${lang} ${leaf.path}`).not.toMatch(/undefined|NaN|\[object/);
      }
    }
  });

  it('names each language by its own name', () => {
    expect(LANGS.map((lang) => words(lang).panel.languageName)).toEqual(['English', 'Русский']);
  });
});

describe('numbers, counts and plurals', () => {
  const ru: Vocabulary = words('ru');
  const en: Vocabulary = words('en');

  it('agrees the Russian noun with the count', () => {
    const months = (n: number) => ru.report.notes.window('a', 'b', 'c', n, 'month', 'd', 'e').match(/\((.*)\)/)![1];
    expect([1, 2, 5, 11, 12, 21, 24].map(months)).toEqual(['1 месяц', '2 месяца', '5 месяцев', '11 месяцев', '12 месяцев', '21 месяц', '24 месяца']);
    expect(ru.report.notes.xyzCv('0,5', '1', 3, 'month')).toContain('история короче 3 месяцев');
    expect(ru.report.notes.xyzCv('0,5', '1', 1, 'week')).toContain('история короче 1 недели');
    expect(ru.report.notes.xyzAuto(3, 'quarter')).toContain('от квартала к кварталу');
    expect(ru.panel.result.rejected(1, '1')).toBe('1 строку не удалось использовать.');
    expect(ru.panel.result.rejected(3, '3')).toBe('3 строки не удалось использовать.');
    expect(ru.panel.result.rejected(11, '11')).toBe('11 строк не удалось использовать.');
    expect(en.panel.result.rejected(1, '1')).toBe('1 row could not be used.');
    expect(en.report.notes.window('a', 'b', 'c', 1, 'quarter', 'd', 'e')).toContain('(1 quarter)');
  });

  it('writes decimals with a comma, percentages with a space and dates day first in Russian', () => {
    expect(ru.format.number(0.1)).toBe('0,1');
    expect(ru.format.percent(0.955)).toBe('95,5\u00a0%');
    expect(ru.format.count(1234567)).toBe('1\u00a0234\u00a0567');
    expect(ru.format.date(20527)).toBe('15.03.2026');
    expect(en.format.percent(0.955)).toBe('95.5%');
    expect(en.format.count(1234567)).toBe('1,234,567');
    expect(en.format.date(20527)).toBe('2026-03-15');
  });

  it('words the rules of the options', () => {
    expect(ruleText('en', { kind: 'whole', min: 1, max: 40 })).toBe('a whole number from 1 to 40');
    expect(ruleText('ru', { kind: 'whole', min: 1 })).toBe('целое число не меньше 1');
    expect(ruleText('ru', { kind: 'between', min: 0.8, max: 1, maxInclusive: true })).toBe('число больше 0,8 и не больше 1');
    expect(ruleText('en', { kind: 'oneOf', choices: ['month', 'week'] })).toBe('one of month, week');
  });
});

describe('lookups', () => {
  it('translate stable keys', () => {
    expect(statusLabel('ru', 'at-risk')).toBe('под угрозой');
    expect(rejectReasonText('en', 'bad-date')).toBe('Date cannot be read');
    expect(rejectReasonText('ru', 'bad-date')).toBe('Не удалось прочитать дату');
    expect(words('ru').report.tier.bronze).toBe('Медь');
  });

  it('give a different action for every action key', () => {
    const keys = Object.keys(words('en').report.action) as (keyof Vocabulary['report']['action'])[];
    expect(keys.sort()).toEqual(['complaint', 'mailing-only', 'overdue', 'overdue-gold', 'requests-without-orders', 'unresponsive', 'volume-drop']);
    for (const lang of LANGS) expect(new Set(keys.map((k) => actionText(lang, k))).size).toBe(keys.length);
    expect(actionText('en', 'overdue-gold')).toMatch(/senior manager.*new account manager/);
    expect(actionText('ru', 'mailing-only')).toMatch(/рассылка/);
  });

  it('name missing columns in the language', () => {
    expect(failureText('en', 'missing-columns', ['client', 'date'])).toBe('required columns not found: client, date');
    expect(failureText('ru', 'missing-columns', ['amount', 'answered'])).toBe('не найдены обязательные столбцы: сумма, ответил');
    expect(failureText('ru', 'no-sales')).toBe('нет строк продаж для анализа');
  });

  it('take the language of a locale, English when it is not spoken', () => {
    expect(['ru-RU', 'ru_RU', 'RU', 'ru', 'en-US', 'uk-UA', '', 'C.UTF-8', 'ru_RU.UTF-8'].map(langOfLocale)).toEqual([
      'ru',
      'ru',
      'ru',
      'ru',
      'en',
      'en',
      'en',
      'en',
      'ru',
    ]);
  });
});
