/**
 * The command line's Russian words — the same keys as `en/cli.ts`.
 *
 * Example: `cli.read(6919, 6910, 9)` → `Строк: 6 919; использовано: 6 910; отклонено: 9`.
 */
import type { CliWords } from '../en/cli.js';
import { SALES_FIELDS } from '../../read/fields.js';
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
    '  --currency RUB|USD|EUR|GBP|none   валюта денежных столбцов (по умолчанию — та',
    '                                единственная валюта, что видна в суммах продаж, иначе без валюты)',
    '  --map ПОЛЕ="Заголовок"        взять для поля этот столбец (можно несколько раз),',
    '                                например --map client="ИНН покупателя"; поля:',
    `                                ${SALES_FIELDS.join(', ')}`,
    '  --lang en|ru                  язык отчёта',
    '  --out отчёт.xlsx              книга с отчётом (по умолчанию winback-report.xlsx)',
    '  --json отчёт.json             результаты в JSON',
    '  --quiet, -q                   без строк о ходе работы',
    '  --engine memory|duckdb        кто читает строки: в памяти (по умолчанию) или',
    '                                встроенная DuckDB (CSV, .xlsx, Parquet, файл.duckdb#таблица)',
    '  --aggregates                  файл — результат команды `winback sql`',
    '',
    'Запуск: winback sql --table ИМЯ [--dialect bigquery|duckdb] [--columns A,B,C]',
    '                    [--map ПОЛЕ=Столбец ...] [--as-of ГГГГ-ММ-ДД]',
    'Печатает агрегацию как SQL для хранилища; выполните её там, скачайте результат,',
    'затем: winback segment результат.csv --aggregates',
  ].join('\n'),
  size: (bytes: number) => (bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1).replace('.', ',')} ГБ` : `${Math.round(bytes / 1024 ** 2)} МБ`),
  wouldOverwrite: (option: string, file: string) => `${option} ${file} — это входной файл: он не будет перезаписан; запишите отчёт в другой файл`,
  sameOutput: (file: string) => `--out и --json указывают на один файл ${file}: укажите разные файлы`,
  outputProblem: (option: string, file: string, reason: string) => `не удаётся записать ${option} ${file}: ${reason}`,
  output: {
    isFolder: 'это папка',
    noFolder: (folder: string) => `папки ${folder} нет`,
    notFolder: (folder: string) => `${folder} — не папка`,
    readOnly: (folder: string) => `в папку ${folder} нельзя записывать`,
    diskFull: 'диск заполнен (ничего не записано)',
    stalled: 'диск перестал принимать файл (ничего не записано)',
  },
  badMap: (given: string, fields: string) => `--map: нужно ПОЛЕ="Заголовок", где ПОЛЕ — одно из ${fields} (получено «${given}»)`,
  tooBig: (file: string, lines: number, needed: string, budget: string) =>
    `в ${file} около ${format.count(lines)} строк: для их чтения нужно около ${needed} памяти — больше, чем ${budget}, которые может дать этот компьютер; запустите с --engine duckdb — он агрегирует строки на диске (или разделите файл, например по годам)`,
  reading: (file: string) => `Чтение ${file}…`,
  read: (rows: number, accepted: number, requests: number, rejected: number) =>
    `Строк: ${format.count(rows)}; использовано: ${format.count(accepted)}; запросов: ${format.count(requests)}; отклонено: ${format.count(rejected)}`,
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
  unknownCommand: (command: string) => `неизвестная команда «${command}» (команды — «segment» и «sql»)`,
  oneFile: 'укажите ровно один файл продаж: winback segment <продажи.csv|.xlsx>',
  sqlNoFile: 'winback sql не читает файл: укажите таблицу в --table',
  sqlNeedsTable: 'winback sql нужна таблица: --table project.dataset.sales',
  sqlMissing: (fields: string) =>
    `укажите столбцы полей ${fields} в --map (например, --map client=customer_id --map date=order_date --map amount=net_amount) или перечислите все столбцы в --columns`,
  engine: {
    parquet: (file: string) => `${file} — файл Parquet: читайте его с --engine duckdb`,
    noTable: (table: string, file: string) => `в ${file} нет таблицы «${table}»`,
    needsTable: (file: string) => `укажите таблицу базы DuckDB: ${file}#таблица`,
    unreadable: (file: string, detail: string) => `DuckDB не может прочитать ${file}: ${detail}`,
  },
  aggregatesProblem: (file: string, detail: string) => `${file} — не результат winback sql: ${detail}`,
};
