/** A sheet of a file as the command line reads it, as a grid for tests (throws when it cannot be read). */
import { openFile } from '../../cli/read-file.js';
import type { SourceGrid } from '../../core/pipeline/pipeline.js';
import { isGrid, rowCells, type TableSource } from '../../core/read/table-source.js';
import type { Cell, Grid } from '../../core/read/types.js';

export async function readFileGrid(path: string, sheet?: string): Promise<SourceGrid & { grid: Grid }> {
  const file = await openFile(path);
  if ('problem' in file) throw new Error(`${path}: ${file.problem.code}`);
  const read = file.read(sheet);
  if ('problem' in read) throw new Error(`${path}#${sheet}: ${read.problem.code}`);
  return { ...read, grid: gridOf(read.grid) };
}

/** A source's rows as a grid (rows the source skips are empty). */
export function gridOf(input: Grid | TableSource): Grid {
  if (isGrid(input)) return input;
  const grid: Cell[][] = [];
  for (let row = input.next(); row; row = input.next()) {
    while (grid.length < row.index) grid.push([]);
    grid[row.index] = rowCells(row);
  }
  return grid;
}
