/**
 * The playground's view of its in-memory workbook: the sheet tabs (a keyboard-usable tablist:
 * arrows, Home, End) and a grid of the active sheet's first rows and columns, like a spreadsheet
 * with column letters and row numbers. Report tabs are shown with their formats and colours, and
 * a long list's notes under it even when they lie past the rows shown, at their own row numbers.
 * Under the grid, how many rows it shows of how many ("Showing the first 200 rows." while a large
 * file's count is not known yet). Every cell is set as text.
 */
import { columnLetters, words, type Lang, type NumberFormats } from '../core/index.js';
import { h, replaceChildren } from '../ui/dom.js';
import { displayCell } from './cell-display.js';
import type { MemorySheet, MemoryWorkbook } from './memory-port.js';
import type { RenderedRow } from './render-spec.js';

/** The view shows at most this many rows and columns of a sheet. */
export const VIEW_ROWS = 200;
const VIEW_COLUMNS = 26;

/** Pixels per character of a column width, the cell padding, and the row-number column. */
const CHAR_WIDTH = 7.5;
const CELL_PADDING = 12;
const ROW_NUMBER_WIDTH = 44;

export class WorkbookView {
  private readonly tabs: HTMLElement;
  private readonly grid: HTMLElement;
  private readonly note: HTMLElement;
  private workbook: MemoryWorkbook | null = null;

  constructor(
    private readonly doc: Document,
    container: HTMLElement,
    private readonly onPick: (name: string) => void,
  ) {
    this.tabs = h(doc, 'div', { class: 'pg-tabs', role: 'tablist', id: 'pg-tabs' });
    this.note = h(doc, 'p', { class: 'pg-note', id: 'pg-grid-note' });
    this.grid = h(doc, 'div', { class: 'pg-grid-wrap', role: 'tabpanel', id: 'pg-grid', tabindex: 0 });
    replaceChildren(container, this.tabs, this.grid, this.note);
  }

  render(workbook: MemoryWorkbook, lang: Lang): void {
    this.workbook = workbook;
    const text = words(lang).panel.playground;
    const active = workbook.activeName;
    this.tabs.setAttribute('aria-label', text.sheets);
    replaceChildren(this.tabs, ...workbook.sheets.map((sheet, index) => this.tab(sheet, index, sheet.name === active)));
    const sheet = workbook.sheets.find((s) => s.name === active);
    if (!sheet) return;
    this.grid.setAttribute('aria-labelledby', tabId(workbook.sheets.indexOf(sheet)));
    replaceChildren(this.grid, sheet.grid.length === 0 ? h(this.doc, 'p', {}, text.emptySheet) : this.table(sheet));
    this.note.textContent = rowsNote(sheet, lang);
  }

  /** Put the keyboard focus on the active tab (after the panel opened a tab). */
  focusActiveTab(): void {
    (this.tabs.querySelector('[aria-selected="true"]') as HTMLElement | null)?.focus();
  }

  private tab(sheet: MemorySheet, index: number, selected: boolean): HTMLElement {
    const button = h(
      this.doc,
      'button',
      {
        type: 'button',
        id: tabId(index),
        role: 'tab',
        class: sheet.report ? 'pg-tab pg-tab-report' : 'pg-tab',
        'aria-selected': String(selected),
        'aria-controls': 'pg-grid',
        tabindex: selected ? 0 : -1,
        'data-sheet': sheet.name,
      },
      sheet.name,
    );
    button.addEventListener('click', () => this.onPick(sheet.name));
    button.addEventListener('keydown', (event) => this.onTabKey(event, button));
    return button;
  }

