// The event envelope of contract §4, shared by every layer that reads or writes events.

export type ActorType = 'service' | 'support' | 'compliance' | 'system';

export interface Actor {
  type: ActorType;
  id: string;
  onBehalfOf?: string;
}

export interface ClientContext {
  ip: string;
  userAgent: string;
  deviceId?: string;
}

/** Metadata the caller supplies; the store adds prevHash/hash when it appends. */
export interface EventMetadataInput {
  correlationId: string;
  causationId: string;
  actor: Actor;
  client?: ClientContext;
}

export interface EventMetadata extends EventMetadataInput {
  prevHash: string;
  hash: string;
}

export type JsonObject = { [key: string]: unknown };

/** An event ready to be appended: personal fields already encrypted by the caller. */
export interface EventToAppend {
  eventId: string;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  data: JsonObject;
  metadata: EventMetadataInput;
}

/**
 * Global order in the store. Opaque, fixed-width decimal string so that plain string
 * comparison orders positions in every adapter (SQLite: a sequence; EventStoreDB:
 * commit and prepare positions side by side).
 */
export type Position = string;

export interface RecordedEvent {
  streamId: string;
  /** 0-based index of the event in its stream. */
  revision: number;
  position: Position;
  eventId: string;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  data: JsonObject;
  metadata: EventMetadata;
}
