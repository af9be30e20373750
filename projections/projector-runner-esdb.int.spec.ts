import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DecodedAccountEvent } from '@warden/infrastructure/event-codec/account-event.codec';
import { EventStoreDbEventStore } from '@warden/infrastructure/event-store/eventstoredb-event-store';
import { FakeEsdbClient } from '@warden/infrastructure/event-store/testing/fake-esdb-client';
import { FaultyEsdbClient } from '@warden/infrastructure/event-store/testing/faulty-esdb-client';
import { eventually } from '@warden/infrastructure/event-store/testing/sample-events';
import { SqliteReadStore } from '@warden/infrastructure/read-store/sqlite-read-store';
import { ACCOUNT_PROJECTIONS } from './account-projections';
import { ProjectorRunner } from './projector-runner';
import { cleanAccountReadModels, snapshotAccountReadModels } from './testing/account-read-models';
import { type EmbeddedStores, openEmbeddedStores } from './testing/embedded-stores';
import { seedAccounts } from './testing/realistic-history';

/**
 * The projector as production runs it: the account read models fed by the EventStoreDB
 * adapter's catch-up subscription (here on the in-memory server double, whose
 * subscriptions a wrapper breaks on demand), into a real SQLite read store. The reference
 * is a clean projection of the same log read by pages (subscriptions refused), so both
 * paths must give the same documents, positions included.
 */
describe('ProjectorRunner on the EventStoreDB adapter (in-memory server double)', () => {
  let stores: EmbeddedStores;
  let client: FaultyEsdbClient;
  let events: EventStoreDbEventStore;
  let runners: ProjectorRunner<DecodedAccountEvent>[];
  let batches: number[];

  beforeEach(() => {
    stores = openEmbeddedStores('esdb-projector');
    client = new FaultyEsdbClient(new FakeEsdbClient());
    events = new EventStoreDbEventStore(client, { pageSize: 50, retryDelayMs: 20, catchUpWaitMs: 5_000, onError: () => undefined });
    runners = [];
    batches = [];
  });

  afterEach(async () => {
    for (const runner of runners) await runner.stop();
    await events.close();
    await stores.close();
  });

  function runner(): ProjectorRunner<DecodedAccountEvent> {
    const created = new ProjectorRunner(
      { events, store: stores.store, projections: ACCOUNT_PROJECTIONS, decode: (e) => stores.codec.decode(e) },
      // A long poll: only the feed's own wake-ups can make the runner follow quickly.
      { batchSize: 50, pollIntervalMs: 5_000, retryDelayMs: 20, onError: () => undefined, onBatch: (_, batch) => batches.push(batch.events) },
    );
    runners.push(created);
    return created;
  }

  async function caughtUp(runner: ProjectorRunner<DecodedAccountEvent>): Promise<void> {
    expect(await runner.waitFor((await events.headPosition())!, 20_000)).toBe(true);
  }

  /** The read models of the log as it is now, projected once by a runner that can only read pages. */
  async function clean() {
    client.refuse();
    try {
      return await cleanAccountReadModels(events, stores.keyring, new SqliteReadStore(join(stores.dir, `clean-${randomUUID()}.db`)));
    } finally {
      client.accept();
    }
  }

  it('follows the subscription: full batches while catching up, then each append as it comes, with no read of $all', async () => {
    await seedAccounts(events, stores.codec, 10); // 120 events before the runner starts
    const live = runner();
    await live.start();
    await caughtUp(live);
    // 7 projections, each committing 50 + 50 + 20.
    expect(batches.filter((size) => size === 50)).toHaveLength(2 * ACCOUNT_PROJECTIONS.length);

    batches.length = 0;
    await seedAccounts(events, stores.codec, 2);
    await caughtUp(live);
    expect(client.forwardReads).toBe(0);
    expect(batches.length).toBeGreaterThan(0);

    expect(await snapshotAccountReadModels(stores.store)).toEqual(await clean());
  });

  it('loses nothing when the subscription drops: it resumes after the last batch and the read models equal a clean run', async () => {
    const live = runner();
    await live.start();
    await seedAccounts(events, stores.codec, 5);
    await caughtUp(live);

    client.drop();
    await seedAccounts(events, stores.codec, 5);
    await caughtUp(live);

    expect(client.subscriptionsOpened).toBeGreaterThan(1);
    expect(await snapshotAccountReadModels(stores.store)).toEqual(await clean());
  });

  it('converges by reading pages while subscriptions cannot open, then follows the subscription again', async () => {
    client.refuse();
    const live = runner();
    await live.start();
    await seedAccounts(events, stores.codec, 5);
    await caughtUp(live);
    expect(client.forwardReads).toBeGreaterThan(0);

    client.accept();
    await seedAccounts(events, stores.codec, 5);
    await caughtUp(live);
    expect(await snapshotAccountReadModels(stores.store)).toEqual(await clean());
    await eventually(() => expect(client.openSubscriptions).toBeGreaterThan(0), 20_000);
  });

  it('catchUp() reaches the head through the subscription and keeps none open after', async () => {
    await seedAccounts(events, stores.codec, 5);
    await runner().catchUp();

    expect(client.subscriptionsOpened).toBeGreaterThan(0);
    expect(client.forwardReads).toBe(0);
    expect(client.openSubscriptions).toBe(0);
    expect(await snapshotAccountReadModels(stores.store)).toEqual(await clean());
  });
});