  private onTabKey(event: KeyboardEvent, button: HTMLElement): void {
    const tabs = Array.from(this.tabs.querySelectorAll<HTMLElement>('[role="tab"]'));
    const at = tabs.indexOf(button);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length]!;
    this.onPick(target.dataset.sheet!);
    this.focusActiveTab();
  }

  private table(sheet: MemorySheet): HTMLElement {
    const rows = sheet.grid.slice(0, VIEW_ROWS);
    const width = Math.min(VIEW_COLUMNS, Math.max(1, ...rows.map((r) => r.length)));
    const rendered = sheet.report?.rendered;
    const head = h(this.doc, 'tr', {}, h(this.doc, 'td', { class: 'pg-corner' }), ...Array.from({ length: width }, (_, c) => h(this.doc, 'th', { scope: 'col' }, columnLetters(c))));
    const body = rows.map((cells, r) => this.row(r, cells, width, rendered?.rows[r], rendered?.numberFormats));
    for (const r of notesPast(sheet)) body.push(this.row(r, sheet.grid[r]!, width, rendered!.rows[r], rendered!.numberFormats));
    const pixels = rendered ? columnPixels(rendered.widths, width) : null;
    return h(
      this.doc,
      'table',
      { class: pixels ? 'pg-grid pg-fixed' : 'pg-grid', style: pixels ? `width: ${pixels.reduce((a, b) => a + b, 0)}px` : undefined },
      h(this.doc, 'caption', { class: 'pg-hidden' }, sheet.name),
      pixels ? h(this.doc, 'colgroup', {}, ...pixels.map((px) => h(this.doc, 'col', { style: `width: ${px}px` }))) : null,
      h(this.doc, 'thead', {}, head),
      h(this.doc, 'tbody', {}, ...body),
    );
  }

  /** A link line of a report tab: a button that opens the tab it names (as a host's hyperlink does). */
  private link(layout: RenderedRow): HTMLElement {
    const button = h(this.doc, 'button', { type: 'button', class: 'pg-link' }, displayCell(layout.cells[0] ?? null));
    button.addEventListener('click', () => {
      const target = this.workbook?.sheets.find((sheet) => sheet.report?.key === layout.target);
      if (target) this.onPick(target.name);
    });
    return button;
  }

  private row(r: number, cells: MemorySheet['grid'][number], width: number, layout: RenderedRow | undefined, formats: NumberFormats | undefined): HTMLElement {
    const number = h(this.doc, 'th', { scope: 'row' }, String(r + 1));
    if (layout && (layout.kind === 'note' || layout.kind === 'title')) {
      return h(this.doc, 'tr', { class: `pg-row-${layout.kind}` }, number, h(this.doc, 'td', { colspan: width }, displayCell(layout.cells[0] ?? null)));
    }
    if (layout?.kind === 'link') return h(this.doc, 'tr', { class: 'pg-row-link' }, number, h(this.doc, 'td', { colspan: width }, this.link(layout)));
    const tds = Array.from({ length: width }, (_, c) => {
      const value = layout ? layout.cells[c] : cells[c];
      const format = layout?.formats?.[c];
      const td = h(this.doc, 'td', { class: typeof value === 'number' ? 'pg-number' : undefined }, displayCell(value ?? null, format, formats));
      const fill = layout?.fills?.[c];
      if (fill) td.style.backgroundColor = fill;
      return td;
    });
    return h(this.doc, 'tr', { class: layout ? `pg-row-${layout.kind}` : undefined }, number, ...tds);
  }
}

/** Which rows the view shows, when not all: of how many (a file's count is not known until it is read whole). */
function rowsNote(sheet: MemorySheet, lang: Lang): string {
  const text = words(lang).panel.playground;
  const count = words(lang).format.count;
  if (sheet.rowCount === null) return text.shownFirstRows(count(VIEW_ROWS));
  if (sheet.rowCount <= VIEW_ROWS) return '';
  return (notesPast(sheet).length > 0 ? text.shownRowsAndNotes : text.shownRows)(count(VIEW_ROWS), count(sheet.rowCount));
}

/** The rows of a report tab's notes past the rows the view shows (a long list's notes under it). */
function notesPast(sheet: MemorySheet): number[] {
  const rows = sheet.report?.rendered.rows ?? [];
  const past: number[] = [];
  for (let r = VIEW_ROWS; r < rows.length; r++) if (rows[r]!.kind === 'note') past.push(r);
  return past;
}

/** A report tab's column widths (characters, as the hosts set them) in pixels, after the row-number column. */
function columnPixels(widths: number[], count: number): number[] {
  return [ROW_NUMBER_WIDTH, ...Array.from({ length: count }, (_, c) => Math.round((widths[c] ?? 8) * CHAR_WIDTH) + CELL_PADDING)];
}

function tabId(index: number): string {
  return `pg-tab-${index}`;
}
