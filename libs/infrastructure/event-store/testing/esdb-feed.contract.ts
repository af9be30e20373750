import { randomUUID } from 'node:crypto';
import { jsonEvent } from '@eventstore/db-client';
import type { RecordedEvent } from '@warden/shared/envelope';
import type { EsdbClient } from '../esdb-client';
import type { EventFeed } from '../event-store.port';
import { EventStoreDbEventStore } from '../eventstoredb-event-store';
import { FaultyEsdbClient } from './faulty-esdb-client';
import { eventually, idsOf, sampleEvents, uniqueStreamId } from './sample-events';

const SLOW = 20_000;

/**
 * How the EventStoreDB feed follows $all, against a server (the real one when
 * EVENTSTORE_URL is set, the in-memory double otherwise) whose subscriptions a wrapper
 * breaks on demand: other applications' events never reach the projector, a dropped
 * subscription loses and repeats nothing, and a subscription that cannot open is replaced
 * by paged reads until it can.
 */
export function describeEsdbFeedContract(name: string, connect: () => EsdbClient): void {
  describe(`${name} (EventStoreDB feed)`, () => {
    let client: FaultyEsdbClient;
    let store: EventStoreDbEventStore;
    let errors: unknown[];
    let feeds: EventFeed[];

    beforeEach(() => {
      client = new FaultyEsdbClient(connect());
      errors = [];
      feeds = [];
      store = new EventStoreDbEventStore(client, { retryDelayMs: 20, catchUpWaitMs: 200, onError: (e) => errors.push(e) });
    });

    afterEach(async () => {
      await Promise.all(feeds.map((feed) => feed.close()));
      await store.close();
    });

    function open(after: string | undefined, onReady: () => void = () => undefined): EventFeed {
      const feed = store.openFeed(after, { onReady, readAhead: 100 });
      feeds.push(feed);
      return feed;
    }

    /** Asks the feed until `count` events of `streams` came; fails on one too many, or after a while. */
    async function take(feed: EventFeed, streams: string[], count: number, maxCount = 100): Promise<RecordedEvent[]> {
      const events: RecordedEvent[] = [];
      const deadline = Date.now() + SLOW / 2;
      while (events.length < count) {
        if (Date.now() > deadline) throw new Error(`the feed gave ${events.length} of ${count} events`);
        const batch = await feed.next(maxCount);
        events.push(...batch.filter((e) => streams.includes(e.streamId)));
        if (batch.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return events;
    }

    /** Another application's event, and one in a Warden-named stream that is no Warden envelope. */
    async function appendOthers(): Promise<{ foreign: string; malformed: string }> {
      const foreign = `orders-${randomUUID()}`;
      const malformed = uniqueStreamId('not-ours');
      await client.appendToStream(foreign, [jsonEvent({ type: 'OrderPlaced', data: { n: 1 } })], {});
      await client.appendToStream(malformed, [jsonEvent({ type: 'AccountLocked', data: { by: 'someone else' } })], {});
      return { foreign, malformed };
    }

    it(
      'follows only Warden’s events: others are filtered out by the server, a malformed one is passed over and counted',
      async () => {
        const before = await store.headPosition();
        const streamId = uniqueStreamId('feed-ours');
        const first = (await store.append(streamId, sampleEvents(2), 'no_stream')).events;
        const others = await appendOthers();
        const second = (await store.append(streamId, sampleEvents(1), 1)).events;

        const received = await take(open(before), [streamId, others.foreign, others.malformed], 3);
        expect(idsOf(received)).toEqual(idsOf([...first, ...second]));
        expect(store.foreignEventsSkipped).toBeGreaterThanOrEqual(1);
        expect(client.forwardReads).toBe(0); // all through the subscription
        expect(errors).toEqual([]);
      },
      SLOW,
    );

    it(
      'resumes strictly after the last event handed out when the subscription drops',
      async () => {
        const before = await store.headPosition();
        const streamId = uniqueStreamId('feed-drop');
        const first = (await store.append(streamId, sampleEvents(4), 'no_stream')).events;
        const feed = open(before);
        // One at a time, so the feed still holds some of them when the connection drops.
        const received = await take(feed, [streamId], 1, 1);
        await eventually(() => expect(client.openSubscriptions).toBe(1));
        client.drop();
        const second = (await store.append(streamId, sampleEvents(2), 3)).events;
        received.push(...(await take(feed, [streamId], 5)));

        expect(idsOf(received)).toEqual(idsOf([...first, ...second]));
        expect(errors).toHaveLength(1);
        // Subscribed again once the retry was due, after the last event handed out.
        await eventually(async () => {
          expect(await feed.next(100)).toEqual([]);
          expect(client.openSubscriptions).toBe(1);
        });
        const third = (await store.append(streamId, sampleEvents(1), 5)).events;
        expect(idsOf(await take(feed, [streamId], 1))).toEqual(idsOf(third));
      },
      SLOW,
    );

    it(
      'reads $all by pages while the subscription cannot open, counting others’ events, and subscribes again once it can',
      async () => {
        const before = await store.headPosition();
        client.refuse();
        let ready = 0;
        const feed = open(before, () => ready++);
        const streamId = uniqueStreamId('feed-refused');
        const first = (await store.append(streamId, sampleEvents(2), 'no_stream')).events;
        const others = await appendOthers();

        expect(idsOf(await take(feed, [streamId, others.foreign, others.malformed], 2))).toEqual(idsOf(first));
        expect(client.forwardReads).toBeGreaterThan(0);
        expect(store.foreignEventsSkipped).toBeGreaterThanOrEqual(2);
        expect(errors.length).toBeGreaterThanOrEqual(1);
        // While polling, the feed wakes its consumer by itself.
        const wakes = ready;
        await eventually(() => expect(ready).toBeGreaterThan(wakes));

        client.accept();
        await eventually(async () => {
          await feed.next(100);
          expect(client.openSubscriptions).toBe(1);
        }, SLOW / 2);
        const reads = client.forwardReads;
        const live = (await store.append(streamId, sampleEvents(1), 1)).events;
        expect(idsOf(await take(feed, [streamId], 1))).toEqual(idsOf(live));
        expect(client.forwardReads).toBe(reads); // followed by the subscription again, no more polling
      },
      SLOW,
    );
  });
}
