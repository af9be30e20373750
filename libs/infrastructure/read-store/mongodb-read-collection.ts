import { type Collection, type Db, type Document, MongoServerError } from 'mongodb';
import { toMongoFilter, toMongoSort, uniquePartialFilter } from './mongodb-query';
import type { Doc, Filter, FindOptions, ReadCollection } from './read-store.port';
import { assertCollectionName, assertDoc, assertFieldName, assertFilter, assertFindOptions } from './read-store-guards';
import { UniqueViolationError } from './unique-violation.error';

/** How a document sits in MongoDB: its `id` moved to `_id`. */
export interface StoredDoc {
  _id: string;
  [field: string]: unknown;
}

const DUPLICATE_KEY = 11000;

export class MongoDbReadCollection<T extends Doc> implements ReadCollection<T> {
  private readonly collection: Collection<StoredDoc>;

  constructor(
    db: Db,
    private readonly name: string,
  ) {
    assertCollectionName(name);
    this.collection = db.collection<StoredDoc>(name);
  }

  async get(id: string): Promise<T | null> {
    const stored = await this.collection.findOne({ _id: { $eq: id } });
    return stored === null ? null : this.toDoc(stored);
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    assertFilter(filter);
    assertFindOptions(options);
    // MongoDB reads limit 0 as "no limit".
    if (options.limit === 0) return [];
    const cursor = this.collection.find(toMongoFilter(filter, options.range), { sort: toMongoSort(options.sort) });
    if (options.limit !== undefined) cursor.limit(options.limit);
    return (await cursor.toArray()).map((stored) => this.toDoc(stored));
  }

  async count(filter: Filter): Promise<number> {
    assertFilter(filter);
    return this.collection.countDocuments(toMongoFilter(filter));
  }

  async put(doc: T): Promise<void> {
    assertDoc(doc);
    const { id, ...fields } = doc;
    // A plain equality on `_id` (id is checked to be a string): the upsert takes its _id from it.
    await this.refusingDuplicates(() => this.collection.replaceOne({ _id: id }, fields, { upsert: true }));
  }

  async delete(id: string): Promise<void> {
    await this.collection.deleteOne({ _id: { $eq: id } });
  }

  async deleteMany(filter: Filter): Promise<number> {
    assertFilter(filter);
    return (await this.collection.deleteMany(toMongoFilter(filter))).deletedCount;
  }

  async truncate(): Promise<void> {
    // deleteMany, not drop: the indexes stay declared.
    await this.collection.deleteMany({});
  }

  async ensureIndex(field: string, options: { unique?: boolean } = {}): Promise<void> {
    assertFieldName(field);
    if (field === 'id') return; // `_id` is always uniquely indexed
    // The plain index serves lookups: the planner may not prove that an equality falls
    // inside the unique index's partial filter.
    await this.collection.createIndex({ [field]: 1 }, { name: `${field}_1` }, undefined);
    if (options.unique !== true) return;
    await this.refusingDuplicates(() =>
      this.collection.createIndex(
        { [field]: 1 },
        { name: `${field}_unique`, unique: true, partialFilterExpression: uniquePartialFilter(field) },
        undefined,
      ),
    );
  }

  private async refusingDuplicates<R>(write: () => Promise<R>): Promise<R> {
    try {
      return await write();
    } catch (error) {
      // The server's message quotes the duplicate value (often personal data): not passed on.
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) {
        throw new UniqueViolationError(this.name, duplicatedField(error));
      }
      throw error;
    }
  }

  private toDoc(stored: StoredDoc): T {
    const { _id, ...fields } = stored;
    // The stored shape is whatever put() was given for this collection: T by construction.
    return { id: _id, ...fields } as T;
  }
}

/** Servers report the refusing index's key pattern, e.g. {email: 1}. */
export function duplicatedField(error: MongoServerError): string | undefined {
  const pattern: unknown = error.errorResponse.keyPattern;
  if (typeof pattern !== 'object' || pattern === null) return undefined;
  const [field] = Object.keys(pattern as Document);
  return field === '_id' ? 'id' : field;
}
