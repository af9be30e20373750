/**
 * In-process wake-ups by key: an attempt waiting for a place under a key is woken as soon
 * as an attempt of this process settles there. Attempts settled by other processes are
 * seen by the waiter's next look, after at most `timeoutMs`.
 */
export class SettleSignals {
  private readonly waiters = new Map<string, Set<() => void>>();

  /** Resolves at the next signal for `key`, or after `timeoutMs`, whichever comes first. */
  next(key: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const waiting = this.waiters.get(key) ?? new Set<() => void>();
      this.waiters.set(key, waiting);
      const wake = () => {
        clearTimeout(timer);
        waiting.delete(wake);
        if (waiting.size === 0 && this.waiters.get(key) === waiting) this.waiters.delete(key);
        resolve();
      };
      const timer = setTimeout(wake, Math.max(0, timeoutMs));
      waiting.add(wake);
    });
  }

  signal(key: string): void {
    for (const wake of [...(this.waiters.get(key) ?? [])]) wake();
  }
}
