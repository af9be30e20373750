import 'reflect-metadata';
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataKeyring } from '@warden/infrastructure/crypto/data-keyring';
import { AccountEventCodec } from '@warden/infrastructure/event-codec/account-event.codec';
import { SqliteEventStore } from '@warden/infrastructure/event-store/sqlite-event-store';
import { SqliteKeyStore } from '@warden/infrastructure/keys/sqlite-key-store';
import { SqliteReadStore } from '@warden/infrastructure/read-store/sqlite-read-store';
import { ACCOUNT_PROJECTIONS } from '@warden/projections/account-projections';
import { ACCOUNTS } from '@warden/projections/accounts/account-view';
import { ProjectorRunner } from '@warden/projections/projector-runner';
import { EVENTS_PER_ACCOUNT, seedRealisticHistory } from '@warden/projections/testing/realistic-history';
import type { BenchRatio } from './ratio';
import { registeredAccount, startBenchWarden } from './support/bench-warden';

/**
 * The read side, embedded (SQLite files), measured side by side:
 *   R4  rebuild of every read model ÷ a raw scan of the same events (read + JSON.parse
 *       with better-sqlite3), over ≥ 30,000 events of realistic accounts (encrypted
 *       personal fields, so the rebuild decrypts as the live projector does);
 *   R6  a command's answer → the support view (GET /v1/accounts/{id}'s read model) showing
 *       it, p99, without X-Min-Position;
 *   R8  GET /v1/accounts/{id} with X-Min-Position = the command's position, p50.
 */
export async function projectionRatios(): Promise<BenchRatio[]> {
  return [await rebuildRatio(), ...(await lagFigures())];
}

const ACCOUNTS_SEEDED = 2500; // × 12 events = 30,000
const LAG_ROUNDS = 200;

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

function since(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function rebuildRatio(): Promise<BenchRatio> {
  const dir = mkdtempSync(join(tmpdir(), 'warden-bench-rebuild-'));
  const events = new SqliteEventStore(join(dir, 'events.db'));
  const keys = new SqliteKeyStore(join(dir, 'keys.db'));
  // As the service opens it: checkpoints on their own thread (WalCheckpointer).
  const store = new SqliteReadStore(join(dir, 'read-models.db'), { checkpointInBackground: true });
  const codec = new AccountEventCodec(new DataKeyring(keys, randomBytes(32)));
  try {
    const total = await seedRealisticHistory(events, codec, ACCOUNTS_SEEDED);
    if (total < 30_000 || total !== ACCOUNTS_SEEDED * EVENTS_PER_ACCOUNT) throw new Error(`seeded ${total} events`);

    const raw = new Database(join(dir, 'events.db'), { readonly: true });
    let started = process.hrtime.bigint();
    let scanned = 0;
    for (const row of raw.prepare('SELECT * FROM events ORDER BY sequence').iterate() as Iterable<{ data: string; metadata: string }>) {
      JSON.parse(row.data);
      JSON.parse(row.metadata);
      scanned++;
    }
    const scanMs = since(started);
    raw.close();

    const runner = new ProjectorRunner({ events, store, projections: ACCOUNT_PROJECTIONS, decode: (e) => codec.decode(e) });
    started = process.hrtime.bigint();
    await runner.rebuild();
    const rebuildMs = since(started);
    await runner.stop();
    process.stdout.write(
      `  R4: ${total} events; raw scan ${scanMs.toFixed(0)} ms (${Math.round(scanned / (scanMs / 1000))}/s), rebuild ${rebuildMs.toFixed(0)} ms (${Math.round(total / (rebuildMs / 1000))}/s)\n`,
    );
    return { id: 'R4', label: 'rebuild ÷ raw scan of the same events, events/s (embedded)', value: scanMs / rebuildMs, goal: { cmp: '>=', target: 0.5 } };
  } finally {
    await store.close();
    await keys.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function lagFigures(): Promise<BenchRatio[]> {
  // Over a keep-alive connection, as a service calling Warden would (and as the other
  // figures are measured): a client that connects per request measures its own set-up.
  const w = await startBenchWarden({ BCRYPT_COST: '4' });
  const accounts = w.warden.services.read.collection<{ id: string; displayName: string }>(ACCOUNTS);
  try {
    const accountId = await registeredAccount(w, 'lag@example.com');
    const rename = (displayName: string) => w.client.send('PATCH', `/v1/accounts/${accountId}/profile`, { displayName });
    const supportView = (minPosition?: string) =>
      w.client.send('GET', `/v1/accounts/${accountId}`, undefined, {
        'X-Actor': 'bench',
        ...(minPosition === undefined ? {} : { 'X-Min-Position': minPosition }),
      });

    const lag: number[] = [];
    const readYourWrites: number[] = [];
    const plainReads: number[] = [];
    for (let i = 0; i < LAG_ROUNDS; i++) {
      // R6: from the command's answer until the support view's document shows it.
      const name = `Lag ${i}`;
      const answered = await rename(name);
      if (answered.status !== 200) throw new Error(`rename answered ${answered.status}: ${JSON.stringify(answered.body)}`);
      const started = process.hrtime.bigint();
      while ((await accounts.get(accountId))?.displayName !== name) await new Promise((resolve) => setImmediate(resolve));
      lag.push(since(started));

      // R8: the next command, then at once a read that must see it.
      const next = await rename(`Lag ${i} bis`);
      const position = String(next.headers['x-event-position']);
      const readStarted = process.hrtime.bigint();
      const read = await supportView(position);
      readYourWrites.push(since(readStarted));
      if (read.status !== 200 || (read.body as { displayName?: string }).displayName !== `Lag ${i} bis`) {
        throw new Error(`X-Min-Position read answered ${read.status}: ${JSON.stringify(read.body)}`);
      }
      // The same GET without the header: what HTTP alone costs on this machine, for reading R8.
      const plainStarted = process.hrtime.bigint();
      await supportView();
      plainReads.push(since(plainStarted));
    }
    process.stdout.write(
      `  R6/R8: ${LAG_ROUNDS} rounds; lag p50 ${percentile(lag, 0.5).toFixed(2)} ms p99 ${percentile(lag, 0.99).toFixed(2)} ms; ` +
        `X-Min-Position read p50 ${percentile(readYourWrites, 0.5).toFixed(2)} ms p99 ${percentile(readYourWrites, 0.99).toFixed(2)} ms ` +
        `(the same GET without it: p50 ${percentile(plainReads, 0.5).toFixed(2)} ms)\n`,
    );
    return [
      { id: 'R6', label: 'command → support view lag p99, no X-Min-Position (embedded)', value: percentile(lag, 0.99), goal: { cmp: '<', target: 10 }, unit: 'ms' },
      { id: 'R8', label: 'GET with X-Min-Position = the command’s position, p50', value: percentile(readYourWrites, 0.5), goal: { cmp: '<', target: 5 }, unit: 'ms' },
    ];
  } finally {
    await w.close();
  }
}
