import { jsonEvent } from '@eventstore/db-client';
import type { RecordedEvent } from '@warden/shared/envelope';
import { verifyChain } from './hash-chain';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { describeEventStoreContract } from './testing/event-store.contract';
import { FakeEsdbClient } from './testing/fake-esdb-client';
import { eventually, idsOf, sampleEvent, sampleEvents, uniqueStreamId } from './testing/sample-events';

// The adapter's own logic (mapping, paging, filtering, conflicts, resubscription) against an
// in-memory double of the server; the int spec runs the same contract on a real one.
describeEventStoreContract('EventStoreDbEventStore on an in-memory EventStoreDB double', async () =>
  new EventStoreDbEventStore(new FakeEsdbClient(), { pageSize: 3, retryDelayMs: 10 }),
);

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

  it('skips and counts events of streams that are not Warden’s, in reads and subscriptions', async () => {
    const foreign = new EventStoreDbEventStore(server, { pageSize: 2 });
    await server.appendToStream('orders-1', [jsonEvent({ type: 'OrderPlaced', data: { n: 1 } })], {});
    const ours = await store.append('account-1', sampleEvents(1), 'no_stream');
    await server.appendToStream('orders-1', [jsonEvent({ type: 'OrderPlaced', data: { n: 2 } })], {});

    expect(idsOf(await foreign.readAll())).toEqual(idsOf(ours.events));
    expect(foreign.foreignEventsSkipped).toBe(2);
    expect(await foreign.headPosition()).toBe(ours.position);
    const received: RecordedEvent[] = [];
    const subscription = foreign.subscribeToAll(undefined, async (event) => {
      received.push(event);
    });
    await eventually(() => expect(idsOf(received)).toEqual(idsOf(ours.events)));
    await subscription.stop();
    expect(errors).toEqual([]);
  });

  it('wakes append watchers on every Warden append, from its own or another client', async () => {
    const other = new EventStoreDbEventStore(server);
    let wakes = 0;
    const unwatch = store.watchAppends(() => wakes++);
    await new Promise((resolve) => setImmediate(resolve));
    await other.append('account-9', sampleEvents(2), 'no_stream');
    await eventually(() => expect(wakes).toBe(2));
    await server.appendToStream('orders-1', [jsonEvent({ type: 'OrderPlaced', data: {} })], {});
    await other.append('account-9', sampleEvents(1), 1);
    await eventually(() => expect(wakes).toBe(3));
    unwatch();
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

  it('resubscribes after a dropped connection without losing or repeating events', async () => {
    const received: RecordedEvent[] = [];
    const subscription = store.subscribeToAll(undefined, async (event) => {
      received.push(event);
    });
    const first = await store.append('account-1', sampleEvents(2), 'no_stream');
    await eventually(() => expect(received).toHaveLength(2));

    server.dropSubscriptions();
    const second = await store.append('account-1', sampleEvents(2), 1);
    await eventually(() => expect(received).toHaveLength(4));

    expect(idsOf(received)).toEqual(idsOf([...first.events, ...second.events]));
    expect(verifyChain(received).valid).toBe(true);
    expect(errors).toHaveLength(1);
    await subscription.stop();
  });

  it('delivers a failed event again instead of skipping it', async () => {
    const received: string[] = [];
    let failed = false;
    const subscription = store.subscribeToAll(undefined, async (event) => {
      if (event.revision === 1 && !failed) {
        failed = true;
        throw new Error('projector hiccup');
      }
      received.push(event.eventId);
    });
    const { events } = await store.append('account-1', sampleEvents(3), 'no_stream');

    await eventually(() => expect(received).toEqual(idsOf(events)));
    expect(errors).toEqual([new Error('projector hiccup')]);
    await subscription.stop();
  });

  it('refuses a position from another adapter', async () => {
    await expect(store.readAll({ after: '00000000000000000042' })).rejects.toThrow(/not an EventStoreDB/);
    expect(() => store.subscribeToAll('00000000000000000042', async () => undefined)).toThrow(/not an EventStoreDB/);
  });
});
