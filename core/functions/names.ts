/**
 * The spreadsheet functions of SPEC §9, by name (upper case, no namespace): Excel shows them as
 * `WINBACK.NAME`, Google Sheets as `NAME`.
 */
export const FUNCTION_NAMES = [
  'CHURNSIGNAL',
  'CHURNSIGNALS',
  'ABCXYZ',
  'ABCCLASS',
  'XYZCLASS',
  'VALUETIERS',
  'CADENCE',
  'CONVERSION',
  'PALIVE',
] as const;

export type FunctionName = (typeof FUNCTION_NAMES)[number];
