/**
 * Lets a long-running loop sleep without delaying shutdown: stop() (or wake()) cuts the
 * pending sleep short, so a stopped subscription never waits out its poll interval.
 */
export class StopSignal {
  private isStopped = false;
  /** A wake() that came while nobody slept still shortens the next sleep. */
  private wakePending = false;
  private readonly sleepers = new Set<() => void>();

  get stopped(): boolean {
    return this.isStopped;
  }

  sleep(ms: number): Promise<void> {
    if (this.isStopped || this.wakePending) {
      this.wakePending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }

  /** Ends the pending sleep early, e.g. when this process has just appended. */
  wake(): void {
    if (this.sleepers.size === 0) this.wakePending = true;
    for (const done of [...this.sleepers]) done();
  }

  stop(): void {
    this.isStopped = true;
    this.wake();
  }
}
