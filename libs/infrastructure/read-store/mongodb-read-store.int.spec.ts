import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describeWithEnv } from '../../shared/testing/gated-suite';
import { MongoDbReadStore } from './mongodb-read-store';
import { describeReadStoreContract, readStoreContractPrefix } from './read-store.contract';
import { CHECKPOINTS } from './read-store-guards';

describeWithEnv('MONGODB_URL', 'MongoDB read store contract', (url) => {
  // A named database may be shared: then only what this run created is removed.
  const sharedDb = process.env.MONGODB_DB;
  const dbName = sharedDb ?? `warden_test_${randomBytes(4).toString('hex')}`;

  afterAll(async () => {
    const client = await MongoClient.connect(url);
    try {
      const db = client.db(dbName);
      if (sharedDb === undefined) {
        await db.dropDatabase();
        return;
      }
      for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
        if (name.startsWith(readStoreContractPrefix)) await db.dropCollection(name);
      }
      await db.collection<{ _id: string }>(CHECKPOINTS).deleteMany({ _id: { $regex: `^${readStoreContractPrefix}` } });
    } finally {
      await client.close();
    }
  });

  describeReadStoreContract('MongoDbReadStore', () => MongoDbReadStore.connect(url, dbName));
});
