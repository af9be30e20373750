import { describeWithEnv } from '@warden/shared/testing/gated-suite';
import { mongoTestDatabase } from '@warden/shared/testing/mongodb-test-database';
import { MongoDbReadStore } from './mongodb-read-store';
import { describeProjectorBatchContract } from './projector-batch.contract';
import { describeReadStoreContract, readStoreContractPrefix } from './read-store.contract';
import { CHECKPOINTS } from './read-store-guards';
import { describeThrottleRecordsContract } from './throttle-records.contract';

describeWithEnv('MONGODB_URL', 'MongoDB read store contract', (url) => {
  // In a shared database, only what this run created is removed.
  const dbName = mongoTestDatabase(url, async (db) => {
    for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
      if (name.startsWith(readStoreContractPrefix) || name.startsWith(`throttle_${readStoreContractPrefix}`)) await db.dropCollection(name);
    }
    await db.collection<{ _id: string }>(CHECKPOINTS).deleteMany({ _id: { $regex: `^${readStoreContractPrefix}` } });
    await db.collection<{ _id: string }>('projector_leases').deleteMany({ _id: { $regex: `^${readStoreContractPrefix}` } });
  });

  describeReadStoreContract('MongoDbReadStore', () => MongoDbReadStore.connect(url, dbName));
  describeThrottleRecordsContract('MongoDbReadStore', () => MongoDbReadStore.connect(url, dbName));
  describeProjectorBatchContract('MongoDbReadStore', () => MongoDbReadStore.connect(url, dbName));
});
