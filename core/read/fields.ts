/**
 * The input fields a user may meet in a message, a template header or a column picker: the sales
 * fields of SPEC §1 and §8 and the fields of the optional sources. Their words in each language
 * are the vocabulary's `report.field`.
 */
export const FIELD_KEYS = [
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
  'industry',
  'type',
  'answered',
  'text',
] as const;

export type FieldKey = (typeof FIELD_KEYS)[number];
