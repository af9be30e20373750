import { type Collection, type Db, MongoClient, MongoServerError } from 'mongodb';
import { KeyAlreadyExistsError, type KeyStore, type StoredKey } from './key-store.port';

/** An active key has wrappedKey; a tombstone has destroyedAt only. */
interface KeyDoc {
  _id: string;
  wrappedKey?: Buffer;
  destroyedAt?: string;
}

const DUPLICATE_KEY = 11000;

/**
 * The production key store: collection `data_keys` with the account id as `_id`, so the
 * unique `_id` index makes create atomic across every process and replica.
 */
export class MongoDbKeyStore implements KeyStore {
  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    private readonly keys: Collection<KeyDoc>,
  ) {}

  static async connect(url: string, dbName: string): Promise<MongoDbKeyStore> {
    const client = await MongoClient.connect(url);
    const db = client.db(dbName);
    // A key acknowledged to the caller must survive a failover: events encrypted with a
    // rolled-back key could never be read again.
    const keys = db.collection<KeyDoc>('data_keys', { writeConcern: { w: 'majority', journal: true } });
    return new MongoDbKeyStore(client, db, keys);
  }

  async create(accountId: string, wrappedKey: Buffer): Promise<void> {
    assertAccountId(accountId);
    if (!Buffer.isBuffer(wrappedKey) || wrappedKey.length === 0) throw new TypeError('a wrapped key must be a non-empty Buffer');
    try {
      await this.keys.insertOne({ _id: accountId, wrappedKey });
    } catch (error) {
      if (isDuplicateKey(error)) throw new KeyAlreadyExistsError(accountId);
      throw error;
    }
  }

  async get(accountId: string): Promise<StoredKey | null> {
    // promoteBuffers: BSON binary comes back as a Buffer rather than a bson Binary.
    const doc = await this.keys.findOne({ _id: { $eq: accountId } }, { promoteBuffers: true });
    if (doc === null) return null;
    if (typeof doc.destroyedAt === 'string') return { state: 'destroyed', destroyedAt: doc.destroyedAt };
    if (!Buffer.isBuffer(doc.wrappedKey)) throw new Error(`data_keys document for account ${accountId} has neither key nor tombstone`);
    return { state: 'active', wrappedKey: Buffer.from(doc.wrappedKey) };
  }

  async destroy(accountId: string, at: Date): Promise<void> {
    assertAccountId(accountId);
    // Upsert: an unknown account gets a tombstone too, so nothing may mint its key later.
    // $min keeps the earliest time on repeats (ISO-8601 strings order as times).
    const destroy = () =>
      this.keys.updateOne({ _id: accountId }, { $unset: { wrappedKey: '' }, $min: { destroyedAt: at.toISOString() } }, { upsert: true });
    try {
      await destroy();
    } catch (error) {
      // A create that inserted between our match and our insert: the document exists now,
      // so the retry updates it.
      if (!isDuplicateKey(error)) throw error;
      await destroy();
    }
  }

  async ping(): Promise<void> {
    await this.db.command({ ping: 1 });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

function assertAccountId(accountId: string): void {
  if (typeof accountId !== 'string' || accountId.length === 0) throw new TypeError('an account id must be a non-empty string');
}
