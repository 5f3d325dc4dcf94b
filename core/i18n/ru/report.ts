/**
 * Every Russian word of the report — the same keys as `en/report.ts` (the `ReportWords` type
 * enforces it). Counts agree with the noun (1 месяц, 3 месяца, 12 месяцев).
 *
 * Example: `report.status['at-risk']` → `под угрозой`; `report.reject['bad-date']` → `Не удалось прочитать дату`.
 */
import type { PeriodKind } from '../../basics/calendar.js';
import type { ReportWords } from '../en/report.js';
import { format, plural } from './format.js';

const periodForms: Record<PeriodKind, { one: string; few: string; many: string; from: string; to: string }> = {
  month: { one: 'месяц', few: 'месяца', many: 'месяцев', from: 'месяца', to: 'месяцу' },
  quarter: { one: 'квартал', few: 'квартала', many: 'кварталов', from: 'квартала', to: 'кварталу' },
  week: { one: 'неделя', few: 'недели', many: 'недель', from: 'недели', to: 'неделе' },
};

/** `4 квартала`, `1 месяц`: число периодов (им пользуется и итог панели). */
export const countOf = (n: number, kind: PeriodKind) => {
  const f = periodForms[kind];
  return `${n} ${plural(n, f.one, f.few, f.many)}`;
};
const fewerThan = (n: number, kind: PeriodKind) => {
  const f = periodForms[kind];
  return `${n} ${plural(n, f.from, f.many, f.many)}`;
};
const stepByStep = (kind: PeriodKind) => `от ${periodForms[kind].from} к ${periodForms[kind].to}`;

