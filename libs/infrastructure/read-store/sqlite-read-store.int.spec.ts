import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeProjectorBatchContract } from './projector-batch.contract';
import { describeReadStoreContract } from './read-store.contract';
import { SqliteReadStore } from './sqlite-read-store';
import { describeThrottleRecordsContract } from './throttle-records.contract';
import { raceAdmissionsInProcesses } from './testing/race-admissions-in-processes';
import { UniqueViolationError } from './unique-violation.error';

const dir = mkdtempSync(join(tmpdir(), 'warden-read-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeReadStoreContract('SqliteReadStore', async () => new SqliteReadStore(join(dir, 'contract', 'read.db')));
describeThrottleRecordsContract('SqliteReadStore', async () => new SqliteReadStore(join(dir, 'throttle', 'read.db')));
describeProjectorBatchContract('SqliteReadStore', async () => new SqliteReadStore(join(dir, 'contract', 'read.db')));

describe('SqliteReadStore on a file shared by several connections', () => {
  const file = join(dir, 'shared', 'nested', 'read.db');
  let writer: SqliteReadStore;
  let reader: SqliteReadStore;

  beforeAll(() => {
    writer = new SqliteReadStore(file);
    reader = new SqliteReadStore(file);
  });
  afterAll(async () => {
    await writer.close();
    await reader.close();
  });

  it('creates the parent directory and sees the other connection’s writes and checkpoints', async () => {
    await writer.collection('sessions').put({ id: 's1', tokenHash: 'h1' });
    await writer.saveCheckpoint('sessions', '00000000000000000003');
    expect(await reader.collection('sessions').get('s1')).toEqual({ id: 's1', tokenHash: 'h1' });
    expect(await reader.getCheckpoint('sessions')).toBe('00000000000000000003');
  });

  it('enforces a unique index declared by the other connection', async () => {
    await writer.collection('credentials').ensureIndex('secretHash', { unique: true });
    await writer.collection('credentials').put({ id: 'c1', secretHash: 'x' });
    await expect(reader.collection('credentials').put({ id: 'c2', secretHash: 'x' })).rejects.toEqual(
      new UniqueViolationError('credentials', 'secretHash'),
    );
  });

  it('closes idempotently', async () => {
    const extra = new SqliteReadStore(file);
    await extra.close();
    await expect(extra.close()).resolves.toBeUndefined();
  });
});

describe('SqliteReadStore throttle records raced by several processes on one file', () => {
  it('admits exactly the free allowance out of 30 attempts made at once by 6 processes', async () => {
    const file = join(dir, 'raced', 'read.db');
    const store = new SqliteReadStore(file);
    // A first step creates the table, so the racers race admissions, not DDL.
    await store.throttleRecords('login_throttle').settle('warm-up', 'none', 'withdrawn', new Date());
    await store.close();
    const reports = await raceAdmissionsInProcesses(file, { key: 'email-raced', racers: 6, attempts: 5, free: 10, now: new Date() });
    expect(reports.map(Number).reduce((a, b) => a + b, 0)).toBe(10);
  }, 60_000);
});
