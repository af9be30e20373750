/**
 * A saved write model of one account: its state at `revision`, sealed (encrypted) by the
 * caller with the account's data key. `shape` names the state's shape (the fold that made
 * it); a reader ignores a snapshot of another shape. Never the source of truth: the
 * account's stream is, and a snapshot may always be thrown away.
 */
export interface StoredSnapshot {
  accountId: string;
  /** Revision of the last event folded into the state. */
  revision: number;
  shape: string;
  sealed: Buffer;
}

/** At most one snapshot per account. */
export interface SnapshotStore {
  get(accountId: string): Promise<StoredSnapshot | null>;
  /**
   * Keeps the snapshot unless one of the same shape at a later revision is stored already
   * (two processes may save the same account; the later fold wins, whoever writes last).
   */
  save(snapshot: StoredSnapshot): Promise<void>;
  /** Idempotent; erasure drops an account's snapshot with its data key. */
  delete(accountId: string): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
