/**
 * The playground page: the panel beside a simple view of an in-memory workbook, with no Office
 * and no Google account. It opens examples/sample-sales.xlsx (served by the playground's own
 * server) or a .xlsx / .csv the user opens or drops, and downloads the result as .xlsx.
 * Everything happens in this page; no data is sent anywhere.
 *
 * Address options: `?lang=ru` starts in Russian (else the browser's language), `?look=sheets`
 * shows the panel as in Google Sheets, `?sample=0` starts without opening the example.
 *
 * The panel comes first in the page (and so in the tab order); wide screens show it on the right
 * of the workbook, as Excel shows its task pane, narrow ones above it. "Download as .xlsx" writes
 * the file in a Web Worker (download-worker.ts) with a progress bar, so the page never freezes.
 * Only spreadsheet files are opened (.xlsx, .xlsm, .csv, .tsv, .txt): anything else — a photo
 * dropped by mistake — is refused by name before it is read. index.html carries the static
 * "could not start" sentence in both languages (`#wb-fallback`), which this script replaces.
 *
 * For tests and demos the page exposes `window.winbackPlayground`: `open(sheets, name)` opens
 * sheets given as arrays of cells, `generate(lines)` opens a generated workbook of about that
 * many sales lines, `workbook()` returns the workbook.
 */
import { createLocalBridge, isLang, langOfLocale, words, type Cell, type Lang } from '../core/index.js';
import { h, replaceChildren } from '../ui/dom.js';
import { nextPaint } from '../ui/next-paint.js';
import { mountPanel } from '../ui/panel.js';
import { downloadSheets } from './download.js';
import type { WorkerInput, WorkerMessage } from './download-worker.js';
import { generatedWorkbook } from './generate.js';
import { MemoryWorkbook, type SheetInput } from './memory-port.js';
import { fileRows, openFile } from './open-file.js';
import { makeTemplate } from './template.js';
import { VIEW_ROWS, WorkbookView } from './workbook-view.js';

const SAMPLE = 'examples/sample-sales.xlsx';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Rows handed to the download worker per message: each clone is short, the page stays free. */
const ROWS_PER_MESSAGE = 20_000;
/** The files the playground opens, by extension. */
const SPREADSHEET_EXTENSIONS = ['.xlsx', '.xlsm', '.csv', '.tsv', '.txt'];

interface PlaygroundHook {
  open(sheets: { name: string; grid: Cell[][] }[], name: string): void;
  generate(lines: number): void;
  workbook(): MemoryWorkbook | null;
}

