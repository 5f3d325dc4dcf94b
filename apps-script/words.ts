/**
 * The words only the Google Sheets host shows: its menu, its help and its messages, in English and
 * Russian (the report's and the panel's words are in core/i18n and ui/). The language is the
 * user's Google locale: Russian when it starts with `ru`, English otherwise.
 *
 * Example: `sheetsWords(langOf('ru_RU')).menu.open` → `Открыть`.
 */
import type { Lang } from '../core/i18n/index.js';

export function langOf(locale: string): Lang {
  return locale.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

const en = {
  title: 'Winback',
  menu: {
    open: 'Open',
    template: 'Make this spreadsheet a template',
    help: 'Help',
  },
  help: [
    'Winback finds the clients you are losing and who to win back first.',
    '1. Put your sales lines on a sheet: client, date, amount (one row per line of a sales document).',
    '2. Extensions → Winback → Open, pick the sheet, check the columns, press Segment.',
    '3. The report is written to its own tabs (Clients, ABC-XYZ, Win-back, …); your sheets are never changed.',
    'Functions: =CHURNSIGNAL(dates, amounts, asOf), =ABCXYZ(clients, dates, amounts), =PALIVE(clients, dates, amounts) and more — type =CHURN to see them.',
    'Nothing leaves this spreadsheet: Winback has no server and sends no data anywhere.',
  ],
  template: {
    sheet: 'Instructions',
    lines: [
      'Winback — how to use this spreadsheet',
      '1. Paste your sales lines into the Sales sheet, one row per line of a sales document: client, date, amount are required; the other columns help when you have them.',
      '2. Optional: client requests into Requests, calls and letters into Contacts (answered: yes / no), complaints into Complaints.',
      '3. Extensions → Winback → Open, then Segment. The report is written to its own tabs; these sheets are never changed.',
      '4. Share a copy: File → Share → copy the link and change its ending from /edit to /copy — whoever opens it gets their own copy with Winback inside.',
    ],
  },
  jobExpired: 'The run was interrupted for too long and its state expired. Run it again.',
  reportTooLarge: 'The report is too large to be written in steps. Shorten the period or split the sheet.',
  /** Cancelled after some tabs were written (before that, the panel's own "nothing was written"). */
  cancelledWhileWriting: 'Stopped. The tabs written so far are replaced on the next run.',
};

export type SheetsWords = typeof en;

const ru: SheetsWords = {
  title: 'Winback',
  menu: {
    open: 'Открыть',
    template: 'Сделать таблицу шаблоном',
    help: 'Справка',
  },
  help: [
    'Winback находит клиентов, которых вы теряете, и показывает, кого возвращать первым.',
    '1. Поместите строки продаж на лист: клиент, дата, сумма (одна строка на строку документа продажи).',
    '2. Расширения → Winback → Открыть, выберите лист, проверьте столбцы, нажмите «Сегментировать».',
    '3. Отчёт пишется на отдельные листы (Клиенты, ABC-XYZ, Возврат клиентов, …); ваши листы не меняются.',
    'Функции: =CHURNSIGNAL(даты; суммы; дата_анализа), =ABCXYZ(клиенты; даты; суммы), =PALIVE(клиенты; даты; суммы) и другие — начните вводить =CHURN.',
    'Данные не покидают таблицу: у Winback нет сервера, он никуда ничего не отправляет.',
  ],
  template: {
    sheet: 'Инструкция',
    lines: [
      'Winback — как пользоваться этой таблицей',
      '1. Вставьте строки продаж на лист «Продажи», одна строка на строку документа продажи: клиент, дата и сумма обязательны, остальные столбцы помогают, если они есть.',
      '2. По желанию: запросы клиентов — на лист «Запросы», звонки и письма — на «Контакты» (ответил: да / нет), жалобы — на «Жалобы».',
      '3. Расширения → Winback → Открыть, затем «Сегментировать». Отчёт пишется на отдельные листы; эти листы не меняются.',
      '4. Поделиться копией: Файл → Поделиться → скопируйте ссылку и замените её окончание /edit на /copy — каждый, кто откроет её, получит свою копию с Winback внутри.',
    ],
  },
  jobExpired: 'Запуск прерывался слишком долго, и его состояние устарело. Запустите ещё раз.',
  reportTooLarge: 'Отчёт слишком велик для записи по шагам. Сократите период или разделите лист.',
  cancelledWhileWriting: 'Остановлено. Уже записанные листы будут заменены при следующем запуске.',
};

export function sheetsWords(lang: Lang): SheetsWords {
  return lang === 'ru' ? ru : en;
}
