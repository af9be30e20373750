import type { Clock } from '@warden/shared/clock';
import {
  IDEMPOTENCY_COLLECTION,
  IDEMPOTENCY_TTL_MS,
  IdempotencyRecord,
  IdempotencyStore,
  idempotencyKeyOf,
  PENDING_TIMEOUT_MS,
  requestFingerprint,
} from './idempotency.store';
import { InMemoryReadStore } from './testing/in-memory-read-store';

/** Stored bodies are encrypted; any 32-byte key serves the tests. */
const BODY_KEY = Buffer.alloc(32, 9);

class ManualClock implements Clock {
  private time = Date.parse('2030-01-01T00:00:00.000Z');
  now(): Date {
    return new Date(this.time);
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

describe('IdempotencyStore', () => {
  let readStore: InMemoryReadStore;
  let clock: ManualClock;
  let store: IdempotencyStore;
  const key = idempotencyKeyOf('frontend', 'key-1');
  const fingerprint = requestFingerprint('POST', '/v1/accounts', { email: 'a@example.com' });
  const response = { status: 201, body: { accountId: 'a-1' }, headers: { 'X-Event-Position': '42' } };

  beforeEach(() => {
    readStore = new InMemoryReadStore();
    clock = new ManualClock();
    store = new IdempotencyStore(readStore, clock, BODY_KEY);
  });

  async function reserved(): Promise<IdempotencyRecord> {
    const reservation = await store.reserve(key, fingerprint);
    if (reservation.outcome !== 'reserved') throw new Error(`expected a reservation, got ${reservation.outcome}`);
    return reservation.record;
  }

  it('reserves a new key with a pending record', async () => {
    const record = await reserved();
    expect(record).toMatchObject({ key, fingerprint, state: 'pending', createdAt: '2030-01-01T00:00:00.000Z' });
    expect(await readStore.collection(IDEMPOTENCY_COLLECTION).count({ key })).toBe(1);
  });

  it('answers "in progress" to the same request while the first runs', async () => {
    await reserved();
    expect(await store.reserve(key, fingerprint)).toEqual({ outcome: 'in_progress' });
  });

  it('answers "mismatch" to another request with the same key, pending or completed', async () => {
    const record = await reserved();
    const other = requestFingerprint('POST', '/v1/accounts', { email: 'b@example.com' });
    expect(await store.reserve(key, other)).toEqual({ outcome: 'mismatch' });
    await store.complete(record, response);
    expect(await store.reserve(key, other)).toEqual({ outcome: 'mismatch' });
  });

  it('replays the completed response for 24 hours, then forgets it', async () => {
    await store.complete(await reserved(), response);
    clock.advance(IDEMPOTENCY_TTL_MS - 1);
    expect(await store.reserve(key, fingerprint)).toEqual({ outcome: 'replay', response });
    clock.advance(1);
    expect((await store.reserve(key, fingerprint)).outcome).toBe('reserved');
    expect(await readStore.collection(IDEMPOTENCY_COLLECTION).count({ key })).toBe(1);
  });

  it('frees a released key, so a retry runs the command', async () => {
    await store.release(await reserved());
    expect((await store.reserve(key, fingerprint)).outcome).toBe('reserved');
  });

  it('takes over a pending record abandoned by a dead process', async () => {
    await reserved();
    clock.advance(PENDING_TIMEOUT_MS);
    expect((await store.reserve(key, fingerprint)).outcome).toBe('reserved');
  });

  it('lets exactly one of two replicas reserve a key at the same moment', async () => {
    // Two stores share one read store but no memory, as two API replicas would.
    const replica = new IdempotencyStore(readStore, clock, BODY_KEY);
    const outcomes = await Promise.all([store.reserve(key, fingerprint), replica.reserve(key, fingerprint)]);
    expect(outcomes.map((outcome) => outcome.outcome).sort()).toEqual(['in_progress', 'reserved']);
  });

  it('scopes keys to the caller', () => {
    expect(idempotencyKeyOf('frontend', 'k')).not.toBe(idempotencyKeyOf('desk', 'k'));
    // The separator cannot be forged by moving characters between caller and key.
    expect(idempotencyKeyOf('a', 'bc')).not.toBe(idempotencyKeyOf('ab', 'c'));
  });

  it('fingerprints method, path and body, whatever the order of the keys', () => {
    expect(requestFingerprint('POST', '/x', { a: 1, b: { c: 2, d: 3 } })).toBe(requestFingerprint('post', '/x', { b: { d: 3, c: 2 }, a: 1 }));
    expect(requestFingerprint('POST', '/x', undefined)).toBe(requestFingerprint('POST', '/x', {}));
    expect(requestFingerprint('POST', '/x', { a: 1 })).not.toBe(requestFingerprint('PUT', '/x', { a: 1 }));
    expect(requestFingerprint('POST', '/x', { a: 1 })).not.toBe(requestFingerprint('POST', '/y', { a: 1 }));
    expect(requestFingerprint('POST', '/x', { a: 1 })).not.toBe(requestFingerprint('POST', '/x', { a: '1' }));
  });

  it('purges records past the 24-hour window', async () => {
    await store.complete(await reserved(), response);
    clock.advance(IDEMPOTENCY_TTL_MS / 2);
    await store.reserve(idempotencyKeyOf('frontend', 'key-2'), fingerprint);
    clock.advance(IDEMPOTENCY_TTL_MS / 2 + 1);
    expect(await store.purgeExpired()).toBe(1);
    expect(await readStore.collection(IDEMPOTENCY_COLLECTION).count({})).toBe(1);
  });
});
