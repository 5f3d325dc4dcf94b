/**
 * The sales fields the panel lets a user map to a column, in the order it shows them, and the
 * ones a run cannot do without (SPEC §1).
 *
 * Example: `PANEL_FIELDS[0]` → `client`; `REQUIRED_SALES_FIELDS` → client, date, amount.
 */
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

/** The sales fields every run needs; `amount` may be given as quantity × unit price instead. */
export const REQUIRED_SALES_FIELDS = ['client', 'date', 'amount'] as const satisfies readonly PanelField[];

export type RequiredSalesField = (typeof REQUIRED_SALES_FIELDS)[number];
