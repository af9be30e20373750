/**
 * Runs tasks one at a time per key, in arrival order; different keys run side by side.
 * Commands on one account wait for each other here instead of racing to the event store,
 * where all but one would lose, reload and try again.
 */
export class KeyedQueue {
  /** The promise the next task of a key waits for; absent when the key is idle. */
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous ? previous.then(() => done) : done;
    this.tails.set(key, tail);
    try {
      if (previous) await previous;
      return await task();
    } finally {
      release();
      // Only the last task in line removes the key, so the map holds busy keys only.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Keys with a task running or waiting (for tests and metrics). */
  get busyKeys(): number {
    return this.tails.size;
  }
}
