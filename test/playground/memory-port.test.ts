import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import type { SheetSpec } from '../../core/report/spec.js';
import type { Cell } from '../../core/read/types.js';
import { downloadSheets, resultBytes, type DownloadProgress } from '../../playground/download.js';
import { MemoryWorkbook } from '../../playground/memory-port.js';
import { fileRows, openFile } from '../../playground/open-file.js';
import { renderSpec } from '../../playground/render-spec.js';

vi.mock('../../playground/render-spec.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../playground/render-spec.js')>();
  return { ...actual, renderSpec: vi.fn(actual.renderSpec) };
});

/** What the page and the download worker do together: hand every sheet over with its rows, then write. */
async function download(workbook: MemoryWorkbook, onProgress?: (p: DownloadProgress) => void): Promise<Uint8Array> {
  const sheets = downloadSheets(workbook).map(({ sheet, rows }) => ({ ...sheet, grid: [...rows].map((row) => [...row]) }));
  return resultBytes(sheets, onProgress);
}

function spec(key: SheetSpec['key'], name: string, rows: (string | number | null)[][]): SheetSpec {
  return {
    key,
    name,
    notes: ['A note.'],
    tables: [
      {
        id: 't',
        columns: [
          { key: 'client', header: 'Client', format: 'text', width: 20 },
          { key: 'last', header: 'Last purchase', format: 'date', width: 12 },
          { key: 'status', header: 'Status', format: 'text', width: 10 },
        ],
        rows,
        valueColours: [{ column: 'status', colours: { lost: '#FFC7CE' } }],
        asTable: true,
      },
    ],
    charts: [],
    freezeHeader: true,
  };
}

describe('MemoryWorkbook', () => {
  it('reads a sheet in blocks, reporting rows read so far', async () => {
    const grid: Cell[][] = Array.from({ length: 5 }, (_, i) => [`r${i}`]);
    const workbook = new MemoryWorkbook([{ name: 'S', grid }], 2);
    const progress: [number, number][] = [];
    expect(await workbook.readSheet('S', (done, total) => progress.push([done, total]))).toEqual(grid);
    expect(progress).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
  });

  it('lays a tab out as notes, blank, header, rows, with dates as Dates and strings as text', async () => {
    const workbook = new MemoryWorkbook([{ name: 'Sales', grid: [['x']] }]);
    const written = await workbook.writeReport([spec('clients', 'Clients', [['=1+1', 20_000, 'lost']])]);
    expect(written).toEqual([{ key: 'clients', name: 'Clients' }]);
    const tab = workbook.sheet('Clients');
    expect(tab.grid).toEqual([['A note.'], [], ['Client', 'Last purchase', 'Status'], ['=1+1', new Date(20_000 * 86_400_000), 'lost']]);
    expect(tab.report!.rendered.rows[3]!.fills).toEqual([undefined, undefined, '#FFC7CE']);
    expect(tab.report!.rendered.frozenRows).toBe(3);
    await workbook.writeReport([{ ...spec('clients', 'Clients', [['=1+1', 20_000, 'lost']]), notes: ['A note.', 'Another note.'] }]);
    expect(workbook.sheet('Clients').report!.rendered.frozenRows).toBe(0);
  });

  it('lays a written tab out when it is first shown or read, and only once', async () => {
    const workbook = new MemoryWorkbook([{ name: 'Sales', grid: [['x']] }]);
    vi.mocked(renderSpec).mockClear();
    await workbook.writeReport([spec('clients', 'Clients', [['a', 20_000, 'lost']]), spec('issues', 'Data issues', [['b', 20_001, 'lost']])]);
    expect(renderSpec).not.toHaveBeenCalled();
    const tab = workbook.sheet('Clients');
    expect(tab.report!.rendered.rows).toHaveLength(4);
    expect(tab.grid).toHaveLength(4);
    expect(tab.rowCount).toBe(4);
    expect(renderSpec).toHaveBeenCalledTimes(1);
  });

  it("lays a long list out under its lead line, frozen through the header, with its notes under the rows", async () => {
    const workbook = new MemoryWorkbook([{ name: 'Sales', grid: [['x']] }]);
    const below = { ...spec('clients', 'Clients', [['a', 20_000, 'lost'], ['b', null, 'active']]), notes: ['A note.', 'Another note.'], notesBelow: { lead: 'As of … · notes under the list ↓' } };
    await workbook.writeReport([below]);
    const tab = workbook.sheet('Clients');
    expect(tab.grid.map((row) => row[0] ?? null)).toEqual(['As of … · notes under the list ↓', 'Client', 'a', 'b', null, 'A note.', 'Another note.']);
    expect(tab.report!.rendered.rows.map((row) => row.kind)).toEqual(['note', 'header', 'data', 'data', 'blank', 'note', 'note']);
    expect(tab.report!.rendered.frozenRows).toBe(2);
  });

  it('replaces its own tabs by key, where they stand, and never a user sheet of the same name', async () => {
    const workbook = new MemoryWorkbook([
      { name: 'Sales', grid: [['x']] },
      { name: 'clients', grid: [['mine']] },
    ]);
    await workbook.writeReport([spec('clients', 'Clients', []), spec('issues', 'Data issues', [])]);
    expect(await workbook.sheetNames()).toEqual(['Sales', 'clients', 'Clients (2)', 'Data issues']);
    await workbook.writeReport([spec('clients', 'Клиенты', []), spec('issues', 'Ошибки данных', [])]);
    expect(await workbook.sheetNames()).toEqual(['Sales', 'clients', 'Клиенты', 'Ошибки данных']);
    expect(workbook.sheet('clients').grid).toEqual([['mine']]);
    expect(workbook.sheet('Sales').grid).toEqual([['x']]);
  });
});

