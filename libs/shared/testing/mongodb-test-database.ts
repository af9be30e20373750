import { randomBytes } from 'node:crypto';
import { type Db, MongoClient } from 'mongodb';

/**
 * The database a MongoDB spec runs in, cleaned up after the suite. A named database
 * (MONGODB_DB) may be shared with other runs: then it stays, and only `removeOwnLeftovers`
 * runs, to remove what this run created. Otherwise the spec gets a database of its own,
 * dropped afterwards.
 */
export function mongoTestDatabase(url: string, removeOwnLeftovers: (db: Db) => Promise<void>): string {
  const sharedDb = process.env.MONGODB_DB;
  const dbName = sharedDb ?? `warden_test_${randomBytes(4).toString('hex')}`;

  afterAll(async () => {
    const client = await MongoClient.connect(url);
    try {
      const db = client.db(dbName);
      if (sharedDb === undefined) await db.dropDatabase();
      else await removeOwnLeftovers(db);
    } finally {
      await client.close();
    }
  });

  return dbName;
}
