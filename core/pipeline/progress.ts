/** Progress of a long run, for a progress bar: the stage and its counts (rows read, steps written). */
export interface Progress {
  stage: 'read' | 'analyze' | 'report' | 'write';
  done: number;
  total: number;
}
