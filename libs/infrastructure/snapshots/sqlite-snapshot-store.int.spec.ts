import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fragmentsOnDisk } from '@warden/shared/testing/file-fragments';
import { describeSnapshotStoreContract } from './snapshot-store.contract';
import { SqliteSnapshotStore } from './sqlite-snapshot-store';

const dir = mkdtempSync(join(tmpdir(), 'warden-snapshots-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeSnapshotStoreContract('SqliteSnapshotStore', async () => new SqliteSnapshotStore(join(dir, 'contract', 'snapshots.db')));

describe('SqliteSnapshotStore on disk', () => {
  it('leaves no byte of a deleted snapshot in the database file or its WAL', async () => {
    const file = join(dir, 'shred', 'snapshots.db');
    const store = new SqliteSnapshotStore(file);
    const marker = randomBytes(512);
    await store.save({ accountId: 'before', revision: 1, shape: 's', sealed: Buffer.alloc(500, 1) });
    await store.save({ accountId: 'erased', revision: 1, shape: 's', sealed: marker });
    await store.save({ accountId: 'after', revision: 1, shape: 's', sealed: Buffer.alloc(500, 2) });
    expect(fragmentsOnDisk([file, `${file}-wal`], marker)).toBeGreaterThan(0);

    await store.delete('erased');

    expect(fragmentsOnDisk([file, `${file}-wal`], marker)).toBe(0);
    await store.close();
  });
});
