import { type Collection, type Db, type Document, MongoServerError } from 'mongodb';
import { assertCollectionName } from './read-store-guards';
import type { Admission, AttemptOutcome, ThrottlePolicy, ThrottleRecords } from './throttle-records.port';
import { admitAttempt, type ThrottleRecord } from './throttle-rule';

interface StoredThrottleRecord extends ThrottleRecord {
  _id: string;
}

const DUPLICATE_KEY = 11000;

/**
 * Throttle records in a collection of their own (`throttle_<name>`). Each operation is one
 * `findOneAndUpdate`/`updateOne` with an update pipeline: the server reads, applies the
 * rule and writes the document atomically, so concurrent attempts from any replica are
 * counted exactly. The pipeline spells the rule of throttle-rule.ts; the shared contract
 * suite holds both adapters to it.
 */
export class MongoDbThrottleRecords implements ThrottleRecords {
  private readonly collection: Collection<StoredThrottleRecord>;

  constructor(db: Db, name: string) {
    assertCollectionName(name);
    this.collection = db.collection<StoredThrottleRecord>(`throttle_${name}`);
  }

  async admit(key: string, attemptId: string, policy: ThrottlePolicy, now: Date): Promise<Admission> {
    const nowMs = now.getTime();
    const allFailures = { $concatArrays: ['$failures', '$inFlight.at'] };
    const pipeline: Document[] = [
      // Forget failures outside the window and attempts whose process died in flight.
      {
        $set: {
          failures: { $filter: { input: { $ifNull: ['$failures', []] }, as: 'f', cond: { $gt: ['$$f', nowMs - policy.windowSeconds * 1000] } } },
          inFlight: { $filter: { input: { $ifNull: ['$inFlight', []] }, as: 'a', cond: { $gt: ['$$a.at', nowMs - policy.inFlightSeconds * 1000] } } },
        },
      },
      // Admitted when neither the failures alone nor the failures with the attempts in flight call for a wait.
      {
        $set: {
          inFlight: {
            $cond: [
              { $and: [{ $lte: [waitMs('$failures', policy, nowMs), 0] }, { $lte: [waitMs(allFailures, policy, nowMs), 0] }] },
              { $concatArrays: ['$inFlight', [{ id: { $literal: attemptId }, at: { $literal: nowMs } }]] },
              '$inFlight',
            ],
          },
        },
      },
    ];
    const stored = await this.retryingDuplicateUpsert(() =>
      this.collection.findOneAndUpdate({ _id: key }, pipeline, { upsert: true, returnDocument: 'after' }),
    );
    const record: ThrottleRecord = { failures: stored?.failures ?? [], inFlight: stored?.inFlight ?? [] };
    if (record.inFlight.some((a) => a.id === attemptId)) return { admitted: true };
    // Refused: the same rule, on the record as the server left it, says for how long and why.
    const { admission } = admitAttempt(record, attemptId, policy, nowMs);
    return admission.admitted ? { admitted: false, busy: true, retryAfterSeconds: 1 } : admission;
  }

  async settle(key: string, attemptId: string, outcome: AttemptOutcome, now: Date): Promise<void> {
    const failures = { $ifNull: ['$failures', []] };
    const settled = {
      failed: { $concatArrays: [failures, [{ $literal: now.getTime() }]] },
      cleared: { $literal: [] },
      withdrawn: failures,
    }[outcome];
    const pipeline: Document[] = [
      {
        $set: {
          failures: settled,
          inFlight: { $filter: { input: { $ifNull: ['$inFlight', []] }, as: 'a', cond: { $ne: ['$$a.id', { $literal: attemptId }] } } },
        },
      },
    ];
    // Only a failure creates a record; then an emptied record goes (a conditional delete: atomic too).
    await this.retryingDuplicateUpsert(() => this.collection.updateOne({ _id: key }, pipeline, { upsert: outcome === 'failed' }));
    await this.collection.deleteOne({ _id: key, failures: { $size: 0 }, inFlight: { $size: 0 } });
  }

  /** Two first upserts of one key may race to insert; the loser's retry finds the document. */
  private async retryingDuplicateUpsert<R>(write: () => Promise<R>): Promise<R> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return write();
      throw error;
    }
  }
}

/** The wait (ms) that `failures` (an expression for an array of instants) call for: throttle-rule's waitMs. */
function waitMs(failures: unknown, policy: ThrottlePolicy, nowMs: number): Document {
  return {
    $let: {
      vars: { over: { $subtract: [{ $size: failures }, policy.free] }, newest: { $max: failures } },
      in: {
        $cond: [
          { $lt: ['$$over', 0] },
          0,
          {
            $max: [
              0,
              {
                $subtract: [
                  { $add: ['$$newest', { $multiply: [{ $min: [{ $multiply: [policy.baseSeconds, { $pow: [2, '$$over'] }] }, policy.maxSeconds] }, 1000] }] },
                  nowMs,
                ],
              },
            ],
          },
        ],
      },
    },
  };
}
