/**
 * The WorkbookPort contract run against both in-page ports: the Excel port over the fake Excel API,
 * and the playground's in-memory workbook.
 */
import { ExcelWorkbookPort } from '../../addin/excel-port.js';
import { MemoryWorkbook } from '../../playground/memory-port.js';
import { FakeWorkbook } from './fake-excel.js';
import { portContract } from './port-contract.js';

portContract('Excel port over the fake Excel API', (sheets) => {
  const book = new FakeWorkbook();
  for (const sheet of sheets) book.addSheet(sheet.name, sheet.grid);
  return new ExcelWorkbookPort(book);
});

portContract('playground in-memory workbook', (sheets) => new MemoryWorkbook(sheets));
