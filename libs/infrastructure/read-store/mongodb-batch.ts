import { type AnyBulkWriteOperation, type Db, MongoBulkWriteError, type WriteError } from 'mongodb';
import type { StoredDoc } from './mongodb-read-collection';
import type { CollectionChanges } from './read-store.port';
import { assertCollectionName, assertDoc } from './read-store-guards';
import { UniqueViolationError } from './unique-violation.error';

/**
 * One collection's part of a projector batch as a single unordered bulkWrite. A document
 * carrying `_position` only replaces one at the same or an older position: a batch
 * replayed after a crash (or written late by a holder that lost its lease) can never move
 * a document backwards. The refused upsert surfaces as a duplicate `_id`, which is the
 * guard working and is ignored. Same position is allowed on purpose: an erasure rewrites a
 * document without moving its position.
 */
export async function bulkWriteChanges(db: Db, change: CollectionChanges): Promise<void> {
  assertCollectionName(change.collection);
  const operations: AnyBulkWriteOperation<StoredDoc>[] = change.delete.map((id) => ({ deleteOne: { filter: { _id: { $eq: id } } } }));
  for (const doc of change.put) {
    assertDoc(doc);
    const { id, ...fields } = doc;
    const position = fields._position;
    const filter =
      typeof position === 'string'
        ? { _id: id, $or: [{ _position: { $exists: false } }, { _position: { $lte: position } }] }
        : { _id: id };
    operations.push({ replaceOne: { filter, replacement: fields, upsert: true } });
  }
  if (operations.length === 0) return;
  try {
    await db.collection<StoredDoc>(change.collection).bulkWrite(operations, { ordered: false });
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError)) throw error;
    const failures = ([] as WriteError[]).concat(error.writeErrors);
    const real = failures.find((failure) => !isPositionGuard(failure));
    if (real === undefined && failures.length > 0) return;
    if (real?.code === DUPLICATE_KEY) throw new UniqueViolationError(change.collection, indexField(real.errmsg));
    throw error;
  }
}

const DUPLICATE_KEY = 11000;

/** The upsert of a document whose stored `_position` is newer: its insert collides on `_id`. */
function isPositionGuard(failure: WriteError): boolean {
  return failure.code === DUPLICATE_KEY && /index: _id_ /.test(failure.errmsg ?? '');
}

/** `… index: email_unique dup key …` → `email` (the server's text; the value is not passed on). */
function indexField(message: string | undefined): string | undefined {
  return /index: (\w+?)_(?:unique|1) /.exec(message ?? '')?.[1];
}
