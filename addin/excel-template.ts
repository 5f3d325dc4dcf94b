/**
 * Writes a template plan (template-plan.ts) into the workbook through the Excel API: each new
 * input sheet gets its Text-formatted header as a native table named for the formulas and a
 * frozen header; the instructions sheet, when new, its texts and example formulas, and becomes
 * the active sheet. Sheets that already exist are not touched. One request to learn the sheet
 * names, the table names and the workbook's defined names (a table may not take one), one to write.
 */
import { TEXT_FORMAT, type Lang } from '../core/index.js';
import type { ExcelContext, ExcelWorksheet } from './excel-api.js';
import { pointsForCharacters } from './excel-write.js';
import { templatePlan, type InputSheet, type TemplateCell, type TemplatePlan } from './template-plan.js';

const TABLE_STYLE = 'TableStyleLight9';
const INPUT_COLUMN_WIDTH = 16;
const INSTRUCTIONS_COLUMN_WIDTH = 60;

export async function writeTemplate(context: ExcelContext, lang: Lang): Promise<TemplatePlan> {
  const worksheets = context.workbook.worksheets;
  worksheets.load(['items/name']);
  const tables = context.workbook.tables;
  tables.load(['items/name']);
  const names = context.workbook.names;
  names.load(['items/name']);
  await context.sync();
  const plan = templatePlan(
    lang,
    worksheets.items.map((s) => s.name),
    [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)],
  );
  context.application.suspendApiCalculationUntilNextSync();
  for (const input of plan.inputs.filter((i) => i.create)) writeInput(worksheets.add(input.sheet), input);
  if (plan.instructions.create) {
    const sheet = worksheets.add(plan.instructions.sheet);
    writeInstructions(sheet, plan.instructions.cells);
    sheet.activate();
  }
  await context.sync();
  return plan;
}

function writeInput(sheet: ExcelWorksheet, input: InputSheet): void {
  const header = sheet.getRangeByIndexes(0, 0, 1, input.headers.length);
  header.numberFormat = [input.headers.map(() => TEXT_FORMAT)];
  header.values = [input.headers];
  header.format.columnWidth = pointsForCharacters(INPUT_COLUMN_WIDTH);
  const table = sheet.tables.add(sheet.getRangeByIndexes(0, 0, 2, input.headers.length), true);
  table.name = input.table;
  table.style = TABLE_STYLE;
  sheet.freezePanes.freezeRows(1);
}

function writeInstructions(sheet: ExcelWorksheet, cells: readonly TemplateCell[]): void {
  sheet.getRangeByIndexes(0, 0, 1, 1).format.columnWidth = pointsForCharacters(INSTRUCTIONS_COLUMN_WIDTH);
  for (const cell of cells) {
    const range = sheet.getRangeByIndexes(cell.row, cell.column, 1, 1);
    if (cell.formula !== undefined) range.formulas = [[cell.formula]];
    else {
      range.numberFormat = [[TEXT_FORMAT]];
      range.values = [[cell.text ?? '']];
    }
    if (cell.bold) range.format.font.bold = true;
  }
}
