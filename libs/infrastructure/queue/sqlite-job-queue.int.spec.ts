import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job } from './job-queue.port';
import { describeJobQueueContract } from './job-queue.contract';
import { SqliteJobQueue, SqliteJobQueueOptions } from './sqlite-job-queue';
import { ABANDONED_ERROR } from './sqlite-job-table';
import { claimThenCrash } from './testing/claim-then-crash';
import { eventually } from './testing/wait';

const dir = mkdtempSync(join(tmpdir(), 'warden-sqlite-queue-'));
let files = 0;
const newFile = (): string => join(dir, `jobs-${++files}.sqlite`);

// Closed after each test even when it fails, so no poll loop outlives its test.
const opened: SqliteJobQueue[] = [];
const open = (file: string, options: SqliteJobQueueOptions): SqliteJobQueue => {
  const queue = new SqliteJobQueue(file, options);
  opened.push(queue);
  return queue;
};

afterEach(async () => {
  await Promise.all(opened.splice(0).map((queue) => queue.close()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sqliteAdapter = (file: string, leaseMs: number) => ({
  file: 'sqlite-job-queue',
  className: 'SqliteJobQueue',
  constructorArgs: [file, { pollIntervalMs: 10, leaseMs }],
});

describeJobQueueContract('SqliteJobQueue', async () => open(newFile(), { pollIntervalMs: 10 }));

describe('SqliteJobQueue persistence', () => {
  it('runs jobs enqueued before a restart', async () => {
    const file = newFile();
    const before = open(file, { pollIntervalMs: 10 });
    await before.enqueue('mail', 'due', { n: 1 });
    await before.enqueue('mail', 'scheduled', { n: 2 }, { runAt: new Date(Date.now() + 200) });
    await before.close();

    const after = open(file, { pollIntervalMs: 10 });
    const ran: unknown[] = [];
    after.work('mail', async (job) => void ran.push(job.payload), { attempts: 1, backoffMs: 0 });

    await eventually(() => expect(ran).toEqual([{ n: 1 }, { n: 2 }]));
  });

  it('retries a job claimed by a process that crashed, once its lease has run out', async () => {
    const file = newFile();
    await claimThenCrash({ adapter: sqliteAdapter(file, 300), queue: 'mail', id: 'job-1', payload: { n: 1 }, attempts: 3 });

    const queue = open(file, { pollIntervalMs: 10, leaseMs: 300 });
    expect(await queue.stats('mail')).toEqual({ waiting: 0, delayed: 0, active: 1, failed: 0 });
    const seen: Job[] = [];
    queue.work('mail', async (job) => void seen.push(job), { attempts: 3, backoffMs: 0 });

    await eventually(() => expect(seen).toEqual([{ id: 'job-1', queue: 'mail', payload: { n: 1 }, attempt: 2 }]));
    await eventually(async () => expect(await queue.stats('mail')).toEqual({ waiting: 0, delayed: 0, active: 0, failed: 0 }));
  }, 15_000);

  it('dead-letters, without running it again, a job whose process crashed during its last try', async () => {
    const file = newFile();
    await claimThenCrash({ adapter: sqliteAdapter(file, 200), queue: 'mail', id: 'job-1', payload: { n: 1 }, attempts: 1 });

    const queue = open(file, { pollIntervalMs: 10, leaseMs: 200 });
    const ran: Job[] = [];
    const dead: { job: Job; error: Error }[] = [];
    queue.work('mail', async (job) => void ran.push(job), {
      attempts: 1,
      backoffMs: 0,
      onDeadLetter: (job, error) => dead.push({ job, error }),
    });

    await eventually(() => expect(dead).toHaveLength(1));
    expect(dead[0]?.job).toEqual({ id: 'job-1', queue: 'mail', payload: { n: 1 }, attempt: 1 });
    expect(dead[0]?.error.message).toBe(ABANDONED_ERROR);
    expect(ran).toEqual([]);
    expect(await queue.stats('mail')).toEqual({ waiting: 0, delayed: 0, active: 0, failed: 1 });
  }, 15_000);

  it('runs each job once when two queue instances share the file', async () => {
    const file = newFile();
    const first = open(file, { pollIntervalMs: 5 });
    const second = open(file, { pollIntervalMs: 5 });
    const runs: string[] = [];
    for (const instance of [first, second]) {
      instance.work('mail', async (job) => void runs.push(job.id), { attempts: 1, backoffMs: 0, concurrency: 4 });
    }

    const ids = Array.from({ length: 60 }, (_, i) => `job-${i}`);
    await Promise.all(ids.map((id, i) => (i % 2 ? first : second).enqueue('mail', id, {})));

    await eventually(() => expect(runs).toHaveLength(ids.length));
    expect([...runs].sort()).toEqual([...ids].sort());
  });
});
