import { describeWithEnv } from '@warden/shared/testing/gated-suite';
import { mongoTestDatabase } from '@warden/shared/testing/mongodb-test-database';
import { describeKeyStoreContract, keyStoreContractPrefix } from './key-store.contract';
import { MongoDbKeyStore } from './mongodb-key-store';

describeWithEnv('MONGODB_URL', 'MongoDB key store contract', (url) => {
  // In a shared database, only the accounts this run created are removed.
  const dbName = mongoTestDatabase(url, async (db) => {
    await db.collection<{ _id: string }>('data_keys').deleteMany({ _id: { $regex: `^${keyStoreContractPrefix}` } });
  });

  describeKeyStoreContract('MongoDbKeyStore', () => MongoDbKeyStore.connect(url, dbName));
});
