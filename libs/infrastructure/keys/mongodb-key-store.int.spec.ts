import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describeWithEnv } from '../../shared/testing/gated-suite';
import { describeKeyStoreContract, keyStoreContractPrefix } from './key-store.contract';
import { MongoDbKeyStore } from './mongodb-key-store';

describeWithEnv('MONGODB_URL', 'MongoDB key store contract', (url) => {
  // A named database may be shared: then only the accounts this run created are removed.
  const sharedDb = process.env.MONGODB_DB;
  const dbName = sharedDb ?? `warden_test_${randomBytes(4).toString('hex')}`;

  afterAll(async () => {
    const client = await MongoClient.connect(url);
    try {
      const db = client.db(dbName);
      if (sharedDb === undefined) await db.dropDatabase();
      else await db.collection<{ _id: string }>('data_keys').deleteMany({ _id: { $regex: `^${keyStoreContractPrefix}` } });
    } finally {
      await client.close();
    }
  });

  describeKeyStoreContract('MongoDbKeyStore', () => MongoDbKeyStore.connect(url, dbName));
});
