/**
 * Runs `task` now and then every `intervalMs`, never two at once: a run that outlasts the interval makes
 * the next one wait for the following tick rather than overlap. A failing run is reported and the schedule
 * goes on. Returns a function that stops it.
 */
export function every(intervalMs: number, task: () => Promise<void>, onError: (error: unknown) => void): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    task()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return () => clearInterval(timer);
}
