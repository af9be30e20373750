import type { AccountState } from '@warden/account/account.state';
import { open, seal } from '../crypto/aead';
import type { DataKeyring } from '../crypto/data-keyring';
import { currentSnapshotShape } from './snapshot-shape';
import type { SnapshotStore } from './snapshot-store.port';

export interface AccountSnapshot {
  state: AccountState;
  /** Revision of the last event folded into the state. */
  revision: number;
  /** That event's chain hash, so a reader can check the stream still holds it. */
  hash: string;
}

/**
 * Write-model snapshots sealed with the account's own data key (AES-256-GCM, the account
 * id and revision as associated data), so crypto-shredding covers them like the events:
 * once the key is destroyed a snapshot is noise. A snapshot of another shape, one that
 * does not open, or one whose key is gone is simply not used: the caller folds the stream.
 */
export class AccountSnapshots {
  constructor(
    private readonly store: SnapshotStore,
    private readonly keyring: DataKeyring,
    readonly shape: string = currentSnapshotShape(),
  ) {}

  async load(accountId: string): Promise<AccountSnapshot | null> {
    const stored = await this.store.get(accountId);
    if (!stored || stored.shape !== this.shape) return null;
    const key = await this.keyring.get(accountId);
    if (key?.state !== 'active') return null;
    let sealed: { state: AccountState; hash: string };
    try {
      sealed = JSON.parse(open(key.key, stored.sealed, associatedData(accountId, stored.revision, this.shape)).toString('utf8'));
    } catch {
      // Altered, or sealed with a key this account no longer has: useless, and it would keep
      // a good snapshot at an earlier revision from replacing it. The stream holds everything.
      await this.drop(accountId);
      return null;
    }
    return { state: sealed.state, revision: stored.revision, hash: sealed.hash };
  }

  async save(accountId: string, snapshot: AccountSnapshot): Promise<void> {
    const key = await this.keyring.get(accountId);
    if (key?.state !== 'active') return;
    const plain = Buffer.from(JSON.stringify({ state: snapshot.state, hash: snapshot.hash }), 'utf8');
    const sealed = seal(key.key, plain, associatedData(accountId, snapshot.revision, this.shape));
    await this.store.save({ accountId, revision: snapshot.revision, shape: this.shape, sealed });
  }

  drop(accountId: string): Promise<void> {
    return this.store.delete(accountId);
  }
}

/** Binds the ciphertext to its account, revision and shape: a row edited to claim another cannot open. */
const associatedData = (accountId: string, revision: number, shape: string) => `snapshot:${accountId}:${revision}:${shape}`;
