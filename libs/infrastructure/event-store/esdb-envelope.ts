import { type EventData, jsonEvent } from '@eventstore/db-client';
import type { Actor, ActorType, ClientContext, EventMetadata, JsonObject, Position, RecordedEvent } from '@warden/shared/envelope';
import type { ChainedEvent } from './hash-chain';

/**
 * How our envelope sits in an EventStoreDB event: ESDB's id, type and JSON data are ours;
 * its metadata holds our metadata plus schemaVersion and occurredAt. `$correlationId` and
 * `$causationId` repeat ours under the names ESDB's own projections ($by_correlation_id)
 * understand; they are not read back.
 */
export interface EsdbEnvelopeMetadata extends EventMetadata {
  schemaVersion: number;
  occurredAt: string;
  $correlationId: string;
  $causationId: string;
}

/** The part of an ESDB recorded event that the envelope is read from. */
export interface EsdbRecord {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
}

export function toEsdbEvent(event: ChainedEvent): EventData {
  const metadata: EsdbEnvelopeMetadata = {
    ...event.metadata,
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt,
    $correlationId: event.metadata.correlationId,
    $causationId: event.metadata.causationId,
  };
  return jsonEvent({ id: event.eventId, type: event.type, data: event.data, metadata });
}

/** System events ($-types, $-streams, links) are EventStoreDB's own, never ours. */
export function isUserEvent(record: Pick<EsdbRecord, 'streamId' | 'type'>): boolean {
  return !record.type.startsWith('$') && !record.streamId.startsWith('$');
}

/** Throws on an event that this adapter did not write: a dedicated store holds only ours. */
export function fromEsdbRecord(record: EsdbRecord, position: Position): RecordedEvent {
  const where = `event ${record.id} in ${record.streamId}`;
  if (!record.isJson || !isObject(record.data)) throw new Error(`${where}: data is not a JSON object`);
  const meta = record.metadata;
  if (!isObject(meta)) throw new Error(`${where}: no envelope metadata`);
  const { schemaVersion, occurredAt, correlationId, causationId, prevHash, hash } = meta;
  if (
    typeof schemaVersion !== 'number' ||
    typeof occurredAt !== 'string' ||
    typeof correlationId !== 'string' ||
    typeof causationId !== 'string' ||
    typeof prevHash !== 'string' ||
    typeof hash !== 'string'
  ) {
    throw new Error(`${where}: envelope metadata is incomplete`);
  }
  const metadata: EventMetadata = { correlationId, causationId, actor: readActor(meta.actor, where), prevHash, hash };
  if (meta.client !== undefined) metadata.client = readClient(meta.client, where);
  return {
    streamId: record.streamId,
    revision: Number(record.revision),
    position,
    eventId: record.id,
    type: record.type,
    schemaVersion,
    occurredAt,
    data: record.data,
    metadata,
  };
}

const ACTOR_TYPES: readonly string[] = ['service', 'support', 'compliance', 'system'] satisfies ActorType[];

// Actor and client are checked but kept as stored, extra fields included: the hash covers them so.
function readActor(raw: unknown, where: string): Actor {
  if (isObject(raw) && typeof raw.type === 'string' && ACTOR_TYPES.includes(raw.type) && typeof raw.id === 'string') {
    return raw as unknown as Actor;
  }
  throw new Error(`${where}: malformed actor`);
}

function readClient(raw: unknown, where: string): ClientContext {
  if (isObject(raw) && typeof raw.ip === 'string' && typeof raw.userAgent === 'string') {
    return raw as unknown as ClientContext;
  }
  throw new Error(`${where}: malformed client context`);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
