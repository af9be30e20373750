import { type Collection, type Db, MongoClient, MongoServerError } from 'mongodb';
import type { Position } from '@warden/shared/envelope';
import { CheckpointListeners } from './checkpoint-listeners';
import { LeaseLostError } from './lease-lost.error';
import { bulkWriteChanges } from './mongodb-batch';
import { MongoDbReadCollection } from './mongodb-read-collection';
import type { BatchWrite, CollectionReplacement, Doc, ReadCollection, ReadStore } from './read-store.port';
import { assertCollectionName } from './read-store-guards';
import { CHECKPOINTS } from './read-store-guards';
import { MongoDbThrottleRecords } from './mongodb-throttle-records';
import type { ThrottleRecords } from './throttle-records.port';

interface CheckpointDoc {
  _id: string;
  position?: Position;
  /** The highest lease token granted for this key: a write with a lower one is refused. */
  fence?: number;
}

interface LeaseDoc {
  _id: string;
  holder: string;
  token: number;
  /** ms since the epoch; projector hosts need roughly synchronised clocks (NTP). */
  expiresAt: number;
}

const LEASES = 'projector_leases';
const DUPLICATE_KEY = 11000;

/** The production read store: one MongoDB database, one collection per read model. */
export class MongoDbReadStore implements ReadStore {
  private readonly checkpoints: Collection<CheckpointDoc>;
  private readonly leases: Collection<LeaseDoc>;
  private readonly checkpointListeners = new CheckpointListeners();

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {
    this.checkpoints = db.collection<CheckpointDoc>(CHECKPOINTS);
    this.leases = db.collection<LeaseDoc>(LEASES);
  }

  static async connect(url: string, dbName: string): Promise<MongoDbReadStore> {
    // ignoreUndefined: an undefined field is left out, as JSON (SQLite) does, instead of
    // being stored as null.
    const client = await MongoClient.connect(url, { ignoreUndefined: true });
    return new MongoDbReadStore(client, client.db(dbName));
  }

  collection<T extends Doc>(name: string): ReadCollection<T> {
    return new MongoDbReadCollection<T>(this.db, name);
  }

  async getCheckpoint(projector: string): Promise<Position | undefined> {
    const checkpoint = await this.checkpoints.findOne({ _id: { $eq: projector } });
    return checkpoint?.position;
  }

  async saveCheckpoint(projector: string, position: Position): Promise<void> {
    await this.checkpoints.updateOne({ _id: projector }, { $set: { position } }, { upsert: true });
    this.checkpointListeners.notify();
  }

  /**
   * Documents first (one bulkWrite per collection, guarded by `_position`), then the
   * checkpoint, fenced: its filter only matches while the stored fence is not above our
   * token, and a refused upsert collides on `_id`. The lease is also checked before the
   * documents, so a holder that knows it lost stops before writing anything.
   */
  async commitBatch({ changes, checkpoint }: BatchWrite): Promise<void> {
    const { key, position, fence } = checkpoint;
    if (fence && (await this.leases.countDocuments({ _id: { $eq: key }, holder: fence.holder, token: fence.token })) === 0) {
      throw new LeaseLostError(key, fence.holder);
    }
    for (const change of changes) await bulkWriteChanges(this.db, change);
    const filter = fence ? { _id: key, $or: [{ fence: { $exists: false } }, { fence: { $lte: fence.token } }] } : { _id: key };
    try {
      await this.checkpoints.updateOne(filter, { $set: { position } }, { upsert: true });
    } catch (error) {
      if (fence && error instanceof MongoServerError && error.code === DUPLICATE_KEY) throw new LeaseLostError(key, fence.holder);
      throw error;
    }
    this.checkpointListeners.notify();
  }

  async commitBatches(batches: BatchWrite[]): Promise<void> {
    for (const batch of batches) await this.commitBatch(batch);
  }

  /** Renew, else take over an expired lease (token + 1, fence raised on the checkpoint), else create. */
  async acquireLease(key: string, holder: string, ttlMs: number): Promise<number | undefined> {
    const now = Date.now();
    const renewed = await this.leases.findOneAndUpdate({ _id: key, holder }, { $set: { expiresAt: now + ttlMs } }, { returnDocument: 'after' });
    if (renewed) return renewed.token;
    const taken = await this.leases.findOneAndUpdate(
      { _id: key, expiresAt: { $lte: now } },
      { $set: { holder, expiresAt: now + ttlMs }, $inc: { token: 1 } },
      { returnDocument: 'after' },
    );
    let token = taken?.token;
    if (token === undefined) {
      try {
        await this.leases.insertOne({ _id: key, holder, token: 1, expiresAt: now + ttlMs });
        token = 1;
      } catch (error) {
        if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return undefined; // another holder's, still running
        throw error;
      }
    }
    await this.checkpoints.updateOne({ _id: key }, { $max: { fence: token } }, { upsert: true });
    return token;
  }

  async releaseLease(key: string, holder: string): Promise<void> {
    await this.leases.updateOne({ _id: key, holder }, { $set: { expiresAt: 0 } });
  }

  /**
   * Lease fenced first (token + 1, expired; fence raised on the live checkpoint), so the
   * live projector's commits stop; then each collection renamed over its live one
   * (`dropTarget`: atomic per collection, indexes included); then the checkpoint. A commit
   * that slipped in between lands on a collection guarded by `_position` and is replayed
   * from the new checkpoint anyway.
   */
  async replaceCollections({ collections, checkpoint }: CollectionReplacement): Promise<void> {
    const position = (await this.checkpoints.findOne({ _id: { $eq: checkpoint.replacement } }))?.position;
    if (position === undefined) throw new Error(`no checkpoint ${checkpoint.replacement} to put in place of ${checkpoint.live}`);
    const fenced = await this.leases.findOneAndUpdate(
      { _id: checkpoint.live },
      { $inc: { token: 1 }, $set: { expiresAt: 0 } },
      { returnDocument: 'after' },
    );
    if (fenced) await this.checkpoints.updateOne({ _id: checkpoint.live }, { $max: { fence: fenced.token } }, { upsert: true });
    for (const { live, replacement } of collections) {
      assertCollectionName(live);
      assertCollectionName(replacement);
      const exists = (await this.db.listCollections({ name: replacement }, { nameOnly: true }).toArray()).length > 0;
      if (exists) await this.db.renameCollection(replacement, live, { dropTarget: true });
      else await this.db.collection(live).deleteMany({});
    }
    await this.checkpoints.updateOne({ _id: checkpoint.live }, { $set: { position } }, { upsert: true });
    await this.checkpoints.updateOne({ _id: checkpoint.replacement }, { $unset: { position: '' } });
    this.checkpointListeners.notify();
  }

  onCheckpoint(listener: () => void): () => void {
    return this.checkpointListeners.add(listener);
  }

  /** Unsets the position only: the fence stays, so a stale holder stays fenced across a rebuild. */
  async deleteCheckpoint(projector: string): Promise<void> {
    await this.checkpoints.updateOne({ _id: { $eq: projector } }, { $unset: { position: '' } });
  }

  /** MongoDB rewrites documents in place through its storage engine; there is no log of ours to purge. */
  async purgeOverwritten(): Promise<void> {}

  throttleRecords(name: string): ThrottleRecords {
    return new MongoDbThrottleRecords(this.db, name);
  }

  async ping(): Promise<void> {
    await this.db.command({ ping: 1 });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
