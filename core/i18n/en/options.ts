/**
 * The English words for the rules analysis options follow (core/options/check-options.ts), so the
 * command line, the panel and the functions refuse a value with the same sentence part.
 *
 * Example: `options.whole('1', '40')` → `a whole number from 1 to 40`.
 */
export const options = {
  whole: (min: string, max: string) => `a whole number from ${min} to ${max}`,
  wholeAtLeast: (min: string) => `a whole number of at least ${min}`,
  between: (min: string, max: string) => `a number above ${min} and below ${max}`,
  betweenInclusive: (min: string, max: string) => `a number above ${min} and at most ${max}`,
  above: (than: string) => `a number above ${than}`,
  date: 'a date YYYY-MM-DD',
  oneOf: (choices: string) => `one of ${choices}`,
};

/** The shape every language's option words have. */
export type OptionWords = typeof options;
