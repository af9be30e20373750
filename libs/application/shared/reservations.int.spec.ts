import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceKeys } from '../../infrastructure/crypto/service-keys';
import { WrongExpectedRevisionError } from '../../infrastructure/event-store/event-store.port';
import { SqliteEventStore } from '../../infrastructure/event-store/sqlite-event-store';
import type { CommandMetadata } from './command-metadata';
import { Reservations, reservationRefusal } from './reservations';

const ANN = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';
const accounts = Array.from({ length: 8 }, (_, i) => `3333333${i}-3333-4333-8333-333333333333`);
const service: CommandMetadata = { correlationId: 'c-service', actor: { type: 'service', id: 'frontend' } };
const staff: CommandMetadata = { correlationId: 'c-staff', actor: { type: 'support', id: 'agent-7' } };

describe('Reservations on the SQLite event store', () => {
  let dir: string;
  let store: SqliteEventStore;
  let reservations: Reservations;
  let n = 0;
  /** A fresh value per test, so tests share one store without meeting. */
  const fresh = () => `name-${++n}`;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'warden-reservations-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    reservations = new Reservations(store, new ServiceKeys(Buffer.alloc(32, 5)));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const typesOf = async (value: string) => (await store.readStream(reservations.streamOf('username', value))).map((e) => e.type);

  describe('claims', () => {
    it('gives a free value to the first account, tells a second who holds it, and a repeat claim by the holder appends nothing', async () => {
      const value = fresh();
      expect(await reservations.reserve('username', value, ANN, service)).toEqual({ reserved: true, claimed: true });
      expect(await reservations.reserve('username', value, ANN, service)).toEqual({ reserved: true, claimed: false });
      expect(await reservations.reserve('username', value, BOB, service)).toEqual({ reserved: false, reason: 'taken', heldBy: ANN });
      expect(await reservations.holder('username', value)).toBe(ANN);
      expect(await typesOf(value)).toEqual(['ValueReserved']);
    });

    it('frees a value only for its holder; then another account can claim it', async () => {
      const value = fresh();
      await reservations.reserve('username', value, ANN, service);
      await reservations.release('username', value, BOB, service);
      expect(await reservations.holder('username', value)).toBe(ANN);
      await reservations.release('username', value, ANN, service);
      expect(await reservations.holder('username', value)).toBeNull();
      expect(await reservations.reserve('username', value, BOB, service)).toEqual({ reserved: true, claimed: true });
      expect(await typesOf(value)).toEqual(['ValueReserved', 'ValueReleased', 'ValueReserved']);
    });

    it('lets exactly one of eight concurrent claims win, after real revision conflicts', async () => {
      const value = fresh();
      const append = jest.spyOn(store, 'append');
      try {
        const outcomes = await Promise.all(accounts.map((id) => reservations.reserve('username', value, id, service)));
        const winners = outcomes.filter((o) => o.reserved);
        expect(winners).toHaveLength(1);
        const holder = await reservations.holder('username', value);
        expect(outcomes.filter((o) => !o.reserved)).toEqual(Array(7).fill({ reserved: false, reason: 'taken', heldBy: holder }));
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
      expect(locked).toEqual({ locked: true, position: expect.any(String) });
      expect(await reservations.reserve('username', value, ANN, service)).toEqual({ reserved: false, reason: 'locked' });
      expect(await reservations.holder('username', value)).toBeNull();

      expect(await reservations.unlock('username', value, staff)).toEqual({ unlocked: true, position: expect.any(String) });
      expect(await reservations.reserve('username', value, ANN, service)).toEqual({ reserved: true, claimed: true });
      expect(await typesOf(value)).toEqual(['ValueLocked', 'ValueUnlocked', 'ValueReserved']);
    });

    it('locks a locked value again without appending, and unlocks only a locked value', async () => {
      const value = fresh();
      expect(await reservations.unlock('username', value, staff)).toEqual({ unlocked: false });
      await reservations.lock('username', value, staff);
      expect(await reservations.lock('username', value, staff)).toEqual({ locked: true });
      await reservations.unlock('username', value, staff);
      expect(await reservations.unlock('username', value, staff)).toEqual({ unlocked: false });
      expect(await typesOf(value)).toEqual(['ValueLocked', 'ValueUnlocked']);
    });

    it('does not take a value from the account holding it, nor does a release by that account lift a lock', async () => {
      const held = fresh();
      await reservations.reserve('username', held, ANN, service);
      expect(await reservations.lock('username', held, staff)).toEqual({ locked: false, heldBy: ANN });

      const locked = fresh();
      await reservations.lock('username', locked, staff);
      await reservations.release('username', locked, ANN, service);
      expect(await reservations.reserve('username', locked, BOB, service)).toEqual({ reserved: false, reason: 'locked' });
    });

    it('lets either a lock or a claim win a race, never both', async () => {
      for (let round = 0; round < 5; round++) {
        const value = fresh();
        const [lock, ...claims] = await Promise.all([
          reservations.lock('username', value, staff),
          ...accounts.slice(0, 4).map((id) => reservations.reserve('username', value, id, service)),
        ]);
        const claimed = claims.filter((c) => c.reserved).length;
        expect(lock.locked ? claimed : 1 - claimed).toBe(0);
        if (lock.locked) expect(claims.every((c) => !c.reserved && c.reason === 'locked')).toBe(true);
      }
    });
  });

  it('keeps personal data out of the reservation stream: neither the value nor a note, in its name or its events', async () => {
    const value = 'ann.lee-1984';
    await reservations.lock('username', value, staff);
    await reservations.unlock('username', value, staff);
    await reservations.reserve('username', value, ANN, service);
    await reservations.release('username', value, ANN, service);
    const stream = reservations.streamOf('username', value);
    expect(stream).toMatch(/^username-[0-9a-f]{64}$/);
    const events = await store.readStream(stream);
    expect(events.map((e) => Object.keys(e.data).sort())).toEqual([['kind'], ['kind'], ['accountId', 'kind'], ['accountId', 'kind']]);
    expect(JSON.stringify(events)).not.toContain('ann.lee');
    expect(events.every((e) => e.metadata.client === undefined)).toBe(true);
    expect(events[0].metadata.actor).toEqual({ type: 'support', id: 'agent-7' });
  });

  it('maps refusals to the contract codes', () => {
    expect(reservationRefusal('username', { reserved: false, reason: 'locked' }).code).toBe('username_locked');
    expect(reservationRefusal('username', { reserved: false, reason: 'taken', heldBy: ANN }).code).toBe('username_taken');
    expect(reservationRefusal('email', { reserved: false, reason: 'taken', heldBy: ANN })).toMatchObject({ code: 'email_taken', status: 409 });
  });
});
