/**
 * The Russian words of the spreadsheet functions — the same keys as `en/functions.ts`.
 *
 * Example: `functions.errors.notADate('dates', 7, 'когда-то')` →
 * `dates, элемент 7: «когда-то» — не дата`.
 */
import type { FunctionWords } from '../en/functions.js';

export const functions: FunctionWords = {
  description: {
    CHURNSIGNAL: 'Статус одного клиента по его строкам: active, at-risk, lost или new',
    CHURNSIGNALS: 'По клиентам: статус, сигналы, давность, ритм, последняя и следующая покупка',
    ABCXYZ: 'По клиентам: объём, доля, ABC, cv, XYZ за последние периоды',
    ABCCLASS: 'A, B или C одного значения среди значений',
    XYZCLASS: 'X, Y, Z или N ряда по периодам (пустые периоды считаются нулём)',
    VALUETIERS: 'По клиентам: объём за последний активный год и уровень (gold, silver, bronze)',
    CADENCE: 'Медианный интервал между днями покупок, в днях',
    CONVERSION: 'Доля запросов, за которыми последовала покупка в течение дней (по умолчанию 30)',
    PALIVE: 'По клиентам: x, t_x, T, P(alive) и ожидаемые покупки за 90 дней (BG/NBD)',
  },
  argument: {
    clients: 'Клиент каждой строки продаж',
    dates: 'Дата каждой строки продаж',
    amounts: 'Сумма каждой строки продаж',
    asOf: 'Дата анализа; по умолчанию последняя дата',
    asOfRequired: 'Дата анализа, например ячейка с =МАКС(Продажи!B:B)',
    periods: 'Месяцев в окне (по умолчанию 12)',
    value: 'Значение',
    values: 'Все значения',
    a: 'Доля для A (по умолчанию 0,8)',
    b: 'Доля для B (по умолчанию 0,95)',
    series: 'Значения по периодам',
    x: 'Предел cv для X (по умолчанию 0,5)',
    y: 'Предел cv для Y (по умолчанию 1,0)',
    purchaseDates: 'Даты покупок',
    requestDates: 'Даты запросов',
    days: 'Дней на покупку (по умолчанию 30)',
  },
  errors: {
    notADate: (argument: string, item: number, value: string) => `${argument}, элемент ${item}: «${value}» — не дата`,
    notANumber: (argument: string, item: number, value: string) => `${argument}, элемент ${item}: «${value}» — не число`,
    emptyClient: (item: number) => `clients, элемент ${item}: клиент не указан`,
    singleValue: (argument: string) => `${argument}: нужно одно значение, а не диапазон`,
    sizeMismatch: (argument: string, cells: number, first: string, firstCells: number) =>
      `в ${argument} ячеек ${cells}, а в ${first} — ${firstCells}: выберите диапазоны одного размера`,
    outOfRange: (argument: string, rule: string) => `${argument}: нужно ${rule}`,
    asOfRequired: 'Нужна дата анализа asOf: ячейка с датой, например =МАКС(Продажи!B:B)',
    unknownFunction: (name: string) => `Неизвестная функция ${name}`,
    noHistory: 'Ни у одного клиента нет достаточной истории.',
    noPurchaseBeforeAsOf: 'Нет покупок на дату анализа или раньше.',
    noPositiveMean: 'Среднее ряда не положительно.',
    cadenceNeedsThree: 'Для ритма нужно не меньше 3 дней покупок.',
    noRequests: 'Запросы не указаны.',
    noSales: 'Нет строк продаж для анализа.',
  },
};
