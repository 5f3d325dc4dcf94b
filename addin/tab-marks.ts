/**
 * The mark the add-in leaves on each tab it writes (tab-registry.ts says why: worksheet ids do not
 * survive a reopening, office-js-docs#297). Where Excel supports ExcelApi 1.12 the mark is a
 * worksheet custom property (Excel.WorksheetCustomPropertyCollection), invisible to the user;
 * elsewhere it is a name scoped to the sheet holding a text constant (NamedItemCollection.add,
 * ExcelApi 1.4), which the Name Manager shows but which travels with the sheet just the same.
 * Both are saved with the workbook. Queued on the caller's request, read back in one sync.
 *
 * Example: the Clients tab gets the custom property `winback.tab` = `{"key":"clients","name":"Clients"}`,
 * or the name `Winback_Tab` = `="{""key"":""clients"",""name"":""Clients""}"`.
 */
import type { ExcelContext, ExcelWorksheet } from './excel-api.js';
import { markText, parseMark, type SheetIdentity, type TabMark } from './tab-registry.js';

const PROPERTY_KEY = 'winback.tab';
const NAME = 'Winback_Tab';

export interface TabMarks {
  /** Queues the mark on a sheet (sent with the caller's next sync). */
  write(sheet: ExcelWorksheet, mark: TabMark): void;
  /** The sheets with their marks (null where a sheet has none), in one sync. */
  read(context: ExcelContext, sheets: readonly SheetIdentity[]): Promise<SheetIdentity[]>;
}

/** The marks Excel supports: custom properties from ExcelApi 1.12, sheet-scoped names before. */
export function tabMarks(customProperties: boolean): TabMarks {
  return customProperties ? PROPERTY_MARKS : NAME_MARKS;
}

function loaded<T extends { load(names: string): unknown }>(item: T): T {
  item.load('value');
  return item;
}

const PROPERTY_MARKS: TabMarks = {
  write: (sheet, mark) => void sheet.customProperties.add(PROPERTY_KEY, markText(mark)),
  read: async (context, sheets) => {
    const found = sheets.map((s) => loaded(context.workbook.worksheets.getItem(s.id).customProperties.getItemOrNullObject(PROPERTY_KEY)));
    await context.sync();
    return sheets.map((s, i) => ({ ...s, mark: found[i].isNullObject ? null : parseMark(found[i].value) }));
  },
};

const NAME_MARKS: TabMarks = {
  write: (sheet, mark) => void sheet.names.add(NAME, `="${markText(mark).replace(/"/g, '""')}"`),
  read: async (context, sheets) => {
    const found = sheets.map((s) => loaded(context.workbook.worksheets.getItem(s.id).names.getItemOrNullObject(NAME)));
    await context.sync();
    return sheets.map((s, i) => ({ ...s, mark: found[i].isNullObject ? null : parseMark(found[i].value) }));
  },
};
