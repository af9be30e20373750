import { join } from 'node:path';
import type { DataKeyring } from '@warden/infrastructure/crypto/data-keyring';
import { AccountEventCodec } from '@warden/infrastructure/event-codec/account-event.codec';
import type { EventStore } from '@warden/infrastructure/event-store/event-store.port';
import { AccountSnapshots } from '@warden/infrastructure/snapshots/account-snapshots';
import { SqliteSnapshotStore } from '@warden/infrastructure/snapshots/sqlite-snapshot-store';
import { AccountRepository } from '../account.repository';

export interface EmbeddedRepository {
  repository: AccountRepository;
  snapshotStore: SqliteSnapshotStore;
  close(): Promise<void>;
}

/**
 * An AccountRepository as one process has it, over a given event store and keyring, with
 * its snapshots in `dir/snapshots.db`. Two of these on one directory are two processes'
 * worth of caches over the same stores.
 */
export function embeddedRepository(
  events: EventStore,
  keyring: DataKeyring,
  dir: string,
  writeModel: { cacheSize?: number; snapshotEvery?: number } = {},
): EmbeddedRepository {
  const snapshotStore = new SqliteSnapshotStore(join(dir, 'snapshots.db'));
  const repository = new AccountRepository(events, new AccountEventCodec(keyring), new AccountSnapshots(snapshotStore, keyring), {
    writeModel: { cacheSize: writeModel.cacheSize ?? 100, snapshotEvery: writeModel.snapshotEvery ?? 100 },
  });
  return { repository, snapshotStore, close: () => snapshotStore.close() };
}
