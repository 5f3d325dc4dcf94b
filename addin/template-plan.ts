/**
 * What "Make this workbook a template" adds in Excel, decided without Excel. The same template as
 * the playground's (playground/template.ts): an instructions sheet and empty Sales, Requests,
 * Contacts and Complaints sheets with the headers the core recognises (the field words of the
 * user's language), and panel settings that point at them with the sales mapping. A sheet of that
 * name that already exists is kept as it is (it may hold data) and the settings still point at it.
 *
 * Excel adds: each new input sheet holds a native table (`WinbackSales`, … — a digit is added when
 * the name is taken), and the instructions sheet, when new, shows example formulas over those
 * tables with structured references (`WinbackSales[Date]`), so they follow the tables as rows are
 * added. Each example is labelled with its function's description from the catalog. The spilling
 * examples sit side by side on one row with room for their columns, so no spill runs into another.
 *
 * Worked example (English, empty workbook): new sheets Instructions, Sales, Requests, Contacts,
 * Complaints; the cadence example is `=WINBACK.CADENCE(WinbackSales[Date])`; the settings map
 * client → 0, date → 1, amount → 5.
 */
import { catalog } from '../core/functions/index.js';
import { t, type Lang } from '../core/i18n/index.js';
import { panelText } from '../core/i18n/panel.js';
import type { PanelSettings } from '../core/panel/bridge.js';
import { capitalize, SETTING_OF, TEMPLATE_COLUMNS, TEMPLATE_KINDS, templateHeaders, templateSalesMapping, type InputKind } from '../core/panel/template-layout.js';
import { columnLetters } from './sheet-layout.js';

export type { InputKind };

export interface InputSheet {
  kind: InputKind;
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

const TABLE_OF: Record<InputKind, string> = {
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

/** `WinbackSales`, or `WinbackSales2`, `WinbackSales3`… — the first table name not taken (without case). */
function freeTableName(desired: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((name) => name.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = n === 1 ? desired : `${desired}${n}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

export function templatePlan(lang: Lang, existingSheets: readonly string[], existingTables: readonly string[]): TemplatePlan {
  const exists = (name: string) => existingSheets.some((s) => s.toLowerCase() === name.toLowerCase());
  const m = t(lang);
  const inputs: InputSheet[] = TEMPLATE_KINDS.map((kind) => ({
    kind,
    sheet: m.source[kind],
    headers: templateHeaders(lang, kind),
    create: !exists(m.source[kind]),
    table: freeTableName(TABLE_OF[kind], existingTables),
  }));
  const settings: PanelSettings = { lang, mapping: templateSalesMapping() };
  for (const input of inputs) settings[SETTING_OF[input.kind]] = input.sheet;
  const sheet = panelText(lang).playground.templateSheet;
  return { instructions: { sheet, create: !exists(sheet), cells: instructionCells(lang, inputs) }, inputs, settings };
}


function label(lang: Lang, name: string): string {
  const definition = catalog.find((f) => f.name === name);
  return definition ? `${name}: ${definition.description[lang]}` : name;
}

/** The instructions, then (when the sales table is new) example formulas over the new tables. */
function instructionCells(lang: Lang, inputs: readonly InputSheet[]): TemplateCell[] {
  const lines = panelText(lang).playground.instructions;
  const cells: TemplateCell[] = lines.map((text, row) => ({ row, column: 0, text, bold: row === 0 }));
  const byKind = (kind: InputKind) => inputs.find((i) => i.kind === kind)!;
  const sales = byKind('sales');
  if (!sales.create) return cells;
  const ref = (input: InputSheet, field: string) => {
    const fields: readonly string[] = TEMPLATE_COLUMNS[input.kind];
    return `${input.table}[${input.headers[fields.indexOf(field)]}]`;
  };
  const [client, date, amount] = [ref(sales, 'client'), ref(sales, 'date'), ref(sales, 'amount')];
  let row = lines.length + 1;
  const clientRow = row++;
  const clientCell = `$${columnLetters(1)}$${clientRow + 1}`;
  const scalar = (name: string, formula: string) => {
    cells.push({ row, column: 0, text: label(lang, name) }, { row, column: 1, formula });
    row++;
  };
  cells.push({ row: clientRow, column: 0, text: `${capitalize(t(lang).field.client)}:`, bold: true });
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
