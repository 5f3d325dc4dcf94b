/** A sheet of a file as the command line reads it, for tests (throws when it cannot be read). */
import { openFile } from '../../cli/read-file.js';
import type { SourceGrid } from '../../core/pipeline/pipeline.js';

export async function readFileGrid(path: string, sheet?: string): Promise<SourceGrid> {
  const file = await openFile(path);
  if ('problem' in file) throw new Error(`${path}: ${file.problem.code}`);
  const read = file.read(sheet);
  if ('problem' in read) throw new Error(`${path}#${sheet}: ${read.problem.code}`);
  return read;
}
