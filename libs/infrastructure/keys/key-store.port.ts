/** A per-account data key, stored only wrapped (encrypted) by the master key. */
export type StoredKey =
  | { state: 'active'; wrappedKey: Buffer }
  | { state: 'destroyed'; destroyedAt: string };

export class KeyAlreadyExistsError extends Error {
  constructor(readonly accountId: string) {
    super(`a data key already exists (or existed) for account ${accountId}`);
    this.name = 'KeyAlreadyExistsError';
  }
}

/**
 * Crypto-shredding: destroying a key leaves a tombstone, so a destroyed key is never
 * minted again for that account (create refuses).
 */
export interface KeyStore {
  /** Throws KeyAlreadyExistsError if a key exists or was destroyed for the account. */
  create(accountId: string, wrappedKey: Buffer): Promise<void>;
  get(accountId: string): Promise<StoredKey | null>;
  /** Idempotent. */
  destroy(accountId: string, at: Date): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
