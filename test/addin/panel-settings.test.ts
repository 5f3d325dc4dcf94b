import { describe, expect, it } from 'vitest';
import { documentSettingsStore, PANEL_SETTINGS_KEY } from '../../addin/panel-settings.js';
import { FakeSettings } from './fake-excel.js';

describe('panel settings in the document', () => {
  it('saves and loads the panel settings, persisting them in the document', async () => {
    const settings = new FakeSettings();
    const store = documentSettingsStore(settings);
    expect(await store.load()).toBeNull();
    await store.save({ salesSheet: 'Sales', mapping: { client: 0, date: 2 }, lang: 'ru' });
    expect(settings.saves).toBe(1);
    expect(settings.saved.get(PANEL_SETTINGS_KEY)).toEqual({ salesSheet: 'Sales', mapping: { client: 0, date: 2 }, lang: 'ru' });
    expect(await store.load()).toEqual({ salesSheet: 'Sales', mapping: { client: 0, date: 2 }, lang: 'ru' });
  });

  it('reads anything but an object as no settings', async () => {
    const settings = new FakeSettings();
    for (const stored of ['x', 42, [1], null]) {
      settings.set(PANEL_SETTINGS_KEY, stored);
      expect(await documentSettingsStore(settings).load()).toBeNull();
    }
  });
});
