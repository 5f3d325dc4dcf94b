/**
 * What "Make this workbook a template" adds in Excel, decided without Excel. The same template as
 * the playground's (playground/template.ts): an instructions sheet and empty Sales, Requests,
 * Contacts and Complaints sheets with the headers the core recognises (the field words of the
 * user's language), and panel settings that point at them with the sales mapping. A sheet of that
 * name that already exists is kept as it is (it may hold data) and the settings still point at it.
 *
 * Excel adds: each new input sheet holds a native table (`WinbackSales`, … — a digit is added when
 * a table or a workbook-level defined name already has the name, as Excel keeps both in one
 * namespace: support.microsoft.com "Rename an Excel table", ECMA-376 §18.5), and the instructions
 * sheet, when new, shows example formulas over those tables with structured references
 * (`WinbackSales[Date]`), so they follow the tables as rows are added. Each example is labelled
 * with its function's description from the catalog. The spilling examples sit side by side on one
 * row with room for their columns, so no spill runs into another.
 *
 * Worked example (English, empty workbook): new sheets Instructions, Sales, Requests, Contacts,
 * Complaints; the cadence example is `=WINBACK.CADENCE(WinbackSales[Date])`; the settings map
 * client → 0, date → 1, amount → 5.
 */
import {
  capitalize,
  columnLetters,
  SOURCE_KEYS,
  SOURCES,
  templateHeaders,
  templateSalesMapping,
  templateSheetName,
  words,
  type FunctionName,
  type Lang,
  type PanelSettings,
  type SourceKey,
} from '../core/index.js';

export interface InputSheet {
  kind: SourceKey;
  sheet: string;
  headers: string[];
  /** False when the workbook already has the sheet: it is left as it is. */
  create: boolean;
  /** Name of the native table on a new sheet. */
  table: string;
}

/** A cell of the instructions sheet: a text or a formula. */
export interface TemplateCell {
  row: number;
  column: number;
  text?: string;
  formula?: string;
  bold?: boolean;
}

export interface TemplatePlan {
  instructions: { sheet: string; create: boolean; cells: TemplateCell[] };
  inputs: InputSheet[];
  /** The panel settings: sheets and sales mapping (merged into what the document has). */
  settings: PanelSettings;
}

const TABLE_OF: Record<SourceKey, string> = {
  sales: 'WinbackSales',
  requests: 'WinbackRequests',
  contacts: 'WinbackContacts',
  complaints: 'WinbackComplaints',
};
/** Spilling examples with the columns each spill needs (SPEC §9), placed side by side. */
const SPILLS = [
  { name: 'ABCXYZ', width: 6 },
  { name: 'CHURNSIGNALS', width: 6 },
  { name: 'VALUETIERS', width: 3 },
  { name: 'PALIVE', width: 6 },
] as const;

/** `WinbackSales`, or `WinbackSales2`, `WinbackSales3`… — the first name not taken by a table or a defined name (without case). */
function freeTableName(desired: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((name) => name.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = n === 1 ? desired : `${desired}${n}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** `takenNames`: the workbook's table names and workbook-level defined names. */
export function templatePlan(lang: Lang, existingSheets: readonly string[], takenNames: readonly string[]): TemplatePlan {
  const exists = (name: string) => existingSheets.some((s) => s.toLowerCase() === name.toLowerCase());
  const inputs: InputSheet[] = SOURCE_KEYS.map((kind) => ({
    kind,
    sheet: templateSheetName(lang, kind),
    headers: templateHeaders(lang, kind),
    create: !exists(templateSheetName(lang, kind)),
    table: freeTableName(TABLE_OF[kind], takenNames),
  }));
  const settings: PanelSettings = { lang, mapping: templateSalesMapping() };
  for (const input of inputs) settings[SOURCES[input.kind].setting] = input.sheet;
  const sheet = words(lang).panel.playground.templateSheet;
  return { instructions: { sheet, create: !exists(sheet), cells: instructionCells(lang, inputs) }, inputs, settings };
}


function label(lang: Lang, name: FunctionName): string {
  return `${name}: ${words(lang).functions.description[name]}`;
}

/** The instructions, then (when the sales table is new) example formulas over the new tables. */
function instructionCells(lang: Lang, inputs: readonly InputSheet[]): TemplateCell[] {
  const lines = words(lang).panel.playground.instructions;
  const cells: TemplateCell[] = lines.map((text, row) => ({ row, column: 0, text, bold: row === 0 }));
  const byKind = (kind: SourceKey) => inputs.find((i) => i.kind === kind)!;
  const sales = byKind('sales');
  if (!sales.create) return cells;
  const ref = (input: InputSheet, field: string) => {
    const fields: readonly string[] = SOURCES[input.kind].templateColumns;
    return `${input.table}[${input.headers[fields.indexOf(field)]}]`;
  };
  const [client, date, amount] = [ref(sales, 'client'), ref(sales, 'date'), ref(sales, 'amount')];
  let row = lines.length + 1;
  const clientRow = row++;
  const clientCell = `$${columnLetters(1)}$${clientRow + 1}`;
  const scalar = (name: FunctionName, formula: string) => {
    cells.push({ row, column: 0, text: label(lang, name) }, { row, column: 1, formula });
    row++;
  };
  cells.push({ row: clientRow, column: 0, text: `${capitalize(words(lang).report.field.client)}:`, bold: true });
  scalar('CHURNSIGNAL', `=WINBACK.CHURNSIGNAL(FILTER(${date},${client}=${clientCell}),FILTER(${amount},${client}=${clientCell}),MAX(${date}))`);
  scalar('CADENCE', `=WINBACK.CADENCE(${date})`);
  const requests = byKind('requests');
  if (requests.create) scalar('CONVERSION', `=WINBACK.CONVERSION(${ref(requests, 'date')},${date})`);
  row++;
  let column = 0;
  for (const spill of SPILLS) {
    cells.push({ row, column, text: label(lang, spill.name), bold: true });
    cells.push({ row: row + 1, column, formula: `=WINBACK.${spill.name}(${client},${date},${amount})` });
    column += spill.width + 1;
  }
  return cells;
}
