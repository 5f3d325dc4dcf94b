/**
 * Every word the panel (Excel task pane, Sheets sidebar, playground) shows, in English and Russian.
 * Report words (tab names, statuses, tiers, signals, actions, reject reasons) stay in en.ts / ru.ts;
 * the panel takes those from `t(lang)` and only its own words from here.
 *
 * `ru` is typed as the shape of `en` (`PanelMessages`), so both have exactly the same keys.
 * Texts that depend on numbers are functions of numbers and strings only; counts arrive already
 * formatted (`panelText('ru').count(200000)` → `200 000`).
 *
 * Example: `panelText('en').missingColumn.date` →
 * `This sheet has no date column. Pick the column that holds the sale date.`
 */
import type { Lang } from './index.js';

/** The sales fields the panel lets a user map, in the order it shows them. */
export const PANEL_FIELDS = [
  'client',
  'date',
  'amount',
  'profit',
  'quantity',
  'price',
  'product',
  'group',
  'document',
  'manager',
  'region',
] as const;

export type PanelField = (typeof PANEL_FIELDS)[number];

const groupWith = (separator: string) => (n: number) =>
  String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** The Russian noun form for a count: 1 строка, 2 строки, 5 строк, 21 строка, 11 строк. */
function plural(n: number, one: string, few: string, many: string): string {
  const tens = Math.abs(n) % 100;
  const units = tens % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  return units >= 2 && units <= 4 ? few : many;
}

