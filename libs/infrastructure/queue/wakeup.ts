/**
 * A sleep that local events can cut short (a freed slot, a job enqueued in this process,
 * close()), so polling only matters for work arriving from other processes.
 */
export class Wakeup {
  private pending?: () => void;
  private signalled = false;

  sleep(ms: number): Promise<void> {
    if (this.signalled) {
      // A wake() that came while we were busy must not be lost.
      this.signalled = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.pending = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.pending = done;
    });
  }

  wake(): void {
    if (this.pending) this.pending();
    else this.signalled = true;
  }
}
