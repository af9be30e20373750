import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { BullMqJobQueue, BullMqJobQueueOptions } from './bullmq-job-queue';
import { describeJobQueueContract } from './job-queue.contract';
import { Job } from './job-queue.port';
import { claimThenCrash } from './testing/claim-then-crash';
import { eventually } from './testing/wait';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// One prefix per run keeps these keys apart from other runs and from real queues.
const prefix = `warden-test-${randomUUID()}`;

// Closed after each test even when it fails, so no worker outlives its test.
const opened: BullMqJobQueue[] = [];
const open = (options: BullMqJobQueueOptions = {}): BullMqJobQueue => {
  const queue = new BullMqJobQueue(redisUrl, { prefix, ...options });
  opened.push(queue);
  return queue;
};

afterEach(async () => {
  await Promise.all(opened.splice(0).map((queue) => queue.close()));
});

afterAll(async () => {
  const redis = new Redis(redisUrl);
  const keys: string[] = [];
  for await (const batch of redis.scanStream({ match: `${prefix}:*`, count: 500 })) {
    keys.push(...(batch as string[]));
  }
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describeJobQueueContract('BullMqJobQueue', async () => open());

describe('BullMqJobQueue specifics', () => {
  it('keeps a completed job, so its id stays taken, for the configured window', async () => {
    const queue = open({ keepCompletedSeconds: 3600 });
    const runs: unknown[] = [];
    queue.work('window', async (job) => void runs.push(job.payload), { attempts: 1, backoffMs: 0 });
    await queue.enqueue('window', 'job-1', { n: 1 });
    await eventually(() => expect(runs).toHaveLength(1));

    const redis = new Redis(redisUrl);
    await eventually(async () => expect(await redis.zscore(`${prefix}:window:completed`, 'job-1')).not.toBeNull());
    // The payload is cleared once done; only the id is needed to recognise a repeat.
    await eventually(async () => expect(await redis.hget(`${prefix}:window:job-1`, 'data')).toBe('null'));
    await redis.quit();
  });

  it('accepts ids BullMQ itself would refuse (integers, colons)', async () => {
    const queue = open();
    const ids: string[] = [];
    queue.work('odd-ids', async (job) => void ids.push(job.id), { attempts: 1, backoffMs: 0 });
    await queue.enqueue('odd-ids', '42', {});
    await queue.enqueue('odd-ids', 'mail:42', {});
    await queue.enqueue('odd-ids', '42', {});

    await eventually(() => expect([...ids].sort()).toEqual(['42', 'mail:42']));
  });

  const crashingAdapter = (leaseMs: number) => ({
    file: 'bullmq-job-queue',
    className: 'BullMqJobQueue',
    constructorArgs: [redisUrl, { prefix, leaseMs }],
  });

  it('retries a job claimed by a worker process that crashed, once its lock has run out', async () => {
    await claimThenCrash({ adapter: crashingAdapter(300), queue: 'crash', id: 'job-1', payload: { n: 1 }, attempts: 3 });

    const queue = open({ leaseMs: 300 });
    expect(await queue.stats('crash')).toEqual({ waiting: 0, delayed: 0, active: 1, failed: 0 });
    const seen: Job[] = [];
    queue.work('crash', async (job) => void seen.push(job), { attempts: 3, backoffMs: 0 });

    await eventually(() => expect(seen).toEqual([{ id: 'job-1', queue: 'crash', payload: { n: 1 }, attempt: 2 }]));
    await eventually(async () => expect(await queue.stats('crash')).toEqual({ waiting: 0, delayed: 0, active: 0, failed: 0 }));
  }, 15_000);

  it('dead-letters, without running it again, a job whose worker crashed during its last try', async () => {
    await claimThenCrash({ adapter: crashingAdapter(300), queue: 'crash-last', id: 'job-1', payload: { n: 1 }, attempts: 1 });

    const queue = open({ leaseMs: 300 });
    const ran: Job[] = [];
    const dead: { job: Job; error: Error }[] = [];
    queue.work('crash-last', async (job) => void ran.push(job), {
      attempts: 1,
      backoffMs: 0,
      onDeadLetter: (job, error) => dead.push({ job, error }),
    });

    await eventually(() => expect(dead).toHaveLength(1));
    expect(dead[0]?.job).toEqual({ id: 'job-1', queue: 'crash-last', payload: { n: 1 }, attempt: 1 });
    expect(ran).toEqual([]);
    expect(await queue.stats('crash-last')).toEqual({ waiting: 0, delayed: 0, active: 0, failed: 1 });
  }, 15_000);
});
