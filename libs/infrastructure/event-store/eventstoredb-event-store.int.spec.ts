import { describeWithEnv } from '../../shared/testing/gated-suite';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { describeEventStoreContract } from './testing/event-store.contract';

// Against a real server: EVENTSTORE_URL=esdb://localhost:2113?tls=false (docker/compose.yml).
describeWithEnv('EVENTSTORE_URL', 'EventStoreDB event store contract', (url) => {
  describeEventStoreContract('EventStoreDbEventStore', async () => new EventStoreDbEventStore(url, { retryDelayMs: 200 }));
});
