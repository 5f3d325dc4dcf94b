/**
 * The demo report as a sales head opens it (issue "the Monday list"): `winback segment` on the
 * bundled example, in English and Russian, converted by LibreOffice. Its first page is the Summary,
 * with the lists and both charts on it, the values at stake in rubles (the demo says `--currency
 * RUB`: the example's number cells carry no currency the reader sees). With UPDATE_DOCS_IMAGES=1 the first pages become the user
 * guide's pictures (docs/img/report-summary-<lang>.png).
 */
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { words, type Lang } from '../../core/i18n/index.js';
import { SERIES_COLOURS } from '../../xlsx/chart-xml.js';
import { colourShare, pagePixels, pageText, workbookPdf } from '../helpers/libreoffice.js';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('the demo report in LibreOffice', () => {
  for (const lang of ['en', 'ru'] as Lang[]) {
    it(`opens on the Summary with the lists and charts on its first page (${lang})`, async () => {
      const dir = mkdtempSync(join(tmpdir(), `winback-demo-${lang}-`));
      const out = join(dir, 'demo.xlsx');
      expect(await main(['segment', join(ROOT, 'examples/sample-sales.xlsx'), '--currency', 'RUB', '--lang', lang, '--out', out, '--quiet'])).toBe(0);
      const pdf = workbookPdf(out);
      const m = words(lang).report;
      const first = pageText(pdf, 1).replace(/\s+/g, ' ');
      for (const text of [m.titles.statuses, m.titles.atStakeByList, m.list.keep, m.columns.actions]) expect(first, text).toContain(text);
      // LibreOffice renders the money format: the value at stake of each list ends (ru) or starts (en) with ₽.
      const money = lang === 'ru' ? /\d\s₽/g : /₽\d/g;
      expect(first.match(money)?.length ?? 0).toBeGreaterThanOrEqual(4);
      expect(colourShare(pagePixels(pdf, 1), SERIES_COLOURS[0]!)).toBeGreaterThan(0.002);
      if (process.env.UPDATE_DOCS_IMAGES === '1') {
        execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '110', '-png', '-singlefile', pdf, join(dir, 'summary')]);
        mkdirSync(join(ROOT, 'docs/img'), { recursive: true });
        copyFileSync(join(dir, 'summary.png'), join(ROOT, `docs/img/report-summary-${lang}.png`));
      }
    }, 180_000);
  }
});
