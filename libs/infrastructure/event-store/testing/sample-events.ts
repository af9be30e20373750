import { randomUUID } from 'node:crypto';
import type { EventToAppend, JsonObject, RecordedEvent } from '@warden/shared/envelope';

/** A stream id no other test (or earlier run against a shared server) has used. */
export function uniqueStreamId(label: string): string {
  return `account-${label}-${randomUUID()}`;
}

/** An event as a command handler would hand it over. Event ids are UUIDs, as EventStoreDB requires. */
export function sampleEvent(type = 'LoginFailed', data: JsonObject = {}): EventToAppend {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: new Date('2025-03-01T12:00:00.000Z').toISOString(),
    data,
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { type: 'service', id: 'frontend' },
    },
  };
}

export function sampleEvents(count: number, type = 'LoginFailed'): EventToAppend[] {
  return Array.from({ length: count }, (_, n) => sampleEvent(type, { attempt: n }));
}

export function idsOf(events: Array<RecordedEvent | EventToAppend>): string[] {
  return events.map((event) => event.eventId);
}

/** Polls until `check` passes (it throws or rejects until then), or rethrows its last failure. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
