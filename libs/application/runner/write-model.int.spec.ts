import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { AccountEvent } from '@warden/account/account.events';
import { evolve, initialState, type AccountState } from '@warden/account/account.state';
import { DataKeyring } from '@warden/infrastructure/crypto/data-keyring';
import { AccountEventCodec } from '@warden/infrastructure/event-codec/account-event.codec';
import { accountStream } from '@warden/infrastructure/event-codec/account-streams';
import { SqliteKeyStore } from '@warden/infrastructure/keys/sqlite-key-store';
import { AccountSnapshots } from '@warden/infrastructure/snapshots/account-snapshots';
import { SqliteSnapshotStore } from '@warden/infrastructure/snapshots/sqlite-snapshot-store';
import { accountHistoryArbitrary } from './testing/event-arbitraries';
import { MASTER_KEY, openReplica, TEST_META, type Replica } from './testing/replica';

const T0 = Date.UTC(2026, 0, 1);
const timeOf = (i: number) => new Date(T0 + i * 1000).toISOString();
const fold = (from: AccountState, events: AccountEvent[], firstIndex = 0) =>
  events.reduce((state, event, i) => evolve(state, event, { occurredAt: timeOf(firstIndex + i) }), from);

describe('write-model snapshots', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'warden-write-model-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('sealed snapshot + tail fold == full fold (property)', () => {
    let keys: SqliteKeyStore;
    let store: SqliteSnapshotStore;
    let keyring: DataKeyring;
    let snapshots: AccountSnapshots;
    beforeAll(() => {
      keys = new SqliteKeyStore(join(dir, 'property', 'keys.db'));
      store = new SqliteSnapshotStore(join(dir, 'property', 'snapshots.db'));
      keyring = new DataKeyring(keys, MASTER_KEY);
      snapshots = new AccountSnapshots(store, keyring);
    });
    afterAll(async () => {
      await store.close();
      await keys.close();
    });

    it('holds for random histories cut anywhere', async () => {
      await fc.assert(
        fc.asyncProperty(accountHistoryArbitrary(40), fc.nat(), async (events, cutAt) => {
          const accountId = randomUUID();
          await keyring.create(accountId);
          const cut = cutAt % (events.length + 1);
          await snapshots.save(accountId, { state: fold(initialState(), events.slice(0, cut)), revision: cut - 1, hash: 'h' });

          const loaded = await snapshots.load(accountId);

          expect(loaded?.revision).toBe(cut - 1);
          expect(fold(loaded!.state, events.slice(cut), cut)).toStrictEqual(fold(initialState(), events));
        }),
        { numRuns: 150 },
      );
    });
  });

  describe('through the repository, across a restart', () => {
    const EVERY = 4;
    const fullFold = async (replica: Replica, accountId: string) => {
      const codec = new AccountEventCodec(replica.keyring);
      let state = initialState();
      for (const recorded of await replica.events.readStream(accountStream(accountId))) {
        const { event, occurredAt } = await codec.decode(recorded);
        state = evolve(state, event, { occurredAt });
      }
      return state;
    };
    /** Appends as the runner does: on the loaded revision, keeping the state the events lead to. */
    const appendAsRunner = async (replica: Replica, accountId: string, events: AccountEvent[], occurredAt: string) => {
      const { state, revision } = await replica.repository.load(accountId);
      const after = events.reduce((s, e) => evolve(s, e, { occurredAt }), state);
      await replica.repository.append(accountId, events, revision, { ...TEST_META, causationId: 'c', occurredAt }, after);
    };
    /** Revisions a fresh process reads to load the account. */
    const eventsReadByColdLoad = async (accountId: string) => {
      const fresh = openReplica(dir, { snapshotEvery: EVERY });
      const read = jest.spyOn(fresh.events, 'readStream');
      const loaded = await fresh.repository.load(accountId);
      const tail = (await Promise.all(read.mock.results.map((r) => r.value))).flat();
      const full = await fullFold(fresh, accountId);
      await fresh.close();
      return { loaded, tail, full };
    };

    it('gives the same state from the cache, from a snapshot after a restart, and from a full fold', async () => {
      await fc.assert(
        fc.asyncProperty(accountHistoryArbitrary(30), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 30, maxLength: 30 }), async (events, chunks) => {
          const accountId = randomUUID();
          const before = openReplica(dir, { snapshotEvery: EVERY });
          for (let from = 0, i = 0; from < events.length; from += chunks[i++]) {
            await appendAsRunner(before, accountId, events.slice(from, from + chunks[i]), timeOf(from));
          }
          const cached = await before.repository.load(accountId);
          expect(cached.state).toStrictEqual(await fullFold(before, accountId));
          await before.close();

          const { loaded, tail, full } = await eventsReadByColdLoad(accountId);

          expect(loaded).toStrictEqual(cached);
          expect(loaded.state).toStrictEqual(full);
          // At most EVERY - 1 events after the last snapshot, plus the rest of one append.
          expect(tail.length).toBeLessThanOrEqual(EVERY - 1 + 2);
        }),
        { numRuns: 25 },
      );
    });
  });

  describe('a snapshot is only ever a shortcut', () => {
    let replica: Replica;
    let accountId: string;
    let stored: SqliteSnapshotStore;
    beforeAll(async () => {
      replica = openReplica(join(dir, 'shortcut'), { snapshotEvery: 2, cacheSize: 0 });
      stored = new SqliteSnapshotStore(join(dir, 'shortcut', 'snapshots.db'));
      accountId = randomUUID();
      const history = fc.sample(accountHistoryArbitrary(6), { numRuns: 1, seed: 42 })[0];
      for (const event of [...history, { type: 'DisplayNameChanged', data: { displayName: 'Ann' } } as AccountEvent]) {
        const { revision } = await replica.repository.load(accountId);
        await replica.repository.append(accountId, [event], revision, { ...TEST_META, causationId: 'c', occurredAt: timeOf(0) });
      }
      await replica.repository.load(accountId);
    });
    afterAll(async () => {
      await stored.close();
      await replica.close();
    });

    it('is stored sealed: no personal field can be read from it', async () => {
      const snapshot = await stored.get(accountId);
      expect(snapshot).not.toBeNull();
      expect(snapshot!.sealed.toString('latin1')).not.toContain('"displayName"');
    });

    it('is ignored when the fold changed shape, or the bytes were altered', async () => {
      const snapshot = (await stored.get(accountId))!;
      const otherShape = new AccountSnapshots(stored, replica.keyring, 'v999:changed');
      expect(await otherShape.load(accountId)).toBeNull();

      const sealed = Buffer.from(snapshot.sealed);
      sealed[sealed.length - 1] ^= 1;
      await stored.save({ ...snapshot, revision: snapshot.revision + 1000, sealed });
      const snapshots = new AccountSnapshots(stored, replica.keyring);
      expect(await snapshots.load(accountId)).toBeNull();
      // The repository folds the stream instead: same state as before.
      expect((await replica.repository.load(accountId)).state.displayName).toBe('Ann');
    });

    it('is used only while the stream still holds the event it ends with', async () => {
      const { revision } = await replica.repository.load(accountId);
      const snapshots = new AccountSnapshots(stored, replica.keyring);
      const forged = { ...initialState(), exists: true, status: 'active' as const, displayName: 'Forged' };
      // Sealed with the right key, but of another history (or of a stream restored from an older backup).
      await stored.delete(accountId);
      await snapshots.save(accountId, { state: forged, revision: Number(revision), hash: 'not-this-stream' });
      expect((await stored.get(accountId))?.revision).toBe(revision);
      expect((await replica.repository.load(accountId)).state.displayName).toBe('Ann');
      await snapshots.save(accountId, { state: forged, revision: Number(revision) + 5, hash: 'ahead-of-the-stream' });
      expect((await replica.repository.load(accountId)).state.displayName).toBe('Ann');
    });

    it('is dropped by erasure, and unreadable once the data key is destroyed', async () => {
      await replica.repository.load(accountId); // snapshots again after the tampering above
      const snapshots = new AccountSnapshots(stored, replica.keyring);
      expect(await snapshots.load(accountId)).not.toBeNull();
      await replica.keyring.destroy(accountId, new Date());
      expect(await snapshots.load(accountId)).toBeNull();

      await replica.repository.forget(accountId);
      expect(await stored.get(accountId)).toBeNull();
    });
  });
});
