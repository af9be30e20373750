import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AccountEvent } from '@warden/account/account.events';
import { loadConfig } from '@warden/infrastructure/config/warden-config';
import { DataKeyring } from '@warden/infrastructure/crypto/data-keyring';
import { ServiceKeys } from '@warden/infrastructure/crypto/service-keys';
import { accountStream } from '@warden/infrastructure/event-codec/account-streams';
import { WrongExpectedRevisionError } from '@warden/infrastructure/event-store/event-store.port';
import { SqliteEventStore } from '@warden/infrastructure/event-store/sqlite-event-store';
import { SqliteKeyStore } from '@warden/infrastructure/keys/sqlite-key-store';
import { DomainError } from '@warden/shared/errors';
import { AccountRepository } from '../runner/account.repository';
import { ClaimHolders } from './claim-holder';
import type { CommandMetadata } from '../runner/command-metadata';
import { Reservations } from './reservations';
import { embeddedRepository, type EmbeddedRepository } from '../runner/testing/embedded-repository';

const ANN = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';
const accounts = Array.from({ length: 8 }, (_, i) => `3333333${i}-3333-4333-8333-333333333333`);
const service: CommandMetadata = { correlationId: 'c-service', actor: { type: 'service', id: 'frontend' } };
const staff: CommandMetadata = { correlationId: 'c-staff', actor: { type: 'support', id: 'agent-7' } };
const TAKEOVER_SECONDS = 60;

/** The code of the DomainError a call is refused with. */
const refusal = (call: Promise<unknown>) =>
  call.then(
    () => 'accepted',
    (error: unknown) => (error instanceof DomainError ? error.code : Promise.reject(error)),
  );

