import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { open, seal } from './aead';
import { deriveKey } from './master-key';
import type { KeyStore } from '../keys/key-store.port';

export type DataKey = { state: 'active'; key: Buffer } | { state: 'destroyed' };

/**
 * Per-account data keys, stored wrapped by the master key. Unwrapped keys are cached
 * briefly: another process destroying a key is seen here within CACHE_MS, while this
 * process's own destruction is seen at once. The cache keeps the most recently used keys
 * (a rebuild over more accounts than it holds evicts the oldest, rather than starting
 * over and unwrapping every key again).
 */
export class DataKeyring {
  private static readonly CACHE_MS = 30_000;
  private static readonly CACHE_KEYS = 10_000;
  private readonly wrapKey: Buffer;
  private readonly cache = new LRUCache<string, DataKey>({ max: DataKeyring.CACHE_KEYS, ttl: DataKeyring.CACHE_MS });

  constructor(
    private readonly store: KeyStore,
    masterKey: Buffer,
  ) {
    this.wrapKey = deriveKey(masterKey, 'key-wrap');
  }

  /** Mints the account's key; refused by the store if one exists or was ever destroyed. */
  async create(accountId: string): Promise<Buffer> {
    const key = randomBytes(32);
    await this.store.create(accountId, seal(this.wrapKey, key, accountId));
    this.remember(accountId, { state: 'active', key });
    return key;
  }

  /**
   * `fresh` skips the cache: a reader about to show an `AccountDeleted` must not decrypt with
   * a key another process has destroyed since this one cached it.
   */
  async get(accountId: string, options: { fresh?: boolean } = {}): Promise<DataKey | null> {
    const cached = this.cache.get(accountId);
    if (cached && !(options.fresh && cached.state === 'active')) return cached;
    const stored = await this.store.get(accountId);
    if (!stored) return null;
    const value: DataKey =
      stored.state === 'active' ? { state: 'active', key: open(this.wrapKey, stored.wrappedKey, accountId) } : { state: 'destroyed' };
    this.remember(accountId, value);
    return value;
  }

  async destroy(accountId: string, at: Date): Promise<void> {
    await this.store.destroy(accountId, at);
    this.remember(accountId, { state: 'destroyed' });
  }

  private remember(accountId: string, value: DataKey): void {
    this.cache.set(accountId, value);
  }
}
