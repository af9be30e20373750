import { Job, JobQueue } from './job-queue.port';
import { deferred, eventually, sleep } from './testing/wait';

// Long enough for a wrongly repeated run to show up, short enough to keep the suite fast.
const SETTLE_MS = 250;
const BACKOFF_MS = 50;
// setTimeout and Redis scores are millisecond-grained; allow that much rounding.
const CLOCK_SLACK_MS = 5;
const TEST_TIMEOUT_MS = 15_000;
const EMPTY = { waiting: 0, delayed: 0, active: 0, failed: 0 };

let sequence = 0;

/**
 * The behaviour every JobQueue adapter must show, run against real backends by each
 * adapter's *.int.spec.ts. `create` returns a fresh, open queue; each test uses its own
 * queue name so leftovers of one test never reach another.
 */
export function describeJobQueueContract(name: string, create: () => Promise<JobQueue>): void {
  describe(`${name} honours the JobQueue contract`, () => {
    let queue: JobQueue;
    let q: string;

    beforeEach(async () => {
      queue = await create();
      q = `contract-${++sequence}-${process.pid}`;
    });

    afterEach(async () => {
      await queue.close();
    });

    it('runs an enqueued job once, on its first attempt, with its payload', async () => {
      const seen: Job[] = [];
      const completed: Job[] = [];
      queue.work(q, async (job) => void seen.push(job), {
        attempts: 3,
        backoffMs: BACKOFF_MS,
        onCompleted: (job) => completed.push(job),
      });

      await queue.enqueue(q, 'job-1', { to: 'ada@example.com' });

      await eventually(() => expect(completed).toHaveLength(1));
      await sleep(SETTLE_MS);
      expect(seen).toEqual([{ id: 'job-1', queue: q, payload: { to: 'ada@example.com' }, attempt: 1 }]);
      expect(completed).toEqual([expect.objectContaining({ id: 'job-1', queue: q, attempt: 1 })]);
      expect(await queue.stats(q)).toEqual(EMPTY);
    }, TEST_TIMEOUT_MS);

    it('ignores a second enqueue of an id, before and after the job ran', async () => {
      await queue.enqueue(q, 'job-1', { version: 1 });
      await queue.enqueue(q, 'job-1', { version: 2 });
      const payloads: unknown[] = [];
      const completed: Job[] = [];
      queue.work(q, async (job) => void payloads.push(job.payload), {
        attempts: 3,
        backoffMs: BACKOFF_MS,
        onCompleted: (job) => completed.push(job),
      });
      await eventually(() => expect(completed).toHaveLength(1));

      await queue.enqueue(q, 'job-1', { version: 3 });

      await sleep(SETTLE_MS);
      expect(payloads).toEqual([{ version: 1 }]);
      expect(await queue.stats(q)).toEqual(EMPTY);
    }, TEST_TIMEOUT_MS);

    it('runs a job once when its id is enqueued 8 times in parallel', async () => {
      const runs: unknown[] = [];
      queue.work(q, async (job) => void runs.push(job.payload), { attempts: 3, backoffMs: BACKOFF_MS, concurrency: 8 });

      await Promise.all(Array.from({ length: 8 }, (_, i) => queue.enqueue(q, 'same-id', { i })));

      await eventually(() => expect(runs).toHaveLength(1));
      await sleep(SETTLE_MS);
      expect(runs).toHaveLength(1);
    }, TEST_TIMEOUT_MS);

    it('retries a failing handler with exponential backoff until it succeeds', async () => {
      const tries: { attempt: number; at: number }[] = [];
      const completed: Job[] = [];
      const deadLetters: Job[] = [];
      queue.work(
        q,
        async (job) => {
          tries.push({ attempt: job.attempt, at: Date.now() });
          if (job.attempt < 5) throw new Error('421 mail server busy');
        },
        {
          attempts: 6,
          backoffMs: BACKOFF_MS,
          onCompleted: (job) => completed.push(job),
          onDeadLetter: (job) => deadLetters.push(job),
        },
      );

      await queue.enqueue(q, 'flaky', {});

      await eventually(() => expect(completed).toHaveLength(1));
      expect(tries.map((t) => t.attempt)).toEqual([1, 2, 3, 4, 5]);
      expect(completed[0]?.attempt).toBe(5);
      // Gaps of at least 1×, 2×, 4× and 8× the backoff. The last one is long enough that
      // scheduling latency (up to ~100 ms in BullMQ) cannot pass a linear backoff off as exponential.
      const gaps = tries.slice(1).map((t, i) => t.at - tries[i]!.at);
      [1, 2, 4, 8].forEach((factor, i) => expect(gaps[i]).toBeGreaterThanOrEqual(factor * BACKOFF_MS - CLOCK_SLACK_MS));
      expect(deadLetters).toEqual([]);
      expect(await queue.stats(q)).toEqual(EMPTY);
    }, TEST_TIMEOUT_MS);

    it('dead-letters a job once after its last attempt, counts it, and keeps its id taken', async () => {
      const attempts: number[] = [];
      const deadLetters: { job: Job; error: Error }[] = [];
      const thrown = new Error('550 mailbox unavailable');
      queue.work(
        q,
        async (job) => {
          attempts.push(job.attempt);
          throw thrown;
        },
        { attempts: 3, backoffMs: 5, onDeadLetter: (job, error) => deadLetters.push({ job, error }) },
      );

      await queue.enqueue(q, 'doomed', { to: 'nobody@example.com' });

      await eventually(() => expect(deadLetters).toHaveLength(1));
      await sleep(SETTLE_MS);
      expect(attempts).toEqual([1, 2, 3]);
      expect(deadLetters).toHaveLength(1);
      expect(deadLetters[0]?.job).toMatchObject({ id: 'doomed', queue: q, attempt: 3, payload: { to: 'nobody@example.com' } });
      expect(deadLetters[0]?.error).toBe(thrown);
      expect(await queue.stats(q)).toEqual({ ...EMPTY, failed: 1 });
      expect(await queue.pendingPayloads(q)).toEqual([{ to: 'nobody@example.com' }]);

      await queue.enqueue(q, 'doomed', { to: 'nobody@example.com' });
      await sleep(SETTLE_MS);
      expect(attempts).toEqual([1, 2, 3]);
      expect(deadLetters).toHaveLength(1);
    }, TEST_TIMEOUT_MS);

    it('does not run a job before its runAt', async () => {
      const ranAt: number[] = [];
      queue.work(q, async () => void ranAt.push(Date.now()), { attempts: 1, backoffMs: 0 });
      const runAt = new Date(Date.now() + 400);

      await queue.enqueue(q, 'scheduled', {}, { runAt });

      await sleep(150);
      expect(ranAt).toEqual([]);
      expect(await queue.stats(q)).toEqual({ ...EMPTY, delayed: 1 });
      await eventually(() => expect(ranAt).toHaveLength(1));
      expect(ranAt[0]).toBeGreaterThanOrEqual(runAt.getTime() - CLOCK_SLACK_MS);
    }, TEST_TIMEOUT_MS);

    it('counts waiting, delayed and active jobs', async () => {
      await queue.enqueue(q, 'a', {});
      await queue.enqueue(q, 'b', {});
      await queue.enqueue(q, 'c', {}, { runAt: new Date(Date.now() + 3_600_000) });
      expect(await queue.stats(q)).toEqual({ waiting: 2, delayed: 1, active: 0, failed: 0 });

      const gate = deferred();
      queue.work(q, () => gate.promise, { attempts: 1, backoffMs: 0, concurrency: 1 });

      await eventually(async () => expect(await queue.stats(q)).toEqual({ waiting: 1, delayed: 1, active: 1, failed: 0 }));
      gate.resolve();
      await eventually(async () => expect(await queue.stats(q)).toEqual({ ...EMPTY, delayed: 1 }));
    }, TEST_TIMEOUT_MS);

    it('lists the payloads of jobs not yet completed', async () => {
      await queue.enqueue(q, 'now', { n: 'now' });
      await queue.enqueue(q, 'later', { n: 'later' }, { runAt: new Date(Date.now() + 3_600_000) });
      const listed = await queue.pendingPayloads(q);
      expect(listed).toHaveLength(2);
      expect(listed).toEqual(expect.arrayContaining([{ n: 'now' }, { n: 'later' }]));

      const completed: Job[] = [];
      queue.work(q, async () => undefined, { attempts: 1, backoffMs: 0, onCompleted: (job) => completed.push(job) });

      await eventually(() => expect(completed).toHaveLength(1));
      expect(await queue.pendingPayloads(q)).toEqual([{ n: 'later' }]);
    }, TEST_TIMEOUT_MS);

    it('waits for a running job when closed', async () => {
      const started = deferred();
      let finished = false;
      queue.work(
        q,
        async () => {
          started.resolve();
          await sleep(150);
          finished = true;
        },
        { attempts: 1, backoffMs: 0 },
      );
      await queue.enqueue(q, 'slow', {});
      await started.promise;

      await queue.close();

      expect(finished).toBe(true);
    }, TEST_TIMEOUT_MS);

    it('answers ping while open', async () => {
      await expect(queue.ping()).resolves.toBeUndefined();
    }, TEST_TIMEOUT_MS);
  });
}