describe('Reservations on the SQLite event store', () => {
  let dir: string;
  let store: SqliteEventStore;
  let keyStore: SqliteKeyStore;
  let repository: AccountRepository;
  let embedded: EmbeddedRepository;
  let reservations: Reservations;
  let now = new Date('2026-01-01T00:00:00.000Z');
  let n = 0;
  /** A fresh value per test, so tests share one store without meeting. */
  const fresh = () => `name-${++n}`;
  const later = (seconds: number) => {
    now = new Date(now.getTime() + seconds * 1000);
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'warden-reservations-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    keyStore = new SqliteKeyStore(join(dir, 'keys.sqlite'));
    embedded = embeddedRepository(store, new DataKeyring(keyStore, randomBytes(32)), dir);
    repository = embedded.repository;
    const config = loadConfig({ CLAIM_TAKEOVER_SECONDS: String(TAKEOVER_SECONDS) });
    reservations = new Reservations(store, new ServiceKeys(Buffer.alloc(32, 5)), new ClaimHolders(store, repository), { now: () => now }, config);
  });
  afterAll(async () => {
    await embedded.close();
    await store.close();
    await keyStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const typesOf = async (value: string) => (await store.readStream(reservations.streamOf('username', value))).map((e) => e.type);

  describe('claims', () => {
    it('gives a free value to the first account, tells a second who holds it, and a repeat claim by the holder appends nothing', async () => {
      const value = fresh();
      expect(await reservations.claim('username', value, ANN, service)).toEqual({ claimed: true });
      expect(await reservations.claim('username', value, ANN, service)).toEqual({ claimed: false });
      expect(await refusal(reservations.claim('username', value, BOB, service))).toBe('username_taken');
      expect(await reservations.holder('username', value)).toBe(ANN);
      expect(await typesOf(value)).toEqual(['ValueReserved']);
    });

    it('frees a value only for its holder; then another account can claim it', async () => {
      const value = fresh();
      await reservations.claim('username', value, ANN, service);
      await reservations.release('username', value, BOB, service);
      expect(await reservations.holder('username', value)).toBe(ANN);
      await reservations.release('username', value, ANN, service);
      expect(await reservations.holder('username', value)).toBeNull();
      expect(await reservations.claim('username', value, BOB, service)).toEqual({ claimed: true });
      expect(await typesOf(value)).toEqual(['ValueReserved', 'ValueReleased', 'ValueReserved']);
    });

    it('lets exactly one of eight concurrent claims win, after real revision conflicts', async () => {
      const value = fresh();
      const append = jest.spyOn(store, 'append');
      try {
        const outcomes = await Promise.all(accounts.map((id) => refusal(reservations.claim('username', value, id, service))));
        expect(outcomes.filter((o) => o === 'accepted')).toHaveLength(1);
        expect(outcomes.filter((o) => o !== 'accepted')).toEqual(Array(7).fill('username_taken'));
        // Every claimant read "free" and tried to append: the store's revision check, not timing, picked the winner.
        const appends = await Promise.allSettled(append.mock.results.map((r) => r.value as Promise<unknown>));
        expect(appends.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
        const conflicts = appends.flatMap((a) => (a.status === 'rejected' ? [a.reason as unknown] : []));
        expect(conflicts.length).toBeGreaterThan(0);
        for (const conflict of conflicts) expect(conflict).toBeInstanceOf(WrongExpectedRevisionError);
      } finally {
        append.mockRestore();
      }
      expect(await typesOf(value)).toEqual(['ValueReserved']);
    });
  });

  describe('locks', () => {
    it('keeps a locked value from every claim with the distinct reason "locked", until it is unlocked', async () => {
      const value = fresh();
      const locked = await reservations.lock('username', value, staff);
      expect(locked.position).toEqual(expect.any(String));
      expect(await refusal(reservations.claim('username', value, ANN, service))).toBe('username_locked');
      expect(await reservations.holder('username', value)).toBeNull();

      expect((await reservations.unlock('username', value, staff)).position).toEqual(expect.any(String));
      expect(await reservations.claim('username', value, ANN, service)).toEqual({ claimed: true });
      expect(await typesOf(value)).toEqual(['ValueLocked', 'ValueUnlocked', 'ValueReserved']);
    });

    it('locks a locked value again without appending, and unlocks only a locked value', async () => {
      const value = fresh();
      expect(await refusal(reservations.unlock('username', value, staff))).toBe('username_not_locked');
      await reservations.lock('username', value, staff);
      expect(await reservations.lock('username', value, staff)).toEqual({ events: [] });
      await reservations.unlock('username', value, staff);
      expect(await refusal(reservations.unlock('username', value, staff))).toBe('username_not_locked');
      expect(await typesOf(value)).toEqual(['ValueLocked', 'ValueUnlocked']);
    });

    it('does not take a value from the account holding it, nor does a release by that account lift a lock', async () => {
      const held = fresh();
      await reservations.claim('username', held, ANN, service);
      expect(await refusal(reservations.lock('username', held, staff))).toBe('username_taken');

      const locked = fresh();
      await reservations.lock('username', locked, staff);
      await reservations.release('username', locked, ANN, service);
      expect(await refusal(reservations.claim('username', locked, BOB, service))).toBe('username_locked');
    });

    it('lets either a lock or a claim win a race, never both', async () => {
      for (let round = 0; round < 5; round++) {
        const value = fresh();
        const [lock, ...claims] = await Promise.all([
          refusal(reservations.lock('username', value, staff)),
          ...accounts.slice(0, 4).map((id) => refusal(reservations.claim('username', value, id, service))),
        ]);
        const claimed = claims.filter((c) => c === 'accepted').length;
        expect(lock === 'accepted' ? claimed : 1 - claimed).toBe(0);
        if (lock === 'accepted') expect(claims.every((c) => c === 'username_locked')).toBe(true);
      }
    });
  });

  it('keeps personal data out of the reservation stream: neither the value nor a note, in its name or its events', async () => {
    const value = 'ann.lee-1984';
    await reservations.lock('username', value, staff);
    await reservations.unlock('username', value, staff);
    await reservations.claim('username', value, ANN, service);
    await reservations.release('username', value, ANN, service);
    const stream = reservations.streamOf('username', value);
    expect(stream).toMatch(/^username-[0-9a-f]{64}$/);
    const events = await store.readStream(stream);
    expect(events.map((e) => Object.keys(e.data).sort())).toEqual([['kind'], ['kind'], ['accountId', 'kind'], ['accountId', 'kind']]);
    expect(JSON.stringify(events)).not.toContain('ann.lee');
    expect(events.every((e) => e.metadata.client === undefined)).toBe(true);
    expect(events[0].metadata.actor).toEqual({ type: 'support', id: 'agent-7' });
  });

  describe('claims whose account never came to use the value', () => {
    const registration = (accountId: string, email: string, username: string | null): AccountEvent => ({
      type: 'AccountRegistered',
      data: { accountId, email, username, displayName: 'Ann', passwordHash: '$2b$04$hash', origin: null },
    });
    const register = (accountId: string, email: string, username: string | null = null) =>
      repository.append(accountId, [registration(accountId, email, username)], 'no_stream', { ...service, causationId: 'c', occurredAt: now.toISOString() });
    const orphan = () => `4444444${n % 10}-4444-4444-8444-${String(n).padStart(12, '0')}`;

    it('lapses once older than the takeover time, seals the orphan account so it can never register, and goes to the new claimant', async () => {
      const value = `${fresh()}@example.com`;
      const ghost = orphan();
      await reservations.claim('email', value, ghost, service); // …and the process dies before AccountRegistered
      later(TAKEOVER_SECONDS - 1);
      expect(await refusal(reservations.claim('email', value, BOB, service))).toBe('email_taken');
      later(1);
      expect(await reservations.claim('email', value, BOB, service)).toEqual({ claimed: true });
      expect(await reservations.holder('email', value)).toBe(BOB);
      expect((await store.readStream(reservations.streamOf('email', value))).map((e) => [e.type, e.data.accountId])).toEqual([
        ['ValueReserved', ghost],
        ['ClaimLapsed', ghost],
        ['ValueReserved', BOB],
      ]);
      // A stalled (not dead) registration cannot land any more: its "no stream" append fails.
      expect((await store.readStream(accountStream(ghost))).map((e) => e.type)).toEqual(['RegistrationAbandoned']);
      await expect(register(ghost, value)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      // A command that still finds the ghost (between the seal and the takeover) sees no account, not a broken stream.
      expect(await repository.load(ghost)).toMatchObject({ state: { exists: false }, revision: 0, sealed: true });
    });

    it('never lapses while its account uses the value, however old', async () => {
      const value = `${fresh()}@example.com`;
      const owner = orphan();
      await reservations.claim('email', value, owner, service);
      await register(owner, value.toUpperCase());
      later(10 * TAKEOVER_SECONDS);
      expect(await refusal(reservations.claim('email', value, BOB, service))).toBe('email_taken');
      expect(await refusal(reservations.lock('email', value, staff))).toBe('username_taken');
      expect(await reservations.holder('email', value)).toBe(owner);
    });

    it('lapses when a living account moved to another value and crashed before releasing this one (a change of username)', async () => {
      const old = fresh();
      const owner = orphan();
      await reservations.claim('username', old, owner, service);
      await register(owner, `${owner}@example.com`, 'somebody-else');
      later(TAKEOVER_SECONDS);
      expect(await reservations.claim('username', old, BOB, service)).toEqual({ claimed: true });
      // A registered account is not sealed: only its claim lapses.
      expect((await store.readStream(accountStream(owner))).map((e) => e.type)).toEqual(['AccountRegistered']);
    });

    it('goes to exactly one of several concurrent claimants, after real conflicts', async () => {
      const value = `${fresh()}@example.com`;
      const ghost = orphan();
      await reservations.claim('email', value, ghost, service);
      later(TAKEOVER_SECONDS);
      const outcomes = await Promise.all(accounts.map((id) => refusal(reservations.claim('email', value, id, service))));
      expect(outcomes.filter((o) => o === 'accepted')).toHaveLength(1);
      expect(outcomes.filter((o) => o !== 'accepted')).toEqual(Array(7).fill('email_taken'));
      expect((await store.readStream(reservations.streamOf('email', value))).map((e) => e.type)).toEqual(['ValueReserved', 'ClaimLapsed', 'ValueReserved']);
      expect((await store.readStream(accountStream(ghost))).map((e) => e.type)).toEqual(['RegistrationAbandoned']);
    });

    it('stands when the registration lands between the lookup and the seal: the seal loses and the claim is decided again', async () => {
      const value = `${fresh()}@example.com`;
      const slow = orphan();
      await reservations.claim('email', value, slow, service);
      later(TAKEOVER_SECONDS);
      const holders = (reservations as unknown as { holders: ClaimHolders }).holders;
      const lookUp = holders.lookUp.bind(holders);
      const spy = jest.spyOn(holders, 'lookUp').mockImplementationOnce(async (kind, v, id) => {
        const seen = await lookUp(kind, v, id);
        await register(slow, value); // the stalled registration wakes up right now
        return seen;
      });
      try {
        expect(await refusal(reservations.claim('email', value, BOB, service))).toBe('email_taken');
      } finally {
        spy.mockRestore();
      }
      expect(await reservations.holder('email', value)).toBe(slow);
      expect((await store.readStream(accountStream(slow))).map((e) => e.type)).toEqual(['AccountRegistered']);
    });
  });
});
