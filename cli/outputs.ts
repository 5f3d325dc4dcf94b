/**
 * The command line's output files (`--out`, `--json`): checked before any work, written whole or
 * not at all, never over an input.
 *
 * Before anything is read (`checkOutputs`), each output must be writable: a path that exists must
 * be a file (not a folder); one that does not must be in an existing folder that can be written
 * to. An output may never be an input — compared as real files, by device and inode when it
 * exists (so a symbolic link or a hard link to an input, or `book.xlsx` when the input is
 * `book.xlsx#Sales`, is caught), and by the resolved real path. The outputs may not name the same
 * file either. Each refusal is one sentence (exit 2).
 *
 * Writing (`writeOutputs`): every output goes to a temporary file beside its target first; only
 * when all of them are written are they renamed over their targets, so a failure — a full disk, a
 * folder that went away — leaves every previous file as it was and no half-written one behind.
 *
 * The file system is passed in (`OutputFs`), so tests can make any step fail the way a disk does.
 *
 * Example: `--out sales.xlsx` with the input `sales.xlsx#Продажи` → "--out sales.xlsx is an input
 * file: it will not be overwritten; write the report elsewhere".
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, open, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { words, type Lang } from '../core/index.js';

/** The file operations outputs need; `nodeFs` is the real one. */
export interface OutputFs {
  stat(path: string): Promise<{ dev: number; ino: number; isDirectory(): boolean }>;
  access(path: string, mode: number): Promise<void>;
  realpath(path: string): Promise<string>;
  /** Writes the parts to a new file, in order. */
  write(path: string, parts: Iterable<Uint8Array | string>): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

/** The part of FileHandle that `write` uses (tests hand over handles that write a few bytes at a time). */
export type WriteHandle = Pick<FileHandle, 'write' | 'sync' | 'close'>;

/** The real file system, its files opened with `openFile` (Node's `open`). */
export function fileSystem(openFile: (path: string, flags: 'wx') => Promise<WriteHandle> = open): OutputFs {
  return {
    stat: (path) => stat(path),
    access: (path, mode) => access(path, mode),
    realpath: (path) => realpath(path),
    async write(path, parts) {
      const file = await openFile(path, 'wx');
      try {
        // Texts are encoded into one reused buffer and written a megabyte at a time: many small
        // texts (the JSON in pieces) make neither many writes nor a large buffer per text.
        const buffer = Buffer.allocUnsafe(WRITE_BYTES);
        let used = 0;
        for (const part of parts) {
          const text = typeof part === 'string';
          if (used > 0 && (!text || used + part.length * 3 > WRITE_BYTES)) {
            await writeAll(file, buffer.subarray(0, used));
            used = 0;
          }
          if (text && part.length * 3 <= WRITE_BYTES) used += buffer.write(part, used);
          else await writeAll(file, text ? Buffer.from(part) : part);
        }
        if (used > 0) await writeAll(file, buffer.subarray(0, used));
        await file.sync();
      } finally {
        await file.close();
      }
    },
    rename: (from, to) => rename(from, to),
    unlink: (path) => unlink(path),
  };
}

export const nodeFs: OutputFs = fileSystem();

/**
 * Writes every byte: a write may take fewer bytes than it is given (Node's fs documentation,
 * filehandle.write: the promise is fulfilled with `bytesWritten`, and "it is unsafe to use
 * filehandle.write() multiple times on the same file without waiting for the promise to be
 * fulfilled (or rejected)", so the writes follow each other). A write that takes none, without an
 * error, is refused rather than retried for ever.
 */
async function writeAll(file: WriteHandle, bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.length; ) {
    const { bytesWritten } = await file.write(bytes, at, bytes.length - at);
    if (!(bytesWritten > 0)) throw new WriteStalled();
    at += bytesWritten;
  }
}

/** A write that took no byte and gave no error. */
class WriteStalled extends Error {}

/** Bytes of text collected before one write to the file. */
const WRITE_BYTES = 1 << 20;

/** An output: the option that named it, its path, and what to write there. */
export interface Output {
  option: '--out' | '--json';
  path: string;
}

