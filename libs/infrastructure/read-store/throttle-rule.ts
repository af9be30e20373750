import type { Admission, AttemptOutcome, ThrottlePolicy } from './throttle-records.port';

/** One key's record, as both adapters store it: instants in epoch milliseconds. */
export interface ThrottleRecord {
  failures: number[];
  inFlight: Array<{ id: string; at: number }>;
}

export const emptyThrottleRecord = (): ThrottleRecord => ({ failures: [], inFlight: [] });

/**
 * The rule every adapter applies inside its atomic step (the MongoDB adapter spells the
 * same rule as an update pipeline; the shared contract suite holds both to it).
 */
export function admitAttempt(record: ThrottleRecord, attemptId: string, policy: ThrottlePolicy, nowMs: number): { record: ThrottleRecord; admission: Admission } {
  const current = current_(record, policy, nowMs);
  const settledWait = waitMs(current.failures, policy, nowMs);
  if (settledWait > 0) return { record: current, admission: { admitted: false, busy: false, retryAfterSeconds: Math.ceil(settledWait / 1000) } };
  const withInFlight = [...current.failures, ...current.inFlight.map((a) => a.at)].sort((a, b) => a - b);
  const wait = waitMs(withInFlight, policy, nowMs);
  if (wait > 0) return { record: current, admission: { admitted: false, busy: true, retryAfterSeconds: Math.ceil(wait / 1000) } };
  return { record: { ...current, inFlight: [...current.inFlight, { id: attemptId, at: nowMs }] }, admission: { admitted: true } };
}

/**
 * Settles an attempt. A failure counts even when its place had already lapsed (an attempt
 * slower than `inFlightSeconds`): no failure escapes the count.
 */
export function settleAttempt(record: ThrottleRecord, attemptId: string, outcome: AttemptOutcome, nowMs: number): ThrottleRecord {
  const inFlight = record.inFlight.filter((a) => a.id !== attemptId);
  switch (outcome) {
    case 'failed':
      return { failures: [...record.failures, nowMs], inFlight };
    case 'cleared':
      return { failures: [], inFlight };
    case 'withdrawn':
      return { failures: record.failures, inFlight };
    default: {
      const never: never = outcome;
      return never;
    }
  }
}

export const isEmptyThrottleRecord = (record: ThrottleRecord) => record.failures.length === 0 && record.inFlight.length === 0;

/** Forgets failures outside the window and attempts whose process died in flight. */
function current_(record: ThrottleRecord, policy: ThrottlePolicy, nowMs: number): ThrottleRecord {
  const windowStart = nowMs - policy.windowSeconds * 1000;
  const inFlightSince = nowMs - policy.inFlightSeconds * 1000;
  return {
    failures: record.failures.filter((at) => at > windowStart),
    inFlight: record.inFlight.filter((a) => a.at > inFlightSince),
  };
}

/** `free` failures cost nothing; each one after doubles the wait after the newest (sorted ascending). */
function waitMs(failures: number[], policy: ThrottlePolicy, nowMs: number): number {
  const over = failures.length - policy.free;
  if (over < 0 || failures.length === 0) return 0;
  const delaySeconds = Math.min(policy.baseSeconds * 2 ** over, policy.maxSeconds);
  return Math.max(0, failures[failures.length - 1] + delaySeconds * 1000 - nowMs);
}
