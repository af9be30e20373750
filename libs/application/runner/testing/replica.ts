import { join } from 'node:path';
import type { AccountEvent } from '@warden/account/account.events';
import { DataKeyring } from '@warden/infrastructure/crypto/data-keyring';
import { SqliteEventStore } from '@warden/infrastructure/event-store/sqlite-event-store';
import { SqliteKeyStore } from '@warden/infrastructure/keys/sqlite-key-store';
import { WardenMetrics } from '@warden/infrastructure/metrics/warden-metrics';
import { systemClock } from '@warden/shared/clock';
import { AccountCommandRunner } from '../account-command-runner';
import type { AccountRepository } from '../account.repository';
import type { CommandMetadata } from '../command-metadata';
import { embeddedRepository } from './embedded-repository';

export const MASTER_KEY = Buffer.alloc(32, 7);

export const TEST_META: CommandMetadata = { correlationId: 'test-correlation', actor: { type: 'service', id: 'test' } };

/** What one api process has over the embedded files: its own connections, caches and queue. */
export interface Replica {
  events: SqliteEventStore;
  keyring: DataKeyring;
  repository: AccountRepository;
  runner: AccountCommandRunner;
  metrics: WardenMetrics;
  close(): Promise<void>;
}

/** Opens a replica on the stores in `dir`; several replicas on one dir share the files, as processes would. */
export function openReplica(dir: string, writeModel: { cacheSize?: number; snapshotEvery?: number } = {}): Replica {
  const events = new SqliteEventStore(join(dir, 'events.db'));
  const keys = new SqliteKeyStore(join(dir, 'keys.db'));
  const keyring = new DataKeyring(keys, MASTER_KEY);
  const embedded = embeddedRepository(events, keyring, dir, writeModel);
  const metrics = new WardenMetrics();
  return {
    events,
    keyring,
    repository: embedded.repository,
    runner: new AccountCommandRunner(embedded.repository, systemClock, metrics),
    metrics,
    async close() {
      await embedded.close();
      await keys.close();
      await events.close();
    },
  };
}

/** Appends the events as facts of now, the way the runner would, without a decider. */
export async function seed(replica: Replica, accountId: string, events: AccountEvent[]): Promise<void> {
  const { revision } = await replica.repository.load(accountId);
  await replica.repository.append(accountId, events, revision, {
    ...TEST_META,
    causationId: 'seed',
    occurredAt: new Date().toISOString(),
  });
}

/** Registered and verified: the usual starting point, with this account id. */
export function activeAccount(accountId: string, email = 'ann@example.com'): AccountEvent[] {
  return [
    {
      type: 'AccountRegistered',
      data: { accountId, email, username: null, displayName: 'Ann', passwordHash: '$2b$04$notarealhashnotarealhashnotarealhashnotarealhashno', origin: null },
    },
    { type: 'EmailVerificationRequested', data: { tokenId: 't1', tokenHash: 'h1', expiresAt: '2099-01-01T00:00:00.000Z', email } },
    { type: 'EmailVerified', data: { email } },
  ];
}
