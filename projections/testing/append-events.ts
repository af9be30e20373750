import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '@warden/shared/envelope';
import type { AppendResult, EventStore } from '@warden/infrastructure/event-store/event-store.port';

/** Appends events of the given types at the end of the stream (test data, no payload). */
export async function appendEvents(store: EventStore, streamId: string, types: readonly string[]): Promise<AppendResult> {
  const existing = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
  const expected = existing[0]?.revision ?? 'no_stream';
  const events: EventToAppend[] = types.map((type) => ({
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: '2025-01-01T00:00:00.000Z',
    data: {},
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { type: 'system', id: 'projections-test' },
    },
  }));
  return store.append(streamId, events, expected);
}
