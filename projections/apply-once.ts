import type { Position } from '@warden/shared/envelope';
import { comparePositions } from '@warden/shared/position';
import type { Doc, ReadCollection } from '@warden/infrastructure/read-store/read-store.port';

/** A read-model document guarded by the position of the last event applied to it. */
export interface ProjectedDoc extends Doc {
  _position: Position;
}

/**
 * The fields a projector writes; `applyOnce` adds `id` and `_position` itself so that no
 * projector can forget or mis-stamp them. (A key-remapping mapped type, not `Omit`, which
 * would collapse the known fields into the index signature of `Doc`.)
 */
export type DocFields<T extends ProjectedDoc> = {
  [K in keyof T as K extends 'id' | '_position' ? never : K]: T[K];
};

/** True when the document already reflects the event at `position` (or a later one). */
export function isAlreadyApplied(doc: { _position?: unknown } | null, position: Position): boolean {
  return typeof doc?._position === 'string' && comparePositions(position, doc._position) <= 0;
}

/**
 * Reads the document, skips the event if it was already applied, otherwise writes what
 * `mutate` returns stamped with the event position. `mutate` receives null when the
 * document does not exist and returns null to leave it untouched.
 * Returns whether the document was written.
 */
export async function applyOnce<T extends ProjectedDoc>(
  collection: ReadCollection<T>,
  id: string,
  position: Position,
  mutate: (current: T | null) => DocFields<T> | null,
): Promise<boolean> {
  const current = await collection.get(id);
  if (isAlreadyApplied(current, position)) return false;
  const fields = mutate(current);
  if (fields === null) return false;
  // The spread of a mapped generic type is not provably T; DocFields<T> plus the two
  // stamped keys is exactly T's shape.
  await collection.put({ ...fields, id, _position: position } as unknown as T);
  return true;
}

/**
 * For insert-only documents keyed by the event id: writes once and never overwrites, so
 * a replay cannot undo a later change to the entry (e.g. a redaction after erasure).
 */
export async function insertOnce<T extends ProjectedDoc>(
  collection: ReadCollection<T>,
  eventId: string,
  position: Position,
  fields: DocFields<T>,
): Promise<boolean> {
  if ((await collection.get(eventId)) !== null) return false;
  await collection.put({ ...fields, id: eventId, _position: position } as unknown as T);
  return true;
}
