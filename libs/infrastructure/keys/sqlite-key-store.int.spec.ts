import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fragmentsOnDisk } from '@warden/shared/testing/file-fragments';
import { describeKeyStoreContract } from './key-store.contract';
import { KeyAlreadyExistsError } from './key-store.port';
import { SqliteKeyStore } from './sqlite-key-store';
import { raceCreatesInProcesses } from './testing/race-in-processes';

const dir = mkdtempSync(join(tmpdir(), 'warden-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeKeyStoreContract('SqliteKeyStore', async () => new SqliteKeyStore(join(dir, 'contract', 'keys.db')));

describe('SqliteKeyStore across OS processes', () => {
  it('lets exactly one of 8 processes create the key of one account', async () => {
    const file = join(dir, 'processes', 'keys.db');
    await new SqliteKeyStore(file).close(); // schema in place before the race
    const outcomes = await raceCreatesInProcesses(file, 'account-raced', 8);
    expect(outcomes.filter((outcome) => outcome === 'created')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'refused')).toHaveLength(7);
    const store = new SqliteKeyStore(file);
    expect((await store.get('account-raced'))?.state).toBe('active');
    await expect(store.create('account-raced', Buffer.from('late'))).rejects.toBeInstanceOf(KeyAlreadyExistsError);
    await store.close();
  }, 60_000);
});

describe('SqliteKeyStore crypto-shredding on disk', () => {
  it('leaves no copy of a destroyed key in the database file or its WAL', async () => {
    const file = join(dir, 'shred', 'keys.db');
    const store = new SqliteKeyStore(file);
    // Neighbours on the same page and a key long enough that SQLite would otherwise leave
    // the freed cell's bytes in place.
    const marker = randomBytes(304);
    await store.create('account-before', Buffer.alloc(300, 1));
    await store.create('account-shredded', marker);
    await store.create('account-kept', Buffer.alloc(300, 2));
    // Push the key into the main file as well, as a later checkpoint would.
    const peer = new Database(file);
    peer.pragma('wal_checkpoint(TRUNCATE)');
    peer.close();
    expect(fragmentsOnDisk([file], marker)).toBeGreaterThan(0);

    await store.destroy('account-shredded', new Date());

    // The new, shorter row may overwrite only the start of the old one: look for any piece.
    for (const path of [file, `${file}-wal`]) expect(fragmentsOnDisk([path], marker)).toBe(0);
    expect((await store.get('account-kept'))?.state).toBe('active');
    await store.close();
  });
});
