import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataKeyring } from '@warden/infrastructure/crypto/data-keyring';
import { AccountEventCodec } from '@warden/infrastructure/event-codec/account-event.codec';
import { SqliteEventStore } from '@warden/infrastructure/event-store/sqlite-event-store';
import { SqliteKeyStore } from '@warden/infrastructure/keys/sqlite-key-store';
import { SqliteReadStore } from '@warden/infrastructure/read-store/sqlite-read-store';

/** The embedded stores of a projection test, on fresh files in a temp dir of their own. */
export interface EmbeddedStores {
  dir: string;
  events: SqliteEventStore;
  keys: SqliteKeyStore;
  keyring: DataKeyring;
  codec: AccountEventCodec;
  store: SqliteReadStore;
  /** Closes every store and removes the dir. */
  close(): Promise<void>;
}

export function openEmbeddedStores(label: string, masterKey: Buffer = Buffer.alloc(32, 9)): EmbeddedStores {
  const dir = mkdtempSync(join(tmpdir(), `warden-${label}-`));
  const events = new SqliteEventStore(join(dir, 'events.db'));
  const keys = new SqliteKeyStore(join(dir, 'keys.db'));
  const keyring = new DataKeyring(keys, masterKey);
  const store = new SqliteReadStore(join(dir, 'read-models.db'));
  return {
    dir,
    events,
    keys,
    keyring,
    codec: new AccountEventCodec(keyring),
    store,
    async close() {
      await store.close();
      await keys.close();
      await events.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