class Playground {
  private workbook: MemoryWorkbook | null = null;
  private fileName = '';
  private lang: Lang;
  /** The status line, in whichever language the page speaks. */
  private statusText: (lang: Lang) => string = () => '';
  private readonly params = new URLSearchParams(location.search);
  private readonly title = h(document, 'h1', { id: 'pg-title' });
  private readonly note = h(document, 'p', { class: 'pg-privacy' });
  private readonly openButton = h(document, 'button', { type: 'button', id: 'pg-open', class: 'pg-button' });
  private readonly fileInput = h(document, 'input', { type: 'file', id: 'pg-file', accept: SPREADSHEET_EXTENSIONS.join(','), hidden: true, tabindex: -1 });
  private readonly dropHint = h(document, 'span', { class: 'pg-hint' });
  private readonly sampleButton = h(document, 'button', { type: 'button', id: 'pg-sample', class: 'pg-button' });
  private readonly downloadButton = h(document, 'button', { type: 'button', id: 'pg-download', class: 'pg-button', disabled: true });
  private readonly downloadFill = h(document, 'div');
  private readonly downloadBar = h(
    document,
    'div',
    { id: 'pg-download-progress', class: 'pg-progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0, hidden: true },
    this.downloadFill,
  );
  private readonly status = h(document, 'p', { id: 'pg-status', role: 'status', class: 'pg-status' });
  private readonly panelHost = h(document, 'aside', { id: 'pg-panel', class: 'pg-panel' });
  private readonly bookSection = h(document, 'section', { id: 'pg-workbook', class: 'pg-workbook' });
  private readonly view: WorkbookView;

  constructor(root: HTMLElement) {
    const locale = this.params.get('lang');
    this.lang = locale && isLang(locale) ? locale : langOfLocale(navigator.language);
    this.view = new WorkbookView(document, this.bookSection, (name) => this.workbook?.activate(name));
    replaceChildren(
      root,
      h(
        document,
        'header',
        { class: 'pg-header' },
        this.title,
        this.note,
        h(document, 'div', { class: 'pg-toolbar' }, this.openButton, this.fileInput, this.dropHint, this.sampleButton, this.downloadButton, this.downloadBar),
        this.status,
      ),
      h(document, 'main', { class: 'pg-main' }, this.panelHost, this.bookSection),
    );
    this.openButton.addEventListener('click', () => this.fileInput.click());
    this.fileInput.addEventListener('change', () => {
      const file = this.fileInput.files?.[0];
      if (file) void this.openUserFile(file);
      this.fileInput.value = '';
    });
    this.sampleButton.addEventListener('click', () => void this.openSample());
    this.downloadButton.addEventListener('click', () => this.download());
    this.listenForDrops();
    this.relabel();
  }

  async start(): Promise<void> {
    if (this.params.get('sample') !== '0') await this.openSample();
  }

  hook(): PlaygroundHook {
    return {
      open: (sheets, name) => this.load(sheets, name),
      generate: (lines) => this.load(generatedWorkbook(lines), 'generated.xlsx'),
      workbook: () => this.workbook,
    };
  }

  private async openSample(): Promise<void> {
    await this.openNamed('sample-sales.xlsx', async () => new Uint8Array(await (await fetch(SAMPLE)).arrayBuffer()));
  }

  private async openUserFile(file: File): Promise<void> {
    const name = file.name;
    if (!SPREADSHEET_EXTENSIONS.some((extension) => name.toLowerCase().endsWith(extension))) {
      this.setStatus((lang) => words(lang).panel.playground.notSpreadsheet(name));
      return;
    }
    await this.openNamed(name, async () => new Uint8Array(await file.arrayBuffer()));
  }

  private async openNamed(name: string, bytes: () => Promise<Uint8Array>): Promise<void> {
    this.setStatus((lang) => words(lang).panel.playground.loading(name));
    let sheets: SheetInput[];
    try {
      sheets = openFile(name, await bytes()).map((sheet) => ({ name: sheet.name, file: fileRows(sheet, VIEW_ROWS) }));
      if (sheets.length === 0) throw new Error('no sheets');
    } catch (error) {
      console.error('The playground could not open the file', error);
      this.setStatus((lang) => words(lang).panel.playground.unreadable(name));
      return;
    }
    this.load(sheets, name);
  }

  private load(sheets: SheetInput[], name: string): void {
    const workbook = new MemoryWorkbook(sheets);
    this.workbook = workbook;
    this.fileName = name;
    workbook.onChange(() => this.view.render(workbook, this.lang));
    const bridge = createLocalBridge(workbook, workbook.settingsStore(), {
      host: this.params.get('look') === 'sheets' ? 'sheets' : 'playground',
      locale: () => this.lang,
      openSheet: async (sheet) => {
        workbook.activate(sheet);
        this.view.focusActiveTab();
      },
      makeTemplate: (lang) => makeTemplate(workbook, lang),
      pause: nextPaint,
    });
    const root = h(document, 'div');
    replaceChildren(this.panelHost, root);
    new MutationObserver(() => this.followPanelLanguage(root)).observe(root, { attributes: true, attributeFilter: ['lang'] });
    mountPanel(root, bridge);
    this.view.render(workbook, this.lang);
    this.downloadButton.disabled = false;
    this.setStatus((lang) => words(lang).panel.playground.opened(name));
  }

  private setStatus(text: (lang: Lang) => string): void {
    this.statusText = text;
    this.status.textContent = text(this.lang);
  }

  /** The page's own words follow the language chosen in the panel. */
  private followPanelLanguage(root: HTMLElement): void {
    const lang = root.lang;
    if (!isLang(lang) || lang === this.lang) return;
    this.lang = lang;
    this.relabel();
    if (this.workbook) this.view.render(this.workbook, lang);
  }

  private relabel(): void {
    const text = words(this.lang).panel.playground;
    document.documentElement.lang = this.lang;
    document.title = text.title;
    this.title.textContent = text.title;
    this.note.textContent = text.note;
    this.openButton.textContent = text.open;
    this.dropHint.textContent = text.drop;
    this.sampleButton.textContent = text.sample;
    this.downloadButton.textContent = text.download;
    this.downloadBar.setAttribute('aria-label', text.preparing);
    this.bookSection.setAttribute('aria-label', text.workbook);
    this.status.textContent = this.statusText(this.lang);
  }

  /** Writes the file in the worker, moving the bar at each step; the button waits meanwhile. */
  private download(): void {
    if (!this.workbook) return;
    const name = `${this.fileName.replace(/\.[^.]*$/, '')}-winback.xlsx`;
    const worker = new Worker('download-worker.js');
    this.downloadButton.disabled = true;
    this.showDownloadStep(0, (lang) => words(lang).panel.playground.preparing);
    const finish = (bytes: Uint8Array | null, problem?: unknown) => {
      worker.terminate();
      this.downloadBar.hidden = true;
      this.downloadButton.disabled = false;
      if (bytes) {
        this.save(bytes, name);
        this.setStatus((lang) => words(lang).panel.playground.downloadReady(name));
      } else {
        console.error('The playground could not make the file', problem);
        this.setStatus((lang) => words(lang).panel.playground.downloadFailed);
      }
    };
    // A worker that cannot load, or runs out of memory, ends with an error event, not a message.
    worker.onerror = (event) => {
      event.preventDefault();
      finish(null, event.message);
    };
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      const count = (n: number) => (lang: Lang) => words(lang).format.count(n);
      if (message.stage === 'sheets') {
        const [done, total] = [count(message.done), count(message.total)];
        this.showDownloadStep((90 * message.done) / message.total, (lang) => words(lang).panel.playground.preparingSheet(done(lang), total(lang)));
      } else if (message.stage === 'compress') {
        this.showDownloadStep(95, (lang) => words(lang).panel.playground.compressing);
      } else if (message.stage === 'done') {
        finish(message.bytes);
      } else {
        finish(null, message.message);
      }
    };
    void this.handOver(worker, downloadSheets(this.workbook));
  }

