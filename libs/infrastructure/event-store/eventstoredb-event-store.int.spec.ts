import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { describeWithEnv } from '@warden/shared/testing/gated-suite';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { describeEsdbFeedContract } from './testing/esdb-feed.contract';
import { describeEventStoreContract } from './testing/event-store.contract';
import { idsOf, sampleEvents, uniqueStreamId } from './testing/sample-events';

// Against a real server: EVENTSTORE_URL=esdb://localhost:2113?tls=false (docker/compose.yml).
describeWithEnv('EVENTSTORE_URL', 'EventStoreDB event store contract', (url) => {
  describeEventStoreContract('EventStoreDbEventStore', async () => new EventStoreDbEventStore(url, { retryDelayMs: 200 }));
  describeEsdbFeedContract('EventStoreDbEventStore', () => EventStoreDBClient.connectionString(url));

  describe('on a cluster shared with other applications', () => {
    let store: EventStoreDbEventStore;
    let raw: EventStoreDBClient;
    beforeAll(() => {
      store = new EventStoreDbEventStore(url, { retryDelayMs: 200 });
      raw = EventStoreDBClient.connectionString(url);
    });
    afterAll(async () => {
      await store.close();
      await raw.dispose();
    });

    it('skips and counts other streams in reads of $all', async () => {
      const before = await store.headPosition();
      const foreign = `orders-${randomUUID()}`;
      await raw.appendToStream(foreign, [jsonEvent({ type: 'OrderPlaced', data: { n: 1 } })]);
      const ours = await store.append(uniqueStreamId('shared'), sampleEvents(2), 'no_stream');
      await raw.appendToStream(foreign, [jsonEvent({ type: 'OrderPlaced', data: { n: 2 } })]);

      const read = await store.readAll({ after: before });
      expect(read.some((e) => e.streamId === foreign)).toBe(false);
      expect(idsOf(read.filter((e) => e.streamId === ours.events[0].streamId))).toEqual(idsOf(ours.events));
      expect(store.foreignEventsSkipped).toBeGreaterThanOrEqual(1);
    }, 30_000);
  });
});
