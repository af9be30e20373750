import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { AccountEvent } from '@warden/account/account.events';
import type { RecordedEvent } from '@warden/shared/envelope';
import { ERASED } from '@warden/infrastructure/crypto/personal-data';
import type { DecodedAccountEvent } from '@warden/infrastructure/event-codec/account-event.codec';
import { accountStream } from '@warden/infrastructure/event-codec/account-streams';
import { SqliteReadCollection } from '@warden/infrastructure/read-store/sqlite-read-collection';
import { SqliteReadStore } from '@warden/infrastructure/read-store/sqlite-read-store';
import { comparePositions, START } from '@warden/shared/position';
import { ACCOUNT_PROJECTIONS } from './account-projections';
import { ACCOUNTS } from './accounts/account-view';
import { CatchUpError } from './catch-up-error';
import { checkpointKey } from './checkpoint-key';
import { rebuildOnline } from './online-rebuild';
import type { Projection } from './projection';
import { ProjectorRunner } from './projector-runner';
import { SESSIONS } from './sessions/session-view';
import { cleanAccountReadModels, snapshotAccountReadModels } from './testing/account-read-models';
import { type EmbeddedStores, openEmbeddedStores } from './testing/embedded-stores';
import { seedAccounts } from './testing/realistic-history';

/**
 * The runner's crash, replay and rebuild guarantees, on the real read models: realistic
 * accounts (encrypted personal fields decoded by the real codec), some of them erased.
 */
