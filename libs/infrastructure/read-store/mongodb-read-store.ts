import { type Collection, type Db, MongoClient } from 'mongodb';
import type { Position } from '../../shared/envelope';
import { MongoDbReadCollection } from './mongodb-read-collection';
import type { Doc, ReadCollection, ReadStore } from './read-store.port';
import { CHECKPOINTS } from './read-store-guards';
import { MongoDbThrottleRecords } from './mongodb-throttle-records';
import type { ThrottleRecords } from './throttle-records.port';

interface CheckpointDoc {
  _id: string;
  position: Position;
}

/** The production read store: one MongoDB database, one collection per read model. */
export class MongoDbReadStore implements ReadStore {
  private readonly checkpoints: Collection<CheckpointDoc>;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {
    this.checkpoints = db.collection<CheckpointDoc>(CHECKPOINTS);
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
  }

  async deleteCheckpoint(projector: string): Promise<void> {
    await this.checkpoints.deleteOne({ _id: { $eq: projector } });
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
