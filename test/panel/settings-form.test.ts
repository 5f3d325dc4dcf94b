import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../core/basics/calendar.js';
import { checkOptions, HOLDOUT_DAYS_RULE } from '../../core/options/check-options.js';
import { defaultForm, formFromOptions, optionsFromForm, parseDecimal, settingApplies } from '../../core/panel/settings-form.js';

describe('the settings form', () => {
  it('shows the SPEC defaults, shares in per cent', () => {
    expect(defaultForm()).toEqual({
      asOf: '',
      period: 'month',
      periods: '12',
      measure: 'amount',
      xyz: 'default',
      xyzX: '0.5',
      xyzY: '1',
      abcA: '80',
      abcB: '95',
      tierGold: '75',
      tierSilver: '95',
      riskFactor: '1.5',
      lostFactor: '3',
      minLostDays: '60',
      newDays: '90',
      model: 'auto',
      holdoutDays: '',
      currency: 'auto',
    });
  });

  it('leaves the currency to the amounts (auto), or sets a code or none', () => {
    const auto = optionsFromForm(defaultForm());
    expect(auto.ok && 'currency' in auto.options).toBe(false);
    const euro = optionsFromForm({ ...defaultForm(), currency: 'EUR' });
    expect(euro.ok && euro.options.currency).toBe('EUR');
    const none = optionsFromForm({ ...defaultForm(), currency: 'none' });
    expect(none.ok && none.options.currency).toBe('none');
    expect(formFromOptions({ currency: 'USD' }).currency).toBe('USD');
    expect(optionsFromForm({ ...defaultForm(), currency: 'KZT' as never })).toMatchObject({ ok: false, field: 'currency', rule: { kind: 'oneOf' } });
  });

  it('turns the form into core options, and back', () => {
    const form = { ...defaultForm(), asOf: '2026-03-31', period: 'quarter' as const, periods: '8', abcA: '70', tierGold: '60,5', xyz: 'classic' as const };
    const outcome = optionsFromForm(form);
    expect(outcome).toEqual({
      ok: true,
      options: {
        asOf: dayFromYmd(2026, 3, 31),
        period: 'quarter',
        periods: 8,
        measure: 'amount',
        abc: { a: 0.7, b: 0.95 },
        xyz: { method: 'cv', preset: 'classic' },
        tiers: { gold: 0.605, silver: 0.95 },
        status: { riskFactor: 1.5, lostFactor: 3, minLostDays: 60, newDays: 90 },
        model: 'auto',
      },
    });
    if (outcome.ok) expect(formFromOptions(outcome.options)).toEqual({ ...form, tierGold: '60.5' });
  });

  it('leaves asOf out when the date is empty, and maps the XYZ choices', () => {
    const custom = optionsFromForm({ ...defaultForm(), xyz: 'custom', xyzX: '0.3', xyzY: '0.9' });
    expect(custom.ok && 'asOf' in custom.options).toBe(false);
    expect(custom.ok && custom.options.xyz).toEqual({ method: 'cv', preset: 'custom', x: 0.3, y: 0.9 });
    const regular = optionsFromForm({ ...defaultForm(), xyz: 'regularity' });
    expect(regular.ok && regular.options.xyz).toEqual({ method: 'regularity' });
    expect(formFromOptions({ xyz: { method: 'regularity' } }).xyz).toBe('regularity');
  });

  it('names the first field that is not a number, or out of the rule the command line and the functions follow too', () => {
    expect(optionsFromForm({ ...defaultForm(), asOf: '2026-02-30' })).toEqual({ ok: false, field: 'asOf' });
    expect(optionsFromForm({ ...defaultForm(), newDays: 'ninety' })).toEqual({ ok: false, field: 'newDays' });
    expect(optionsFromForm({ ...defaultForm(), periods: '0' })).toEqual({ ok: false, field: 'periods', rule: { kind: 'whole', min: 1, max: 120 } });
    expect(optionsFromForm({ ...defaultForm(), periods: '2.5' })).toMatchObject({ ok: false, field: 'periods' });
    expect(optionsFromForm({ ...defaultForm(), period: 'quarter', periods: '41' })).toEqual({
      ok: false,
      field: 'periods',
      rule: { kind: 'whole', min: 1, max: 40 },
    });
    expect(optionsFromForm({ ...defaultForm(), abcB: '70' })).toEqual({ ok: false, field: 'abcB', rule: { kind: 'between', min: 80, max: 100, maxInclusive: true } });
    expect(optionsFromForm({ ...defaultForm(), lostFactor: '1' })).toEqual({ ok: false, field: 'lostFactor', rule: { kind: 'above', than: 1.5 } });
    expect(optionsFromForm({ ...defaultForm(), xyz: 'custom', xyzX: '1', xyzY: '0.5' })).toMatchObject({ ok: false, field: 'xyzY' });
  });

  it('names the very field that holds the bad value, for every number field (never another one)', () => {
    const fields = ['periods', 'xyzX', 'xyzY', 'abcA', 'abcB', 'tierGold', 'tierSilver', 'riskFactor', 'lostFactor', 'minLostDays', 'newDays', 'holdoutDays'] as const;
    for (const field of fields) {
      const form = { ...defaultForm(), xyz: 'custom' as const, [field]: '-1' };
      expect(optionsFromForm(form), field).toMatchObject({ ok: false, field });
      expect(optionsFromForm({ ...form, [field]: 'x' }), field).toEqual({ ok: false, field });
    }
  });

  it('leaves the model check’s hidden days automatic when empty, and checks a value as the command line does (7–3650 whole days)', () => {
    const automatic = optionsFromForm(defaultForm());
    expect(automatic.ok && 'holdoutDays' in automatic.options).toBe(false);
    expect(optionsFromForm({ ...defaultForm(), holdoutDays: ' ' })).toMatchObject({ ok: true });
    const set = optionsFromForm({ ...defaultForm(), holdoutDays: '91' });
    expect(set.ok && set.options.holdoutDays).toBe(91);
    if (set.ok) expect(formFromOptions(set.options).holdoutDays).toBe('91');
    expect(formFromOptions({ holdoutDays: 273 }).holdoutDays).toBe('273');
    const rule = { kind: 'whole', min: 7, max: 3650, optional: true };
    expect(HOLDOUT_DAYS_RULE).toEqual(rule);
    for (const [typed, days] of [['6', 6], ['3651', 3651], ['30,5', 30.5], ['-10', -10]] as const) {
      expect(optionsFromForm({ ...defaultForm(), holdoutDays: typed }), typed).toEqual({ ok: false, field: 'holdoutDays', rule });
      // `--holdout-days` passes Number(value) to the same check, which refuses it by the same rule.
      expect(checkOptions({ holdoutDays: days })).toEqual({ ok: false, problem: { option: 'holdoutDays', rule } });
    }
    expect(optionsFromForm({ ...defaultForm(), holdoutDays: '7' })).toMatchObject({ ok: true, options: { holdoutDays: 7 } });
    expect(optionsFromForm({ ...defaultForm(), holdoutDays: '3650' })).toMatchObject({ ok: true, options: { holdoutDays: 3650 } });
    expect(optionsFromForm({ ...defaultForm(), holdoutDays: 'a month' })).toEqual({ ok: false, field: 'holdoutDays' });
  });

  it('applies the hidden days only with a purchase model on, and the custom XYZ limits only with the custom preset', () => {
    expect(settingApplies(defaultForm(), 'holdoutDays')).toBe(true);
    expect(settingApplies({ ...defaultForm(), model: 'paretonbd' }, 'holdoutDays')).toBe(true);
    expect(settingApplies({ ...defaultForm(), model: 'none' }, 'holdoutDays')).toBe(false);
    expect(settingApplies(defaultForm(), 'xyzX')).toBe(false);
    expect(settingApplies({ ...defaultForm(), xyz: 'custom' }, 'xyzY')).toBe(true);
    expect(settingApplies({ ...defaultForm(), model: 'none' }, 'model')).toBe(true);
    // A field that does not apply is not read, so what it still holds cannot refuse the run.
    const off = optionsFromForm({ ...defaultForm(), model: 'none', holdoutDays: '2' });
    expect(off.ok && off.options.model).toBe('none');
    expect(off.ok && 'holdoutDays' in off.options).toBe(false);
  });

  it('reads plain decimals with a point or a comma, nothing else', () => {
    expect(parseDecimal(' 1,5 ')).toBe(1.5);
    expect(parseDecimal('12')).toBe(12);
    expect(parseDecimal('1e3')).toBeNull();
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('1 000')).toBeNull();
  });
});
