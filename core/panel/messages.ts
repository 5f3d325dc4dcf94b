/**
 * Why a sheet cannot be segmented, as sentences a sales head understands (never codes or stack
 * traces). Pure: the Sheets host uses it on the server, the local bridge and the panel in the page.
 *
 * Example: `readFailureMessage('en', {code: 'missing-columns', missing: ['date']})` →
 * `This sheet has no date column. Pick the column that holds the sale date.`
 */
import type { Lang } from '../i18n/index.js';
import { panelText } from '../i18n/panel.js';
import type { ReadFailure } from '../read/types.js';

type RequiredField = keyof ReturnType<typeof panelText>['errors']['missingColumn'];

/** The sales sheet's failure: one sentence per missing required column. */
export function readFailureMessage(lang: Lang, failure: Pick<ReadFailure<string>, 'code' | 'missing'>): string {
  const errors = panelText(lang).errors;
  if (failure.code === 'empty') return errors.empty;
  if (failure.code === 'no-header') return errors.noHeader;
  const sentences = failure.missing.filter(isRequired).map((field) => errors.missingColumn[field]);
  return sentences.length > 0 ? sentences.join(' ') : errors.noHeader;
}

/** An optional source (requests, contacts, complaints) whose sheet cannot be read. */
export function sourceFailureMessage(lang: Lang, source: 'requests' | 'contacts' | 'complaints', sheet: string): string {
  const errors = panelText(lang).errors;
  return errors.sourceUnusable(errors.sourceNames[source], sheet);
}

/** `analyze` refused to run (SegmentOutcome analysis codes). */
export function analysisFailureMessage(lang: Lang, code: 'no-sales' | 'no-measure'): string {
  const errors = panelText(lang).errors;
  return code === 'no-sales' ? errors.noSales : errors.noMeasure;
}

function isRequired(field: string): field is RequiredField {
  return field === 'client' || field === 'date' || field === 'amount';
}
