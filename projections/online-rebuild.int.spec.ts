import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AccountEventCodec, DecodedAccountEvent } from '@warden/infrastructure/event-codec/account-event.codec';
import { SqliteReadStore } from '@warden/infrastructure/read-store/sqlite-read-store';
import { ACCOUNT_PROJECTIONS } from './account-projections';
import { ACCOUNTS } from './accounts/account-view';
import { rebuildOnline } from './online-rebuild';
import { ReadStoreLease } from './projection-lease';
import { ProjectorRunner } from './projector-runner';
import { cleanAccountReadModels, snapshotAccountReadModels } from './testing/account-read-models';
import { type EmbeddedStores, openEmbeddedStores } from './testing/embedded-stores';
import { seedAccounts } from './testing/realistic-history';

describe('rebuild without downtime (SQLite)', () => {
  let stores: EmbeddedStores;
  let events: EmbeddedStores['events'];
  let codec: EmbeddedStores['codec'];
  let store: EmbeddedStores['store'];

  beforeEach(() => {
    stores = openEmbeddedStores('online-rebuild');
    ({ events, codec, store } = stores);
  });

  afterEach(() => stores.close());

  const leased = () => ({ lease: new ReadStoreLease(store, { ttlMs: 2000 }), batchSize: 40, pollIntervalMs: 200, onError: () => undefined });
  const deps = () => ({ events, store, projections: ACCOUNT_PROJECTIONS, decode: (e: Parameters<AccountEventCodec['decode']>[0]) => codec.decode(e) });

  it('builds beside the live projector while it keeps serving, switches, drops the old version, and the projector carries on', async () => {
    const live = new ProjectorRunner<DecodedAccountEvent>(deps(), leased());
    await live.start();
    try {
      await seedAccounts(events, codec, 40);
      expect(await live.waitFor((await events.headPosition())!, 20_000)).toBe(true);
      const servedBefore = await store.collection(ACCOUNTS).count({});
      // Damage the live model: only the rebuilt version can repair it.
      await store.collection(ACCOUNTS).put({ id: 'orphan', _position: '00000000000000000001' });

      // Readers and writers keep going during the rebuild.
      let reading = true;
      const served: number[] = [];
      const reader = (async () => {
        while (reading) {
          served.push(await store.collection(ACCOUNTS).count({}));
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      })();
      const rebuilding = rebuildOnline(deps(), undefined, leased());
      await seedAccounts(events, codec, 5);
      const rebuilt = await rebuilding;
      reading = false;
      await reader;

      expect(rebuilt.map((r) => r.name)).toEqual(ACCOUNT_PROJECTIONS.map((p) => p.name));
      // No moment without the read model: every read saw at least what was there before.
      expect(served.length).toBeGreaterThan(0);
      expect(Math.min(...served)).toBeGreaterThanOrEqual(servedBefore);
      // The live projector was fenced and continues from the rebuilt version's checkpoint.
      await seedAccounts(events, codec, 3);
      expect(await live.waitFor((await events.headPosition())!, 20_000)).toBe(true);
    } finally {
      await live.stop();
    }
    const model = await snapshotAccountReadModels(store);
    expect(model[ACCOUNTS].some((doc) => doc.id === 'orphan')).toBe(false);
    expect(model).toEqual(await cleanAccountReadModels(events, stores.keyring, new SqliteReadStore(join(stores.dir, 'clean.db'))));

    // The old version is gone, and the new one sits under the live names, indexes included.
    const raw = new Database(join(stores.dir, 'read-models.db'), { readonly: true });
    const names = (raw.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table', 'index')`).all() as { name: string }[]).map((r) => r.name);
    raw.close();
    expect(names.filter((name) => name.includes('__next'))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['rm_accounts', 'ix_rm_accounts_emailNormalized', 'ix_rm_sessions_tokenHash']));
  }, 120_000);
});
