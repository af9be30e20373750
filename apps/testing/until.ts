/**
 * Polls `probe` until it gives a value — the positive signal a test waits on — and returns
 * it; fails after `timeoutMs`, naming what never came. `intervalMs` is only the polling
 * pace: the wait ends on the signal, never on the clock.
 */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000, intervalMs = 10): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
