// A projector process for the failover tests: the real read-model projections on the
// SQLite files of DATA_DIR, under a lease of LEASE_TTL_MS. It prints one JSON line per
// committed batch and per lease change, and runs until killed.
import { join } from 'node:path';
import { DataKeyring } from '@warden/infrastructure/crypto/data-keyring';
import { AccountEventCodec } from '@warden/infrastructure/event-codec/account-event.codec';
import { SqliteEventStore } from '@warden/infrastructure/event-store/sqlite-event-store';
import { SqliteKeyStore } from '@warden/infrastructure/keys/sqlite-key-store';
import { SqliteReadStore } from '@warden/infrastructure/read-store/sqlite-read-store';
import { ACCOUNT_PROJECTIONS } from '../account-projections';
import { ProjectorRunner } from '../projector-runner';
import { leasedRunnerOptions } from '../runner-options';

const dir = process.env.DATA_DIR ?? '';
const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

const events = new SqliteEventStore(join(dir, 'events.db'));
const store = new SqliteReadStore(join(dir, 'read-models.db'));
const codec = new AccountEventCodec(new DataKeyring(new SqliteKeyStore(join(dir, 'keys.db')), Buffer.from(process.env.MASTER_KEY ?? '', 'hex')));
const config = {
  projector: { batchSize: Number(process.env.BATCH), pollIntervalMs: 1000, leaseTtlMs: Number(process.env.LEASE_TTL_MS) },
};
const options = leasedRunnerOptions(config, store, (projection, error) => print({ kind: 'error', projection, error: String(error) }));
const runner = new ProjectorRunner(
  { events, store, projections: ACCOUNT_PROJECTIONS, decode: (e) => codec.decode(e) },
  {
    ...options,
    onBatch: (projection, batch) => print({ kind: 'batch', projection, ...batch }),
    onLeaseChange: (projection, held) => print({ kind: 'lease', projection, held, at: Date.now() }),
  },
);
void runner.start().then(() => print({ kind: 'ready', holder: options.lease.holder }));
