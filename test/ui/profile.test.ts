/**
 * Issue 17, item 13: the panel shows how the sheet was read before Segment — the same lines as the
 * Data issues tab's "How the sales data was read", and the rows it will not use by reason, as the
 * tab's summary counts them — in both languages.
 */
import { describe, expect, it } from 'vitest';
import { dayFromYmd, formatDay } from '../../core/basics/calendar.js';
import { INSPECT_ROWS, inspectGrid } from '../../core/panel/inspect.js';
import { runPipelineSync } from '../../core/pipeline/pipeline.js';
import { csvSource } from '../../core/read/csv.js';
import type { Cell } from '../../core/read/types.js';
import { profileContent } from '../../ui/profile-view.js';
import { cp1251 } from '../helpers/cp1251.js';

/** A 1C export in Windows-1251: a title, a header with two amount-like columns, a subtotal, a bad date, an ambiguous 1,234. */
const FILE = 'Отчет\r\n\r\nКлиент;Дата;Сумма;Итого по строке\r\nООО Ромашка;05.03.2026;1 234,50;1\r\nИтого;;1 234,50;1\r\nИП Ёлкин;вчера;7;1\r\nИП Ёлкин;06.03.2026;1,234;1\r\n';

/** The Data issues tab of a run over the same file: its profile lines and its rejected rows by reason. */
function dataIssues(lang: 'en' | 'ru') {
  const run = runPipelineSync({ sources: { sales: 'sales.csv' }, options: { model: 'none' }, lang }, { has: () => true, read: () => ({ grid: csvSource(cp1251(FILE)) }) });
  if (!run.ok) throw new Error('refused');
  const tables = run.sheets.find((sheet) => sheet.key === 'issues')!.tables;
  const rows = (id: string) => tables.find((t) => t.id === id)!.rows;
  return { lines: rows('profile'), reasons: rows('summary') };
}

describe('how the sheet was read, in the panel before Segment', () => {
  it('gives a file the lines of the Data issues tab and the rows it will not use by reason', () => {
    const inspection = inspectGrid('sales.csv', csvSource(cp1251(FILE)));
    expect(profileContent('en', inspection)).toEqual({
      summary: 'Read as Windows-1251 (Cyrillic), columns separated by semicolon, header in row 3. 2 rows will not be used.',
      lines: [
        ['Encoding', 'Windows-1251 (Cyrillic)'],
        ['Columns separated by', 'semicolon'],
        ['Header row', '3'],
        ['Column for client', '"Клиент" (column A)'],
        ['Column for date', '"Дата" (column B)'],
        ['Column for amount', '"Сумма" (column C)'],
        ['Decimal separator of amount', "comma (1 234,50); 1 cell such as 1,234 read by the column's separator"],
        ['Dates of the accepted rows', `${formatDay(dayFromYmd(2026, 3, 5))} – ${formatDay(dayFromYmd(2026, 3, 6))}`],
      ],
      reasons: [
        ['Subtotal or total row', 1],
        ['Date cannot be read', 1],
      ],
      sample: null,
      unsure: false,
    });
    for (const lang of ['en', 'ru'] as const) {
      const shown = profileContent(lang, inspectGrid('sales.csv', csvSource(cp1251(FILE))))!;
      expect({ lines: shown.lines, reasons: shown.reasons }, lang).toEqual(dataIssues(lang));
    }
    expect(profileContent('ru', inspection)!.summary).toBe('Прочитано как Windows-1251 (кириллица), разделитель — точка с запятой, заголовки в строке 3. 2 строки не будут использованы.');
  });

  it('says when it saw only the top of a sheet, and opens when the reader is not sure', () => {
    const grid: Cell[][] = [['Client', 'Date', 'Amount'], ...Array.from({ length: 1000 }, (_, i) => [i === 3 ? '' : `C${i}`, '2026-01-01', i % 2 ? '1,5' : '2.5'])];
    const shown = profileContent('en', inspectGrid('Sales', grid.slice(0, INSPECT_ROWS), grid.length))!;
    expect(shown.summary).toBe('Header in row 1. 1 row will not be used.');
    expect(shown.sample).toBe(`Read from the first ${INSPECT_ROWS} of 1,001 rows; the Data issues tab of the report covers every row.`);
    expect(shown.reasons).toEqual([['Client is empty', 1]]);
    expect(shown.lines).toContainEqual(['Decimal separator of amount', 'mixed: some cells use a comma, others a point']);
    expect(shown.unsure).toBe(true);
    const ru = profileContent('ru', inspectGrid('Продажи', grid.slice(0, INSPECT_ROWS), grid.length))!;
    expect(ru.summary).toBe('Заголовки в строке 1. 1 строка не будет использована.');
    expect(ru.sample).toBe(`Прочитано по первым ${INSPECT_ROWS} строкам из 1\u00a0001; вкладка «Ошибки данных» отчёта охватит все строки.`);
  });

  it('shows nothing for a sheet whose header was not found', () => {
    expect(profileContent('en', inspectGrid('S', [['Sales report'], ['Client', 'When', 'Amount']]))).toBeNull();
  });
});
