/**
 * Runs `work` and answers no sooner than `floorMs` after the start, whatever happened:
 * the always-202 endpoints (reset, resend, recovery) then take the same time for a known
 * and an unknown address, which is what keeps them from revealing which is which.
 */
export async function withUniformTiming<T>(floorMs: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    await noSoonerThan(started, floorMs);
  }
}

/** Waits until `floorMs` have passed since `started` (performance.now() at the start), if they have not. */
export async function noSoonerThan(started: number, floorMs: number): Promise<void> {
  const remaining = floorMs - (performance.now() - started);
  if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
}
