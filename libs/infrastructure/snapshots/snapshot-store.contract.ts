// One behavioural contract for every SnapshotStore adapter. Account ids start with
// snapshotStoreContractPrefix so a spec can clean up what this run left behind.
import { randomBytes, randomUUID } from 'node:crypto';
import { openForSuite } from '@warden/shared/testing/suite-resource';
import type { SnapshotStore, StoredSnapshot } from './snapshot-store.port';

export const snapshotStoreContractPrefix = `ssc-${randomBytes(4).toString('hex')}-`;

export function describeSnapshotStoreContract(name: string, create: () => Promise<SnapshotStore>): void {
  describe(`${name} (SnapshotStore contract)`, () => {
    const store = openForSuite(create);
    const account = () => `${snapshotStoreContractPrefix}${randomUUID()}`;
    const snapshot = (accountId: string, revision: number, shape = 'v1:abc'): StoredSnapshot => ({
      accountId,
      revision,
      shape,
      sealed: randomBytes(64),
    });

    it('answers ping', async () => {
      await expect(store().ping()).resolves.toBeUndefined();
    });

    it('knows nothing of an unknown account', async () => {
      expect(await store().get(account())).toBeNull();
    });

    it('gives back what it saved, byte for byte', async () => {
      const saved = snapshot(account(), 41);
      await store().save(saved);
      expect(await store().get(saved.accountId)).toEqual(saved);
    });

    it('replaces a snapshot with one at a later revision, never with an earlier one', async () => {
      const id = account();
      const at50 = snapshot(id, 50);
      await store().save(snapshot(id, 10));
      await store().save(at50);
      await store().save(snapshot(id, 30));
      await store().save(snapshot(id, 50));
      expect(await store().get(id)).toEqual(at50);
    });

    it('replaces a snapshot of another shape whatever its revision', async () => {
      const id = account();
      const newShape = snapshot(id, 5, 'v2:def');
      await store().save(snapshot(id, 90, 'v1:abc'));
      await store().save(newShape);
      expect(await store().get(id)).toEqual(newShape);
    });

    it('keeps the latest of concurrent saves of one account', async () => {
      const id = account();
      const saves = [3, 9, 1, 7, 5, 8, 2, 6].map((revision) => snapshot(id, revision));
      await Promise.all(saves.map((s) => store().save(s)));
      expect(await store().get(id)).toEqual(saves[1]);
    });

    it('deletes, idempotently, only the account named', async () => {
      const gone = snapshot(account(), 3);
      const kept = snapshot(account(), 4);
      await store().save(gone);
      await store().save(kept);
      await store().delete(gone.accountId);
      await store().delete(gone.accountId);
      await store().delete(account());
      expect(await store().get(gone.accountId)).toBeNull();
      expect(await store().get(kept.accountId)).toEqual(kept);
    });
  });
}
