import { createHash } from 'node:crypto';
import { canonicalJson } from '@warden/shared/canonical-json';
import type { EventMetadataInput, EventToAppend, JsonObject, RecordedEvent } from '@warden/shared/envelope';

/** prevHash of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** Everything the hash of one event covers: the event as stored, minus its global position. */
export interface ChainLink {
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  data: JsonObject;
  metadata: EventMetadataInput;
  prevHash: string;
}

/** An event with its place in the stream and its chain metadata, before the store gives it a position. */
export type ChainedEvent = Omit<RecordedEvent, 'position'>;

export type ChainBreakReason = 'stream_mismatch' | 'revision_gap' | 'prev_hash_mismatch' | 'hash_mismatch';

export type ChainVerification =
  | { valid: true; events: number; headHash: string }
  | { valid: false; brokenAt: { revision: number; eventId: string; reason: ChainBreakReason } };

export function hashEvent(link: ChainLink): string {
  const { correlationId, causationId, actor, client } = link.metadata;
  const covered = {
    streamId: link.streamId,
    revision: link.revision,
    eventId: link.eventId,
    type: link.type,
    schemaVersion: link.schemaVersion,
    occurredAt: link.occurredAt,
    data: link.data,
    metadata: { correlationId, causationId, actor, client },
    prevHash: link.prevHash,
  };
  return createHash('sha256').update(canonicalJson(covered), 'utf8').digest('hex');
}

/**
 * Links `events` after a stream head (`prevHash`, next revision `firstRevision`).
 * Data and metadata go through a JSON round trip first, so the hash covers exactly what a
 * JSON-backed store keeps and reads back (a Date or an undefined field would otherwise
 * hash differently once stored). Metadata keeps only the envelope's fields for the same reason.
 */
export function chainEvents(
  streamId: string,
  prevHash: string,
  firstRevision: number,
  events: EventToAppend[],
): ChainedEvent[] {
  const chained: ChainedEvent[] = [];
  let previous = prevHash;
  events.forEach((event, index) => {
    const stored = asStored(event);
    const link: ChainLink = { ...stored, streamId, revision: firstRevision + index, prevHash: previous };
    const hash = hashEvent(link);
    chained.push({
      streamId,
      revision: link.revision,
      eventId: stored.eventId,
      type: stored.type,
      schemaVersion: stored.schemaVersion,
      occurredAt: stored.occurredAt,
      data: stored.data,
      metadata: { ...stored.metadata, prevHash: previous, hash },
    });
    previous = hash;
  });
  return chained;
}

/**
 * Checks a whole stream read forwards from revision 0. Catches an edited event (its hash no
 * longer recomputes), a removed or reordered one (revision gap, or prevHash not linking).
 * A removed tail cannot be seen from the chain alone: compare headHash with a trusted copy.
 * brokenAt.revision is the revision expected at the break (where a removed event was missing).
 */
export function verifyChain(events: RecordedEvent[]): ChainVerification {
  let previous = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    const broken = (reason: ChainBreakReason): ChainVerification => ({
      valid: false,
      brokenAt: { revision: index, eventId: event.eventId, reason },
    });
    if (event.streamId !== events[0].streamId) return broken('stream_mismatch');
    if (event.revision !== index) return broken('revision_gap');
    if (event.metadata.prevHash !== previous) return broken('prev_hash_mismatch');
    if (hashEvent({ ...event, prevHash: previous }) !== event.metadata.hash) return broken('hash_mismatch');
    previous = event.metadata.hash;
  }
  return { valid: true, events: events.length, headHash: previous };
}

function asStored(event: EventToAppend): EventToAppend {
  const { correlationId, causationId, actor, client } = event.metadata;
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt,
    data: jsonRoundTrip(event.data),
    metadata: jsonRoundTrip({ correlationId, causationId, actor, client }),
  };
}

function jsonRoundTrip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
