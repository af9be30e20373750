// Runtime checks shared by every ReadStore adapter. Names end up in SQL text (SQLite) or
// in query documents (MongoDB), and filter values may come from request bodies, so both
// are checked here rather than trusted to the static types.
import type { Doc, Filter, FindOptions } from './read-store.port';

const COLLECTION_NAME = /^[a-z_][a-z0-9_]*$/;
// Top-level fields only: no dots (nested paths), no `$` (MongoDB operators). `_id` is
// where MongoDB keeps `id`; other leading underscores (e.g. `_position`) are fine.
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED_FIELD = '_id';
const MAX_NAME_LENGTH = 64;

/** Each adapter keeps its projector checkpoints under this name. */
export const CHECKPOINTS = 'checkpoints';

export type FilterValue = Filter[string];
export type RangeValue = string | number;

export function assertCollectionName(name: string): void {
  if (typeof name !== 'string' || name.length > MAX_NAME_LENGTH || !COLLECTION_NAME.test(name)) {
    throw new TypeError(`invalid collection name ${JSON.stringify(name)}: expected ${COLLECTION_NAME}`);
  }
  if (name === CHECKPOINTS) throw new TypeError(`collection name "${CHECKPOINTS}" is reserved`);
}

export function assertFieldName(field: string): void {
  if (typeof field !== 'string' || field.length > MAX_NAME_LENGTH || !FIELD_NAME.test(field)) {
    throw new TypeError(`invalid field name ${JSON.stringify(field)}: expected ${FIELD_NAME}`);
  }
  if (field === RESERVED_FIELD) throw new TypeError(`field name "${RESERVED_FIELD}" is reserved: use id`);
}

export function assertDoc(doc: Doc): void {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new TypeError('a document must be an object');
  if (typeof doc.id !== 'string' || doc.id.length === 0) throw new TypeError('a document needs a non-empty string id');
  if (RESERVED_FIELD in doc) throw new TypeError(`a document must not carry an ${RESERVED_FIELD} field`);
}

/** Rejects operator objects such as {"$ne": null} that would otherwise reach MongoDB. */
export function assertFilter(filter: Filter): void {
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) throw new TypeError('a filter must be an object');
  for (const [field, value] of Object.entries(filter)) {
    assertFieldName(field);
    if (!isFilterValue(value)) {
      throw new TypeError(`filter on ${field}: expected a string, finite number, boolean or null`);
    }
  }
}

export function assertFindOptions(options: FindOptions): void {
  const { range, sort, limit } = options;
  if (range !== undefined) {
    assertFieldName(range.field);
    const bounds = rangeBounds(range);
    if (bounds.length === 0) throw new TypeError(`range on ${range.field} has no bound`);
    const kinds = new Set(bounds.map(([, value]) => typeof value));
    for (const [, value] of bounds) {
      if (!isRangeValue(value)) throw new TypeError(`range on ${range.field}: bounds must be strings or finite numbers`);
    }
    // A mixed range has no meaning: each adapter compares within one type only.
    if (kinds.size > 1) throw new TypeError(`range on ${range.field}: bounds must all be strings or all numbers`);
  }
  for (const key of sort ?? []) {
    assertFieldName(key.field);
    if (key.direction !== 'asc' && key.direction !== 'desc') throw new TypeError(`sort on ${key.field}: direction must be asc or desc`);
  }
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 0)) {
    throw new TypeError('limit must be a non-negative integer');
  }
}

export type RangeOperator = 'gt' | 'gte' | 'lt' | 'lte';

export function rangeBounds(range: NonNullable<FindOptions['range']>): [RangeOperator, RangeValue][] {
  const operators: RangeOperator[] = ['gt', 'gte', 'lt', 'lte'];
  const bounds: [RangeOperator, RangeValue][] = [];
  for (const op of operators) {
    const value = range[op];
    if (value !== undefined) bounds.push([op, value]);
  }
  return bounds;
}

function isFilterValue(value: unknown): value is FilterValue {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function isRangeValue(value: unknown): value is RangeValue {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}
