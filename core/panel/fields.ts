/**
 * The sales fields the panel lets a user map to a column, in the order it shows them (the
 * required ones, core/read/fields.ts, first).
 *
 * Example: `PANEL_FIELDS[0]` → `client`.
 */
import { SALES_FIELDS } from '../read/fields.js';

/** The sales fields a user can pick a column for: all but industry and type, which are read when present. */
export type PanelField = Exclude<(typeof SALES_FIELDS)[number], 'industry' | 'type'>;

export const PANEL_FIELDS: readonly PanelField[] = SALES_FIELDS.filter((field): field is PanelField => field !== 'industry' && field !== 'type');
