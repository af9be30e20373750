import type { Admission, AttemptOutcome, ThrottlePolicy, ThrottleRecords } from '../throttle-records.port';
import { admitAttempt, emptyThrottleRecord, isEmptyThrottleRecord, settleAttempt, type ThrottleRecord } from '../throttle-rule';

/** For tests above the port: one event loop, so a synchronous read-modify-write is atomic. */
export class InMemoryThrottleRecords implements ThrottleRecords {
  private readonly records = new Map<string, ThrottleRecord>();

  async admit(key: string, attemptId: string, policy: ThrottlePolicy, now: Date): Promise<Admission> {
    const { record, admission } = admitAttempt(this.records.get(key) ?? emptyThrottleRecord(), attemptId, policy, now.getTime());
    this.keep(key, record);
    return admission;
  }

  async settle(key: string, attemptId: string, outcome: AttemptOutcome, now: Date): Promise<void> {
    this.keep(key, settleAttempt(this.records.get(key) ?? emptyThrottleRecord(), attemptId, outcome, now.getTime()));
  }

  private keep(key: string, record: ThrottleRecord): void {
    if (isEmptyThrottleRecord(record)) this.records.delete(key);
    else this.records.set(key, record);
  }
}