const en = {
  count: groupWith(','),
  /** A `YYYY-MM-DD` date as the reader writes dates. */
  date: (iso: string) => iso,
  title: 'Winback',
  tagline: 'Find the clients you are losing and win them back.',
  language: 'Language',
  languageNames: { en: 'English', ru: 'Русский' } satisfies Record<Lang, string>,
  sheet: {
    legend: 'Sales',
    label: 'Sheet with sales',
    loading: 'Looking at the sheet…',
    found: (rows: string, headerRow: number) => `Found a sales table: ${rows} rows, headers in row ${headerRow}.`,
  },
  columns: {
    legend: 'Columns',
    help: 'Check what each column holds. If a guess is wrong, pick the right column.',
    required: 'required',
    notUsed: '— not used —',
    option: (letter: string, header: string) => (header ? `${letter}: ${header}` : `${letter}: (no header)`),
    field: {
      client: 'Client',
      date: 'Sale date',
      amount: 'Amount',
      profit: 'Profit',
      quantity: 'Quantity',
      price: 'Unit price',
      product: 'Product',
      group: 'Product group',
      document: 'Document',
      manager: 'Manager',
      region: 'Region',
    } satisfies Record<PanelField, string>,
  },
  preview: {
    caption: 'First rows as Winback reads them',
    row: 'Row',
    skipped: 'Not used',
    empty: 'No data rows below the headers.',
  },
  sources: {
    legend: 'Other sources (optional)',
    help: 'Sheets that make more signs of leaving visible.',
    requests: 'Requests sheet',
    contacts: 'Contacts sheet',
    complaints: 'Complaints sheet',
    none: '— none —',
  },
  settings: {
    legend: 'Settings',
    asOf: 'Analysis date',
    asOfHelp: 'Leave empty to use the date of the latest sale.',
    period: 'Period',
    periodNames: { month: 'Month', quarter: 'Quarter', week: 'Week' },
    periods: 'Periods in the analysis',
    measure: 'Value',
    more: 'More settings',
    xyz: 'Steadiness (XYZ)',
    xyzNames: {
      default: 'Standard: X up to 0.5, Y up to 1.0',
      classic: 'Classic: X up to 0.1, Y up to 0.25',
      auto: 'Split clients into thirds',
      custom: 'My own thresholds',
      regularity: 'Share of periods with a purchase',
    },
    xyzX: 'X up to',
    xyzY: 'Y up to',
    abcA: 'A: first share of value, %',
    abcB: 'B: up to share of value, %',
    tierGold: 'Gold: first share of value, %',
    tierSilver: 'Silver: up to share of value, %',
    riskFactor: 'At risk after this many usual gaps',
    lostFactor: 'Lost after this many usual gaps',
    minLostDays: 'Lost after at least, days',
    newDays: 'New for, days',
    model: 'Purchase model',
    modelNames: { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD', none: 'Off' },
    reset: 'Restore defaults',
  },
  run: {
    segment: 'Segment',
    cancel: 'Cancel',
    progressLabel: 'Progress',
    stage: {
      read: 'Reading the sheet',
      analyze: 'Analysing',
      report: 'Preparing the tabs',
      write: 'Writing the tabs',
    },
    rows: (done: string, total: string) => `${done} of ${total} rows`,
    steps: (done: string, total: string) => `${done} of ${total}`,
    cancelled: 'Cancelled. Nothing was written.',
  },
  result: {
    heading: 'Done',
    line: (n: number, clients: string, asOf: string, from: string, to: string) =>
      `${clients} ${n === 1 ? 'client' : 'clients'} as of ${asOf}; period of analysis ${from} – ${to}.`,
    statusHeading: 'Clients by status',
    matrixHeading: 'ABC-XYZ matrix, clients per cell',
    matrixCaption: 'Rows: ABC by value; columns: XYZ by steadiness (N: short history).',
    winBackHeading: 'Win back first',
    winBackNone: 'No client shows a sign of leaving.',
    winBackAll: (n: string) => `Open the whole list (${n} clients)`,
    actions: 'What to do',
    tabsHeading: 'Tabs written',
    rejected: (n: number, shown: string) => `${shown} ${n === 1 ? 'row' : 'rows'} could not be used.`,
    rejectedLink: 'See Data issues',
    rejectedNone: 'Every row was used.',
    otherLanguage: 'The tabs are in the language of the last run. Click Segment to write them in English.',
  },
  errors: {
    missingColumn: {
      client: "This sheet has no client column. Pick the column that holds the client's name.",
      date: 'This sheet has no date column. Pick the column that holds the sale date.',
      amount: 'This sheet has no amount column. Pick the column that holds the sale amount, or the quantity and the unit price.',
    },
    empty: 'This sheet is empty. Pick the sheet that holds your sales.',
    noHeader:
      'No header row with a client, a date and an amount was found in the first 30 rows. Pick the sheet that holds your sales, or add a header row above the data.',
    sourceUnusable: (source: string, sheet: string) =>
      `The ${source} sheet "${sheet}" has no client or date column. Pick another sheet or "none".`,
    sourceMissing: (source: string, sheet: string) => `The ${source} sheet "${sheet}" is not in this workbook any more. Pick another sheet.`,
    sourceNames: { requests: 'requests', contacts: 'contacts', complaints: 'complaints' },
    noSheet: (sheet: string) => `There is no sheet "${sheet}" in this workbook any more. Pick another sheet.`,
    noSales: 'None of the rows could be read as a sale. Check that the client, date and amount columns are the right ones.',
    noMeasure: 'There is no column for the chosen value. Pick the profit or quantity column, or measure by amount.',
    badNumber: (label: string) => `"${label}" needs a number. Correct it and try again.`,
    unexpected: 'Something went wrong and the tabs were not written. Try again; if it happens again, close and reopen Winback.',
    noWorkbook: 'Winback cannot reach the workbook. Close and reopen Winback.',
  },
  template: {
    button: 'Make this workbook a template',
    help: 'Adds an instructions sheet and empty tables with the expected headers, so a colleague only fills them and clicks Segment.',
    done: 'The template is ready: instructions and empty tables were added.',
    failed: 'The template could not be made. Try again.',
  },
  playground: {
    title: 'Winback playground',
    note: 'Everything runs in this page: your file is not sent anywhere.',
    open: 'Open a file (.xlsx or .csv)',
    drop: 'or drop it here',
    sample: 'Open the example',
    download: 'Download as .xlsx',
    workbook: 'Workbook',
    sheets: 'Sheets',
    loading: (name: string) => `Opening ${name}…`,
    opened: (name: string) => `${name} is open.`,
    unreadable: (name: string) => `${name} could not be read. Open an .xlsx or a .csv file.`,
    shownRows: (shown: string, total: string) => `Showing the first ${shown} of ${total} rows.`,
    emptySheet: 'This sheet is empty.',
    templateSheet: 'Instructions',
    instructions: [
      'Winback — how to use this workbook',
      '1. Paste your sales lines into the Sales sheet, one row per line of a sales document: client, date and amount are required; the other columns help when you have them.',
      '2. Optional: client requests into Requests, calls and letters into Contacts (answered: yes / no), complaints into Complaints.',
      '3. Open Winback and click Segment. The report is written to its own tabs; these sheets are never changed.',
    ],
  },
};

export type PanelMessages = typeof en;

const ruCount = groupWith('\u00a0');

const ru: PanelMessages = {
  count: ruCount,
  date: (iso: string) => iso.split('-').reverse().join('.'),
  title: 'Winback',
  tagline: 'Найдите клиентов, которых вы теряете, и верните их.',
  language: 'Язык',
  languageNames: { en: 'English', ru: 'Русский' },
  sheet: {
    legend: 'Продажи',
    label: 'Лист с продажами',
    loading: 'Смотрю лист…',
    found: (rows: string, headerRow: number) => `Найдена таблица продаж: ${rows} строк, заголовки в строке ${headerRow}.`,
  },
  columns: {
    legend: 'Столбцы',
    help: 'Проверьте, что в каждом столбце. Если догадка неверна, выберите нужный столбец.',
    required: 'обязательно',
    notUsed: '— не используется —',
    option: (letter: string, header: string) => (header ? `${letter}: ${header}` : `${letter}: (без заголовка)`),
    field: {
      client: 'Клиент',
      date: 'Дата продажи',
      amount: 'Сумма',
      profit: 'Прибыль',
      quantity: 'Количество',
      price: 'Цена',
      product: 'Товар',
      group: 'Группа товаров',
      document: 'Документ',
      manager: 'Менеджер',
      region: 'Регион',
    },
  },
  preview: {
    caption: 'Первые строки так, как их читает Winback',
    row: 'Строка',
    skipped: 'Не используется',
    empty: 'Под заголовками нет строк с данными.',
  },
  sources: {
    legend: 'Другие источники (необязательно)',
    help: 'Листы, по которым видно больше признаков ухода.',
    requests: 'Лист запросов',
    contacts: 'Лист контактов',
    complaints: 'Лист жалоб',
    none: '— нет —',
  },
  settings: {
    legend: 'Настройки',
    asOf: 'Дата анализа',
    asOfHelp: 'Оставьте пустой, чтобы взять дату последней продажи.',
    period: 'Период',
    periodNames: { month: 'Месяц', quarter: 'Квартал', week: 'Неделя' },
    periods: 'Периодов в анализе',
    measure: 'Показатель',
    more: 'Другие настройки',
    xyz: 'Стабильность (XYZ)',
    xyzNames: {
      default: 'Стандарт: X до 0,5, Y до 1,0',
      classic: 'Классика: X до 0,1, Y до 0,25',
      auto: 'Разделить клиентов на трети',
      custom: 'Свои границы',
      regularity: 'Доля периодов с покупкой',
    },
    xyzX: 'X до',
    xyzY: 'Y до',
    abcA: 'A: первая доля выручки, %',
    abcB: 'B: до доли выручки, %',
    tierGold: 'Золото: первая доля, %',
    tierSilver: 'Серебро: до доли, %',
    riskFactor: 'Под угрозой после стольких обычных интервалов',
    lostFactor: 'Потерян после стольких обычных интервалов',
    minLostDays: 'Потерян не раньше чем через, дней',
    newDays: 'Новый в течение, дней',
    model: 'Модель покупок',
    modelNames: { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD', none: 'Выключена' },
    reset: 'Вернуть по умолчанию',
  },
  run: {
    segment: 'Сегментировать',
    cancel: 'Отменить',
    progressLabel: 'Ход работы',
    stage: {
      read: 'Читаю лист',
      analyze: 'Анализирую',
      report: 'Готовлю вкладки',
      write: 'Записываю вкладки',
    },
    rows: (done: string, total: string) => `${done} из ${total} строк`,
    steps: (done: string, total: string) => `${done} из ${total}`,
    cancelled: 'Отменено. Ничего не записано.',
  },
  result: {
    heading: 'Готово',
    line: (_n: number, clients: string, asOf: string, from: string, to: string) =>
      `Клиентов: ${clients}, дата анализа ${asOf}; период анализа ${from} – ${to}.`,
    statusHeading: 'Клиенты по статусам',
    matrixHeading: 'Матрица ABC-XYZ, клиентов в ячейке',
    matrixCaption: 'Строки: ABC по ценности; столбцы: XYZ по стабильности (N: короткая история).',
    winBackHeading: 'Вернуть в первую очередь',
    winBackNone: 'Ни один клиент не показывает признаков ухода.',
    winBackAll: (n: string) => `Открыть весь список (клиентов: ${n})`,
    actions: 'Что сделать',
    tabsHeading: 'Записанные вкладки',
    rejected: (n: number, shown: string) => `${shown} ${plural(n, 'строку', 'строки', 'строк')} не удалось использовать.`,
    rejectedLink: 'Смотреть «Ошибки данных»',
    rejectedNone: 'Использованы все строки.',
    otherLanguage: 'Вкладки записаны на языке прошлого запуска. Нажмите «Сегментировать», чтобы записать их по-русски.',
  },
  errors: {
    missingColumn: {
      client: 'На этом листе нет столбца с клиентом. Выберите столбец, в котором название клиента.',
      date: 'На этом листе нет столбца с датой. Выберите столбец, в котором дата продажи.',
      amount: 'На этом листе нет столбца с суммой. Выберите столбец с суммой продажи или количество и цену.',
    },
    empty: 'Этот лист пуст. Выберите лист с продажами.',
    noHeader:
      'В первых 30 строках нет строки заголовков с клиентом, датой и суммой. Выберите лист с продажами или добавьте над данными строку заголовков.',
    sourceUnusable: (source: string, sheet: string) =>
      `На листе ${source} «${sheet}» нет столбца с клиентом или датой. Выберите другой лист или «нет».`,
    sourceMissing: (source: string, sheet: string) => `Листа ${source} «${sheet}» больше нет в книге. Выберите другой лист.`,
    sourceNames: { requests: 'запросов', contacts: 'контактов', complaints: 'жалоб' },
    noSheet: (sheet: string) => `Листа «${sheet}» больше нет в книге. Выберите другой лист.`,
    noSales: 'Ни одну строку не удалось прочитать как продажу. Проверьте, что столбцы клиента, даты и суммы выбраны верно.',
    noMeasure: 'Нет столбца для выбранного показателя. Выберите столбец прибыли или количества либо считайте по сумме.',
    badNumber: (label: string) => `В поле «${label}» нужно число. Исправьте и попробуйте снова.`,
    unexpected: 'Что-то пошло не так, и вкладки не записаны. Попробуйте ещё раз; если повторится, закройте и снова откройте Winback.',
    noWorkbook: 'Winback не может обратиться к книге. Закройте и снова откройте Winback.',
  },
  template: {
    button: 'Сделать книгу шаблоном',
    help: 'Добавляет лист с инструкцией и пустые таблицы с нужными заголовками: коллеге останется заполнить их и нажать «Сегментировать».',
    done: 'Шаблон готов: добавлены инструкция и пустые таблицы.',
    failed: 'Не удалось сделать шаблон. Попробуйте ещё раз.',
  },
  playground: {
    title: 'Песочница Winback',
    note: 'Всё работает в этой странице: ваш файл никуда не отправляется.',
    open: 'Открыть файл (.xlsx или .csv)',
    drop: 'или перетащите его сюда',
    sample: 'Открыть пример',
    download: 'Скачать .xlsx',
    workbook: 'Книга',
    sheets: 'Листы',
    loading: (name: string) => `Открываю ${name}…`,
    opened: (name: string) => `${name} открыт.`,
    unreadable: (name: string) => `Не удалось прочитать ${name}. Откройте файл .xlsx или .csv.`,
    shownRows: (shown: string, total: string) => `Показаны первые ${shown} из ${total} строк.`,
    emptySheet: 'Этот лист пуст.',
    templateSheet: 'Инструкция',
    instructions: [
      'Winback — как пользоваться этой книгой',
      '1. Вставьте строки продаж на лист «Продажи», одна строка на строку документа продажи: клиент, дата и сумма обязательны, остальные столбцы помогают, если они есть.',
      '2. По желанию: запросы клиентов — на лист «Запросы», звонки и письма — на «Контакты» (ответил: да / нет), жалобы — на «Жалобы».',
      '3. Откройте Winback и нажмите «Сегментировать». Отчёт пишется на отдельные листы; эти листы не меняются.',
    ],
  },
};

const dictionaries: Record<Lang, PanelMessages> = { en, ru };

/** The panel's words in a language. */
export function panelText(lang: Lang): PanelMessages {
  return dictionaries[lang];
}

/** The panel's language for a host locale such as `ru-RU`: Russian for `ru*`, English otherwise. */
export function langOfLocale(locale: string): Lang {
  return locale.trim().toLowerCase().startsWith('ru') ? 'ru' : 'en';
}
