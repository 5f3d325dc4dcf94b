/**
 * The panel: one UI for the Excel task pane, the Google Sheets sidebar and the playground. It talks
 * only to a HostBridge (bridge.ts) — never to Office.js or google.script.run.
 *
 * The flow: pick the sales sheet (the remembered one, else the active one) → the panel inspects it
 * and shows the column it detected for each field, with a select to correct it, the first rows
 * as read, and how the sheet was read (the Data issues tab's words, ui/profile-view.ts) → optional requests / contacts / complaints sheets → settings → Segment, with a progress
 * bar and Cancel → the summary with links to the written tabs. Sheet, mapping, sources, settings
 * and language are saved through the bridge after a run, so the next run is one click.
 *
 * Where the host can open the panel by itself when the document opens (the bridge's `autoOpen`:
 * Excel), the footer has a checkbox for it — on after "Make this workbook a template", off again
 * with one click (Microsoft's best practice for auto-open); other hosts show none.
 *
 * The action is always in reach: Segment, the progress bar, Cancel and the run's message sit in an
 * action bar that sticks to the bottom of the window while the form is on screen (at 320 × 700 it
 * is on the first screen). The column mapping is folded to its one-line summary once every
 * required column was found, and open when one is missing; pressing Segment then says in words
 * which column is missing and puts the focus on its select.
 *
 * The form's values have one home, `state.form`: a settings control reports only the field it
 * changed, merged into the current form (ui/settings-view.ts), so no change is ever lost.
 *
 * Host pages carry a static sentence in both languages in an element with the id `wb-fallback`
 * (`FALLBACK_ID`, the words of `panel.errors.hostUnavailable`): it is what the user sees when
 * the host's script (office.js, google.script.run) or the panel's own script never runs. The
 * panel removes it when it mounts. The page speaks the panel's language (`<html lang>` follows
 * it, WCAG 3.1.1) and, when the host page has no title of its own, is titled "Winback" (2.4.2).
 *
 * The whole panel is rebuilt on structural changes (language, inspection, run start and end);
 * focus is put back on the element that had it. Announcements for screen readers go through one
 * live region that is never rebuilt. Every sheet value is set as text.
 */
import {
  companionSheets,
  defaultForm,
  failureMessage,
  formFromOptions,
  langOfLocale,
  LANGS,
  OPTIONAL_SOURCES,
  optionsFromForm,
  ruleText,
  SOURCES,
  words,
  type ColumnMapping,
  type HostBridge,
  type Lang,
  type OptionalSource,
  type PanelField,
  type PanelSettings,
  type RunRequest,
  type RunResult,
  type SettingsForm,
  type SheetInspection,
} from '../core/index.js';
import { COLUMNS_ERROR_ID, columnSelectId, columnsView, requiredColumnsLine, withPick } from './columns-view.js';
import { append, h, replaceChildren } from './dom.js';
import { profileView } from './profile-view.js';
import { progressView, type ProgressView } from './progress-view.js';
import { MORE_SETTINGS, settingId, settingLabel, settingsView } from './settings-view.js';
import { installStyles } from './styles.js';
import { RESULT_HEADING_ID, summaryView } from './summary-view.js';


type Message = { kind: 'error' | 'note'; text: string };

interface PanelState {
  lang: Lang;
  sheets: string[];
  salesSheet: string;
  inspection: SheetInspection | null;
  inspecting: boolean;
  /** The mapping the user chose (or restored from settings); undefined lets the core detect it. */
  mapping: ColumnMapping | undefined;
  sources: Record<OptionalSource, string>;
  form: SettingsForm;
  moreOpen: boolean;
  /** The user opened the Columns block (it is open anyway while a required column is missing). */
  columnsOpen: boolean;
  /** The user opened or closed the block on how the sheet was read; null: open when the reader is unsure. */
  profileOpen: boolean | null;
  invalidSetting: keyof SettingsForm | null;
  running: boolean;
  writing: boolean;
  lastRun: { result: Extract<RunResult, { ok: true }>; lang: Lang } | null;
  runMessage: Message | null;
  templateMessage: Message | null;
  /** Whether the panel opens with the document; null where the host has no such switch, or until it is known. */
  autoOpen: boolean | null;
  autoOpenFailed: boolean;
  loadError: string | null;
  saved: PanelSettings;
}

