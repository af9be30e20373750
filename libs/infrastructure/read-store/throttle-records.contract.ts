// One behavioural contract for the throttle records of every ReadStore adapter: the rule
// (free failures, doubling waits, attempts in flight holding a place) and its atomicity
// under real concurrency. Each test uses keys of its own, so the suite runs on a shared store.
import { randomUUID } from 'node:crypto';
import type { ReadStore } from './read-store.port';
import { readStoreContractPrefix } from './read-store.contract';
import type { Admission, ThrottlePolicy, ThrottleRecords } from './throttle-records.port';
import { openForSuite } from '@warden/shared/testing/suite-resource';

const policy: ThrottlePolicy = { free: 3, baseSeconds: 10, maxSeconds: 60, windowSeconds: 900, inFlightSeconds: 30 };
const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);

export function describeThrottleRecordsContract(name: string, create: () => Promise<ReadStore>): void {
  describe(`${name} throttle records`, () => {
    const store = openForSuite(create);
    let records: ThrottleRecords;
    let counter = 0;
    const freshKey = () => `key-${++counter}-${randomUUID()}`;
    beforeAll(() => {
      records = store().throttleRecords(`${readStoreContractPrefix}throttle`);
    });

    /** Admits one attempt and settles it with `outcome` at the same instant. */
    const attempt = async (key: string, seconds: number, outcome: 'failed' | 'cleared' | 'withdrawn' = 'failed'): Promise<Admission> => {
      const id = randomUUID();
      const admission = await records.admit(key, id, policy, at(seconds));
      if (admission.admitted) await records.settle(key, id, outcome, at(seconds));
      return admission;
    };

    it('admits the free failures, then asks for a wait that doubles with each further failure, up to the maximum', async () => {
      const key = freshKey();
      for (let i = 0; i < 3; i++) expect(await attempt(key, 0)).toEqual({ admitted: true });
      expect(await attempt(key, 0)).toEqual({ admitted: false, busy: false, retryAfterSeconds: 10 });
      expect(await attempt(key, 9.5)).toEqual({ admitted: false, busy: false, retryAfterSeconds: 1 });
      expect(await attempt(key, 10)).toEqual({ admitted: true });
      expect(await attempt(key, 10)).toEqual({ admitted: false, busy: false, retryAfterSeconds: 20 });
      expect(await attempt(key, 30)).toEqual({ admitted: true });
      expect(await attempt(key, 30)).toEqual({ admitted: false, busy: false, retryAfterSeconds: 40 });
      expect(await attempt(key, 70)).toEqual({ admitted: true });
      expect(await attempt(key, 70)).toEqual({ admitted: false, busy: false, retryAfterSeconds: 60 });
    });

    it('counts an attempt in flight as a possible failure: it holds a place, and the next one is told it is busy', async () => {
      const key = freshKey();
      const ids = [randomUUID(), randomUUID(), randomUUID()];
      for (const id of ids) expect(await records.admit(key, id, policy, at(0))).toEqual({ admitted: true });
      expect(await records.admit(key, randomUUID(), policy, at(1))).toEqual({ admitted: false, busy: true, retryAfterSeconds: 9 });
      // A success frees its place and forgets nothing else in flight; a withdrawal frees its place.
      await records.settle(key, ids[0], 'cleared', at(1));
      await records.settle(key, ids[1], 'withdrawn', at(1));
      expect(await records.admit(key, randomUUID(), policy, at(1))).toEqual({ admitted: true });
      expect(await records.admit(key, randomUUID(), policy, at(1))).toEqual({ admitted: true });
      expect((await records.admit(key, randomUUID(), policy, at(1))).admitted).toBe(false);
    });

    it('forgets failures on a success, and failures older than the window', async () => {
      const cleared = freshKey();
      for (let i = 0; i < 3; i++) await attempt(cleared, 0);
      expect(await attempt(cleared, 0, 'cleared')).toMatchObject({ admitted: false });
      const id = randomUUID();
      await records.settle(cleared, id, 'cleared', at(0)); // a success by an attempt whose place had lapsed still clears
      for (let i = 0; i < 3; i++) expect(await attempt(cleared, 1)).toEqual({ admitted: true });

      const old = freshKey();
      for (let i = 0; i < 3; i++) await attempt(old, 0);
      expect(await attempt(old, 899)).toEqual({ admitted: true }); // a fourth failure, after its wait
      // The first three have left the window: one failure is free again (four would call for 20 s).
      expect(await attempt(old, 901)).toEqual({ admitted: true });
    });

    it('lets the place of an attempt whose process died lapse, yet counts its failure if it comes after all', async () => {
      const key = freshKey();
      const slow = randomUUID();
      expect(await records.admit(key, slow, policy, at(0))).toEqual({ admitted: true });
      for (let i = 0; i < 2; i++) await attempt(key, 1);
      expect((await records.admit(key, randomUUID(), policy, at(2))).admitted).toBe(false);
      expect(await records.admit(key, randomUUID(), policy, at(31))).toEqual({ admitted: true });
      await records.settle(key, slow, 'failed', at(40));
      expect(await records.admit(key, randomUUID(), policy, at(41))).toMatchObject({ admitted: false });
    });

    it('with no free failures, admits a first attempt and asks for a wait after each failure', async () => {
      const key = freshKey();
      const strict = { ...policy, free: 0 };
      const id = randomUUID();
      expect(await records.admit(key, id, strict, at(0))).toEqual({ admitted: true });
      expect(await records.admit(key, randomUUID(), strict, at(0))).toEqual({ admitted: false, busy: true, retryAfterSeconds: 20 });
      await records.settle(key, id, 'failed', at(1));
      expect(await records.admit(key, randomUUID(), strict, at(1))).toEqual({ admitted: false, busy: false, retryAfterSeconds: 20 });
    });

    it('keeps keys apart', async () => {
      const [a, b] = [freshKey(), freshKey()];
      for (let i = 0; i < 3; i++) await attempt(a, 0);
      expect((await attempt(a, 0)).admitted).toBe(false);
      expect(await attempt(b, 0)).toEqual({ admitted: true });
    });

    it('admits exactly the free allowance out of a burst of concurrent attempts', async () => {
      const key = freshKey();
      const burst = await Promise.all(Array.from({ length: 30 }, () => records.admit(key, randomUUID(), { ...policy, free: 10 }, at(0))));
      expect(burst.filter((a) => a.admitted)).toHaveLength(10);
      expect(burst.filter((a) => !a.admitted)).toEqual(Array(20).fill({ admitted: false, busy: true, retryAfterSeconds: 10 }));
    });
  });
}
