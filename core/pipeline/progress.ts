/** Progress of a long run, for a progress bar: the stage and its counts (rows read, steps written). */
export interface Progress {
  stage: 'read' | 'analyze' | 'report' | 'write';
  done: number;
  total: number;
  /**
   * Set by a host whose runs normally work off the page (Excel's pipeline worker) when this run
   * fell back to working in the page: the pane may answer slowly until the run ends. The panel
   * says so under the progress bar.
   */
  inPage?: true;
}