export const report: ReportWords = {
  tabs: {
    summary: 'Сводка',
    clients: 'Клиенты',
    matrix: 'ABC-XYZ',
    winback: 'Возврат клиентов',
    movement: 'Динамика',
    conversion: 'Конверсия',
    kpi: 'KPI',
    issues: 'Ошибки данных',
  },
  status: {
    active: 'Активный',
    'at-risk': 'Под угрозой',
    lost: 'Потерян',
    new: 'Новый',
  },
  list: {
    keep: 'Удержать',
    'win-back': 'Вернуть',
    grow: 'Развивать',
    mailing: 'Только рассылка',
  },
  listPurpose: {
    keep: 'под угрозой или с недавней жалобой: время удержать их уходит',
    'win-back': 'потерянные клиенты категорий «золото» и «серебро»: стоят личных усилий',
    grow: 'ещё покупают, но меньше, реже, дешевле или не отвечают',
    mailing: 'потерянные клиенты невысокой ценности: только недорогая рассылка',
  },
  why: {
    atRisk: (days: number, usual: number) =>
      usual > 0 ? `Нет покупок ${days} ${plural(days, 'день', 'дня', 'дней')}; обычно раз в ${usual} ${plural(usual, 'день', 'дня', 'дней')}.` : `Нет покупок ${days} ${plural(days, 'день', 'дня', 'дней')}.`,
    complaint: (date: string) => `Жалоба от ${date}, покупок с тех пор не было.`,
    lost: (tier: string, days: number) => `Потерянный клиент категории «${tier}»: нет покупок ${days} ${plural(days, 'день', 'дня', 'дней')}.`,
    grow: (signs: string) => `Ещё покупает, но: ${signs}.`,
    mailing: (days: number) => `Потерян, невысокая ценность: нет покупок ${days} ${plural(days, 'день', 'дня', 'дней')}.`,
  },
  tier: {
    gold: 'Золото',
    silver: 'Серебро',
    bronze: 'Медь',
  },
  signal: {
    overdue: 'Давно не покупает',
    'requests-without-orders': 'Запросы без заказов',
    unresponsive: 'Не выходит на связь',
    'volume-drop': 'Резко уменьшил заказы',
    complaint: 'Недавняя жалоба',
  },
  movement: {
    vanished: 'Перестал покупать',
    new: 'Новый клиент',
    reactivated: 'Вернулся',
    'buys-less': 'Покупает меньше',
    'buys-more': 'Покупает больше',
    'less-often': 'Покупает реже',
    cheaper: 'Покупает дешевле',
    'dropped-products': 'Перестал брать товары',
  },
  reject: {
    blank: 'Пустая строка',
    subtotal: 'Строка итогов',
    'no-client': 'Не указан клиент',
    'bad-date': 'Не удалось прочитать дату',
    'bad-amount': 'Не удалось прочитать сумму',
    'bad-answered': 'В поле «Ответил» не «да» и не «нет»',
    'unclosed-quote': 'Кавычка открыта и не закрыта (остаток строки не разобран на ячейки)',
    'bad-bytes': 'Есть символы, которых нет в кодировке файла',
    'duplicate-row': 'Номер строки встречается на листе дважды (прочитана первая копия)',
    'bad-cell': 'Ячейка ссылается на текст, которого нет в книге',
    'after-as-of': 'Дата позже даты анализа',
    'far-future': 'Дата намного позже всех остальных строк (ошибка в годе?)',
    'unknown-client': 'У клиента нет ни одной продажи',
  },
  action: {
    overdue: (days: number, usual: number) =>
      `Нет покупок ${days} ${plural(days, 'день', 'дня', 'дней')}${usual > 0 ? ` (обычно раз в ${usual} ${plural(usual, 'день', 'дня', 'дней')})` : ''}: пригласите клиента на мероприятия компании (клуб клиентов, круглый стол, семинар, мастер-класс) и сделайте персональное предложение.`,
    'overdue-gold': (days: number, manager: string) =>
      `Нет покупок ${days} ${plural(days, 'день', 'дня', 'дней')}: организуйте встречу с руководителем и назначьте нового менеджера${manager ? ` вместо: ${manager}` : ''}; пригласите клиента на мероприятия компании и сделайте персональное предложение.`,
    'requests-without-orders': (requests: number, last: string) =>
      `${requests} ${plural(requests, 'запрос', 'запроса', 'запросов')} после последней покупки, последний — ${last}: подготовьте индивидуальное коммерческое предложение по ассортименту специально для этого клиента.`,
    unresponsive: (attempts: number, lastAnswered: string) =>
      `${attempts} ${plural(attempts, 'попытка', 'попытки', 'попыток')} связаться без ответа после последней покупки (${lastAnswered ? `последний ответ — ${lastAnswered}` : 'ни разу не ответил'}): отправьте письмо-напоминание об услугах, бонусах и скидках, которые у клиента уже есть; поздравления «спасибо, что вы с нами»; новости компании не чаще раза в 3 месяца.`,
    'volume-drop': (before: string, now: string) =>
      `День с покупкой теперь приносит в среднем ${now} против ${before} раньше: сообщите о новых услугах, бонусах и скидках за объём; предложите фиксированные цены на срок в обмен на обязательство по объёму.`,
    complaint: (date: string, text: string) =>
      `Жалоба от ${date}${text ? ` («${text}»)` : ''}: проведите опрос о качестве и откровенный разговор в офисе клиента с участием нашего руководства; компенсируйте кредитом на проблемный заказ, а не общей скидкой на следующий.`,
    'mailing-only': () => 'Только недорогой канал (рассылка); силы в первую очередь на клиентов категорий «золото» и «серебро».',
    'buying-less': (before: string, now: string) =>
      `Купил на ${before} в прошлом периоде и на ${now} в этом: выясните, что изменилось; сообщите о новых услугах, бонусах и скидках за объём; предложите фиксированные цены на срок в обмен на обязательство по объёму.`,
    'dropped-products': (products: string) => `Перестал брать: ${products}. Выясните почему и сделайте предложение по этим товарам.`,
  },
  measure: {
    amount: 'Выручка',
    profit: 'Валовая прибыль',
    quantity: 'Количество',
  },
  source: {
    sales: 'Продажи',
    requests: 'Запросы',
    contacts: 'Контакты',
    complaints: 'Жалобы',
  },
  field: {
    client: 'клиент',
    date: 'дата',
    amount: 'сумма',
    profit: 'прибыль',
    quantity: 'количество',
    price: 'цена',
    product: 'товар',
    group: 'группа товаров',
    document: 'документ',
    manager: 'менеджер',
    region: 'регион',
    industry: 'отрасль',
    type: 'тип',
    answered: 'ответил',
    text: 'текст',
  },
  words: {
    yes: 'да',
    no: 'нет',
    noCell: 'без класса',
    allRequests: 'Все запросы',
    managerNotSet: '(не указан)',
    noStatus: 'Без покупок (только возвраты)',
    noData: 'нет данных',
    rowsRead: 'Прочитано строк продаж',
    rowsUsed: 'Использовано в анализе',
    rowsRequests: 'Запросы в листе продаж (учтены как запросы)',
    rowsRejected: 'Отклонено (см. «Ошибки данных»)',
    rowsRejectedOther: 'Отклонено в запросах, контактах и жалобах',
  },
  columns: {
    client: 'Клиент',
    value: (measure: string) => measure,
    previousValue: (measure: string) => `${measure}, прошлый период`,
    formerValue: (measure: string) => `${measure} за последний активный год`,
    share: 'Доля',
    cumShare: 'Накопленная доля',
    abc: 'ABC',
    cv: 'Вариация (cv)',
    xyz: 'XYZ',
    tier: 'Категория',
    status: 'Статус',
    signals: 'Признаки ухода',
    actions: 'Рекомендуемые действия',
    cadenceDays: 'Обычный интервал, дней',
    recencyDays: 'Дней с последней покупки',
    firstPurchase: 'Первая покупка',
    lastPurchase: 'Последняя покупка',
    nextPurchase: 'Следующая покупка ожидается',
    daysOverdue: 'Дней просрочки',
    purchaseDays: 'Дней с покупками, вся история',
    previousPurchaseDays: 'Дней с покупками, прошлый период',
    orders: 'Заказов за период',
    windowPurchaseDays: 'Дней с покупками за период',
    list: 'Список',
    why: 'Почему в этом списке',
    valueAtStake: 'Ценность под угрозой',
    verdict: 'Вывод',
    used: 'Используется для клиентов',
    p: 'p',
    q: 'q',
    gamma: 'γ',
    manager: 'Менеджер',
    region: 'Регион',
    industry: 'Отрасль',
    pAlive: 'Вероятность активности',
    expected90: 'Ожидаемых дней с покупками за 90 дней',
    expectedValue12m: 'Ожидаемая сумма за 12 месяцев',
    priority: 'Приоритет',
    kinds: 'Изменения',
    change: 'Изменение',
    droppedProducts: 'Товары, которые больше не берёт',
    previousCell: 'Ячейка раньше',
    cell: 'Ячейка сейчас',
    kind: 'Изменение',
    clients: 'Клиентов',
    abcClass: 'Класс ABC',
    transitionFrom: 'Раньше ↓ / сейчас →',
    requests: 'Запросов',
    converted: 'С покупкой после запроса',
    rate: 'Конверсия',
    quarter: 'Квартал',
    active: 'Активных клиентов',
    newClients: 'Новых',
    lost: 'Потеряно',
    returned: 'Вернулось',
    winBackRate: 'Доля вернувшихся',
    ordersPerClient: 'Заказов на клиента',
    productsPerClient: 'Товаров на клиента',
    averageOrderValue: 'Средний чек',
    grewShare: 'Доля клиентов с ростом',
    betterTier: 'Перешли в категорию выше',
    model: 'Модель',
    r: 'r',
    alpha: 'α (в днях)',
    a: 'a',
    b: 'b',
    logLikelihood: 'Логарифм правдоподобия',
    converged: 'Сошлась',
    iterations: 'Итераций',
    sheet: 'Лист',
    row: 'Строка',
    reason: 'Причина',
    cellValue: 'Значение ячейки',
    rows: 'Строк',
    inputRows: 'Исходные данные',
    toRow: 'По строку',
    aspect: 'Что',
    reading: 'Как прочитано',
    name: 'Название',
    lines: 'Строк продаж',
    letters: 'Буквы другого алфавита или лишние пробелы',
  },
  titles: {
    matrixClients: 'Число клиентов в ячейке',
    matrixValue: (measure: string) => `${measure} по ячейкам`,
    matrixShare: 'Доля от общего итога',
    pareto: (n: number) => `${n} крупнейших клиентов`,
    transitions: 'Переходы между ячейками: прошлый период (строки) → текущий (столбцы)',
    movementSummary: 'Клиенты по видам изменений',
    movementList: 'Клиенты, у которых изменились покупки',
    conversionByManager: 'По менеджерам',
    conversionByClient: 'По клиентам',
    quarters: 'Динамика по кварталам',
    development: 'Развитие клиентов: текущий период против прошлого',
    models: 'Модели покупок',
    spendModel: 'Модель суммы покупки (Gamma-Gamma)',
    statuses: 'Клиенты по статусам',
    listTop: (list: string, clients: number, atStake: string) => `${list}: ${format.count(clients)} ${plural(clients, 'клиент', 'клиента', 'клиентов')}, под угрозой ${atStake}`,
    atStakeByList: 'Ценность под угрозой по спискам',
    atStakeByManager: 'Ценность под угрозой по менеджерам',
    input: 'Строки исходных данных',
    issuesSummary: 'Отклонённые строки по причинам',
    issuesList: 'Отклонённые строки',
    profile: 'Как прочитаны данные о продажах',
    lookAlikes: 'Клиенты с одинаковыми на вид названиями (возможные дубли)',
  },
  links: {
    list: (clients: number) => `Открыть весь список на листе «Возврат клиентов» (${format.count(clients)} ${plural(clients, 'клиент', 'клиента', 'клиентов')}) →`,
    matrix: 'Открыть лист ABC-XYZ →',
    clients: 'Все клиенты со всеми показателями — на листе «Клиенты» →',
    issues: 'Все неиспользованные строки — на листе «Ошибки данных» →',
  },
  charts: {
    statuses: 'Клиенты по статусам',
    atStake: 'Ценность под угрозой по спискам',
    pareto: 'Парето: объём и накопленная доля',
    movement: 'Клиенты по видам изменений',
    lostReturned: 'Потерянные и вернувшиеся клиенты по кварталам',
    active: 'Активные клиенты на конец квартала',
  },
  notes: {
    window: (asOf: string, from: string, to: string, periods: number, kind: PeriodKind, previousFrom: string, previousTo: string) =>
      `Дата анализа: ${asOf}. Период анализа: ${from} – ${to} (${countOf(periods, kind)}); прошлый период: ${previousFrom} – ${previousTo}.`,
    measure: (measure: string) => `Объём = ${measure.toLowerCase()} за период анализа.`,
    clients: 'Одна строка на клиента, крупные сверху. Сортировка и фильтр — кнопками в строке заголовков.',
    abc: (a: string, b: string) =>
      `ABC: A — клиенты, дающие первые ${a} объёма, B — следующие до ${b}, C — остальные; у клиентов без объёма в периоде класса нет.`,
    xyzCv: (x: string, y: string, minPeriods: number, kind: PeriodKind) =>
      `XYZ — насколько ровно клиент покупает ${stepByStep(kind)} (cv = стандартное отклонение ÷ среднее): X — до ${x}, Y — до ${y}, Z — выше; N — история короче ${fewerThan(minPeriods, kind)}.`,
    xyzAuto: (minPeriods: number, kind: PeriodKind) =>
      `XYZ — насколько ровно клиент покупает ${stepByStep(kind)} (cv = стандартное отклонение ÷ среднее): границы делят клиентов на трети по cv; N — история короче ${fewerThan(minPeriods, kind)}.`,
    xyzRegularity: (x: string, y: string, minPeriods: number, kind: PeriodKind) =>
      `XYZ — доля периодов (${periodForms[kind].many}) с покупкой: X — не меньше ${x}, Y — не меньше ${y}, Z — меньше; N — история короче ${fewerThan(minPeriods, kind)}.`,
    status: (riskFactor: string, lostFactor: string, minLostDays: number, newDays: number) =>
      `Статус: потерян — нет покупок дольше, чем ${lostFactor} × обычный интервал между покупками (не меньше ${minLostDays} дн.); под угрозой — дольше ${riskFactor} × обычный интервал; новый — первая покупка меньше ${newDays} дн. назад.`,
    tiers: (gold: string, silver: string) =>
      `Категория — по объёму за последний активный год: золото — клиенты, дающие первые ${gold} объёма, серебро — следующие до ${silver}, медь — остальные.`,
    modelFitted: (model: string, why: string) =>
      `Вероятность активности — шанс, что клиент всё ещё покупает у нас (модель ${model}, ${why}). Ожидаемые дни с покупками — сколько дней с покупками ожидается в ближайшие 90 дней. Ожидаемая сумма за 12 месяцев — ожидаемые дни с покупками за 12 месяцев × ожидаемая сумма дня с покупкой (модель Gamma-Gamma).`,
    modelSkipped: (reason: string) => `Вероятность активности, ожидаемые покупки и суммы не рассчитаны: ${reason}`,
    spendNotPositive:
      'Ожидаемая сумма за 12 месяцев пуста у клиента, чьи покупки после первой в сумме не положительны (например, убыточный клиент при показателе «прибыль»).',
    summary: (asOf: string) => `Что делать на этой неделе, на ${asOf}: клиенты, с которыми нужно работать, в четырёх списках, самые ценные сверху.`,
    summaryLists:
      'Удержать — под угрозой или с недавней жалобой. Вернуть — потерянные клиенты категорий «золото» и «серебро». Развивать — ещё покупают, но меньше, реже, дешевле или не отвечают. Только рассылка — потерянные клиенты невысокой ценности.',
    valueAtStake: 'Ценность под угрозой — сколько клиент приносил за последний активный год.',
    summaryEmpty: 'На этой неделе ни с одним клиентом работать не нужно.',
    noPrevious: (from: string) =>
      `Данные начинаются ${from}, внутри прошлого периода: он неполный, поэтому клиенты могут выглядеть новыми или выросшими.`,
    quartersNoData: (from: string) => `Данные начинаются ${from}: в кварталах до этой даты — «нет данных».`,
    notChecked: (signals: string) => `Признаки, которые не проверялись, потому что нет данных: ${signals}.`,
    winback:
      'Все клиенты, с которыми нужно работать, в четырёх списках: Удержать, Вернуть, Развивать, Только рассылка; в каждом списке сверху — наибольшая ценность под угрозой. Действия — про самого клиента.',
    winbackBronze: 'Потерянным клиентам невысокой ценности — только недорогая рассылка: силы в первую очередь на золото и серебро.',
    winbackEmpty: 'Ни с одним клиентом работать не нужно.',
    matrix: 'В матрице только клиенты с положительным объёмом в периоде анализа.',
    pareto: (n: number) =>
      `${n} крупнейших клиентов с накопленной долей: видно, как немного клиентов дают основную часть объёма.`,
    movement: (change: string) =>
      `Сравнение периода анализа с прошлым периодом той же длины. Изменение учитывается от ${change}.`,
    droppedProducts: (share: string) =>
      `Перестал брать товары — товар давал не меньше ${share} покупок клиента раньше и сейчас не покупается.`,
    movementOrder: 'Сверху — наибольшее падение объёма.',
    movementEmpty: 'Ни у одного клиента покупки заметно не изменились.',
    conversion: (days: number) =>
      `Запрос считается закрытым покупкой, если клиент купил в течение ${days} дн. начиная с дня запроса. Учитываются запросы периода анализа.`,
    conversionMissing:
      'Запросы не были переданы, поэтому конверсию посчитать нельзя. Добавьте лист запросов (клиент, дата, менеджер) и запустите анализ снова.',
    conversionEmpty: 'В периоде анализа нет запросов.',
    kpi: (quarters: number) =>
      `Последние ${quarters} полных кварталов. Активные — статус «новый», «активный» или «под угрозой» на конец квартала.`,
    kpiLostReturned:
      'Потеряно — стали потерянными в квартале. Вернулось — купили в квартале после потери. Доля вернувшихся — вернувшиеся ÷ потерянные на начало квартала.',
    modelNotConverged: 'Подбор модели сошёлся не полностью: к вероятности активности относитесь осторожно.',
    issues: (rows: number, accepted: number, requests: number, rejected: number) =>
      `Прочитано строк продаж: ${format.count(rows)}; использовано: ${format.count(accepted)}; запросов: ${format.count(requests)}; отклонено: ${format.count(rejected)}. Отклонённые строки не вошли в анализ: исправьте их в источнике и запустите анализ снова.`,
    lookAlikes:
      'Эти названия отличаются только буквами, одинаковыми на вид в латинице и кириллице, или пробелами: они считаются разными клиентами. Если это один клиент, напишите название в источнике одинаково.',
    issuesOther: (rejected: number) => `Отклонено строк в запросах, контактах и жалобах: ${format.count(rejected)}.`,
    issuesNone: 'Отклонённых строк нет.',
  },
  modelSkipped: {
    'too-few-repeaters': 'слишком мало клиентов покупали больше одного раза, чтобы построить модель покупок.',
    'did-not-converge': 'модель покупок не удалось подобрать по этим данным.',
    'no-dropout': 'модель покупок не видит в этих данных признаков ухода клиентов и сочла бы живыми всех; ориентируйтесь на статус клиента.',
    disabled: 'модель покупок отключена.',
  },
  modelWhy: {
    requested: 'выбрана в настройках',
    'auto-mbgnbd': 'выбрана автоматически: она не считает клиентом того, кто купил один раз',
    'not-informative': 'ни одна модель покупок не информативна на этих данных',
    disabled: 'модель покупок отключена',
  },
  profile: {
    encoding: 'Кодировка',
    encodings: { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', 'windows-1251': 'Windows-1251 (кириллица)' },
    encodingUnsure: (strays: number) =>
      strays > 0
        ? `не наверняка: ${format.count(strays)} ${plural(strays, 'байт не подходит', 'байта не подходят', 'байт не подходят')} к ней (их строки отклонены)`
        : 'не наверняка: байты похожи и на другую кодировку',
    delimiter: 'Разделитель столбцов',
    delimiters: { ',': 'запятая', ';': 'точка с запятой', '\t': 'табуляция' },
    delimiterUnsure: 'не наверняка: другой разделитель делит первые строки так же ровно',
    headerRow: 'Строка заголовков',
    column: (field: string) => `Столбец «${field}»`,
    columnChoice: (header: string, column: string) => `«${header}» (столбец ${column})`,
    otherCandidates: (others: string) => `подходят также: ${others}`,
    decimals: (field: string) => `Десятичный разделитель, «${field}»`,
    marks: { comma: 'запятая (1 234,50)', dot: 'точка (1,234.50)', mixed: 'разный: в одних ячейках запятая, в других точка', none: 'не нужен (целые числа)' },
    ambiguous: (cells: number) => `${format.count(cells)} ${plural(cells, 'ячейка', 'ячейки', 'ячеек')} вида 1,234 прочитаны по разделителю столбца`,
    ambiguousUndecided: (cells: number) =>
      `${format.count(cells)} ${plural(cells, 'ячейку', 'ячейки', 'ячеек')} вида 1,234 можно прочитать двояко: 1,234 прочитано как 1234, 1.234 — как 1,234`,
    dates: 'Даты принятых строк',
    dateRange: (from: string, to: string) => `${from} – ${to}`,
    twoDigitYears: 'Год двумя цифрами',
    twoDigitYearsRead: (dates: number) => `${format.count(dates)} ${plural(dates, 'дата', 'даты', 'дат')}: 00–29 прочитаны как 2000–2029, 30–99 — как 1930–1999`,
    invisible: 'Невидимые символы',
    invisibleRemoved: (names: number) => `удалены из ${format.count(names)} ${plural(names, 'названия', 'названий', 'названий')} клиентов`,
    line: (encoding: string, delimiter: string, headerRow: number) => `Прочитано как ${encoding}, разделитель — ${delimiter}, заголовки в строке ${headerRow}.`,
    sheetLine: (headerRow: number) => `Заголовки в строке ${headerRow}.`,
  },
  failure: {
    empty: 'лист пуст',
    'no-header': 'в первых 30 строках нет строки заголовков со столбцами клиента, даты и суммы',
    'missing-columns': (fields: string) => `не найдены обязательные столбцы: ${fields}`,
    'unknown-header': (header: string, headers: string) => `нет столбца с заголовком «${header}» (заголовки: ${headers})`,
    'no-sales': 'нет строк продаж для анализа',
    'no-measure': 'нет столбца для выбранного показателя (прибыль или количество)',
  },
};