  /** The sheets to the worker in pieces, letting the page run between them. */
  private async handOver(worker: Worker, sheets: ReturnType<typeof downloadSheets>): Promise<void> {
    const post = (message: WorkerInput) => worker.postMessage(message);
    for (const { sheet, rows } of sheets) {
      post({ stage: 'sheet', sheet });
      let block: Cell[][] = [];
      for (const row of rows) {
        block.push([...row]);
        if (block.length < ROWS_PER_MESSAGE) continue;
        post({ stage: 'rows', rows: block });
        block = [];
        await nextPaint();
      }
      if (block.length > 0) post({ stage: 'rows', rows: block });
    }
    post({ stage: 'write' });
  }

  private showDownloadStep(percent: number, text: (lang: Lang) => string): void {
    const value = String(Math.round(percent));
    this.downloadBar.hidden = false;
    this.downloadBar.setAttribute('aria-valuenow', value);
    this.downloadBar.setAttribute('aria-valuetext', text(this.lang));
    this.downloadFill.style.width = `${value}%`;
    this.setStatus(text);
  }

  private save(bytes: Uint8Array, name: string): void {
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
    const link = h(document, 'a', { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private listenForDrops(): void {
    document.addEventListener('dragover', (event) => {
      event.preventDefault();
      document.body.classList.add('pg-dragging');
    });
    document.addEventListener('dragleave', () => document.body.classList.remove('pg-dragging'));
    document.addEventListener('drop', (event) => {
      event.preventDefault();
      document.body.classList.remove('pg-dragging');
      const file = event.dataTransfer?.files[0];
      if (file) void this.openUserFile(file);
    });
  }
}

const playground = new Playground(document.getElementById('app')!);
(window as unknown as { winbackPlayground: PlaygroundHook }).winbackPlayground = playground.hook();
void playground.start();
