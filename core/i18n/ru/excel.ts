/**
 * The Russian words only the Excel add-in shows — the same keys as `en/excel.ts`.
 *
 * Example: `excel.errors.cellEdit` → `Excel редактирует ячейку …`.
 */
import type { ExcelWords } from '../en/excel.js';

export const excel: ExcelWords = {
  errors: {
    cellEdit: 'Excel редактирует ячейку, поэтому Winback не может работать с книгой. Нажмите Enter или Esc в ячейке и попробуйте снова.',
    protectedStructure:
      'Структура книги защищена, поэтому Winback не может добавить или заменить свои листы. Снимите защиту (Рецензирование → Защитить книгу) и попробуйте снова.',
    tooLarge: 'Одна строка слишком велика, чтобы Excel передал её одним запросом (5 МБ). Сократите самые длинные ячейки этого листа и попробуйте снова.',
  },
};
