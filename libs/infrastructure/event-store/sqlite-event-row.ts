import type { EventMetadata, JsonObject, Position, RecordedEvent } from '@warden/shared/envelope';
import { positionOf } from '@warden/shared/position';
import type { ChainedEvent } from './hash-chain';

/**
 * One table holds every event. `sequence` is the global order: SQLite runs one write
 * transaction at a time, so sequences commit in increasing order and a reader never sees
 * a gap that fills in later (what makes "poll after the last position" lossless).
 * Rows are never deleted, so a plain rowid (the largest plus one) is never reused either.
 *
 * Not AUTOINCREMENT: its sqlite_sequence row was one more page written and synced by
 * every append (about a tenth of one, R3). Files created with it keep it and work the same.
 * event_id stays UNIQUE although ids are random: projections apply an event once by its id
 * (apply-once), so a reused id would be skipped there without a word.
 */
export const EVENTS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    sequence INTEGER PRIMARY KEY,
    stream_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    event_id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    occurred_at TEXT NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    UNIQUE (stream_id, revision)
  )`;

export interface EventRow {
  sequence: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  schema_version: number;
  occurred_at: string;
  data: string;
  metadata: string;
}

/** Bind parameters of the insert, in column order. */
export type InsertParams = [string, number, string, string, number, string, string, string];

export function toInsertParams(event: ChainedEvent): InsertParams {
  return [
    event.streamId,
    event.revision,
    event.eventId,
    event.type,
    event.schemaVersion,
    event.occurredAt,
    JSON.stringify(event.data),
    JSON.stringify(event.metadata),
  ];
}

export function fromRow(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: positionOf(row.sequence),
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    occurredAt: row.occurred_at,
    // Written by this adapter from typed values, so the shapes are known.
    data: JSON.parse(row.data) as JsonObject,
    metadata: JSON.parse(row.metadata) as EventMetadata,
  };
}

/** The sequence behind one of our positions; refuses another adapter's position. */
export function sequenceOf(position: Position): number {
  if (!/^\d{20}$/.test(position)) throw new Error(`not a SQLite event store position: ${position}`);
  return Number(position);
}
