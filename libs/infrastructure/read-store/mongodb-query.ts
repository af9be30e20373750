// Turns the ReadStore query shape into MongoDB query documents. Every equality is an
// explicit $eq so a value can never be read as an operator, even if the static types
// were bypassed (read-store-guards rejects such values first anyway).
import type { Document, SortDirection } from 'mongodb';
import type { Filter, FindOptions } from './read-store.port';
import { rangeBounds } from './read-store-guards';

/** The document key is stored as MongoDB's `_id`. */
export function mongoField(field: string): string {
  return field === 'id' ? '_id' : field;
}

export function toMongoFilter(filter: Filter, range?: FindOptions['range']): Document {
  const query: Document = {};
  for (const [field, value] of Object.entries(filter)) {
    // {$eq: null} matches a missing field too, as SQLite's IS NULL does.
    query[mongoField(field)] = { $eq: value };
  }
  if (range) {
    const key = mongoField(range.field);
    const conditions: Document = { ...(query[key] as Document | undefined) };
    for (const [op, value] of rangeBounds(range)) conditions[`$${op}`] = value;
    query[key] = conditions;
  }
  return query;
}

/** Always ends with `_id`, so equal keys come back in the same order in every adapter. */
export function toMongoSort(sort: FindOptions['sort'] = []): [string, SortDirection][] {
  const keys: [string, SortDirection][] = sort.map(({ field, direction }) => [mongoField(field), direction === 'asc' ? 1 : -1]);
  if (!sort.some(({ field }) => field === 'id')) keys.push(['_id', 1]);
  return keys;
}

/**
 * A unique index constrains only present, non-null scalar values: documents without the
 * field (or with null) never collide, matching SQLite, where NULLs are distinct.
 */
export function uniquePartialFilter(field: string): Document {
  return { $or: ['string', 'number', 'bool'].map((type) => ({ [field]: { $type: type } })) };
}