/** Id of the host page's static "could not start" message, removed when the panel mounts. */
export const FALLBACK_ID = 'wb-fallback';

export function mountPanel(root: HTMLElement, bridge: HostBridge): void {
  root.ownerDocument.getElementById(FALLBACK_ID)?.remove();
  void new Panel(root, bridge).start();
}

class Panel {
  private readonly doc: Document;
  private readonly content: HTMLElement;
  private readonly announcer: HTMLElement;
  private state: PanelState;
  private controller: AbortController | null = null;
  private progress: ProgressView | null = null;
  private inspectTicket = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly bridge: HostBridge,
  ) {
    this.doc = root.ownerDocument;
    installStyles(this.doc);
    this.content = h(this.doc, 'div');
    this.announcer = h(this.doc, 'div', { class: 'wb-visually-hidden', 'aria-live': 'polite', id: 'wb-announcer' });
    root.classList.add('wb-panel', bridge.host === 'sheets' ? 'wb-look-google' : 'wb-look-fluent');
    replaceChildren(root, this.content, this.announcer);
    this.state = {
      lang: langOfLocale(safeLocale(bridge)),
      sheets: [],
      salesSheet: '',
      inspection: null,
      inspecting: true,
      mapping: undefined,
      sources: { requests: '', contacts: '', complaints: '' },
      form: defaultForm(),
      moreOpen: false,
      columnsOpen: false,
      profileOpen: null,
      invalidSetting: null,
      running: false,
      writing: false,
      lastRun: null,
      runMessage: null,
      templateMessage: null,
      autoOpen: null,
      autoOpenFailed: false,
      loadError: null,
      saved: {},
    };
  }

  async start(): Promise<void> {
    this.render();
    try {
      const [settings, sheets] = await Promise.all([this.bridge.loadSettings(), this.bridge.listSheets()]);
      this.restore(settings ?? {}, sheets);
    } catch (error) {
      console.error('Winback could not reach the workbook', error);
      this.update({ loadError: words(this.state.lang).panel.errors.noWorkbook, inspecting: false });
      return;
    }
    this.render();
    void this.readAutoOpen();
    await this.inspect();
  }

  /** Whether the panel opens with the document, where the host has the switch. */
  private async readAutoOpen(): Promise<void> {
    const autoOpen = this.bridge.autoOpen;
    if (!autoOpen) return;
    try {
      this.update({ autoOpen: await autoOpen.get() });
    } catch (error) {
      console.error('Winback could not read whether the pane opens with the workbook', error);
    }
  }

  /** Settings and sheets → state: the saved sheet when it still exists, else the active one. */
  private restore(settings: PanelSettings, sheets: { names: string[]; active: string }): void {
    const names = sheets.names;
    const salesSheet = settings.salesSheet && names.includes(settings.salesSheet) ? settings.salesSheet : sheets.active || names[0] || '';
    const found = companionSheets(names, salesSheet);
    const sources = Object.fromEntries(
      OPTIONAL_SOURCES.map((kind) => {
        const saved = settings[SOURCES[kind].setting];
        return [kind, saved !== undefined ? (names.includes(saved) ? saved : '') : (found[kind] ?? '')];
      }),
    ) as Record<OptionalSource, string>;
    this.state = {
      ...this.state,
      lang: settings.lang ?? this.state.lang,
      sheets: names,
      salesSheet,
      mapping: salesSheet === settings.salesSheet ? settings.mapping : undefined,
      sources,
      form: formFromOptions(settings.options ?? {}),
      saved: settings,
    };
  }

  private async inspect(): Promise<void> {
    const ticket = ++this.inspectTicket;
    const { salesSheet, mapping } = this.state;
    if (!salesSheet) return this.update({ inspecting: false, inspection: null });
    this.update({ inspecting: true });
    let inspection: SheetInspection;
    try {
      inspection = await this.bridge.inspect(salesSheet, mapping);
    } catch (error) {
      console.error('Winback could not inspect the sheet', error);
      if (ticket === this.inspectTicket) this.update({ inspecting: false, inspection: null, loadError: words(this.state.lang).panel.errors.noSheet(salesSheet) });
      return;
    }
    if (ticket !== this.inspectTicket) return;
    this.update({ inspecting: false, inspection, loadError: null });
    this.announce(this.inspectionText(inspection));
  }

  private inspectionText(inspection: SheetInspection): string {
    const text = words(this.state.lang).panel;
    if (!inspection.ok) {
      const { code, missing } = inspection.failure ?? { code: 'no-header' as const, missing: [] };
      return failureMessage(this.state.lang, { kind: 'unusable', source: 'sales', sheet: inspection.sheet, code, missing }, 'panel');
    }
    const dataRows = Math.max(0, inspection.rows - inspection.headerRow - 1);
    return text.sheet.found(dataRows, words(this.state.lang).format.count(dataRows), inspection.headerRow + 1);
  }

  // ── actions ──────────────────────────────────────────────────────────────

  private pickSheet(name: string): void {
    this.state = { ...this.state, salesSheet: name, mapping: undefined, inspection: null, profileOpen: null, runMessage: null };
    void this.inspect();
  }

  private pickColumn(field: PanelField, column: number | undefined): void {
    const base = this.state.inspection?.mapping ?? {};
    this.state = { ...this.state, mapping: withPick(base, field, column), runMessage: null, columnsOpen: true };
    void this.inspect();
  }

  private switchLanguage(lang: Lang): void {
    if (lang === this.state.lang) return;
    this.update({ lang });
    const saved = { ...this.state.saved, lang };
    this.state.saved = saved;
    this.bridge.saveSettings(saved).catch((error) => console.error('Winback could not save settings', error));
  }

  private async segment(): Promise<void> {
    const { lang, inspection } = this.state;
    const text = words(lang).panel;
    if (this.state.running || !inspection) return;
    const checked = optionsFromForm(this.state.form);
    if (!checked.ok) {
      this.update({
        invalidSetting: checked.field,
        moreOpen: this.state.moreOpen || MORE_SETTINGS.has(checked.field),
        runMessage: {
          kind: 'error',
          text: checked.rule
            ? text.errors.badSetting(settingLabel(lang, checked.field), ruleText(lang, checked.rule))
            : text.errors.badNumber(settingLabel(lang, checked.field)),
        },
      });
      this.focus(settingId(checked.field));
      return;
    }
    if (!inspection.ok) {
      this.update({ runMessage: { kind: 'error', text: this.inspectionText(inspection) }, invalidSetting: null });
      const first = inspection.failure?.missing[0];
      this.focus(first ? columnSelectId(first as PanelField) : 'wb-sheet');
      return;
    }
    const request: RunRequest = {
      sources: { sales: this.state.salesSheet, ...this.sourceSheets() },
      mapping: this.state.mapping,
      options: checked.options,
      lang,
    };
    this.controller = new AbortController();
    this.update({ running: true, writing: false, invalidSetting: null, runMessage: null });
    this.focus('wb-cancel');
    let result: RunResult;
    try {
      result = await this.bridge.segment(request, (p) => this.onProgress(p), this.controller.signal);
    } catch (error) {
      console.error('Winback run failed', error);
      result = { ok: false, message: text.errors.unexpected };
    }
    this.controller = null;
    if (result.ok) {
      const saved: PanelSettings = {
        salesSheet: request.sources.sales,
        requestsSheet: this.state.sources.requests,
        contactsSheet: this.state.sources.contacts,
        complaintsSheet: this.state.sources.complaints,
        mapping: request.mapping,
        options: checked.options,
        lang,
      };
      this.update({ running: false, lastRun: { result, lang }, saved });
      this.announce(`${text.result.heading}. ${this.doc.getElementById('wb-result-line')?.textContent ?? ''}`);
      this.showResult();
      this.bridge.saveSettings(saved).catch((error) => console.error('Winback could not save settings', error));
      this.refreshSheets();
    } else {
      this.update({ running: false, runMessage: { kind: result.cancelled ? 'note' : 'error', text: result.message } });
      this.focus('wb-segment');
    }
  }

  private onProgress(p: Parameters<ProgressView['update']>[0]): void {
    if (p.stage === 'write' && !this.state.writing) {
      this.state.writing = true;
      const cancel = this.doc.getElementById('wb-cancel') as HTMLButtonElement | null;
      if (cancel) cancel.disabled = true;
    }
    this.progress?.update(p);
  }

  private sourceSheets(): Partial<Record<OptionalSource, string>> {
    const picked: Partial<Record<OptionalSource, string>> = {};
    for (const kind of OPTIONAL_SOURCES) if (this.state.sources[kind]) picked[kind] = this.state.sources[kind];
    return picked;
  }

  private refreshSheets(): void {
    this.bridge
      .listSheets()
      .then((sheets) => this.update({ sheets: sheets.names }))
      .catch((error) => console.error('Winback could not list the sheets', error));
  }

  private async setAutoOpen(on: boolean): Promise<void> {
    this.update({ autoOpen: on, autoOpenFailed: false });
    try {
      await this.bridge.autoOpen!.set(on);
    } catch (error) {
      console.error('Winback could not save whether the pane opens with the workbook', error);
      this.update({ autoOpen: !on, autoOpenFailed: true });
    }
    this.focus('wb-auto-open');
  }

  private async makeTemplate(): Promise<void> {
    const text = words(this.state.lang).panel;
    try {
      await this.bridge.makeTemplate(this.state.lang);
      const [settings, sheets] = await Promise.all([this.bridge.loadSettings(), this.bridge.listSheets()]);
      this.restore(settings ?? this.state.saved, sheets);
      this.update({ templateMessage: { kind: 'note', text: text.template.done } });
      void this.readAutoOpen();
      void this.inspect();
    } catch (error) {
      console.error('Winback could not make the template', error);
      this.update({ templateMessage: { kind: 'error', text: text.template.failed } });
    }
    this.focus('wb-template');
  }

  // ── rendering ────────────────────────────────────────────────────────────

  private update(patch: Partial<PanelState>): void {
    this.state = { ...this.state, ...patch };
    this.render();
  }

  private render(): void {
    const focused = this.doc.activeElement?.id;
    const { doc } = this;
    const { lang } = this.state;
    const text = words(lang).panel;
    this.root.lang = lang;
    this.doc.documentElement.lang = lang;
    if (!this.doc.title) this.doc.title = text.title;
    replaceChildren(
      this.content,
      h(doc, 'header', { class: 'wb-header' }, h(doc, 'h1', {}, text.title), this.languageSwitch()),
      h(doc, 'p', { class: 'wb-tagline' }, text.tagline),
      this.state.loadError ? h(doc, 'p', { class: 'wb-alert', role: 'alert' }, this.state.loadError) : null,
      this.form(),
      this.state.lastRun && !this.state.running ? this.resultView() : null,
      this.footer(),
    );
    if (focused) this.doc.getElementById(focused)?.focus();
  }

  private languageSwitch(): HTMLElement {
    const { doc } = this;
    const text = words(this.state.lang).panel;
    const group = h(doc, 'div', { class: 'wb-lang', role: 'group', 'aria-label': text.language });
    for (const lang of LANGS) {
      const button = h(
        doc,
        'button',
        { type: 'button', id: `wb-lang-${lang}`, lang, 'aria-pressed': String(lang === this.state.lang), title: words(lang).panel.languageName },
        lang.toUpperCase(),
      );
      button.addEventListener('click', () => this.switchLanguage(lang));
      group.append(button);
    }
    return group;
  }

  private form(): HTMLElement {
    const { doc } = this;
    const text = words(this.state.lang).panel;
    const form = h(doc, 'form', { id: 'wb-form', novalidate: true, 'aria-busy': String(this.state.running) });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.segment();
    });
    const fieldset = (legend: string, id: string, ...children: (HTMLElement | null)[]) =>
      h(doc, 'fieldset', { class: 'wb-section', id, disabled: this.state.running }, h(doc, 'legend', {}, legend), ...children);

    append(
      form,
      fieldset(text.sheet.legend, 'wb-sales', this.sheetField(), this.inspectionStatus()),
      this.columnsSection(),
      this.profileSection(),
      fieldset(text.sources.legend, 'wb-sources', h(doc, 'p', { class: 'wb-help' }, text.sources.help), ...OPTIONAL_SOURCES.map((kind) => this.sourceField(kind))),
      fieldset(
        text.settings.legend,
        'wb-settings',
        settingsView(
          doc,
          this.state.lang,
          { form: this.state.form, moreOpen: this.state.moreOpen, invalid: this.state.invalidSetting },
          (key, value, rerender) => {
            this.state.form = { ...this.state.form, [key]: value };
            if (this.state.invalidSetting === key) this.state.invalidSetting = null;
            if (rerender) this.render();
          },
          (open) => (this.state.moreOpen = open),
          () => this.update({ form: defaultForm(), invalidSetting: null }),
        ),
      ),
      this.runControls(),
    );
    return form;
  }

  /** The Columns block, collapsible: its summary line names the required columns in use. */
  private columnsSection(): HTMLElement | null {
    const { doc } = this;
    const { inspection, lang, running } = this.state;
    if (!inspection) return null;
    const text = words(lang).panel;
    const details = h(
      doc,
      'details',
      { class: 'wb-section wb-details', id: 'wb-columns', open: this.state.columnsOpen || !inspection.ok },
      h(doc, 'summary', { id: 'wb-columns-summary' }, text.columns.legend, h(doc, 'span', { class: 'wb-summary-line' }, requiredColumnsLine(lang, inspection))),
      h(
        doc,
        'fieldset',
        { class: 'wb-plain', disabled: running, 'aria-labelledby': 'wb-columns-summary' },
        columnsView(doc, lang, inspection, (f, c) => this.pickColumn(f, c)),
      ),
    );
    details.addEventListener('toggle', () => {
      if (details.isConnected && inspection.ok) this.state.columnsOpen = details.open;
    });
    return details;
  }

  /** How the sheet was read (ui/profile-view.ts), once the header is found. */
  private profileSection(): HTMLElement | null {
    const { inspection, lang } = this.state;
    if (!inspection) return null;
    return profileView(this.doc, lang, inspection, this.state.profileOpen, (open) => (this.state.profileOpen = open));
  }

  private sheetField(): HTMLElement {
    const { doc } = this;
    const text = words(this.state.lang).panel;
    const select = h(doc, 'select', { id: 'wb-sheet' }, ...this.state.sheets.map((name) => h(doc, 'option', { value: name }, name)));
    select.value = this.state.salesSheet;
    select.addEventListener('change', () => this.pickSheet(select.value));
    return h(doc, 'div', { class: 'wb-field' }, h(doc, 'label', { for: 'wb-sheet' }, text.sheet.label), select);
  }

  private inspectionStatus(): HTMLElement | null {
    const { doc } = this;
    const { inspection, inspecting, lang } = this.state;
    if (inspecting) return h(doc, 'p', { class: 'wb-status wb-help', id: 'wb-inspect-status' }, words(lang).panel.sheet.loading);
    if (!inspection) return null;
    if (!inspection.ok) return h(doc, 'p', { class: 'wb-alert', id: COLUMNS_ERROR_ID, role: 'alert' }, this.inspectionText(inspection));
    return h(doc, 'p', { class: 'wb-status', id: 'wb-inspect-status' }, this.inspectionText(inspection));
  }

  private sourceField(kind: OptionalSource): HTMLElement {
    const { doc } = this;
    const text = words(this.state.lang).panel;
    const id = `wb-source-${kind}`;
    const options = this.state.sheets.filter((name) => name !== this.state.salesSheet);
    const select = h(
      doc,
      'select',
      { id },
      h(doc, 'option', { value: '' }, text.sources.none),
      ...options.map((name) => h(doc, 'option', { value: name }, name)),
    );
    select.value = this.state.sources[kind];
    select.addEventListener('change', () => {
      this.state.sources = { ...this.state.sources, [kind]: select.value };
    });
    return h(doc, 'div', { class: 'wb-field' }, h(doc, 'label', { for: id }, text.sources[kind]), select);
  }

  private runControls(): HTMLElement {
    const { doc } = this;
    const text = words(this.state.lang).panel;
    const { running } = this.state;
    const segment = h(
      doc,
      'button',
      { type: 'submit', class: 'wb-primary', id: 'wb-segment', disabled: running || this.state.inspecting || !this.state.inspection },
      text.run.segment,
    );
    const cancel = h(doc, 'button', { type: 'button', class: 'wb-secondary', id: 'wb-cancel', hidden: !running, disabled: this.state.writing }, text.run.cancel);
    cancel.addEventListener('click', () => this.controller?.abort());
    this.progress = running ? progressView(doc, this.state.lang, (t) => this.announce(t)) : null;
    return h(doc, 'div', { class: 'wb-actionbar', id: 'wb-actionbar' }, this.runMessageView(), h(doc, 'div', { class: 'wb-actions' }, segment, cancel), this.progress?.element ?? null);
  }

  private runMessageView(): HTMLElement | null {
    const message = this.state.runMessage;
    if (!message) return null;
    return h(this.doc, 'p', { class: message.kind === 'error' ? 'wb-alert' : 'wb-note', id: 'wb-run-message', role: message.kind === 'error' ? 'alert' : 'status' }, message.text);
  }

  private resultView(): HTMLElement {
    const run = this.state.lastRun!;
    const view = summaryView(this.doc, this.state.lang, { summary: run.result.summary, tabs: run.result.tabs, runLang: run.lang }, (name) => {
      this.bridge.openSheet(name).catch((error) => console.error('Winback could not open the tab', error));
    });
    return h(this.doc, 'section', { class: 'wb-result', id: 'wb-result', 'aria-labelledby': RESULT_HEADING_ID }, view);
  }

  private footer(): HTMLElement {
    const { doc } = this;
    const text = words(this.state.lang).panel;
    const button = h(doc, 'button', { type: 'button', class: 'wb-secondary', id: 'wb-template', 'aria-describedby': 'wb-template-help', disabled: this.state.running }, text.template.button);
    button.addEventListener('click', () => void this.makeTemplate());
    const message = this.state.templateMessage;
    return h(
      doc,
      'footer',
      { class: 'wb-footer' },
      button,
      h(doc, 'p', { class: 'wb-help', id: 'wb-template-help' }, text.template.help),
      message ? h(doc, 'p', { class: message.kind === 'error' ? 'wb-alert' : 'wb-note', role: 'status' }, message.text) : null,
      this.autoOpenField(),
    );
  }

  /** The checkbox "open Winback with this workbook", once its state is known on a host that has it. */
  private autoOpenField(): HTMLElement | null {
    const { autoOpen, autoOpenFailed, running } = this.state;
    if (!this.bridge.autoOpen || autoOpen === null) return null;
    const { doc } = this;
    const text = words(this.state.lang).panel.autoOpen;
    const box = h(doc, 'input', { type: 'checkbox', id: 'wb-auto-open', 'aria-describedby': 'wb-auto-open-help', checked: autoOpen, disabled: running });
    box.addEventListener('change', () => void this.setAutoOpen(box.checked));
    return h(
      doc,
      'div',
      { class: 'wb-auto-open' },
      h(doc, 'div', { class: 'wb-check' }, box, h(doc, 'label', { for: 'wb-auto-open' }, text.label)),
      h(doc, 'p', { class: 'wb-help', id: 'wb-auto-open-help' }, text.help),
      autoOpenFailed ? h(doc, 'p', { class: 'wb-alert', role: 'alert' }, text.failed) : null,
    );
  }

  /** The result's heading at the top of the window, with the focus on it. */
  private showResult(): void {
    const heading = this.doc.getElementById(RESULT_HEADING_ID);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }

  private focus(id: string): void {
    this.doc.getElementById(id)?.focus();
  }

  private announce(text: string): void {
    this.announcer.textContent = text;
  }
}

function safeLocale(bridge: HostBridge): string {
  try {
    return bridge.locale();
  } catch {
    return '';
  }
}
