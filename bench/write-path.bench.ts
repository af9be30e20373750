import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AccountRepository } from '@warden/application/runner/account.repository';
import { accountStream } from '@warden/infrastructure/event-codec/account-streams';
import { SqliteEventStore } from '@warden/infrastructure/event-store/sqlite-event-store';
import type { EventToAppend } from '@warden/shared/envelope';
import { expectStatus } from './login.bench';
import type { BenchRatio } from './ratio';
import { type BenchWarden, CLIENT, PASSWORD, registeredAccount, startBenchWarden, verifiedAccount } from './support/bench-warden';
import { info, p50sSideBySide, ratesSideBySide } from './support/measure';

const CLIENTS = 8;

/** The write path: the store's own overhead, a command's overhead, its cost on a long history, and exactness under contention. */
export async function writePathRatios(): Promise<BenchRatio[]> {
  return [await appendRatio(), ...(await commandRatios()), ...(await contentionFigures())];
}

/** R3: SqliteEventStore.append of one event against a bare INSERT, both WAL + synchronous=FULL, one transaction each. */
async function appendRatio(): Promise<BenchRatio> {
  const dir = mkdtempSync(join(tmpdir(), 'warden-bench-append-'));
  // As the service opens it: checkpoints on their own thread (WalCheckpointer).
  const store = new SqliteEventStore(join(dir, 'events.db'), { checkpointInBackground: true });
  const raw = new Database(join(dir, 'raw.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, stream TEXT, data TEXT)');
  const insert = raw.prepare('INSERT INTO rows (stream, data) VALUES (?, ?)');
  const data = { displayName: 'v1:enc:0123456789abcdef0123456789abcdef' };
  const event = (): EventToAppend => ({
    eventId: randomUUID(),
    type: 'DisplayNameChanged',
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    data,
    metadata: { correlationId: 'bench', causationId: 'bench', actor: { type: 'service', id: 'bench' } },
  });
  try {
    const streams = Array.from({ length: CLIENTS }, () => `account-${randomUUID()}`);
    const revisions = streams.map(() => -1);
    const [appends, inserts] = await ratesSideBySide(1, [
      async (_c, i) => {
        const s = i % CLIENTS;
        const result = await store.append(streams[s], [event()], revisions[s] < 0 ? 'no_stream' : revisions[s]);
        revisions[s] = result.revision;
      },
      async () => insert.run('account-x', JSON.stringify(event())),
    ]);
    info(`event-store appends/s ${appends.toFixed(0)} · raw single-row inserts/s ${inserts.toFixed(0)} (WAL, synchronous=FULL)`);
    return { id: 'R3', label: 'event-store appends/s ÷ raw better-sqlite3 inserts/s (1 event each, same durability)', value: appends / inserts, goal: { cmp: '>=', target: 0.5 } };
  } finally {
    raw.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const rename = (w: BenchWarden, accountId: string, i: number) =>
  expectStatus(w.client.send('PATCH', `/v1/accounts/${accountId}/profile`, { displayName: `Bench ${i}` }), 200);
const live = (w: BenchWarden) => expectStatus(w.client.send('GET', '/health/live'), 200);

/** R5 (and the in-process projector's share of it), R7. */
async function commandRatios(): Promise<BenchRatio[]> {
  const w = await startBenchWarden({ BCRYPT_COST: '4' });
  try {
    const accounts = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => verifiedAccount(w, `bench-rename-${i}@example.com`)));
    const [empty, renames] = await ratesSideBySide(CLIENTS, [() => live(w), (c, i) => rename(w, accounts[c], i)]);
    info(`${CLIENTS} clients: ${renames.toFixed(0)} renames/s, ${empty.toFixed(0)} empty requests/s (GET /health/live)`);
    info(`without the in-process projector and worker (api role only): ${(await apiOnlyRenameRatio()).toFixed(2)} × the empty endpoint`);

    const short = accounts[0];
    const long = await longHistoryAccount(w, 10_000);
    for (let i = 0; i < 3; i++) await Promise.all([rename(w, short, i), rename(w, long, i)]);
    const [shortP50, longP50] = await p50sSideBySide(60, [(i) => rename(w, short, i), (i) => rename(w, long, i)]);
    info(`rename p50: ${shortP50.toFixed(2)} ms on a short account, ${longP50.toFixed(2)} ms on a 10,000-event one`);
    return [
      { id: 'R5', label: `non-hash command (rename) ÷ empty endpoint, req/s over HTTP, ${CLIENTS} clients`, value: renames / empty, goal: { cmp: '>=', target: 0.5 } },
      { id: 'R7', label: 'rename p50 on a 10,000-event account ÷ on a short one', value: longP50 / shortP50, goal: { cmp: '<=', target: 1.2 } },
    ];
  } finally {
    await w.close();
  }
}

async function apiOnlyRenameRatio(): Promise<number> {
  const w = await startBenchWarden({ BCRYPT_COST: '4' }, ['api']);
  try {
    const accounts = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => registeredAccount(w, `bench-api-only-${i}@example.com`)));
    const [empty, renames] = await ratesSideBySide(CLIENTS, [() => live(w), (c, i) => rename(w, accounts[c], i)]);
    return renames / empty;
  } finally {
    await w.close();
  }
}

