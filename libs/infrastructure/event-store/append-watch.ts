/**
 * Who wants to know that events may have been appended. The adapter calls `notify()` right
 * after its own appends; appends by other processes are detected by `changedElsewhere`,
 * polled while anyone listens, every `minMs` after a change and backing off to `maxMs`
 * while nothing happens (a cheap check: SQLite's data_version, no read of the log).
 *
 * Listeners hear of an append in the event loop's next check phase, not at once: called at
 * once, the in-process projector woke before the command's caller resumed and applied the
 * events to every read model before the HTTP answer was written, which put its work (some
 * milliseconds) into every command's latency. Deferred, the answer goes out first and the
 * projector still runs before the loop waits for anything else; the appends of one turn
 * (a group commit) also wake the listeners once.
 */
export class AppendWatch {
  private readonly listeners = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private delay: number;
  private pending: NodeJS.Immediate | undefined;

  constructor(
    private readonly changedElsewhere: (() => boolean) | undefined,
    private readonly minMs: number,
    private readonly maxMs: number,
  ) {
    this.delay = minMs;
  }

  add(listener: () => void): () => void {
    this.listeners.add(listener);
    this.schedule();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  notify(): void {
    this.delay = this.minMs;
    this.pending ??= setImmediate(() => {
      this.pending = undefined;
      for (const listener of [...this.listeners]) listener();
    });
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    clearImmediate(this.pending);
    this.pending = undefined;
  }

  private schedule(): void {
    if (this.timer || !this.changedElsewhere || this.listeners.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      let changed: boolean;
      try {
        changed = this.changedElsewhere?.() ?? false;
      } catch {
        changed = true; // the store is unwell: let the listeners find out by reading
      }
      if (changed) this.notify();
      else this.delay = Math.min(this.delay * 2, this.maxMs);
      this.schedule();
    }, this.delay);
    this.timer.unref();
  }
}
