/**
 * A pipeline failure as the one sentence a user reads, in their language: the panel's sentences
 * say what to pick in the panel, the command line's name the file and what to fix there.
 *
 * Example: {kind: 'unusable', source: 'sales', sheet: 'Sales', code: 'missing-columns', missing:
 * ['date']} → panel: `This sheet has no date column. Pick the column that holds the sale date.`;
 * command line: `Sales: required columns not found: date`.
 */
import { failureText, ruleText, words, type Lang } from '../i18n/index.js';
import type { OptionPath } from '../options/check-options.js';
import { REQUIRED_SALES_FIELDS, type RequiredSalesField } from '../read/fields.js';
import type { PipelineFailure, SourceProblem } from './pipeline.js';

export type Surface = 'panel' | 'cli';

export function failureMessage(lang: Lang, failure: PipelineFailure, surface: Surface): string {
  return surface === 'panel' ? panelMessage(lang, failure) : cliMessage(lang, failure);
}

function panelMessage(lang: Lang, failure: PipelineFailure): string {
  const errors = words(lang).panel.errors;
  switch (failure.kind) {
    case 'options':
      return errors.badSetting(optionName(lang, failure.problem.option), ruleText(lang, failure.problem.rule));
    case 'analysis':
      return failure.code === 'no-sales' ? errors.noSales : errors.noMeasure;
    case 'unavailable':
      return failure.source === 'sales' ? errors.noSheet(failure.sheet) : errors.sourceMissing(errors.sourceNames[failure.source], failure.sheet);
    case 'unusable': {
      if (failure.source !== 'sales') return errors.sourceUnusable(errors.sourceNames[failure.source], failure.sheet);
      if (failure.code === 'empty') return errors.empty;
      if (failure.code === 'no-header' || failure.code === 'unknown-header') return errors.noHeader;
      const sentences = failure.missing.filter(isRequired).map((field) => errors.missingColumn[field]);
      return sentences.length > 0 ? sentences.join(' ') : errors.noHeader;
    }
  }
}

function cliMessage(lang: Lang, failure: PipelineFailure): string {
  const cli = words(lang).cli;
  switch (failure.kind) {
    case 'options':
      return `${optionName(lang, failure.problem.option)}: ${ruleText(lang, failure.problem.rule)}`;
    case 'analysis':
      return failureText(lang, failure.code);
    case 'unavailable':
      return cli.unreadable(failure.sheet, problemText(lang, failure.sheet, failure.problem));
    case 'unusable':
      return cli.unusable(
        failure.sheet,
        failureText(lang, failure.code, failure.missing, failure.header === undefined ? undefined : { header: failure.header, headers: failure.headers ?? [] }),
      );
  }
}

/** Why a file or sheet cannot be read, as the command line says it. */
function problemText(lang: Lang, sheet: string, problem: SourceProblem): string {
  const text = words(lang).cli.problem;
  switch (problem.code) {
    case 'no-file':
      return text.noFile;
    case 'is-folder':
      return text.isFolder;
    case 'old-xls':
      return text.oldXls;
    case 'not-workbook':
      return text.notWorkbook(problem.detail);
    case 'unreadable':
      return problem.detail;
    case 'no-sheet':
      return problem.sheets && problem.sheets.length === 0 ? text.noSheets : text.noSheet(problem.sheet ?? sheet, (problem.sheets ?? []).join(', '));
  }
}

/** The panel's label of the setting an option path belongs to. */
export function optionName(lang: Lang, option: OptionPath): string {
  const s = words(lang).panel.settings;
  const labels: Record<OptionPath, string> = {
    asOf: s.asOf,
    period: s.period,
    periods: s.periods,
    measure: s.measure,
    model: s.model,
    holdoutDays: s.holdoutDays,
    currency: s.currency,
    'abc.a': s.abcA,
    'abc.b': s.abcB,
    'tiers.gold': s.tierGold,
    'tiers.silver': s.tierSilver,
    'xyz.method': s.xyz,
    'xyz.preset': s.xyz,
    'xyz.x': s.xyzX,
    'xyz.y': s.xyzY,
    'xyz.minPeriods': s.xyz,
    'status.riskFactor': s.riskFactor,
    'status.lostFactor': s.lostFactor,
    'status.minLostDays': s.minLostDays,
    'status.silenceDays': s.minLostDays,
    'status.newDays': s.newDays,
  };
  return labels[option];
}

function isRequired(field: string): field is RequiredSalesField {
  return (REQUIRED_SALES_FIELDS as readonly string[]).includes(field);
}
