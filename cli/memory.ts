/**
 * Whether a sales file fits the memory this process can use — asked before any work, so a file
 * too big gets one sentence (how many lines, what to do) instead of a heap crash half-way.
 *
 * A text file's lines are estimated from its size and the line length of its first megabyte. A
 * line read and analysed takes about HEAP_PER_LINE bytes of the JavaScript heap (its texts, the
 * clients and documents kept once, the analysis's per-line arrays) and TOTAL_PER_LINE bytes in all
 * (its typed columns live outside the heap), both measured by `npm run bench` at 1 and 3 million
 * lines (docs/performance.md). The budget is the heap's limit for the heap part, and the machine's
 * memory for the whole. An .xlsx holds at most Excel's 1,048,576 rows per sheet, which fit.
 *
 * Example: a 9 GB CSV of 40 million lines on a machine with a 4 GB heap → "sales.csv has about
 * 40,000,000 lines: reading them needs about 6.0 GB of memory, more than the 4.0 GB …".
 */
import { open, stat } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { basename } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { words, type Lang } from '../core/index.js';

/** Heap bytes a sales line takes once read and analysed (measured, with a margin). */
export const HEAP_PER_LINE = 160;
/** All bytes a sales line takes, heap and typed columns (measured, with a margin). */
export const TOTAL_PER_LINE = 400;
const SAMPLE = 1 << 20;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** The sentence for a file too big to read, or null. */
export async function memoryProblem(path: string, lang: Lang, budget = memoryBudget()): Promise<string | null> {
  const lines = await estimatedLines(path);
  if (lines === null) return null;
  const heap = lines * HEAP_PER_LINE;
  const total = lines * TOTAL_PER_LINE;
  if (heap <= budget.heap && total <= budget.total) return null;
  const text = words(lang).cli;
  const over = heap / budget.heap > total / budget.total ? { needed: heap, limit: budget.heap } : { needed: total, limit: budget.total };
  return text.tooBig(basename(path), lines, text.size(over.needed), text.size(over.limit));
}

export function memoryBudget(): { heap: number; total: number } {
  return { heap: getHeapStatistics().heap_size_limit, total: totalmem() };
}

/** Lines of a text file from its size and its first megabyte; null for a workbook or what cannot be read. */
async function estimatedLines(path: string): Promise<number | null> {
  try {
    const { size } = await stat(path);
    const file = await open(path, 'r');
    try {
      const sample = new Uint8Array(Math.min(size, SAMPLE));
      const { bytesRead } = await file.read(sample, 0, sample.length, 0);
      if (ZIP_MAGIC.every((b, i) => sample[i] === b)) return null;
      let breaks = 0;
      for (let i = 0; i < bytesRead; i++) if (sample[i] === 10) breaks++;
      return Math.round(size / (bytesRead / Math.max(1, breaks)));
    } finally {
      await file.close();
    }
  } catch {
    return null;
  }
}
