// What every ReadStore adapter must do for projectors: batches committed with their
// checkpoint, leases with fencing tokens. Names start with readStoreContractPrefix, like
// the main contract, so a shared MongoDB is cleaned up the same way.
import type { Doc, ReadStore } from './read-store.port';
import { LeaseLostError } from './lease-lost.error';
import { readStoreContractPrefix } from './read-store.contract';
import { openForSuite } from '@warden/shared/testing/suite-resource';

const P = (n: number) => String(n).padStart(20, '0');

export function describeProjectorBatchContract(name: string, create: () => Promise<ReadStore>): void {
  describe(`${name} (projector batches and leases)`, () => {
    const store = openForSuite(create);
    let counter = 0;
    const unique = (label: string) => `${readStoreContractPrefix}b${++counter}_${label}`;

    /** Tries until the lease is granted: a positive signal that the other holder's TTL ran out. */
    async function acquireWhenFree(key: string, holder: string, ttlMs: number): Promise<number> {
      const deadline = Date.now() + 5000;
      for (;;) {
        const token = await store().acquireLease(key, holder, ttlMs);
        if (token !== undefined) return token;
        if (Date.now() > deadline) throw new Error('lease never became free');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }

    it('writes the documents, deletions and checkpoint of a batch, and tells checkpoint listeners', async () => {
      const collection = unique('docs');
      const key = unique('cp');
      await store().collection(collection).put({ id: 'gone', _position: P(1) });
      let told = 0;
      const unlisten = store().onCheckpoint(() => told++);
      await store().commitBatch({
        changes: [{ collection, put: [{ id: 'a', n: 1, _position: P(2) }, { id: 'b', n: 2, _position: P(3) }], delete: ['gone', 'absent'] }],
        checkpoint: { key, position: P(3) },
      });
      unlisten();
      const docs = await store().collection(collection).find({});
      expect(docs.sort((x, y) => x.id.localeCompare(y.id))).toEqual([
        { id: 'a', n: 1, _position: P(2) },
        { id: 'b', n: 2, _position: P(3) },
      ]);
      expect(await store().getCheckpoint(key)).toBe(P(3));
      expect(told).toBe(1);
    });

    it('writes several projections\' batches at once, each with its own checkpoint', async () => {
      const [first, second] = [unique('one'), unique('two')];
      const [firstKey, secondKey] = [unique('cp1'), unique('cp2')];
      await store().commitBatches([
        { changes: [{ collection: first, put: [{ id: 'a', _position: P(4) }], delete: [] }], checkpoint: { key: firstKey, position: P(4) } },
        { changes: [], checkpoint: { key: secondKey, position: P(4) } },
      ]);
      expect(await store().collection(first).get('a')).toEqual({ id: 'a', _position: P(4) });
      expect(await store().getCheckpoint(firstKey)).toBe(P(4));
      expect(await store().getCheckpoint(secondKey)).toBe(P(4));
      expect(await store().collection(second).find({})).toEqual([]);
    });

    it('refuses batches written together when one of their fences is lost, and the others can still be written alone', async () => {
      const [keptKey, lostKey] = [unique('kept'), unique('lost')];
      const collection = unique('fenced');
      const kept = await store().acquireLease(keptKey, 'me', 60_000);
      const lost = await store().acquireLease(lostKey, 'me', 1);
      await acquireWhenFree(lostKey, 'someone-else', 60_000);
      const keptBatch = {
        changes: [{ collection, put: [{ id: 'k', _position: P(6) }], delete: [] }],
        checkpoint: { key: keptKey, position: P(6), fence: { holder: 'me', token: kept! } },
      };
      const together = store().commitBatches([keptBatch, { changes: [], checkpoint: { key: lostKey, position: P(6), fence: { holder: 'me', token: lost! } } }]);
      await expect(together).rejects.toBeInstanceOf(LeaseLostError);
      expect(await store().getCheckpoint(lostKey)).toBeUndefined();
      await store().commitBatch(keptBatch);
      expect(await store().getCheckpoint(keptKey)).toBe(P(6));
      expect(await store().collection(collection).get('k')).toEqual({ id: 'k', _position: P(6) });
    });

    it('never moves a document back to an older _position; the same position may be rewritten', async () => {
      const collection = unique('guard');
      const key = unique('cp');
      const commit = (doc: Doc) => store().commitBatch({ changes: [{ collection, put: [doc], delete: [] }], checkpoint: { key, position: P(9) } });
      await commit({ id: 'a', v: 'new', _position: P(5) });
      await commit({ id: 'a', v: 'replayed', _position: P(4) });
      expect(await store().collection(collection).get('a')).toEqual({ id: 'a', v: 'new', _position: P(5) });
      await commit({ id: 'a', v: 'erased', _position: P(5) });
      expect(await store().collection(collection).get('a')).toEqual({ id: 'a', v: 'erased', _position: P(5) });
    });

    it('grants a lease to one holder at a time, renews it with the same token, and hands it over with a higher one', async () => {
      const key = unique('lease');
      const first = await store().acquireLease(key, 'one', 200);
      expect(first).toEqual(expect.any(Number));
      expect(await store().acquireLease(key, 'two', 200)).toBeUndefined();
      expect(await store().acquireLease(key, 'one', 200)).toBe(first);
      const taken = await acquireWhenFree(key, 'two', 60_000);
      expect(taken).toBeGreaterThan(first ?? Infinity);
      expect(await store().acquireLease(key, 'one', 200)).toBeUndefined();
    });

    it('refuses a fenced commit from a holder whose lease was taken over, and writes none of it', async () => {
      const collection = unique('fenced');
      const key = unique('cp');
      const stale = (await store().acquireLease(key, 'stale', 100)) ?? 0;
      await store().commitBatch({
        changes: [{ collection, put: [{ id: 'a', v: 1, _position: P(1) }], delete: [] }],
        checkpoint: { key, position: P(1), fence: { holder: 'stale', token: stale } },
      });
      const fresh = await acquireWhenFree(key, 'fresh', 60_000);

      const late = store().commitBatch({
        changes: [{ collection, put: [{ id: 'a', v: 2, _position: P(2) }, { id: 'b', _position: P(2) }], delete: [] }],
        checkpoint: { key, position: P(2), fence: { holder: 'stale', token: stale } },
      });
      await expect(late).rejects.toBeInstanceOf(LeaseLostError);
      expect(await store().collection(collection).find({})).toEqual([{ id: 'a', v: 1, _position: P(1) }]);
      expect(await store().getCheckpoint(key)).toBe(P(1));

      await store().commitBatch({
        changes: [{ collection, put: [{ id: 'a', v: 3, _position: P(3) }], delete: [] }],
        checkpoint: { key, position: P(3), fence: { holder: 'fresh', token: fresh } },
      });
      expect(await store().getCheckpoint(key)).toBe(P(3));
    });

    it('lets another holder in at once after a release', async () => {
      const key = unique('release');
      const first = (await store().acquireLease(key, 'one', 60_000)) ?? 0;
      await store().releaseLease(key, 'two'); // not the holder: changes nothing
      expect(await store().acquireLease(key, 'two', 60_000)).toBeUndefined();
      await store().releaseLease(key, 'one');
      expect(await store().acquireLease(key, 'two', 60_000)).toBe(first + 1);
    });

    it('puts a rebuilt collection in the live one’s place, with its checkpoint, and fences the live lease', async () => {
      const live = unique('live');
      const next = `${live}__next`;
      const liveKey = unique('cp');
      const nextKey = `${liveKey}~next`;
      await store().collection(live).put({ id: 'old', _position: P(1) });
      await store().collection(next).ensureIndex('name');
      await store().commitBatch({ changes: [{ collection: next, put: [{ id: 'new', name: 'n', _position: P(7) }], delete: [] }], checkpoint: { key: nextKey, position: P(7) } });
      const token = (await store().acquireLease(liveKey, 'projector', 60_000)) ?? 0;

      await store().replaceCollections({ collections: [{ live, replacement: next }], checkpoint: { replacement: nextKey, live: liveKey } });

      expect(await store().collection(live).find({ name: 'n' })).toEqual([{ id: 'new', name: 'n', _position: P(7) }]);
      expect(await store().collection(live).get('old')).toBeNull();
      expect(await store().collection(next).find({})).toEqual([]);
      expect(await store().getCheckpoint(liveKey)).toBe(P(7));
      expect(await store().getCheckpoint(nextKey)).toBeUndefined();
      const stale = store().commitBatch({ changes: [], checkpoint: { key: liveKey, position: P(8), fence: { holder: 'projector', token } } });
      await expect(stale).rejects.toBeInstanceOf(LeaseLostError);
      // The holder asks again and goes on, with a new token, from the rebuilt checkpoint.
      expect(await store().acquireLease(liveKey, 'projector', 60_000)).toBeGreaterThan(token);
    });
  });
}
