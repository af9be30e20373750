import { join } from 'node:path';
import type { WardenConfig } from './config/warden-config';
import { EventStoreDbEventStore } from './event-store/eventstoredb-event-store';
import type { EventStore } from './event-store/event-store.port';
import { SqliteEventStore } from './event-store/sqlite-event-store';
import type { KeyStore } from './keys/key-store.port';
import { MongoDbKeyStore } from './keys/mongodb-key-store';
import { SqliteKeyStore } from './keys/sqlite-key-store';
import { EmlOutboxMailer } from './mail/eml-outbox.mailer';
import type { Mailer } from './mail/mailer.port';
import { SmtpMailer } from './mail/smtp.mailer';
import { BullMqJobQueue } from './queue/bullmq-job-queue';
import type { JobQueue } from './queue/job-queue.port';
import { SqliteJobQueue } from './queue/sqlite-job-queue';
import { MongoDbReadStore } from './read-store/mongodb-read-store';
import type { ReadStore } from './read-store/read-store.port';
import { SqliteReadStore } from './read-store/sqlite-read-store';
import { MongoDbSnapshotStore } from './snapshots/mongodb-snapshot-store';
import type { SnapshotStore } from './snapshots/snapshot-store.port';
import { SqliteSnapshotStore } from './snapshots/sqlite-snapshot-store';

/** The backing parts of contract §1, each picked by its own variable (any mix works). */
export interface BackingServices {
  events: EventStore;
  read: ReadStore;
  queue: JobQueue;
  mailer: Mailer;
  keys: KeyStore;
  /** Write-model snapshots: a cache of folds, never the source of truth. */
  snapshots: SnapshotStore;
  /** Which adapter serves each part, for the start-up line and /health. */
  describe: Record<'events' | 'read' | 'queue' | 'mail' | 'keys' | 'snapshots', string>;
  close(): Promise<void>;
}

export async function openBackingServices(config: WardenConfig): Promise<BackingServices> {
  const dir = config.dataDir;
  const events = config.eventStoreUrl ? new EventStoreDbEventStore(config.eventStoreUrl) : new SqliteEventStore(join(dir, 'events.db'), { checkpointInBackground: true });
  const read = config.mongodbUrl
    ? await MongoDbReadStore.connect(config.mongodbUrl, config.mongodbDb)
    : new SqliteReadStore(join(dir, 'read-models.db'), { checkpointInBackground: true });
  // Data keys follow the read side's backend: MongoDB in production, a file beside the others when embedded.
  const keys = config.mongodbUrl
    ? await MongoDbKeyStore.connect(config.mongodbUrl, config.mongodbDb)
    : new SqliteKeyStore(join(dir, 'keys.db'));
  // Snapshots follow the keys that seal them.
  const snapshots = config.mongodbUrl
    ? await MongoDbSnapshotStore.connect(config.mongodbUrl, config.mongodbDb)
    : new SqliteSnapshotStore(join(dir, 'snapshots.db'));
  const queue = config.redisUrl ? new BullMqJobQueue(config.redisUrl) : new SqliteJobQueue(join(dir, 'jobs.db'));
  const mailer = config.smtpUrl
    ? new SmtpMailer(config.smtpUrl, config.mailFrom)
    : new EmlOutboxMailer(join(dir, 'outbox'), config.mailFrom);
  return {
    events,
    read,
    queue,
    mailer,
    keys,
    snapshots,
    describe: {
      events: config.eventStoreUrl ? 'eventstoredb' : 'sqlite',
      read: config.mongodbUrl ? 'mongodb' : 'sqlite',
      keys: config.mongodbUrl ? 'mongodb' : 'sqlite',
      snapshots: config.mongodbUrl ? 'mongodb' : 'sqlite',
      queue: config.redisUrl ? 'bullmq' : 'sqlite',
      mail: config.smtpUrl ? 'smtp' : 'eml-outbox',
    },
    async close() {
      // Reverse order of dependence; each close is attempted even if another fails.
      const results = await Promise.allSettled([queue.close(), mailer.close(), read.close(), keys.close(), snapshots.close(), events.close()]);
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}
