/**
 * Keeping the task pane responsive during long work in the page: `pace()` resolves at once while
 * the page has worked for less than `sliceMs` since it last let other tasks run (timers, messages,
 * input), and otherwise after a timer — so no stretch of work is much longer than a slice. Excel
 * restarts an add-in whose runtime does not answer for about 5 seconds; a slice of 50 ms keeps the
 * pane's own longest block well under 200 ms.
 *
 * Example: writing a 10,000-row tab builds its cells 1,000 rows at a time and calls `pace()` after
 * each chunk: whenever 50 ms have gone by, the page gets a turn.
 */
export function pacer(sliceMs = 50): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    since = performance.now();
  };
}
