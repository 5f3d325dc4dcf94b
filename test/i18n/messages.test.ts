import { describe, expect, it } from 'vitest';
import { en } from '../../core/i18n/en.js';
import { actionText, cliText, failureText, rejectReasonText, statusLabel, t } from '../../core/i18n/index.js';
import { ru } from '../../core/i18n/ru.js';

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
  'columns.value': ['Revenue'],
  'columns.previousValue': ['Revenue'],
  'columns.formerValue': ['Revenue'],
  'titles.matrixValue': ['Revenue'],
  'titles.pareto': [50],
  'titles.model': ['BG/NBD'],
  'notes.window': ['2026-03-15', '2025-03-01', '2026-02-28', 12, 'month', '2024-03-01', '2025-02-28'],
  'notes.measure': ['Revenue'],
  'notes.abc': ['80%', '95%'],
  'notes.xyzCv': ['0.5', '1', 3, 'month'],
  'notes.xyzAuto': [3, 'quarter'],
  'notes.xyzRegularity': ['75%', '40%', 3, 'week'],
  'notes.status': ['1.5', '3', 60, 90],
  'notes.tiers': ['75%', '95%'],
  'notes.modelFitted': ['BG/NBD'],
  'notes.modelSkipped': ['reason'],
  'notes.notChecked': ['Requests without orders'],
  'notes.pareto': [50],
  'notes.movement': ['30%'],
  'notes.droppedProducts': ['10%'],
  'notes.conversion': [30],
  'notes.kpi': [8],
  'notes.issues': [1200, 1100, 100],
  'notes.issuesOther': [3],
  'failure.missing-columns': ['client, date'],
  'cli.wouldOverwrite': ['sales.xlsx'],
  'cli.reading': ['sales.xlsx'],
  'cli.read': [1200, 1100, 100],
  'cli.companion': ['Requests', 'Sheet2'],
  'cli.analysing': [1100],
  'cli.writing': ['out.xlsx'],
  'cli.done': [80, 12, 'out.xlsx'],
  'cli.unreadable': ['sales.xlsx', 'no such file'],
  'cli.unusable': ['sales.xlsx', 'the sheet is empty'],
};

/** Entries that are the same in both languages on purpose: class names, symbols, pure layout. */
const SAME_IN_BOTH = new Set([
  'tabs.matrix',
  'tabs.kpi',
  'columns.abc',
  'columns.xyz',
  'columns.r',
  'columns.a',
  'columns.b',
  'columns.value',
  'cli.unusable',
]);

/** The text of an entry: the string, or a function's result on its sample arguments. */
function textOf(leaf: Leaf): string {
  if (typeof leaf.value === 'function') return (leaf.value as (...args: unknown[]) => string)(...SAMPLE_ARGS[leaf.path]);
  return leaf.value as string;
}

describe('the Russian dictionary', () => {
  const enLeaves = leaves(en);
  const ruLeaves = new Map(leaves(ru).map((leaf) => [leaf.path, leaf]));

  it('has exactly the keys of the English one, each of the same kind', () => {
    expect([...ruLeaves.keys()].sort()).toEqual(enLeaves.map((leaf) => leaf.path).sort());
    for (const leaf of enLeaves) expect(typeof ruLeaves.get(leaf.path)!.value, leaf.path).toBe(typeof leaf.value);
  });

  it('has sample arguments for every function entry, and nothing else', () => {
    const functions = enLeaves.filter((leaf) => typeof leaf.value === 'function').map((leaf) => leaf.path);
    expect(functions.sort()).toEqual(Object.keys(SAMPLE_ARGS).sort());
  });

  it('has no empty text and no unfilled value in either language', () => {
    for (const leaf of [...enLeaves, ...ruLeaves.values()]) {
      const text = textOf(leaf);
      expect(text.trim(), leaf.path).not.toBe('');
      expect(text, leaf.path).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  it('translates every entry except class names, symbols and pure layout', () => {
    for (const leaf of enLeaves) {
      const same = textOf(leaf) === textOf(ruLeaves.get(leaf.path)!);
      expect(same, leaf.path).toBe(SAME_IN_BOTH.has(leaf.path));
    }
  });
});

describe('Russian numbers and counts', () => {
  it('agrees the noun with the count', () => {
    const months = (n: number) => ru.notes.window('a', 'b', 'c', n, 'month', 'd', 'e').match(/\((.*)\)/)![1];
    expect([1, 2, 5, 11, 12, 21, 24].map(months)).toEqual([
      '1 месяц',
      '2 месяца',
      '5 месяцев',
      '11 месяцев',
      '12 месяцев',
      '21 месяц',
      '24 месяца',
    ]);
    expect(ru.notes.xyzCv('0,5', '1', 3, 'month')).toContain('история короче 3 месяцев');
    expect(ru.notes.xyzCv('0,5', '1', 1, 'week')).toContain('история короче 1 недели');
    expect(ru.notes.xyzAuto(3, 'quarter')).toContain('от квартала к кварталу');
  });

  it('writes decimals with a comma, percentages with a space and dates day first', () => {
    expect(ru.format.number(0.1)).toBe('0,1');
    expect(ru.format.percent(0.955)).toBe('95,5\u00a0%');
    expect(ru.format.count(1234567)).toBe('1\u00a0234\u00a0567');
    expect(ru.format.date(20527)).toBe('15.03.2026');
    expect(en.format.percent(0.955)).toBe('95.5%');
    expect(en.format.count(1234567)).toBe('1,234,567');
    expect(en.format.date(20527)).toBe('2026-03-15');
  });
});

describe('lookups', () => {
  it('translate stable keys', () => {
    expect(statusLabel('ru', 'at-risk')).toBe('под угрозой');
    expect(rejectReasonText('en', 'bad-date')).toBe('Date cannot be read');
    expect(rejectReasonText('ru', 'bad-date')).toBe('Не удалось прочитать дату');
    expect(t('ru').tier.bronze).toBe('Медь');
  });

  it('give a different action for every action key', () => {
    const keys = Object.keys(en.action) as (keyof typeof en.action)[];
    expect(keys.sort()).toEqual(['complaint', 'mailing-only', 'overdue', 'overdue-gold', 'requests-without-orders', 'unresponsive', 'volume-drop']);
    for (const lang of ['en', 'ru'] as const) expect(new Set(keys.map((k) => actionText(lang, k))).size).toBe(keys.length);
    expect(actionText('en', 'overdue-gold')).toMatch(/senior manager.*new account manager/);
    expect(actionText('ru', 'mailing-only')).toMatch(/рассылка/);
  });

  it('name missing columns in the language', () => {
    expect(failureText('en', 'missing-columns', ['client', 'date'])).toBe('required columns not found: client, date');
    expect(failureText('ru', 'missing-columns', ['amount', 'answered'])).toBe('не найдены обязательные столбцы: сумма, ответил');
    expect(failureText('ru', 'no-sales')).toBe('нет строк продаж для анализа');
  });

  it('name the optional source a companion sheet was taken for', () => {
    expect(cliText('en').companion('requests', 'Sheet2')).toBe('Requests taken from the sheet "Sheet2"');
    expect(cliText('ru').companion('complaints', 'Рекламации')).toBe('Жалобы взяты с листа «Рекламации»');
  });
});
