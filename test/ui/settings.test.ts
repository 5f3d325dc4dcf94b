import { describe, expect, it } from 'vitest';
import { words } from '../../core/i18n/index.js';
import { MORE_SETTINGS, settingId, settingLabel } from '../../ui/settings-view.js';

describe('the model check’s hidden days in the settings', () => {
  it('sits under More settings with its label and its one-line explanation in both languages', () => {
    expect(MORE_SETTINGS.has('holdoutDays')).toBe(true);
    expect(settingId('holdoutDays')).toBe('wb-set-holdoutDays');
    expect(settingLabel('en', 'holdoutDays')).toBe('Days the model check hides');
    expect(settingLabel('ru', 'holdoutDays')).toBe('Дней, скрытых при проверке модели');
    expect(words('en').panel.settings.holdoutDaysHelp).toMatch(/^Empty: automatic, a quarter of the history \(28 to 365 days\)\./);
    expect(words('ru').panel.settings.holdoutDaysHelp).toMatch(/^Пусто — автоматически, четверть истории \(от 28 до 365 дней\)\./);
  });
});
