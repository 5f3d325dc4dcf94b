/**
 * The fakes themselves: each real behaviour they model (fakes.ts says where Google says so) refuses
 * or does what the real service would, so a test over them can fail the way a real spreadsheet
 * makes the add-on fail.
 */
import { describe, expect, it } from 'vitest';
import { COSTS, ExecutionKilled, fakeHost, LIMITS, TRANSIENT_ERRORS } from './fakes.js';

describe('the fake spreadsheet', () => {
  it('counts every sheet at rows × columns against 10,000,000 cells, a new sheet at 1000 × 26', () => {
    const { book } = fakeHost();
    const sheet = book.insertSheet('A', 0);
    expect(sheet.cellCount).toBe(26_000);
    sheet.maxColumns = 10;
    sheet.maxRows = LIMITS.cells / 10 - 1000;
    expect(() => book.insertSheet('B', 1)).toThrow('This action would increase the number of cells in the workbook above the limit of 10000000 cells.');
    expect(() => sheet.insertRowsAfter(sheet.maxRows, 1001)).toThrow(/above the limit/);
    sheet.insertRowsAfter(sheet.maxRows, 1000);
    expect(book.cellCount).toBe(LIMITS.cells);
  });

  it('deletes trailing rows and columns, never all of them, and never the frozen ones', () => {
    const { book } = fakeHost();
    const sheet = book.insertSheet('A', 0);
    sheet.put(900, 3, 'gone');
    sheet.deleteRows(11, 990);
    expect(sheet.maxRows).toBe(10);
    expect(sheet.cell(900, 3)).toBe('');
    expect(sheet.getLastRow()).toBe(10);
    sheet.setFrozenRows(3);
    expect(() => sheet.deleteRows(4, 7)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    expect(() => sheet.deleteColumns(1, 26)).toThrow(/delete all non-frozen columns/);
  });

  it("counts a formula that shows \"\" as content for getLastRow, and reads it as \"\"", () => {
    const { book } = fakeHost();
    const sheet = book.addSheet('Sales', [['Client'], ['Acme']]).fillFormula(2, 1, 100_000, '=IF(A1="","",A1)');
    expect(sheet.getLastRow()).toBe(100_000);
    expect(sheet.getRange(99_999, 2, 2, 1).getValues()).toEqual([[''], ['']]);
  });

  it('refuses to freeze every row, a second banding on a range, a second filter', () => {
    const { book } = fakeHost();
    const sheet = book.insertSheet('A', 0);
    sheet.deleteRows(6, 995);
    expect(() => sheet.setFrozenRows(5)).toThrow("You can't freeze all visible rows on the sheet.");
    sheet.getRange(1, 1, 3, 3).applyRowBanding('LIGHT_GREY', true, false);
    expect(() => sheet.getRange(2, 2, 3, 1).applyRowBanding('LIGHT_GREY', true, false)).toThrow(/already has alternating colors/);
    sheet.getRange(1, 1, 2, 2).createFilter();
    expect(() => sheet.getRange(3, 1, 2, 2).createFilter()).toThrow(/one filter per sheet/);
  });

  it("checks a chart's options against Google Charts' options for its type, and its anchor against the sheet", () => {
    const { book } = fakeHost();
    const sheet = book.insertSheet('A', 0);
    const ranges = [1, 2, 3].map((column) => sheet.getRange(1, column, 10, 1));
    const combo = () => ranges.reduce((builder, range) => builder.addRange(range), sheet.newChart().asComboChart());
    expect(() => combo().setOption('seriesType', 'bars').setOption('series', { 1: { type: 'line', targetAxisIndex: 1 } }).setPosition(1, 5, 0, 0).build()).not.toThrow();
    expect(() => combo().setOption('series', { 2: { type: 'line' } }).build()).toThrow('series 2 does not exist: the chart has 2 series.');
    expect(() => combo().setOption('seriesType', 'pie').build()).toThrow(/not a series type/);
    expect(() => combo().setOption('series', { 0: { targetAxisIndex: 2 } }).build()).toThrow(/targetAxisIndex must be 0 or 1/);
    expect(() => sheet.newChart().asLineChart().addRange(ranges[0]).addRange(ranges[1]).setOption('seriesType', 'bars').build()).toThrow(/knows no option "seriesType" for a line chart/);
    const outside = combo().setPosition(1001, 1, 0, 0).build();
    expect(() => sheet.insertChart(outside)).toThrow('The chart is anchored outside the sheet.');
  });

  it('finds a sheet by name in any case and refuses a name that differs only in case', () => {
    const { book } = fakeHost();
    book.addSheet('Clients');
    expect(book.getSheetByName('CLIENTS')?.name).toBe('Clients');
    expect(() => book.insertSheet('clients', 1)).toThrow(/already exists/);
  });

  it("keeps a duplicated sheet's developer metadata", () => {
    const { book } = fakeHost();
    const tab = book.addSheet('Clients');
    tab.addDeveloperMetadata('winback.tab', 'x');
    const copy = book.duplicate(tab, 'Copy of Clients');
    expect(copy.metadata.map((m) => [m.getKey(), m.getValue()])).toEqual([['winback.tab', 'x']]);
    expect(copy.id).not.toBe(tab.id);
  });
});

describe('the fake services', () => {
  it('applies an execution’s writes only at a flush or at its end, and shows the active sheet then', () => {
    const host = fakeHost();
    const sheet = host.book.addSheet('A');
    host.execute('write', () => {
      const before = host.log.now;
      sheet.getRange(1, 1, 100, 20).setValues(Array.from({ length: 100 }, () => Array.from({ length: 20 }, () => 1)));
      expect(host.log.now - before).toBe(1);
      host.app.flush();
      expect(host.log.now - before).toBeGreaterThan(2_000 * COSTS.perCellWritten);
    });
    expect(host.book.views).toEqual(['A', 'A']);
  });

  it('kills an execution that runs past 6 minutes: every later call throws, and so does the execution', () => {
    const host = fakeHost();
    const sheet = host.book.addSheet('A');
    expect(() =>
      host.execute('long', () => {
        host.log.now += LIMITS.executionMs + 1;
        try {
          sheet.getLastRow();
        } catch {
          // the script caught it; Apps Script ends the execution anyway
        }
        return 'done';
      }),
    ).toThrow(ExecutionKilled);
  });

  it('refuses in AuthMode.NONE everything but the add-on menu and the user locale', () => {
    const host = fakeHost();
    host.execute('onOpen', () => {
      host.app.getUi().createAddonMenu().addItem('Open', 'showSidebar').addToUi();
      host.session.getActiveUserLocale();
      expect(() => host.properties.getDocumentProperties().getProperty('x')).toThrow(/You do not have permission to call PropertiesService.getDocumentProperties/);
      expect(() => host.app.getActiveSpreadsheet()).toThrow(/permission/);
    }, 'NONE');
    expect(host.log.denied).toEqual(['PropertiesService.getDocumentProperties', 'SpreadsheetApp.getActiveSpreadsheet']);
  });

  it('gives the document lock to one execution at a time; a waiting tryLock gives up after its timeout', () => {
    const host = fakeHost();
    host.execute('first', () => {
      expect(host.locks.getDocumentLock().tryLock(1000)).toBe(true);
      const before = host.log.now;
      host.execute('second', () => expect(host.locks.getDocumentLock().tryLock(10_000)).toBe(false));
      expect(host.log.now - before).toBeGreaterThanOrEqual(10_000);
    });
    host.execute('third', () => expect(host.locks.getDocumentLock().tryLock(0)).toBe(true));
  });

  it('fails a call with a transient error as often as a test asks, then lets it through', () => {
    const host = fakeHost();
    const sheet = host.book.addSheet('A');
    host.log.fail('Sheet.getLastRow', 2);
    expect(() => sheet.getLastRow()).toThrow(TRANSIENT_ERRORS[0]);
    expect(() => sheet.getLastRow()).toThrow(TRANSIENT_ERRORS[0]);
    expect(sheet.getLastRow()).toBe(0);
  });

  it('keeps the 900 cache entries farthest from expiration once past 1,000, and drops what a test evicts', () => {
    const { cache } = fakeHost();
    for (let i = 0; i < 1001; i++) cache.put(`k${i}`, 'v', 60 + i);
    expect(cache.values.size).toBe(900);
    expect(cache.get('k100')).toBeNull();
    expect(cache.get('k101')).toBe('v');
    cache.evict((key) => key === 'k101');
    expect(cache.get('k101')).toBeNull();
    expect(() => cache.put('big', 'x'.repeat(100 * 1024 + 1), 60)).toThrow(/too large/);
  });

  it('gzips and base64-encodes over Java bytes, as Blob.getBytes gives them', () => {
    const { utilities } = fakeHost();
    const text = 'Клиент «Ромашка» '.repeat(50);
    const bytes = utilities.gzip(utilities.newBlob(text)).getBytes();
    expect(bytes.some((b) => b < 0)).toBe(true);
    expect(bytes.every((b) => b >= -128 && b <= 127)).toBe(true);
    const back = utilities.ungzip(utilities.newBlob(utilities.base64Decode(utilities.base64Encode(bytes)), 'application/x-gzip')).getDataAsString();
    expect(back).toBe(text);
    expect(() => utilities.newBlob([200], 'application/octet-stream')).toThrow(/Java bytes/);
  });
});
