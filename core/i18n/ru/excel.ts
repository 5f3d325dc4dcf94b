/**
 * The Russian words only the Excel add-in shows — the same keys as `en/excel.ts`. The function
 * names follow Excel's own Russian ones (СУММЕСЛИ, СТЬЮДЕНТ.РАСП): capitals, words joined by a
 * period, none the same as a built-in function.
 *
 * Example: `excel.functionNames.CHURNSIGNALS` → `СТАТУСЫ.КЛИЕНТОВ` (shown as WINBACK.СТАТУСЫ.КЛИЕНТОВ).
 */
import type { ExcelWords } from '../en/excel.js';

export const excel: ExcelWords = {
  functionNames: {
    CHURNSIGNAL: 'СТАТУС.КЛИЕНТА',
    CHURNSIGNALS: 'СТАТУСЫ.КЛИЕНТОВ',
    ABCXYZ: 'ABCXYZ',
    ABCCLASS: 'КЛАСС.ABC',
    XYZCLASS: 'КЛАСС.XYZ',
    VALUETIERS: 'УРОВНИ.ЦЕННОСТИ',
    CADENCE: 'РИТМ.ПОКУПОК',
    CONVERSION: 'КОНВЕРСИЯ.ЗАПРОСОВ',
    PALIVE: 'ВЕРОЯТНОСТЬ.АКТИВНОСТИ',
  },
  help: {
    title: 'Winback для Excel',
    start:
      'На вкладке «Главная» нажмите «Найти уходящих клиентов». Выберите лист с продажами, проверьте найденные столбцы и нажмите «Сегментировать». Отчёт записывается на новые листы; ваши листы не меняются, а данные не покидают книгу.',
    functions: (example: string, others: string) => `В любой ячейке: ${example} — статус и сигналы каждого клиента; а также ${others}.`,
  },
  errors: {
    cellEdit: 'Excel редактирует ячейку, поэтому Winback не может работать с книгой. Нажмите Enter или Esc в ячейке и попробуйте снова.',
    protectedStructure:
      'Структура книги защищена, поэтому Winback не может добавить или заменить свои листы. Снимите защиту (Рецензирование → Защитить книгу) и попробуйте снова.',
    tooLarge: 'Одна строка слишком велика, чтобы Excel передал её одним запросом (5 МБ). Сократите самые длинные ячейки этого листа и попробуйте снова.',
    workerFailed:
      'Анализ в фоне остановился, не закончив работу, поэтому листы отчёта не записаны, а ваши листы не изменены. Попробуйте снова; если это повторится, закройте другие книги и вкладки, чтобы освободить память, или откройте Winback заново.',
  },
};
