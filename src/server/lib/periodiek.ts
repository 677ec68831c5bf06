/**
 * Runs `taak` every `intervalMs` in the background, one run at a time (a slow run delays the next, it
 * never overlaps it); errors go to `log`. The timer never keeps the process alive; `stop()` waits for a
 * run in progress.
 */
export function periodiek(taak: () => Promise<unknown>, intervalMs: number, log?: (e: unknown) => void): { stop(): Promise<void> } {
  let bezig: Promise<unknown> = Promise.resolve();
  let gestopt = false;
  const timer = setInterval(() => {
    if (gestopt) return;
    bezig = bezig.then(() => taak().catch((e) => log?.(e)));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      gestopt = true;
      clearInterval(timer);
      await bezig;
    },
  };
}
