/**
 * The Russian words for the rules analysis options follow — the same keys as `en/options.ts`.
 *
 * Example: `options.whole('1', '40')` → `целое число от 1 до 40`.
 */
import type { OptionWords } from '../en/options.js';

export const options: OptionWords = {
  whole: (min: string, max: string) => `целое число от ${min} до ${max}`,
  wholeAtLeast: (min: string) => `целое число не меньше ${min}`,
  between: (min: string, max: string) => `число больше ${min} и меньше ${max}`,
  betweenInclusive: (min: string, max: string) => `число больше ${min} и не больше ${max}`,
  above: (than: string) => `число больше ${than}`,
  date: 'дата ГГГГ-ММ-ДД',
  oneOf: (choices: string) => `одно из: ${choices}`,
};