describe('the playground download', () => {
  it('writes the user sheets and the report tabs in tab order, strings as text, dates as dates', async () => {
    const workbook = new MemoryWorkbook([
      { name: 'Sales', grid: [['Client', 'Date'], ['=HYPERLINK("http://x")', new Date(Date.UTC(2026, 2, 5))]] },
      { name: 'Clients', grid: [['mine']] },
    ]);
    await workbook.writeReport([spec('clients', 'Clients', [['+7 Строй', 20_000, 'lost']])]);
    const book = new ExcelJS.Workbook();
    const steps: DownloadProgress[] = [];
    await book.xlsx.load((await download(workbook, (p) => steps.push(p))).buffer as ArrayBuffer);
    expect(book.worksheets.map((ws) => ws.name)).toEqual(['Sales', 'Clients', 'Clients (2)']);
    // One step per sheet as it is written, the last as the end of the package.
    expect(steps).toEqual([{ stage: 'sheets', done: 1, total: 3 }, { stage: 'sheets', done: 2, total: 3 }, { stage: 'compress' }]);
    const sales = book.getWorksheet('Sales')!;
    expect(sales.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sales.getCell('A2').value).toBe('=HYPERLINK("http://x")');
    expect(sales.getCell('B2').value).toEqual(new Date(Date.UTC(2026, 2, 5)));
    const report = book.getWorksheet('Clients (2)')!;
    const values = report.getSheetValues().flat().filter((v) => v !== undefined && v !== null);
    expect(values).toContain('+7 Строй');
    expect(book.getWorksheet('Clients')!.getCell('A1').value).toBe('mine');
  });

  it('opens what it wrote: xlsx sheets in order, and a CSV as one sheet named after the file', async () => {
    const cells = (sheets: ReturnType<typeof openFile>) => sheets.map((sheet) => ({ name: sheet.name, grid: fileRows(sheet, 10).preview }));
    const workbook = new MemoryWorkbook([{ name: 'Sales', grid: [['Client', 'Amount'], ['Acme', 12.5]] }]);
    const sheets = downloadSheets(workbook);
    // What the page posts to the worker survives a structured clone unchanged.
    const posted = sheets.map(({ sheet }) => sheet);
    expect(structuredClone(posted)).toEqual(posted);
    expect(cells(openFile('book.xlsx', await download(workbook)))).toEqual([{ name: 'Sales', grid: [['Client', 'Amount'], ['Acme', 12.5]] }]);
    const csv = new TextEncoder().encode('\ufeffКлиент;Сумма\r\nООО "Ромашка";"1 234,50"\r\n');
    expect(cells(openFile('продажи 2026.csv', csv))).toEqual([{ name: 'продажи 2026', grid: [['Клиент', 'Сумма'], ['ООО "Ромашка"', '1 234,50']] }]);
  });

  it('keeps a file as its bytes: the view holds its first rows, a run reads all of them, the download writes all of them', async () => {
    const lines = Array.from({ length: 500 }, (_, i) => `Acme ${i % 7};2026-03-${String(1 + (i % 28)).padStart(2, '0')};${i + 1}`);
    const sheet = openFile('big.csv', new TextEncoder().encode(['Client;Date;Amount', ...lines].join('\n')))[0]!;
    const workbook = new MemoryWorkbook([{ name: sheet.name, file: fileRows(sheet, 200) }]);
    expect(workbook.sheet('big').grid).toHaveLength(200);
    expect(workbook.readRows('big')).not.toBeNull();
    expect(await workbook.readSheet('big')).toHaveLength(501);
    expect(workbook.sheet('big').rowCount).toBe(501);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download(workbook)).buffer as ArrayBuffer);
    expect(book.getWorksheet('big')!.rowCount).toBe(501);
    expect(book.getWorksheet('big')!.getCell('C501').value).toBe('500');
  });

  it('opens a file by its first rows only, and learns its row count from the first whole pass', async () => {
    const lines = Array.from({ length: 500 }, (_, i) => `Acme;2026-03-${String(1 + (i % 28)).padStart(2, '0')};${i + 1}`);
    const sheet = openFile('big.csv', new TextEncoder().encode(['Client;Date;Amount', ...lines].join('\n')))[0]!;
    let handedOut = 0;
    const rows = () => {
      const source = sheet.rows();
      return {
        next: () => {
          const row = source.next();
          if (row) handedOut++;
          return row;
        },
      };
    };
    const file = fileRows({ ...sheet, rows }, 200);
    expect(handedOut).toBe(201);
    expect(file.preview).toHaveLength(200);
    expect(file.rowCount).toBeNull();

    const workbook = new MemoryWorkbook([{ name: 'big', file }]);
    let changes = 0;
    workbook.onChange(() => changes++);
    const pass = workbook.readRows('big')!;
    for (let i = 0; i < 300; i++) pass.next();
    expect(workbook.sheet('big').rowCount).toBeNull();
    while (pass.next());
    expect(workbook.sheet('big').rowCount).toBe(501);
    expect(changes).toBe(1);
    for (const again = workbook.readRows('big')!; again.next(); );
    expect(changes).toBe(1);

    const small = fileRows(openFile('small.csv', new TextEncoder().encode('Client;Amount\nAcme;1\n'))[0]!, 200);
    expect(small.rowCount).toBe(2);
    const unread = new MemoryWorkbook([{ name: 'big', file: fileRows(sheet, 200) }]);
    expect((await unread.readHead('big', 5)).rows).toBe(501);
  });
});
