import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccountEvent } from '@warden/account/account.events';
import { DataKeyring } from '@warden/infrastructure/crypto/data-keyring';
import { AccountEventCodec } from '@warden/infrastructure/event-codec/account-event.codec';
import { accountStream } from '@warden/infrastructure/event-codec/account-streams';
import type { EventStore, ReadStreamOptions } from '@warden/infrastructure/event-store/event-store.port';
import { SqliteEventStore } from '@warden/infrastructure/event-store/sqlite-event-store';
import { SqliteKeyStore } from '@warden/infrastructure/keys/sqlite-key-store';
import { DomainError } from '@warden/shared/errors';
import { openAccountHistory, type HistoryLine } from './account-history';
import { verifyAccountIntegrity } from './account-integrity';
import { accountStateAt } from './account-state-at';
import { parseAsOf } from './as-of';

/**
 * The functions behind both the HTTP endpoints and the CLI, on real SQLite stores and the
 * real codec, with pages of 2 events so that every read crosses page boundaries.
 */
describe('compliance reads on the event store', () => {
  let dir: string;
  let store: SqliteEventStore;
  let keys: SqliteKeyStore;
  let codec: AccountEventCodec;
  let reads: ReadStreamOptions[];
  let events: Pick<EventStore, 'readStream'>;
  const accountId = randomUUID();
  const at = (minute: number) => new Date(Date.UTC(2025, 0, 31, 12, minute)).toISOString();
  const PAGE = { pageSize: 2 };

  async function append(minute: number, ...domainEvents: AccountEvent[]) {
    const head = await store.readStream(accountStream(accountId), { direction: 'backwards', maxCount: 1 });
    const encoded = await codec.encode(accountId, domainEvents, {
      occurredAt: at(minute),
      correlationId: `c-${minute}`,
      causationId: `c-${minute}`,
      actor: { type: 'service', id: 'frontend' },
      client: { ip: '198.51.100.4', userAgent: 'UA' },
    });
    await store.append(accountStream(accountId), encoded, head[0]?.revision ?? 'no_stream');
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-compliance-'));
    store = new SqliteEventStore(join(dir, 'events.db'));
    keys = new SqliteKeyStore(join(dir, 'keys.db'));
    codec = new AccountEventCodec(new DataKeyring(keys, randomBytes(32)));
    reads = [];
    events = { readStream: (id, options) => (reads.push(options ?? {}), store.readStream(id, options)) };
    const token = { tokenId: 't1', tokenHash: 'h'.repeat(64), expiresAt: at(60) };
    await append(0, {
      type: 'AccountRegistered',
      data: { accountId, email: 'ann@example.com', username: 'ann', displayName: 'Ann', passwordHash: '$2b$04$secret', origin: null },
    }, { type: 'EmailVerificationRequested', data: { ...token, email: 'ann@example.com' } });
    await append(1, { type: 'EmailVerified', data: { email: 'ann@example.com' } });
    await append(2, { type: 'LoginSucceeded', data: { sessionId: 's1' } }, {
      type: 'SessionStarted',
      data: { sessionId: 's1', tokenHash: 's'.repeat(64), expiresAt: at(30), idleTimeoutSeconds: 600, origin: null },
    });
    await append(3, { type: 'AccountLocked', data: { reason: 'manual', note: null, ownershipVerification: null } }, {
      type: 'SessionRevoked',
      data: { sessionId: 's1', reason: 'account_locked' },
    });
    await append(4, { type: 'AccountUnlocked', data: { reason: 'checked' } });
  });

  afterAll(async () => {
    await store.close();
    await keys.close();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => (reads = []));

  async function collect(options: { asOf?: Date } = {}): Promise<HistoryLine[][]> {
    const pages: HistoryLine[][] = [];
    for await (const page of await openAccountHistory({ events, codec }, accountId, { ...options, ...PAGE })) pages.push(page);
    return pages;
  }

  it('reads the history page by page from the store, decoded', async () => {
    const pages = await collect();
    expect(pages.map((p) => p.map((l) => l.revision))).toEqual([[0, 1], [2, 3], [4, 5], [6, 7]]);
    expect(reads.map((r) => r.fromRevision)).toEqual([0, 2, 4, 6, 8]);
    expect(reads.every((r) => r.maxCount === 2 && r.direction === 'forwards')).toBe(true);
    const [registered] = pages[0];
    expect(registered.data.email).toBe('ann@example.com');
    expect(registered.client).toEqual({ ip: '198.51.100.4', userAgent: 'UA' });
  });

  it('reads no further than the first page before the caller asks for more', async () => {
    const history = await openAccountHistory({ events, codec }, accountId, PAGE);
    expect(reads).toHaveLength(1);
    for await (const page of history) {
      expect(page).toHaveLength(2);
      break;
    }
    expect(reads).toHaveLength(1);
  });

  it('limits the history to asOf', async () => {
    const pages = await collect({ asOf: new Date(at(1)) });
    expect(pages.flat().map((l) => l.type)).toEqual(['AccountRegistered', 'EmailVerificationRequested', 'EmailVerified']);
    await expect(openAccountHistory({ events, codec }, accountId, { asOf: new Date(Date.parse(at(0)) - 1), ...PAGE })).rejects.toMatchObject({
      code: 'account_not_found',
    });
  });

  it('folds the state at each instant', async () => {
    const state = (minute: number, seconds = 0) =>
      accountStateAt({ events, codec }, accountId, new Date(Date.parse(at(minute)) + seconds * 1000), PAGE);
    expect(await state(0)).toMatchObject({ status: 'pending_verification', revision: 1, sessions: [] });
    expect(await state(1)).toMatchObject({ status: 'active', emailVerified: true, revision: 2 });
    expect((await state(2)).sessions).toEqual([{ sessionId: 's1', startedAt: at(2), expiresAt: at(30), lastSeenAt: at(2) }]);
    // Idle for longer than its 600 s timeout: no longer live, though not revoked yet.
    expect((await state(2, 601)).sessions).toEqual([]);
    expect(await state(3)).toMatchObject({ status: 'locked', lock: { reason: 'manual', since: at(3) }, sessions: [], revision: 6 });
    expect(await state(59)).toMatchObject({ status: 'active', lock: null, revision: 7, lastLoginAt: at(2), asOf: at(59) });
    await expect(state(0, -1)).rejects.toBeInstanceOf(DomainError);
  });

  it('verifies the chain across pages', async () => {
    const report = await verifyAccountIntegrity(events, accountId, PAGE);
    const lines = (await collect()).flat();
    expect(report).toEqual({ valid: true, events: 8, headHash: lines[7].hash });
    await expect(verifyAccountIntegrity(events, randomUUID(), PAGE)).rejects.toMatchObject({ code: 'account_not_found' });
  });

  it('parses asOf strictly', () => {
    const now = new Date();
    expect(parseAsOf(undefined, now)).toBe(now);
    expect(parseAsOf('2025-01-31T13:00:00+01:00', now).toISOString()).toBe('2025-01-31T12:00:00.000Z');
    expect(parseAsOf('2025-01-31', now).toISOString()).toBe('2025-01-31T00:00:00.000Z');
    for (const bad of ['2025-01-31T12:00:00', '2025-02-29', 'now', '1738324800000', '2025-01-31T12:00:00Zjunk']) {
      expect(() => parseAsOf(bad, now)).toThrow(expect.objectContaining({ code: 'validation_failed', status: 400 }));
    }
  });
});
