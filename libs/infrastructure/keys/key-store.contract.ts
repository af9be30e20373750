// One behavioural contract for every KeyStore adapter. `create` must return a new
// connection to the same storage on every call: the race tests open several. Account ids
// start with keyStoreContractPrefix so a spec can clean up what this run left behind.
import { randomBytes, randomUUID } from 'node:crypto';
import { KeyAlreadyExistsError, type KeyStore } from './key-store.port';
import { openForSuite } from '@warden/shared/testing/suite-resource';

export const keyStoreContractPrefix = `ksc-${randomBytes(4).toString('hex')}-`;

const RACERS = 8;

export function describeKeyStoreContract(name: string, create: () => Promise<KeyStore>): void {
  describe(name, () => {
    const account = (): string => `${keyStoreContractPrefix}${randomUUID()}`;
    const key = (): Buffer => randomBytes(48);
    const at = new Date('2025-03-01T12:00:00.000Z');
    const later = new Date('2025-03-02T08:30:00.000Z');

    /** Opens `count` more connections, runs `body` with them, closes them. */
    const withStores = async <R>(count: number, body: (stores: KeyStore[]) => Promise<R>): Promise<R> => {
      const stores = await Promise.all(Array.from({ length: count }, () => create()));
      try {
        return await body(stores);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    };

    const store = openForSuite(create);

    it('answers ping', async () => {
      await expect(store().ping()).resolves.toBeUndefined();
    });

    it('knows nothing of an unknown account', async () => {
      expect(await store().get(account())).toBeNull();
    });

    it('gives back the wrapped key it stored, byte for byte', async () => {
      const id = account();
      const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
      await store().create(id, every);
      const stored = await store().get(id);
      expect(stored).toEqual({ state: 'active', wrappedKey: every });
      expect(Buffer.isBuffer(stored?.state === 'active' ? stored.wrappedKey : undefined)).toBe(true);
    });

    it('refuses a second key for the same account and keeps the first', async () => {
      const id = account();
      const first = key();
      await store().create(id, first);
      const second = store().create(id, key());
      await expect(second).rejects.toBeInstanceOf(KeyAlreadyExistsError);
      await expect(store().create(id, key())).rejects.toMatchObject({ accountId: id });
      expect(await store().get(id)).toEqual({ state: 'active', wrappedKey: first });
    });

    it('destroys a key: a tombstone with the time, and no key left', async () => {
      const id = account();
      await store().create(id, key());
      await store().destroy(id, at);
      const stored = await store().get(id);
      expect(stored).toEqual({ state: 'destroyed', destroyedAt: at.toISOString() });
      expect(stored).not.toHaveProperty('wrappedKey');
    });

    it('never mints a key again for an account whose key was destroyed', async () => {
      const id = account();
      await store().create(id, key());
      await store().destroy(id, at);
      await expect(store().create(id, key())).rejects.toBeInstanceOf(KeyAlreadyExistsError);
      expect((await store().get(id))?.state).toBe('destroyed');
    });

    it('destroys idempotently, keeping the first time', async () => {
      const id = account();
      await store().create(id, key());
      await store().destroy(id, at);
      await store().destroy(id, later);
      expect(await store().get(id)).toEqual({ state: 'destroyed', destroyedAt: at.toISOString() });
    });

    it('leaves a tombstone when destroying an account that never had a key', async () => {
      const id = account();
      await store().destroy(id, at);
      expect(await store().get(id)).toEqual({ state: 'destroyed', destroyedAt: at.toISOString() });
      await expect(store().create(id, key())).rejects.toBeInstanceOf(KeyAlreadyExistsError);
    });

    it('keeps accounts apart', async () => {
      const [a, b] = [account(), account()];
      const [keyA, keyB] = [key(), key()];
      await store().create(a, keyA);
      await store().create(b, keyB);
      await store().destroy(a, at);
      expect(await store().get(b)).toEqual({ state: 'active', wrappedKey: keyB });
    });

    it(`lets exactly one of ${RACERS} concurrent creates for one account win, over separate connections`, async () => {
      const id = account();
      const keys = Array.from({ length: RACERS }, () => key());
      const outcomes = await withStores(RACERS, (racers) => Promise.allSettled(racers.map((racer, i) => racer.create(id, keys[i]))));
      const winners = outcomes.flatMap((outcome, i) => (outcome.status === 'fulfilled' ? [i] : []));
      expect(winners).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(KeyAlreadyExistsError);
      }
      expect(await store().get(id)).toEqual({ state: 'active', wrappedKey: keys[winners[0]] });
    });

    it('always ends destroyed when a destroy races creates', async () => {
      const id = account();
      const outcomes = await withStores(RACERS, (racers) =>
        Promise.allSettled(racers.map((racer, i) => (i === RACERS / 2 ? racer.destroy(id, at) : racer.create(id, key())))),
      );
      expect(outcomes[RACERS / 2].status).toBe('fulfilled');
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled').length).toBeLessThanOrEqual(2);
      expect(await store().get(id)).toEqual({ state: 'destroyed', destroyedAt: at.toISOString() });
    });
  });
}
