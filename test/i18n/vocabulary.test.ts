import { describe, expect, it } from 'vitest';
import {
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
  'format.amount': [-1234.5],
  'format.quarter': [2024, 4],
  'format.quote': ['Pipe, 20 mm'],
  'report.titles.listTop': ['Keep', 12, '1,234.00'],
  'report.links.list': [12],
  'report.words.orMore': [7],
  'report.notes.checkIntro': [91, '2025-09-15', '2025-12-14', '2025-12-14', 2357],
  'report.notes.checkVerdict': ['MBG/NBD', 91, '1,204.5', '1,180'],
  'report.notes.checkUsed': ['MBG/NBD', 'chosen automatically'],
  'report.notes.checkRules': [120, '2025-12-14', 96, '80%'],
  'report.notes.checkSkipped': ['BG/NBD', 'no sign of anyone leaving'],
  'report.why.atRisk': [50, 20],
  'report.why.complaint': ['2026-03-02'],
  'report.why.lost': ['Gold', 400],
  'report.why.grow': ['buys less'],
  'report.why.mailing': [600],
  'report.action.overdue': [50, 20],
  'report.action.overdue-gold': [50, 'Smith'],
  'report.action.requests-without-orders': [4, '2026-03-10'],
  'report.action.unresponsive': [3, '2025-12-01'],
  'report.action.volume-drop': ['700.00', '300.00'],
  'report.action.complaint': ['2026-03-02', 'wrong grade'],
  'report.action.mailing-only': [],
  'report.action.buying-less': ['25,000.00', '15,000.00'],
  'report.action.dropped-products': ['“Cement”, “Pipe, 20 mm”'],
  'report.notes.summary': ['2026-03-15'],
  'report.notes.lead': ['2026-03-15'],
  'report.notes.noPrevious': ['2025-06-01'],
  'report.notes.quartersNoData': ['2025-06-01'],
  'report.notes.window': ['2026-03-15', '2025-03-01', '2026-02-28', 12, 'month', '2024-03-01', '2025-02-28'],
  'report.notes.measure': ['Revenue'],
  'report.notes.abc': ['80%', '95%'],
  'report.notes.xyzCv': ['0.5', '1', 3, 'month'],
  'report.notes.xyzAuto': [3, 'quarter'],
  'report.notes.xyzRegularity': ['75%', '40%', 3, 'week'],
  'report.notes.status': ['1.5', '3', 60, 90],
  'report.notes.tiers': ['75%', '95%'],
  'report.notes.modelFitted': ['MBG/NBD', 'chosen automatically'],
  'report.notes.modelSkipped': ['reason'],
  'report.notes.notChecked': ['Requests without orders'],
  'report.notes.pareto': [50],
  'report.notes.movement': ['30%'],
  'report.notes.droppedProducts': ['10%'],
  'report.notes.conversion': [30],
  'report.notes.kpi': [8],
  'report.notes.issues': [1200, 1080, 20, 100],
  'report.notes.issuesOther': [3],
  'report.failure.missing-columns': ['client, date'],
  'report.failure.unknown-header': ['Customer ID', 'Client, Date, Amount'],
  'report.profile.encodingUnsure': [1],
  'report.profile.column': ['client'],
  'report.profile.columnChoice': ['Контрагент', 'A'],
  'report.profile.otherCandidates': ['"Total" (column F)'],
  'report.profile.decimals': ['amount'],
  'report.profile.ambiguous': [3],
  'report.profile.ambiguousUndecided': [3],
  'report.profile.currencySeen': ['₽ RUB, $ USD', true],
  'report.profile.currencyUsed': ['RUB'],
  'report.profile.dateRange': ['2024-01-09', '2026-03-31'],
  'report.profile.twoDigitYearsRead': [12],
  'report.profile.invisibleRemoved': [2],
  'report.profile.line': ['UTF-8', 'semicolon', 4],
  'report.profile.sheetLine': [4],
  'panel.sheet.found': [1200, '1,200', 3],
  'panel.readProfile.notUsed': [2, '2'],
  'panel.readProfile.sample': ['36', '1,001', 'Data issues'],
  'panel.columns.option': ['C', 'Amount'],
  'panel.columns.product': ['D', 'E'],
  'panel.run.rows': ['50,000', '200,000', 200000],
  'panel.run.steps': ['3', '26'],
  'panel.result.line': [600, '600', '2026-03-31', '2025-04-01', '2026-03-31', 12, 'month'],
  'panel.result.noStatus': [1, '1'],
  'panel.result.noClass': [76, '76'],
  'panel.result.winBackAll': [73, '73'],
  'panel.result.valueAtStake': ['6,000.00'],
  'panel.result.silent': [289, '289'],
  'panel.result.modelTooFew': ['12', '12', '20', '10'],
  'panel.result.rejected': [21, '21'],
  'panel.errors.sourceUnusable': ['requests', 'Sheet2'],
  'panel.errors.sourceMissing': ['requests', 'Sheet2'],
  'panel.errors.noSheet': ['Sales'],
  'panel.errors.badNumber': ['Periods in the analysis'],
  'panel.errors.badSetting': ['Periods in the analysis', 'a whole number from 1 to 120'],
  'panel.playground.loading': ['sales.xlsx'],
  'panel.playground.notSpreadsheet': ['photo.jpg'],
  'panel.playground.preparingSheet': ['3', '11'],
  'panel.playground.downloadReady': ['sales-winback.xlsx'],
  'panel.playground.opened': ['sales.xlsx'],
  'panel.playground.unreadable': ['photo.jpg'],
  'panel.playground.shownFirstRows': ['200'],
  'panel.playground.shownRows': ['1,000', '541,909'],
  'panel.playground.shownRowsAndNotes': ['200', '607'],
  'cli.size': [1.5 * 1024 ** 3],
  'cli.wouldOverwrite': ['--out', 'sales.xlsx'],
  'cli.sameOutput': ['report.xlsx'],
  'cli.outputProblem': ['--out', 'out/report.xlsx', 'the disk is full'],
  'cli.output.noFolder': ['out'],
  'cli.output.notFolder': ['out'],
  'cli.output.readOnly': ['out'],
  'cli.badMap': ['client', 'client, date, amount'],
  'cli.tooBig': ['sales.csv', 40_000_000, '9.6 GB', '4.0 GB'],
  'cli.reading': ['sales.xlsx'],
  'cli.read': [1200, 1080, 20, 100],
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
  'cli.sqlMissing': ['date, amount'],
  'cli.engine.parquet': ['sales.parquet'],
  'cli.engine.noTable': ['sales', 'shop.duckdb'],
  'cli.engine.needsTable': ['shop.duckdb'],
  'cli.engine.unreadable': ['sales.parquet', 'Invalid Input Error: No magic bytes found'],
  'cli.aggregatesProblem': ['result.csv', 'unknown kind "total"'],
  'sheets.tooManyCells': [1_700_000, 250_000],
  'sheets.tabDeleted': ['Clients'],
  'sheets.writeFailed': ['Clients', 'Service Spreadsheets failed'],
  'sheets.readFailed': ['Sales', 'Service Spreadsheets failed'],
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
  'report.columns.s',
  'report.columns.gamma',
  'report.columns.p',
  'report.columns.q',
  'report.columns.value',
  'cli.unusable',
  'report.profile.encodings.utf-8',
  'report.profile.encodings.utf-16le',
  'report.profile.encodings.utf-16be',
  'report.profile.dateRange',
  'panel.title',
  'panel.columns.option',
  'panel.columns.product',
  'panel.settings.modelNames.bgnbd',
  'panel.settings.modelNames.mbgnbd',
  'panel.settings.modelNames.paretonbd',
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
    expect([1, 3, 21, 25].map((n) => ru.panel.sheet.found(n, String(n), 1).split(':')[1])).toEqual([' 1 строка, заголовки в строке 1.', ' 3 строки, заголовки в строке 1.', ' 21 строка, заголовки в строке 1.', ' 25 строк, заголовки в строке 1.']);
    expect(en.panel.sheet.found(1, '1', 1)).toBe('Found a sales table: 1 row, headers in row 1.');
    expect([ru.panel.run.rows('1', '21', 21), ru.panel.run.rows('1', '5', 5), en.panel.run.rows('1', '1', 1)]).toEqual(['1 из 21 строки', '1 из 5 строк', '1 of 1 row']);
    expect([en.panel.result.winBackAll(1, '1'), en.panel.result.silent(1, '1'), ru.panel.result.silent(21, '21'), ru.panel.result.silent(3, '3')]).toEqual([
      'Open the whole list (1 client)',
      'no purchase for 1 day',
      'без покупок 21 день',
      'без покупок 3 дня',
    ]);
    expect(en.panel.result.line(1, '1', 'a', 'b', 'c', 4, 'quarter')).toBe('1 client as of a; period of analysis b – c (4 quarters).');
    expect(ru.panel.result.line(1, '1', 'a', 'b', 'c', 4, 'quarter')).toContain('(4 квартала)');
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
    expect([ru.format.amount(28609.01), ru.format.amount(-0.5), ru.format.amount(-0.001), en.format.amount(1234567.891), en.format.amount(0)]).toEqual([
      '28\u00a0609,01',
      '-0,50',
      '0,00',
      '1,234,567.89',
      '0.00',
    ]);
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
    expect(statusLabel('ru', 'at-risk')).toBe('Под угрозой');
    expect(statusLabel('en', 'at-risk')).toBe('At risk');
    expect(rejectReasonText('en', 'bad-date')).toBe('Date cannot be read');
    expect(rejectReasonText('ru', 'bad-date')).toBe('Не удалось прочитать дату');
    expect(words('ru').report.tier.bronze).toBe('Медь');
  });

  it('have an action for every action key', () => {
    const keys = Object.keys(words('en').report.action).sort();
    expect(keys).toEqual(['buying-less', 'complaint', 'dropped-products', 'mailing-only', 'overdue', 'overdue-gold', 'requests-without-orders', 'unresponsive', 'volume-drop']);
    for (const lang of LANGS) expect(Object.keys(words(lang).report.action).sort()).toEqual(keys);
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
