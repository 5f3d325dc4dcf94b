/**
 * The command line's Russian words — the same keys as `en/cli.ts`.
 *
 * Example: `cli.read(6919, 6910, 9)` → `Строк: 6 919; использовано: 6 910; отклонено: 9`.
 */
import type { CliWords } from '../en/cli.js';
import { format } from './format.js';

export const cli: CliWords = {
  usage: [
    'Использование: winback segment <продажи.csv|.xlsx> [параметры]',
    '',
    'Находит B2B-клиентов, которых вы теряете, и записывает книгу с отчётом.',
    '',
    'Параметры:',
    '  --sheet ИМЯ                   лист книги с продажами (или продажи.xlsx#ИМЯ)',
    '  --requests ФАЙЛ               запросы клиентов (клиент, дата, менеджер)',
    '  --contacts ФАЙЛ               попытки связаться (клиент, дата, ответил)',
    '  --complaints ФАЙЛ             жалобы (клиент, дата, текст)',
    '  --as-of ГГГГ-ММ-ДД            дата анализа (по умолчанию — последняя продажа)',
    '  --period month|quarter|week   длина периода: месяц, квартал, неделя (по умолчанию месяц)',
    '  --periods N                   число периодов в анализе (по умолчанию 12)',
    '  --measure amount|profit|quantity   показатель для ABC, XYZ и категорий: сумма, прибыль, количество',
    '  --xyz default|classic|auto|regularity   границы XYZ',
    '  --model auto|bgnbd|mbgnbd|paretonbd|none   модель покупок для вероятности активности',
    '                                (по умолчанию auto: лучшая по проверке модели)',
    '  --holdout-days N              сколько дней скрывает проверка модели (по умолчанию',
    '                                четверть истории, от 28 до 365)',
    '  --lang en|ru                  язык отчёта',
    '  --out отчёт.xlsx              книга с отчётом (по умолчанию winback-report.xlsx)',
    '  --json отчёт.json             результаты в JSON',
    '  --quiet, -q                   без строк о ходе работы',
  ].join('\n'),
  wouldOverwrite: (file: string) => `входной файл ${file} не будет перезаписан`,
  reading: (file: string) => `Чтение ${file}…`,
  read: (rows: number, accepted: number, rejected: number) =>
    `Строк: ${format.count(rows)}; использовано: ${format.count(accepted)}; отклонено: ${format.count(rejected)}`,
  companion: (source: string, sheet: string) => `${source} взяты с листа «${sheet}»`,
  analysing: (lines: number) => `Анализ строк продаж: ${format.count(lines)}…`,
  writing: (file: string) => `Запись ${file}…`,
  done: (clients: number, winBack: number, files: string) =>
    `Готово: клиентов ${format.count(clients)}, к возврату ${format.count(winBack)} → ${files}`,
  unreadable: (file: string, reason: string) => `не удалось прочитать ${file}: ${reason}`,
  unusable: (file: string, reason: string) => `${file}: ${reason}`,
  problem: {
    noFile: 'нет такого файла',
    isFolder: 'это папка',
    oldXls: 'старый формат .xls не поддерживается; сохраните файл как .xlsx или .csv',
    notWorkbook: (detail: string) => `не удаётся прочитать как книгу .xlsx (${detail})`,
    noSheet: (sheet: string, sheets: string) => `нет листа «${sheet}» (листы: ${sheets})`,
    noSheets: 'в книге нет листов',
  },
  badOption: (option: string, rule: string, got: string) => `--${option}: нужно ${rule} (получено «${got}»)`,
  unknownOption: (option: string) => `неизвестный параметр ${option} (список: winback --help)`,
  missingValue: (option: string) => `для ${option} нужно значение`,
  unknownCommand: (command: string) => `неизвестная команда «${command}» (команда — «segment»)`,
  oneFile: 'укажите ровно один файл продаж: winback segment <продажи.csv|.xlsx>',
};
