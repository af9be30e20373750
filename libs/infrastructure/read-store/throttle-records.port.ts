/**
 * Throttle records: per key (an email's or an IP's MAC), the recent failed attempts and
 * the attempts still in flight. Every operation is ONE atomic read-modify-write in the
 * store (a write transaction in SQLite, a single update operator in MongoDB), so that a
 * burst of concurrent attempts, from any number of processes, is counted exactly.
 */
export interface ThrottlePolicy {
  /** Failures that cost nothing; from then on each one doubles the wait before the next try. */
  free: number;
  baseSeconds: number;
  maxSeconds: number;
  /** Failures older than this are forgotten. */
  windowSeconds: number;
  /** An attempt in flight for longer than this (its process died) no longer holds a place. */
  inFlightSeconds: number;
}

/**
 * `admitted`: the attempt holds a place until it is settled. Otherwise `retryAfterSeconds`,
 * and `busy` when only attempts still in flight stand in the way (they may yet succeed):
 * the caller may wait for them rather than answer 429.
 */
export type Admission = { admitted: true } | { admitted: false; busy: boolean; retryAfterSeconds: number };

/** `failed`: counts as a failure now. `cleared`: a success, which forgets the key's failures. `withdrawn`: counts for nothing. */
export type AttemptOutcome = 'failed' | 'cleared' | 'withdrawn';

export interface ThrottleRecords {
  /**
   * Admits the attempt `attemptId` under `key` if the failures and the attempts in flight
   * leave room for it (counting each attempt in flight as a failure, since it may be one),
   * and records it in flight — one atomic step, so no two attempts take the same place.
   */
  admit(key: string, attemptId: string, policy: ThrottlePolicy, now: Date): Promise<Admission>;
  /** Settles an admitted attempt (atomically); an unknown or already settled attempt changes nothing. */
  settle(key: string, attemptId: string, outcome: AttemptOutcome, now: Date): Promise<void>;
}
