import { randomBytes } from 'node:crypto';
import type { KeyStore, StoredKey } from '../keys/key-store.port';
import { DataKeyring } from './data-keyring';

/** A key store in memory that counts its reads (the keyring sits above the port). */
function countingStore(): KeyStore & { reads: string[] } {
  const keys = new Map<string, StoredKey>();
  return {
    reads: [],
    async create(accountId, wrappedKey) {
      keys.set(accountId, { state: 'active', wrappedKey });
    },
    async get(accountId) {
      this.reads.push(accountId);
      return keys.get(accountId) ?? null;
    },
    async destroy(accountId) {
      keys.set(accountId, { state: 'destroyed' } as StoredKey);
    },
    async ping() {},
    async close() {},
  };
}

describe('DataKeyring cache', () => {
  it('keeps a key in use while more accounts than it holds pass through (it evicts the least recently used)', async () => {
    const store = countingStore();
    const keyring = new DataKeyring(store, randomBytes(32));
    await keyring.create('hot');
    for (let i = 0; i < 12_000; i++) {
      await keyring.create(`account-${i}`);
      // The account a rebuild keeps coming back to (its events spread through the log).
      if (i % 100 === 0) await keyring.get('hot');
    }
    await keyring.get('hot');
    await keyring.get('account-11999');
    expect(store.reads).toEqual([]);
    await keyring.get('account-0');
    expect(store.reads).toEqual(['account-0']);
  });
});
