import { type Collection, type Db, MongoClient, MongoServerError } from 'mongodb';
import type { SnapshotStore, StoredSnapshot } from './snapshot-store.port';

interface SnapshotDoc {
  _id: string;
  revision: number;
  shape: string;
  sealed: Buffer;
}

const DUPLICATE_KEY = 11000;

/**
 * The production snapshot store: collection `snapshots`, the account id as `_id`. A
 * conditional upsert keeps the later revision when replicas save the same account at once.
 * Default write concern: a lost snapshot costs one longer load, never a fact.
 */
export class MongoDbSnapshotStore implements SnapshotStore {
  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    private readonly snapshots: Collection<SnapshotDoc>,
  ) {}

  static async connect(url: string, dbName: string): Promise<MongoDbSnapshotStore> {
    const client = await MongoClient.connect(url);
    const db = client.db(dbName);
    return new MongoDbSnapshotStore(client, db, db.collection<SnapshotDoc>('snapshots'));
  }

  async get(accountId: string): Promise<StoredSnapshot | null> {
    // promoteBuffers: BSON binary comes back as a Buffer rather than a bson Binary.
    const doc = await this.snapshots.findOne({ _id: { $eq: accountId } }, { promoteBuffers: true });
    if (doc === null) return null;
    return { accountId, revision: doc.revision, shape: doc.shape, sealed: Buffer.from(doc.sealed) };
  }

  async save({ accountId, revision, shape, sealed }: StoredSnapshot): Promise<void> {
    try {
      // Matches only a snapshot this one may replace; when a newer one of the same shape is
      // stored, the upsert's insert hits the unique _id and the newer one stays.
      await this.snapshots.updateOne(
        { _id: accountId, $or: [{ shape: { $ne: shape } }, { revision: { $lt: revision } }] },
        { $set: { revision, shape, sealed } },
        { upsert: true },
      );
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
    }
  }

  async delete(accountId: string): Promise<void> {
    await this.snapshots.deleteOne({ _id: { $eq: accountId } });
  }

  async ping(): Promise<void> {
    await this.db.command({ ping: 1 });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
