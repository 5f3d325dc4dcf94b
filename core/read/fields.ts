/**
 * The input fields a user may meet in a message, a template header or a column picker: the sales
 * fields of SPEC §1 and §8 and the fields of the optional sources. Their words in each language
 * are the vocabulary's `report.field`.
 */
/** The columns a sales sheet may have (SPEC §1, §8), in the order the panel offers them. */
export const SALES_FIELDS = [
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
] as const;

/** Every field: the sales fields and those only the optional sources have. */
export const FIELD_KEYS = [...SALES_FIELDS, 'answered', 'text'] as const;

export type FieldKey = (typeof FIELD_KEYS)[number];

/** The sales fields every run needs (SPEC §1); `amount` may be given as quantity × unit price instead. */
export const REQUIRED_SALES_FIELDS = ['client', 'date', 'amount'] as const satisfies readonly FieldKey[];

export type RequiredSalesField = (typeof REQUIRED_SALES_FIELDS)[number];
