/**
 * LibreOffice as a second reader of the .xlsx files we write (Debian `libreoffice-calc-nogui`,
 * with `poppler-utils` for pdftotext and pdftoppm): convert a workbook to PDF headless, then read
 * a page's text or its pixels. Each call uses its own profile directory, so runs never share
 * LibreOffice's user state.
 *
 * Example: `const pdf = workbookPdf('/tmp/r.xlsx')`, `pageOf(pdf, 'Clients by status')` → 1,
 * `colourShare(pagePixels(pdf, 1), '4472C4')` → 0.012 (1.2 % of the page is the first series' blue).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** Converts the workbook to PDF; returns the PDF's path. */
export function workbookPdf(xlsx: string): string {
  const out = mkdtempSync(join(tmpdir(), 'winback-lo-'));
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${join(out, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, xlsx],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return join(out, basename(xlsx).replace(/\.xlsx$/, '.pdf'));
}

export function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
}

export function pageText(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' });
}

/** The first page whose text contains `text` (1-based), or 0. */
export function pageOf(pdf: string, text: string): number {
  for (let page = 1, pages = pageCount(pdf); page <= pages; page++) if (pageText(pdf, page).includes(text)) return page;
  return 0;
}

export interface Pixels {
  width: number;
  height: number;
  rgb: Uint8Array;
}

/** The page rendered at `dpi` as RGB pixels (pdftoppm's binary PPM). */
export function pagePixels(pdf: string, page: number, dpi = 50): Pixels {
  const out = join(mkdtempSync(join(tmpdir(), 'winback-ppm-')), 'page');
  execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-singlefile', pdf, out], { stdio: 'pipe' });
  const bytes = readFileSync(`${out}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 64).toString('latin1'))!;
  return { width: Number(header[1]), height: Number(header[2]), rgb: bytes.subarray(header[0].length) };
}

/** The share of pixels within `tolerance` of the colour `#RRGGBB` in every channel. */
export function colourShare(pixels: Pixels, hex: string, tolerance = 12): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let hits = 0;
  const { rgb } = pixels;
  for (let i = 0; i + 2 < rgb.length; i += 3) {
    if (Math.abs(rgb[i] - r!) <= tolerance && Math.abs(rgb[i + 1] - g!) <= tolerance && Math.abs(rgb[i + 2] - b!) <= tolerance) hits++;
  }
  return hits / (pixels.width * pixels.height);
}
