import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Position, RecordedEvent } from '@warden/shared/envelope';
import { START, positionOf } from '@warden/shared/position';
import { SqliteEventStore } from '@warden/infrastructure/event-store/sqlite-event-store';
import { SqliteReadStore } from '@warden/infrastructure/read-store/sqlite-read-store';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { CatchUpError } from './catch-up-error';
import { checkpointKey } from './checkpoint-key';
import { waitForCheckpoints } from './checkpoint-watch';
import { recordedAsIs, type Projection } from './projection';
import { ReadStoreLease } from './projection-lease';
import { ProjectorRunner, type ProjectorRunnerOptions } from './projector-runner';
import { appendEvents } from './testing/append-events';
import { CountingProjection, type CounterDoc, type CountingOptions } from './testing/counting.projection';
import { snapshotCollections } from './testing/read-model-snapshot';

/**
 * Real SQLite stores on temp files. The seed gives 11 events over 3 streams; with
 * batches of 4 the runner sees [1-4] [5-8] [9-11]; 'Ignored' events move checkpoints only.
 *   1 a Counted   2 a Counted   3 a Ignored   4 b Counted   5 a Counted   6 c Ignored
 *   7 c Counted   8 c Counted   9 b Counted  10 b Counted  11 c Ignored
 */
describe('ProjectorRunner on SQLite', () => {
  let dir: string;
  let events: SqliteEventStore;
  let store: SqliteReadStore;
  let closing: { close(): Promise<void> }[];
  let runners: ProjectorRunner[];
  let errors: { projection: string; error: unknown }[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'warden-projections-'));
    events = new SqliteEventStore(join(dir, 'events.db'));
    store = new SqliteReadStore(join(dir, 'read.db'));
    closing = [events, store];
    runners = [];
    errors = [];
  });

  afterEach(async () => {
    for (const runner of runners) await runner.stop();
    for (const resource of closing.reverse()) await resource.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function runnerFor(
    projections: Projection[],
    options: ProjectorRunnerOptions = {},
    readStore: ReadStore = store,
  ): ProjectorRunner {
    const runner = new ProjectorRunner(
      { events, store: readStore, projections, decode: recordedAsIs },
      {
        // Batches of 4 whether or not the model starts empty, as the seed below describes.
        batchSize: 4,
        rebuildBatchSize: 4,
        pollIntervalMs: 10,
        retryDelayMs: 20,
        onError: (projection, error) => errors.push({ projection, error }),
        ...options,
      },
    );
    runners.push(runner);
    return runner;
  }

  async function seed(): Promise<Position> {
    await appendEvents(events, 'account-a', ['Counted', 'Counted', 'Ignored']);
    await appendEvents(events, 'account-b', ['Counted']);
    await appendEvents(events, 'account-a', ['Counted']);
    await appendEvents(events, 'account-c', ['Ignored', 'Counted', 'Counted']);
    await appendEvents(events, 'account-b', ['Counted', 'Counted']);
    return (await appendEvents(events, 'account-c', ['Ignored'])).position;
  }

  function modelOf(projection: CountingProjection, readStore: ReadStore = store) {
    return snapshotCollections(readStore, [projection.countersName, projection.logName]);
  }

  /** The reference: the same events projected once, without incident, into a fresh read store. */
  async function cleanModel(options: CountingOptions = {}) {
    const cleanStore = new SqliteReadStore(join(dir, `clean-${Math.random().toString(36).slice(2)}.db`));
    closing.push(cleanStore);
    const projection = new CountingProjection(options);
    await runnerFor([projection], {}, cleanStore).catchUp();
    return modelOf(projection, cleanStore);
  }

  it('(a) catches up in batches and computes the expected read model', async () => {
    const head = await seed();
    const projection = new CountingProjection();
    const batches: Position[] = [];
    const runner = runnerFor([projection], { onBatch: (_name, { last }) => batches.push(last) });

    await runner.catchUp();

    expect(batches).toEqual([positionOf(4), positionOf(8), positionOf(11)]);
    expect(await runner.positionOf('counting')).toBe(head);
    const { counting_counters: counters, counting_log: log } = await modelOf(projection);
    expect(counters.map(({ id, count, lastRevision, _position }) => ({ id, count, lastRevision, _position }))).toEqual([
      { id: 'account-a', count: 3, lastRevision: 3, _position: positionOf(5) },
      { id: 'account-b', count: 3, lastRevision: 2, _position: positionOf(10) },
      { id: 'account-c', count: 2, lastRevision: 2, _position: positionOf(8) },
    ]);
    expect(log).toHaveLength(8);
    expect(log.every((entry) => entry.type === 'Counted')).toBe(true);
    expect(errors).toEqual([]);
  });

  it('(b) is idempotent: replaying from an earlier checkpoint leaves every document as it was', async () => {
    await seed();
    const projection = new CountingProjection();
    await runnerFor([projection]).catchUp();
    const before = await modelOf(projection);

    await store.saveCheckpoint(checkpointKey(projection), START);
    await runnerFor([new CountingProjection()]).catchUp();
    await store.saveCheckpoint(checkpointKey(projection), positionOf(6));
    await runnerFor([new CountingProjection()]).catchUp();

    expect(await modelOf(projection)).toEqual(before);
  });

  it('(c) a crash mid-batch writes nothing of that batch, and the resumed run equals a clean one', async () => {
    const head = await seed();
    // 3 counted events in batch [1-4], then crash after event 5, inside batch [5-8].
    const crashing = new CountingProjection({ crashAfter: 4 });
    const healthy = new CountingProjection({ name: 'healthy' });
    const first = runnerFor([crashing, healthy]);

    await expect(first.catchUp()).rejects.toBeInstanceOf(CatchUpError);

    expect(await first.positionOf('counting')).toBe(positionOf(4));
    // Event 5 was handled before the crash, but its batch was never committed: nothing of it is written.
    expect((await store.collection(crashing.countersName).get('account-a'))?.count).toBe(2);
    expect(await first.positionOf('healthy')).toBe(head);
    expect(errors.map((e) => e.projection)).toEqual(['counting']);

    const resumed = new CountingProjection();
    await runnerFor([resumed]).catchUp();

    expect(await modelOf(resumed)).toEqual(await cleanModel());
  });

  it('(d) a rebuild from zero gives the live model back', async () => {
    const projection = new CountingProjection();
    const runner = runnerFor([projection]);
    await runner.start();
    const head = await seed();
    expect(await runner.waitFor(head, 5000)).toBe(true);
    const live = await modelOf(projection);
    // Damage the model in ways a replay alone would not repair (stamped ahead, and an
    // orphan), so only a real truncate + replay gets the live model back.
    const counters = store.collection<CounterDoc>(projection.countersName);
    await counters.put({ id: 'account-a', streamId: 'account-a', count: 99, lastRevision: 99, _position: positionOf(999) });
    await counters.put({ id: 'orphan', streamId: 'orphan', count: 1, lastRevision: 0, _position: positionOf(1) });

    await runner.rebuild();
    expect(await modelOf(projection)).toEqual(live);
    await counters.put({ id: 'orphan', streamId: 'orphan', count: 1, lastRevision: 0, _position: positionOf(1) });
    await runner.rebuild('counting');
    expect(await modelOf(projection)).toEqual(live);
    expect(await runner.positionOf('counting')).toBe(head);
  });

  it('(e) projects events appended after start', async () => {
    await seed();
    const projection = new CountingProjection();
    const runner = runnerFor([projection]);
    await runner.start();

    const appended = await appendEvents(events, 'account-d', ['Counted', 'Counted']);

    expect(await runner.waitFor(appended.position, 5000)).toBe(true);
    const counter = await store.collection(projection.countersName).get('account-d');
    expect(counter).toMatchObject({ count: 2, lastRevision: 1, _position: appended.position });
    expect(await modelOf(projection)).toEqual(await cleanModel());
  });

  it('(e2) with a wake delay, appends told within it are read as one batch', async () => {
    const projection = new CountingProjection();
    const batches: number[] = [];
    // Only the appends may wake it: no poll comes within the test.
    const runner = runnerFor([projection], { batchSize: 100, pollIntervalMs: 60_000, wakeDelayMs: 300, onBatch: (_name, { events: n }) => batches.push(n) });
    await runner.start();

    await appendEvents(events, 'account-a', ['Counted']);
    await appendEvents(events, 'account-b', ['Counted']);
    const last = await appendEvents(events, 'account-c', ['Counted']);

    expect(await runner.waitFor(last.position, 5000)).toBe(true);
    expect(batches).toEqual([3]);
  });

  it('(f) waitFor is true once caught up and false within the timeout when behind', async () => {
    const head = await seed();
    const runner = runnerFor([new CountingProjection(), new CountingProjection({ name: 'other' })]);
    await runner.catchUp();
    expect(await runner.waitFor(head, 1000)).toBe(true);

    const ahead = (await appendEvents(events, 'account-a', ['Counted'])).position;
    const started = Date.now();
    expect(await runner.waitFor(ahead, 150)).toBe(false);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(140);
    expect(waited).toBeLessThan(1000);
  });

  it('(g) a version bump rebuilds the read model on start', async () => {
    const head = await seed();
    const v1 = new CountingProjection({ version: 1 });
    await runnerFor([v1]).catchUp();

    // v2 counts every event: keeping v1's documents would leave the old counts in place.
    const v2Options: CountingOptions = { version: 2, counted: ['Counted', 'Ignored'] };
    const v2 = new CountingProjection(v2Options);
    const runner = runnerFor([v2]);
    await runner.start();

    expect(await runner.waitFor(head, 5000)).toBe(true);
    expect(await store.getCheckpoint('counting@v2')).toBe(head);
    expect(await modelOf(v2)).toEqual(await cleanModel(v2Options));
    expect((await store.collection(v2.countersName).get('account-a'))?.count).toBe(4);
  });

  it('(h) builds an empty model in batches of rebuildBatchSize, then follows in batches of batchSize', async () => {
    await seed();
    const batches: Position[] = [];
    const runner = runnerFor([new CountingProjection()], { rebuildBatchSize: 8, onBatch: (_name, { last }) => batches.push(last) });
    await runner.catchUp();
    await appendEvents(events, 'account-d', ['Counted', 'Counted', 'Counted', 'Counted', 'Counted']);
    await runner.catchUp();

    expect(batches).toEqual([positionOf(8), positionOf(11), positionOf(15), positionOf(16)]);
    expect(await modelOf(new CountingProjection())).toEqual(await cleanModel());
  });

  it('(i) a runner that built a model from empty stops trusting what it knows it wrote once another runner held the lease', async () => {
    // 8 events in two full batches: as far as the first runner knows, it is still building.
    await appendEvents(events, 'account-z', ['Counted', 'Counted', 'Counted', 'Counted']);
    await appendEvents(events, 'account-y', ['Counted', 'Counted', 'Counted', 'Counted']);
    const leased = (holder: string) => ({ lease: new ReadStoreLease(store, { ttlMs: 60_000, holder }) });
    const first = runnerFor([new CountingProjection()], leased('first'));
    await first.catchUp();
    await first.stop();

    // Meanwhile another runner takes over and creates a document the first one never wrote…
    await appendEvents(events, 'account-x', ['Counted', 'Counted']);
    const second = runnerFor([new CountingProjection()], leased('second'));
    await second.catchUp();
    await second.stop();

    // …which the first one, back in charge, must read from the store rather than start anew.
    await appendEvents(events, 'account-x', ['Counted', 'Counted']);
    await first.catchUp();

    expect((await store.collection<CounterDoc>('counting_counters').get('account-x'))?.count).toBe(4);
    expect(await modelOf(new CountingProjection())).toEqual(await cleanModel());
  });

  it('keeps following when one projection fails, and retries it without losing events', async () => {
    const head = await seed();
    const projection = new CountingProjection();
    const runner = runnerFor([failingFirst(2, projection), new CountingProjection({ name: 'other' })]);
    await runner.start();

    expect(await runner.waitFor(head, 5000)).toBe(true);
    expect(errors.map((e) => e.projection)).toEqual(['counting', 'counting']);
    expect(await modelOf(projection)).toEqual(await cleanModel());
  });

  it('commits the projections of a step together, and one the store refuses does not hold the others back', async () => {
    const head = await seed();
    const refused = refusedFromSecondBatch('refused');
    const counting = new CountingProjection();
    const runner = runnerFor([refused, counting]);
    await runner.start();

    // The step's joint commit fails on the refused projection's unique index; each is then
    // committed alone, so the counting projection advances to the head.
    expect(await waitForCheckpoints(store, [counting], head, 5000)).toBe(true);
    expect(await modelOf(counting)).toEqual(await cleanModel());
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors.map((e) => e.projection))).toEqual(new Set(['refused']));
    expect(await store.getCheckpoint(checkpointKey(refused))).not.toBe(head);
  });
});

/** Wraps a projection whose first `failures` batches throw before touching anything. */
function failingFirst(failures: number, inner: Projection): Projection {
  let left = failures;
  return {
    name: inner.name,
    version: inner.version,
    collections: inner.collections,
    canHandle: (type) => inner.canHandle(type),
    init: (readStore) => inner.init(readStore),
    truncate: (readStore) => inner.truncate(readStore),
    handle: async (batch: RecordedEvent[], readStore) => {
      if (left-- > 0) throw new Error('read store unavailable');
      await inner.handle(batch, readStore);
    },
  };
}

/** Writes one document per event under one unique key: its first batch commits, every later one is refused by the store. */
function refusedFromSecondBatch(name: string): Projection {
  const collection = `${name}_docs`;
  return {
    name,
    version: 1,
    collections: [collection],
    canHandle: () => true,
    init: (readStore) => readStore.collection(collection).ensureIndex('key', { unique: true }),
    truncate: (readStore) => readStore.collection(collection).truncate(),
    handle: async (batch: RecordedEvent[], readStore) => {
      const [first] = batch;
      await readStore.collection(collection).put({ id: first.eventId, key: 'one-only', _position: first.position });
    },
  };
}
