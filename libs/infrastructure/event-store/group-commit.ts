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
 */
export class GroupCommit<T, R> {
  private pending: Pending<T, R>[] = [];
  private scheduled: NodeJS.Immediate | null = null;

  /** `commitBatch` runs synchronously and returns one outcome per item, in order. */
  constructor(private readonly commitBatch: (items: T[]) => ItemOutcome<R>[]) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      // After the I/O callbacks of this turn: every request that reached its append by then joins.
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Commits what is waiting now (before a close). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let outcomes: ItemOutcome<R>[];
    try {
      outcomes = this.commitBatch(batch.map((p) => p.item));
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) p.resolve(outcome.value);
      else p.reject(outcome.error);
    });
  }
}
