import { LRUCache } from 'lru-cache';
import type { AccountState } from '@warden/account/account.state';

export interface CachedAccount {
  state: AccountState;
  /** Revision of the last event folded into the state. */
  revision: number;
  /** That event's chain hash: the stream must still hold exactly it for the entry to be used. */
  hash: string;
  /** Revision of the newest snapshot known to be stored; -1 when none is. */
  snapshotRevision: number;
}

/**
 * The write models of the most recently used accounts, at their revision. Never trusted
 * alone: every load reads the events after the cached revision, so a write by another
 * process is folded in before any decision. Bounded by count (LRU); `max` 0 caches nothing.
 */
export class WriteModelCache {
  private readonly entries: LRUCache<string, CachedAccount> | null;

  constructor(max: number) {
    this.entries = max > 0 ? new LRUCache<string, CachedAccount>({ max }) : null;
  }

  get(accountId: string): CachedAccount | undefined {
    return this.entries?.get(accountId);
  }

  /** Keeps the entry unless a later revision is cached already (concurrent loads may finish out of order). */
  remember(accountId: string, entry: CachedAccount): void {
    const current = this.entries?.peek(accountId);
    if (current && current.revision > entry.revision) return;
    this.entries?.set(accountId, entry);
  }

  forget(accountId: string): void {
    this.entries?.delete(accountId);
  }
}
