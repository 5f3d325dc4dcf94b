/**
 * Resolves after the page has had a chance to paint: after the next animation frame where there
 * is one (with a timer as a fallback, since hidden pages get no frames), else after a timer. The
 * panel's hosts hand it to the pipeline as the pause between stages, so the progress bar moves.
 */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    const hasFrames = typeof requestAnimationFrame === 'function';
    if (hasFrames) requestAnimationFrame(finish);
    setTimeout(finish, hasFrames ? 50 : 0);
  });
}
