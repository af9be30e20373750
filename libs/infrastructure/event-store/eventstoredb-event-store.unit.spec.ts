import { jsonEvent, UnavailableError } from '@eventstore/db-client';
import type { RecordedEvent } from '@warden/shared/envelope';
import { verifyChain } from './hash-chain';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { describeEsdbFeedContract } from './testing/esdb-feed.contract';
import { describeEventStoreContract } from './testing/event-store.contract';
import { FakeEsdbClient } from './testing/fake-esdb-client';
import { eventually, idsOf, sampleEvent, sampleEvents, uniqueStreamId } from './testing/sample-events';

// The adapter's own logic (mapping, paging, filtering, conflicts, the feed's subscription
// and fallback) against an in-memory double of the server; the int spec runs the same
// contracts on a real one.
describeEventStoreContract('EventStoreDbEventStore on an in-memory EventStoreDB double', async () =>
  new EventStoreDbEventStore(new FakeEsdbClient(), { pageSize: 3, retryDelayMs: 10 }),
);
describeEsdbFeedContract('EventStoreDbEventStore on an in-memory EventStoreDB double', () => new FakeEsdbClient());

describe('EventStoreDbEventStore specifics (in-memory double)', () => {
  let server: FakeEsdbClient;
  let store: EventStoreDbEventStore;
  const errors: unknown[] = [];

  beforeEach(() => {
    server = new FakeEsdbClient();
    errors.length = 0;
    store = new EventStoreDbEventStore(server, { pageSize: 2, retryDelayMs: 5, onError: (e) => errors.push(e) });
  });

  afterEach(() => store.close());

  it('stores our data as the event data and the rest of the envelope as its metadata', async () => {
    const event = sampleEvent('AccountLocked', { reason: 'v1:enc:abc' });
    const [recorded] = (await store.append('account-1', [event], 'no_stream')).events;
    const stored = server.stored(event.eventId);

    expect(stored).toMatchObject({ id: event.eventId, type: 'AccountLocked', streamId: 'account-1', data: event.data });
    expect(stored?.metadata).toEqual({
      ...event.metadata,
      prevHash: recorded.metadata.prevHash,
      hash: recorded.metadata.hash,
      schemaVersion: 1,
      occurredAt: event.occurredAt,
      $correlationId: event.metadata.correlationId,
      $causationId: event.metadata.causationId,
    });
  });

  it('encodes positions as <commit>/<prepare>, one of its own for each event of an append', async () => {
    const { events, position } = await store.append('account-1', sampleEvents(3), 'no_stream');
    for (const event of events) expect(event.position).toMatch(/^(\d{20})\/\1$/);
    expect(new Set(events.map((e) => e.position)).size).toBe(3);
    expect(position).toBe(events[2].position);
    // $all gives each of them the same position as the stream read does.
    expect((await store.readAll()).map((e) => e.position)).toEqual(events.map((e) => e.position));
  });

  it('skips and counts events of streams that are not Warden’s in reads, each once however often read', async () => {
    const foreign = new EventStoreDbEventStore(server, { pageSize: 2 });
    await server.appendToStream('orders-1', [jsonEvent({ type: 'OrderPlaced', data: { n: 1 } })], {});
    const ours = await store.append('account-1', sampleEvents(1), 'no_stream');
    await server.appendToStream('orders-1', [jsonEvent({ type: 'OrderPlaced', data: { n: 2 } })], {});

    expect(idsOf(await foreign.readAll())).toEqual(idsOf(ours.events));
    expect(foreign.foreignEventsSkipped).toBe(2);
    expect(idsOf(await foreign.readAll({ after: ours.position }))).toEqual([]);
    expect(foreign.foreignEventsSkipped).toBe(2);
    expect(await foreign.headPosition()).toBe(ours.position);
  });

  it('never returns system events, across pages full of them', async () => {
    const first = await store.append('account-1', sampleEvents(1), 'no_stream');
    for (let i = 0; i < 5; i++) server.writeSystemEvent('$stats-node', '$statsCollected');
    const second = await store.append('account-2', sampleEvents(2), 'no_stream');
    for (let i = 0; i < 5; i++) server.writeSystemEvent('$stats-node', '$statsCollected');

    const all = await store.readAll();
    expect(idsOf(all)).toEqual(idsOf([...first.events, ...second.events]));
    expect(idsOf(await store.readAll({ maxCount: 2 }))).toEqual(idsOf(all.slice(0, 2)));
    expect(await store.headPosition()).toBe(second.position);
  });

  it('has no head position while the log holds only system events', async () => {
    expect(await store.headPosition()).toBeUndefined();
    expect(await store.readAll()).toEqual([]);
  });

  it('maps the server refusing a raced append, after its own check passed', async () => {
    const streamId = uniqueStreamId('race');
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => store.append(streamId, [sampleEvent()], 'no_stream')));

    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(server.conflicts).toBe(2); // the refusals came from the server, not from the pre-read
    for (const o of outcomes) {
      if (o.status === 'rejected') expect(o.reason).toMatchObject({ name: 'WrongExpectedRevisionError', actual: 0 });
    }
  });

  it('a feed resumes after a connection the server drops, events already received included', async () => {
    const feed = store.openFeed(undefined, { onReady: () => undefined, readAhead: 100 });
    const first = await store.append('account-1', sampleEvents(3), 'no_stream');
    const received: RecordedEvent[] = await feed.next(1);
    await eventually(() => expect(server.openSubscriptions).toBe(1));

    server.dropSubscriptions();
    const second = await store.append('account-1', sampleEvents(2), 2);
    await eventually(async () => {
      received.push(...(await feed.next(100)));
      expect(received).toHaveLength(5);
    });

    expect(idsOf(received)).toEqual(idsOf([...first.events, ...second.events]));
    expect(verifyChain(received).valid).toBe(true);
    expect(errors).toEqual([expect.any(UnavailableError)]);
    await feed.close();
  });

  it('a feed waits for the events the server sent before it said it had caught up', async () => {
    // More than the client's stream buffer holds, and a read-ahead smaller still: the
    // server's caughtUp comes while sent events still wait to be read.
    const appended = await store.append('account-1', sampleEvents(40), 'no_stream');
    for (let round = 0; round < 5; round++) {
      const feed = store.openFeed(undefined, { onReady: () => undefined, readAhead: 3 });
      const received: RecordedEvent[] = [];
      for (let batch = await feed.next(2); batch.length > 0; batch = await feed.next(2)) received.push(...batch);
      expect(idsOf(received)).toEqual(idsOf(appended.events));
      await feed.close();
    }
  });

  it('refuses a position from another adapter', async () => {
    await expect(store.readAll({ after: '00000000000000000042' })).rejects.toThrow(/not an EventStoreDB/);
    expect(() => store.openFeed('00000000000000000042', { onReady: () => undefined })).toThrow(/not an EventStoreDB/);
  });
});