/** Why an output cannot be written, as the sentence the user reads; null when all is well. */
export async function checkOutputs(outputs: readonly Output[], inputs: readonly string[], lang: Lang, fs: OutputFs = nodeFs): Promise<string | null> {
  const text = words(lang).cli;
  const inputFiles = await Promise.all(inputs.map((path) => identity(path, fs)));
  const seen: { output: Output; real: string; file: FileId | null }[] = [];
  for (const output of outputs) {
    const file = await identity(output.path, fs);
    if (file?.folder) return text.outputProblem(output.option, output.path, text.output.isFolder);
    const real = file ? file.real : join(await realFolder(output.path, fs), basename(output.path));
    if (inputFiles.some((input) => input !== null && (input.real === real || (file !== null && sameFile(input, file))))) {
      return text.wouldOverwrite(output.option, output.path);
    }
    if (seen.some((other) => other.real === real || (file !== null && other.file !== null && sameFile(other.file, file)))) return text.sameOutput(output.path);
    if (!file) {
      const problem = await folderProblem(output.path, fs, lang);
      if (problem) return text.outputProblem(output.option, output.path, problem);
    }
    seen.push({ output, real, file });
  }
  return null;
}

interface FileId {
  dev: number;
  ino: number;
  folder: boolean;
  real: string;
}

/** The file at a path (following links), or null when there is none. */
async function identity(path: string, fs: OutputFs): Promise<FileId | null> {
  try {
    const info = await fs.stat(path);
    return { dev: info.dev, ino: info.ino, folder: info.isDirectory(), real: await fs.realpath(path) };
  } catch {
    return null;
  }
}

function sameFile(a: FileId, b: FileId): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** The real path of the output's folder (as given when it cannot be resolved). */
async function realFolder(path: string, fs: OutputFs): Promise<string> {
  try {
    return await fs.realpath(dirname(resolve(path)));
  } catch {
    return dirname(resolve(path));
  }
}

/** Why a new file cannot be made in the output's folder, or null. */
async function folderProblem(path: string, fs: OutputFs, lang: Lang): Promise<string | null> {
  const output = words(lang).cli.output;
  const folder = dirname(path);
  let info;
  try {
    info = await fs.stat(folder);
  } catch {
    return output.noFolder(folder);
  }
  if (!info.isDirectory()) return output.notFolder(folder);
  try {
    await fs.access(folder, constants.W_OK);
  } catch {
    return output.readOnly(folder);
  }
  return null;
}

/** Thrown by writeOutputs with the sentence for the user (nothing was replaced). */
export class OutputError extends Error {}

/**
 * Writes each output to a temporary file beside it, then renames them all over their targets.
 * On a failure the temporary files are removed and OutputError says why.
 */
export async function writeOutputs(outputs: readonly (Output & { parts: () => Iterable<Uint8Array | string> })[], lang: Lang, fs: OutputFs = nodeFs): Promise<void> {
  const text = words(lang).cli;
  const temporary: string[] = [];
  try {
    for (const output of outputs) {
      const temp = join(dirname(output.path), `.${basename(output.path)}.${randomBytes(6).toString('hex')}.winback-tmp`);
      temporary.push(temp);
      try {
        await fs.write(temp, output.parts());
      } catch (error) {
        throw new OutputError(text.outputProblem(output.option, output.path, reason(error, dirname(output.path), lang)));
      }
    }
    for (const [i, output] of outputs.entries()) {
      try {
        await fs.rename(temporary[i]!, output.path);
      } catch (error) {
        throw new OutputError(text.outputProblem(output.option, output.path, reason(error, dirname(output.path), lang)));
      }
      temporary[i] = '';
    }
  } finally {
    for (const temp of temporary) if (temp) await fs.unlink(temp).catch(() => undefined);
  }
}

/** A file system error in the user's words. */
function reason(error: unknown, folder: string, lang: Lang): string {
  const output = words(lang).cli.output;
  if (error instanceof WriteStalled) return output.stalled;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return output.diskFull;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return output.readOnly(folder);
  if (code === 'ENOENT') return output.noFolder(folder);
  if (code === 'EISDIR') return output.isFolder;
  return (error as Error).message;
}
