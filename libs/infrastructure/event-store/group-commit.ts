/** One item's fate within a committed batch: its result, or the error that refused it alone. */
export type ItemOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Pending<T, R> {
  item: T;
  resolve(value: R): void;
  reject(error: unknown): void;
}

/**
 * Group commit: the items submitted during one turn of the event loop are written in one
 * transaction, so concurrent appends share one fsync instead of paying one each. Each item
 * is still acknowledged only after that transaction has committed (durability unchanged),
 * and each can fail on its own (a savepoint per item) without failing its neighbours. If
 * the commit itself fails, every item of the batch fails with it.
 *
 * The commit may run elsewhere (a writer thread) and answer later: one batch is then in
 * flight at a time, and what arrives meanwhile waits to form the next batch, which grows
 * with the load instead of adding transactions.
 */
export class GroupCommit<T, R> {
  private pending: Pending<T, R>[] = [];
  private scheduled: NodeJS.Immediate | null = null;
  private inFlight: Promise<void> | null = null;

  /** `commitBatch` returns one outcome per item, in order (at once, or once committed). */
  constructor(private readonly commitBatch: (items: T[]) => ItemOutcome<R>[] | Promise<ItemOutcome<R>[]>) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Commits what is waiting now (before a close); resolves when no batch is left in flight. */
  async flush(): Promise<void> {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    while (this.inFlight || this.pending.length > 0) {
      if (this.inFlight) await this.inFlight;
      else this.commitWaiting();
    }
  }

  private schedule(): void {
    // After the I/O callbacks of this turn: every request that reached its append by then joins.
    if (!this.inFlight) this.scheduled ??= setImmediate(() => this.commitWaiting());
  }

  private commitWaiting(): void {
    this.scheduled = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let outcomes: ItemOutcome<R>[] | Promise<ItemOutcome<R>[]>;
    try {
      outcomes = this.commitBatch(batch.map((p) => p.item));
    } catch (error) {
      fail(batch, error);
      return;
    }
    if (!(outcomes instanceof Promise)) {
      settle(batch, outcomes);
      return;
    }
    this.inFlight = outcomes.then(
      (landed) => settle(batch, landed),
      (error: unknown) => fail(batch, error),
    );
    void this.inFlight.finally(() => {
      this.inFlight = null;
      if (this.pending.length > 0) this.schedule();
    });
  }
}

function settle<T, R>(batch: Pending<T, R>[], outcomes: ItemOutcome<R>[]): void {
  batch.forEach((p, i) => {
    const outcome = outcomes[i];
    if (outcome.ok) p.resolve(outcome.value);
    else p.reject(outcome.error);
  });
}

function fail<T, R>(batch: Pending<T, R>[], error: unknown): void {
  for (const p of batch) p.reject(error);
}