/** A verified account with `events` events in its stream, appended in large batches (one transaction each). */
async function longHistoryAccount(w: BenchWarden, events: number): Promise<string> {
  const accountId = await verifiedAccount(w, 'bench-long@example.com');
  const repository = w.warden.app!.get(AccountRepository);
  const meta = { correlationId: 'bench', causationId: 'bench', actor: { type: 'service' as const, id: 'bench' } };
  for (;;) {
    const { revision } = await repository.load(accountId);
    const missing = events - 1 - Number(revision);
    if (missing <= 0) return accountId;
    const batch = Array.from({ length: Math.min(500, missing) }, (_, i) => ({ type: 'DisplayNameChanged' as const, data: { displayName: `Old name ${i}` } }));
    await repository.append(accountId, batch, revision, { ...meta, occurredAt: new Date().toISOString() });
  }
}

/** C1, C2: a burst of logins on one account, with the real lock threshold (10). */
async function contentionFigures(): Promise<BenchRatio[]> {
  const w = await startBenchWarden({ LOCK_THRESHOLD: '10' });
  try {
    const login = (email: string, password: string) => w.client.post('/v1/logins', { email, password, context: CLIENT });
    await verifiedAccount(w, 'bench-c1@example.com');
    const burst = await Promise.all(Array.from({ length: 20 }, () => login('bench-c1@example.com', PASSWORD)));
    const failed = burst.filter((r) => r.status !== 200).length;

    const target = await verifiedAccount(w, 'bench-c2@example.com');
    const wrong = await Promise.all(Array.from({ length: 30 }, () => login('bench-c2@example.com', 'Wrong7Password')));
    const stream = await w.warden.services.events.readStream(accountStream(target));
    const recorded = stream.filter((e) => e.type === 'LoginFailed').length;
    const locks = stream.filter((e) => e.type === 'AccountLocked').length;
    const serverErrors = [...burst, ...wrong].filter((r) => r.status >= 500).length;
    info(`30 wrong passwords: ${recorded} LoginFailed, ${locks} AccountLocked; 5xx answers in both bursts: ${serverErrors}`);
    return [
      { id: 'C1', label: '20 concurrent correct logins on one account that fail', value: failed, goal: { cmp: '==', target: 0 }, unit: 'fail' },
      { id: 'C2', label: 'LoginFailed recorded before the lock, 30 concurrent wrong passwords', value: recorded, goal: { cmp: '==', target: 10 }, unit: 'evts' },
    ];
  } finally {
    await w.close();
  }
}
