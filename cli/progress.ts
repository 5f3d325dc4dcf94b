/**
 * The progress line on stderr (SPEC §9): one line per stage, with the elapsed seconds, so a long
 * run shows it is alive; nothing with --quiet.
 */
export interface ProgressLine {
  stage(text: string): void;
  done(text: string): void;
}

export function stderrProgress(quiet: boolean, write: (text: string) => void = (t) => process.stderr.write(t)): ProgressLine {
  const started = performance.now();
  const stamp = () => `[${((performance.now() - started) / 1000).toFixed(1)} s]`;
  return {
    stage: (text) => quiet || write(`${stamp()} ${text}\n`),
    done: (text) => quiet || write(`${stamp()} ${text}\n`),
  };
}
