import { describeWithEnv } from '@warden/shared/testing/gated-suite';
import { mongoTestDatabase } from '@warden/shared/testing/mongodb-test-database';
import { MongoDbSnapshotStore } from './mongodb-snapshot-store';
import { describeSnapshotStoreContract, snapshotStoreContractPrefix } from './snapshot-store.contract';

describeWithEnv('MONGODB_URL', 'MongoDB snapshot store contract', (url) => {
  // In a shared database, only the accounts this run created are removed.
  const dbName = mongoTestDatabase(url, async (db) => {
    await db.collection<{ _id: string }>('snapshots').deleteMany({ _id: { $regex: `^${snapshotStoreContractPrefix}` } });
  });

  describeSnapshotStoreContract('MongoDbSnapshotStore', () => MongoDbSnapshotStore.connect(url, dbName));
});
