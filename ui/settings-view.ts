/**
 * The panel's settings block: the analysis date, period, window length and value up front; XYZ,
 * ABC and tier thresholds, status rules, the purchase model and the currency of the money under
 * "More settings" (the currency: as the sales amounts show, a code with its sign, or none). Every
 * control has a label; the form's values live in one place, the panel's state (`SettingsForm`):
 * a control reports only which field changed and its new value (`onChange(key, value)`), and the
 * panel merges that into its current form, so a change never brings back what the form held when
 * this view was drawn. Terms (XYZ, ABC and tiers, statuses, the purchase model) are explained
 * one tap away, in a disclosure beside their settings. A setting is drawn only where it applies
 * (`settingApplies`): the custom XYZ limits with the custom preset, the model check's hidden days
 * beside the purchase model when one is on.
 */
import { CURRENCIES, CURRENCY_SIGNS, MEASURES, MODEL_KINDS, PERIOD_KINDS, settingApplies, words, XYZ_CHOICES, type Lang, type SettingsForm } from '../core/index.js';
import { h } from './dom.js';
import { explainer } from './explainer.js';

/** Id of a setting's control, for focus and tests. */
export const settingId = (key: keyof SettingsForm) => `wb-set-${key}`;

/** Settings that sit under "More settings". */
export const MORE_SETTINGS: ReadonlySet<keyof SettingsForm> = new Set([
  'xyz',
  'xyzX',
  'xyzY',
  'abcA',
  'abcB',
  'tierGold',
  'tierSilver',
  'riskFactor',
  'lostFactor',
  'minLostDays',
  'newDays',
  'model',
  'holdoutDays',
  'currency',
]);

export interface SettingsViewState {
  form: SettingsForm;
  moreOpen: boolean;
  /** The field the last check refused, marked invalid. */
  invalid: keyof SettingsForm | null;
}

export function settingLabel(lang: Lang, key: keyof SettingsForm): string {
  const s = words(lang).panel.settings;
  const labels: Record<keyof SettingsForm, string> = {
    asOf: s.asOf,
    period: s.period,
    periods: s.periods,
    measure: s.measure,
    xyz: s.xyz,
    xyzX: s.xyzX,
    xyzY: s.xyzY,
    abcA: s.abcA,
    abcB: s.abcB,
    tierGold: s.tierGold,
    tierSilver: s.tierSilver,
    riskFactor: s.riskFactor,
    lostFactor: s.lostFactor,
    minLostDays: s.minLostDays,
    newDays: s.newDays,
    model: s.model,
    holdoutDays: s.holdoutDays,
    currency: s.currency,
  };
  return labels[key];
}

export function settingsView(
  doc: Document,
  lang: Lang,
  state: SettingsViewState,
  /** One field changed; `rerender` when other controls depend on it (the custom XYZ limits, the hidden days). */
  onChange: <K extends keyof SettingsForm>(key: K, value: SettingsForm[K], rerender: boolean) => void,
  onMoreToggle: (open: boolean) => void,
  onReset: () => void,
): HTMLElement {
  const s = words(lang).panel.settings;
  const m = words(lang).report;
  const form = state.form;

  const field = (key: keyof SettingsForm, control: HTMLElement, help?: string) => {
    const id = settingId(key);
    control.id = id;
    if (state.invalid === key) control.setAttribute('aria-invalid', 'true');
    if (help) control.setAttribute('aria-describedby', `${id}-help`);
    return h(
      doc,
      'div',
      { class: 'wb-field' },
      h(doc, 'label', { for: id }, settingLabel(lang, key)),
      control,
      help ? h(doc, 'p', { class: 'wb-help', id: `${id}-help`, style: 'grid-column: 1 / -1; margin: 0' }, help) : null,
    );
  };
  const choice = <K extends keyof SettingsForm>(key: K, options: [SettingsForm[K], string][], rerender = false) => {
    const select = h(doc, 'select', {}, ...options.map(([value, label]) => h(doc, 'option', { value: String(value) }, label)));
    select.value = String(form[key]);
    select.addEventListener('change', () => {
      select.removeAttribute('aria-invalid');
      onChange(key, select.value as SettingsForm[K], rerender);
    });
    return field(key, select);
  };
  const input = (key: keyof SettingsForm, type: 'text' | 'date', inputmode?: string, help?: string) => {
    const control = h(doc, 'input', { type, inputmode, autocomplete: 'off' });
    control.value = String(form[key]);
    control.addEventListener('input', () => {
      control.removeAttribute('aria-invalid');
      onChange(key, control.value as SettingsForm[typeof key], false);
    });
    return field(key, control, help);
  };

  const xyzChoices = XYZ_CHOICES.map((k): [SettingsForm['xyz'], string] => [k, s.xyzNames[k]]);
  const more = h(
    doc,
    'details',
    { class: 'wb-more', open: state.moreOpen },
    h(doc, 'summary', {}, s.more),
    choice('xyz', xyzChoices, true),
    settingApplies(form, 'xyzX') ? input('xyzX', 'text', 'decimal') : null,
    settingApplies(form, 'xyzY') ? input('xyzY', 'text', 'decimal') : null,
    explainer(doc, 'wb-explain-xyz', s.explain.xyz),
    input('abcA', 'text', 'decimal'),
    input('abcB', 'text', 'decimal'),
    input('tierGold', 'text', 'decimal'),
    input('tierSilver', 'text', 'decimal'),
    explainer(doc, 'wb-explain-abc', s.explain.abc),
    input('riskFactor', 'text', 'decimal'),
    input('lostFactor', 'text', 'decimal'),
    input('minLostDays', 'text', 'numeric'),
    input('newDays', 'text', 'numeric'),
    explainer(doc, 'wb-explain-status', s.explain.status),
    choice('model', MODEL_KINDS.map((k) => [k, s.modelNames[k]]), true),
    settingApplies(form, 'holdoutDays') ? input('holdoutDays', 'text', 'numeric', s.holdoutDaysHelp) : null,
    explainer(doc, 'wb-explain-model', s.explain.model),
    choice('currency', [
      ['auto', s.currencyNames.auto],
      ...CURRENCIES.map((code): [SettingsForm['currency'], string] => [code, `${CURRENCY_SIGNS[code]} ${code}`]),
      ['none', s.currencyNames.none],
    ]),
    h(doc, 'div', { class: 'wb-actions' }, resetButton(doc, s.reset, onReset)),
  );
  more.addEventListener('toggle', () => onMoreToggle(more.open));

  return h(
    doc,
    'div',
    {},
    input('asOf', 'date', undefined, s.asOfHelp),
    choice('period', PERIOD_KINDS.map((k) => [k, s.periodNames[k]])),
    input('periods', 'text', 'numeric'),
    choice('measure', MEASURES.map((k) => [k, m.measure[k]])),
    more,
  );
}

function resetButton(doc: Document, label: string, onReset: () => void): HTMLElement {
  const button = h(doc, 'button', { type: 'button', class: 'wb-secondary', id: 'wb-reset' }, label);
  button.addEventListener('click', onReset);
  return button;
}