describe('ProjectorRunner with the account read models (SQLite)', () => {
  let stores: EmbeddedStores;
  let dir: string;
  let events: EmbeddedStores['events'];
  let keyring: EmbeddedStores['keyring'];
  let codec: EmbeddedStores['codec'];
  let store: EmbeddedStores['store'];
  let runners: ProjectorRunner<DecodedAccountEvent>[];

  beforeEach(() => {
    stores = openEmbeddedStores('account-projections');
    ({ dir, events, keyring, codec, store } = stores);
    runners = [];
  });

  afterEach(async () => {
    for (const runner of runners) await runner.stop();
    await stores.close();
  });

  function runner(projections: readonly Projection<DecodedAccountEvent>[] = ACCOUNT_PROJECTIONS, batchSize = 50) {
    const created = new ProjectorRunner(
      { events, store, projections, decode: (e) => codec.decode(e) },
      { batchSize, rebuildBatchSize: batchSize, pollIntervalMs: 50, retryDelayMs: 20, onError: () => undefined },
    );
    runners.push(created);
    return created;
  }

  /** Deletes the account as the worker does: AccountDeleted appended, then the data key destroyed. */
  async function erase(accountId: string): Promise<void> {
    const stream = await events.readStream(accountStream(accountId), { direction: 'backwards', maxCount: 1 });
    const deleted: AccountEvent = { type: 'AccountDeleted', data: { email: 'gone@example.com', username: null } };
    const encoded = await codec.encode(accountId, [deleted], {
      occurredAt: '2026-06-01T00:00:00.000Z',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { type: 'system', id: 'deletion' },
    });
    await events.append(accountStream(accountId), encoded, stream[0].revision);
    await keyring.destroy(accountId, new Date());
  }

  const clean = () => cleanAccountReadModels(events, keyring, new SqliteReadStore(join(dir, `clean-${randomUUID()}.db`)));

  it('a projection that crashes half-way through a batch writes nothing of it; resumed, every read model equals a clean run', async () => {
    await seedAccounts(events, codec, 20); // 240 events
    const sessions = ACCOUNT_PROJECTIONS.find((p) => p.name === 'sessions')!;
    let batches = 0;
    const crashing: Projection<DecodedAccountEvent> = {
      ...sessions,
      handle: async (batch, working) => {
        if (++batches < 3) return sessions.handle(batch, working);
        await sessions.handle(batch.slice(0, Math.ceil(batch.length / 2)), working);
        throw new Error('killed half-way through the batch');
      },
    };
    const projections = ACCOUNT_PROJECTIONS.map((p) => (p === sessions ? crashing : p));

    await expect(runner(projections).catchUp()).rejects.toBeInstanceOf(CatchUpError);

    const checkpoint = (await store.getCheckpoint(checkpointKey(sessions))) ?? START;
    const written = await store.collection<{ id: string; _position: string }>(SESSIONS).find({});
    expect(written.length).toBeGreaterThan(0);
    expect(written.filter((doc) => comparePositions(doc._position, checkpoint) > 0)).toEqual([]);

    await runner().catchUp();
    expect(await snapshotAccountReadModels(store)).toEqual(await clean());
  });

  it('replaying from an earlier checkpoint (the start, the middle) changes no document', async () => {
    await seedAccounts(events, codec, 15);
    await runner().catchUp();
    const before = await snapshotAccountReadModels(store);
    const middle = (await events.readAll({ maxCount: 90 })).at(-1)!.position;

    for (const from of [START, middle]) {
      for (const p of ACCOUNT_PROJECTIONS) await store.saveCheckpoint(checkpointKey(p), from);
      await runner().catchUp();
      expect(await snapshotAccountReadModels(store)).toEqual(before);
    }
  });

  it('a rebuild gives the live read models back, erased accounts included (their keys destroyed since)', async () => {
    const live = runner();
    await live.start();
    const { accountIds } = await seedAccounts(events, codec, 15);
    for (const id of accountIds.slice(0, 3)) await erase(id);
    expect(await live.waitFor((await events.headPosition())!, 20_000)).toBe(true);
    const model = await snapshotAccountReadModels(store);
    const erasedAccount = model[ACCOUNTS].find((doc) => doc.id === accountIds[0]);
    expect(erasedAccount).toMatchObject({ status: 'deleted', email: ERASED, displayName: ERASED });
    // Damage a replay alone would not repair: a document stamped ahead, and an orphan.
    await store.collection(ACCOUNTS).put({ ...model[ACCOUNTS][5], displayName: 'tampered', _position: '99999999999999999999' });
    await store.collection(ACCOUNTS).put({ id: 'orphan', _position: START });

    await live.rebuild();
    expect(await snapshotAccountReadModels(store)).toEqual(model);
    expect(model).toEqual(await clean());
  });
  it('a rebuild, which reads nothing it never wrote, gives the same read models as a run that reads every document from the store', async () => {
    const { accountIds } = await seedAccounts(events, codec, 20);
    for (const id of accountIds.slice(0, 2)) await erase(id);
    await seedAccounts(events, codec, 5);
    const reads = jest.spyOn(SqliteReadCollection.prototype, 'get');
    const deps = (readStore: SqliteReadStore) => ({ events, store: readStore, projections: ACCOUNT_PROJECTIONS, decode: (e: RecordedEvent) => codec.decode(e) });
    try {
      // The reference: resumed from a checkpoint at the start, so nothing is known to be
      // empty and each document is read from the store; small batches, as when following live.
      const reference = new SqliteReadStore(join(dir, 'reference.db'));
      for (const p of ACCOUNT_PROJECTIONS) await reference.saveCheckpoint(checkpointKey(p), START);
      const follower = new ProjectorRunner(deps(reference), { batchSize: 7, onError: () => undefined });
      await follower.catchUp();
      await follower.stop();
      const referenceReads = reads.mock.calls.length;
      const expected = await snapshotAccountReadModels(reference);
      await reference.close();

      // The rebuild path (projections:rebuild), in batches that cut the accounts' lives in
      // two, so some documents are read back from an earlier batch and most are known absent.
      reads.mockClear();
      const rebuilt = new SqliteReadStore(join(dir, 'rebuilt.db'));
      await rebuildOnline(deps(rebuilt), undefined, { batchSize: 7, rebuildBatchSize: 60, onError: () => undefined });
      const rebuildReads = reads.mock.calls.length;
      const model = await snapshotAccountReadModels(rebuilt);
      await rebuilt.close();

      expect(model).toEqual(expected);
      expect(model[ACCOUNTS].filter((doc) => doc.status === 'deleted')).toHaveLength(2);
      expect(rebuildReads).toBeGreaterThan(0);
      expect(rebuildReads).toBeLessThan(referenceReads / 10);
    } finally {
      reads.mockRestore();
    }
  });
});
