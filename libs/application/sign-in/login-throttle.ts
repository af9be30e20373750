import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomUUID } from 'node:crypto';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { ServiceKeys } from '@warden/infrastructure/crypto/service-keys';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import type { Admission, AttemptOutcome, ThrottlePolicy, ThrottleRecords } from '@warden/infrastructure/read-store/throttle-records.port';
import { READ_STORE, WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import { DomainError } from '@warden/shared/errors';
import { SettleSignals } from './settle-signals';

export interface ThrottleKeys {
  email: string;
  ip: string | null;
}

/** An attempt that got past the throttle holds a place under each key until it is settled. */
export interface LoginAttempt {
  /** A wrong password (or an unknown email): counts under both keys. */
  failed(now: Date): Promise<void>;
  /** A correct password: forgets the email's failures; the IP's stay. */
  succeeded(now: Date): Promise<void>;
  /** Gives back whatever place was not settled (a refusal that is no failure, an error): call in `finally`. */
  finish(now: Date): Promise<void>;
}

/** An attempt still running when this old is taken for dead (its process crashed): its place lapses. */
const IN_FLIGHT_SECONDS = 30;
/** How long an attempt waits for attempts in flight before it is answered 429 after all. */
const MAX_WAIT_MS = 10_000;
/** How often a waiting attempt looks again, for attempts settled by other processes. */
const POLL_MS = 50;

/**
 * Growing delays after failed logins, per email as typed (normalised) and per IP. Keyed
 * by the email rather than the account so that an unknown address is throttled exactly
 * like a known one: a 429 reveals nothing. The account's own lock (10 failures in 15
 * minutes) is counted from its events, not here.
 *
 * Exact under concurrency: the check and the count are one atomic step of the store
 * (`ThrottleRecords.admit`), taken BEFORE the password is checked. An attempt in flight
 * holds a place as if it had failed, so a burst of N attempts gets at most the free
 * allowance of password checks, from any number of processes. An attempt that finds the
 * places held only by attempts in flight (which may yet succeed: a shared account logged in
 * from several workers at once) waits for them instead of being refused.
 */
@Injectable()
export class LoginThrottle {
  private readonly records: ThrottleRecords;
  private readonly settled = new SettleSignals();

  constructor(
    @Inject(READ_STORE) store: ReadStore,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
    private readonly keys: ServiceKeys,
  ) {
    this.records = store.throttleRecords('login_throttle');
  }

  keysFor(normalizedEmail: string, ip: string | undefined): ThrottleKeys {
    const mac = (value: string) => createHmac('sha256', this.keys.lookupKey).update(value).digest('hex');
    return { email: `email-${mac(`email:${normalizedEmail}`)}`, ip: ip ? `ip-${mac(`ip:${ip}`)}` : null };
  }

  /**
   * Admits one attempt under both keys, or throws 429 too_many_attempts (with Retry-After)
   * while either key is cooling down. `now` is read again after each wait.
   */
  async admit(keys: ThrottleKeys, now: () => Date): Promise<LoginAttempt> {
    const id = randomUUID();
    const deadline = Date.now() + MAX_WAIT_MS;
    for (;;) {
      const refusal = await this.admitUnderBoth(keys, id, now());
      if (!refusal) return this.attempt(keys, id);
      const waitFor = refusal.key;
      if (!refusal.admission.busy || Date.now() >= deadline) throw tooManyAttempts(refusal.admission.retryAfterSeconds);
      await this.settled.next(waitFor, Math.min(POLL_MS, deadline - Date.now()));
    }
  }

  /** Both places or neither: a refusal under the IP gives back the place taken under the email. */
  private async admitUnderBoth(keys: ThrottleKeys, id: string, now: Date): Promise<{ key: string; admission: Extract<Admission, { admitted: false }> } | null> {
    const { accountFreeFailures, ipFreeFailures } = this.config.protection;
    const byEmail = await this.records.admit(keys.email, id, this.policy(accountFreeFailures), now);
    if (!byEmail.admitted) return { key: keys.email, admission: byEmail };
    if (!keys.ip) return null;
    const byIp = await this.records.admit(keys.ip, id, this.policy(ipFreeFailures), now);
    if (byIp.admitted) return null;
    await this.settle(keys.email, id, 'withdrawn', now);
    return { key: keys.ip, admission: byIp };
  }

  private attempt(keys: ThrottleKeys, id: string): LoginAttempt {
    let settled = false;
    const settleBoth = async (email: AttemptOutcome, ip: AttemptOutcome, now: Date) => {
      if (settled) return;
      settled = true;
      await this.settle(keys.email, id, email, now);
      if (keys.ip) await this.settle(keys.ip, id, ip, now);
    };
    return {
      failed: (now) => settleBoth('failed', 'failed', now),
      succeeded: (now) => settleBoth('cleared', 'withdrawn', now),
      finish: (now) => settleBoth('withdrawn', 'withdrawn', now),
    };
  }

  private async settle(key: string, id: string, outcome: AttemptOutcome, now: Date): Promise<void> {
    await this.records.settle(key, id, outcome, now);
    this.settled.signal(key);
  }

  private policy(free: number): ThrottlePolicy {
    const { throttleBaseSeconds, throttleMaxSeconds, lockWindowSeconds } = this.config.protection;
    return { free, baseSeconds: throttleBaseSeconds, maxSeconds: throttleMaxSeconds, windowSeconds: lockWindowSeconds, inFlightSeconds: IN_FLIGHT_SECONDS };
  }
}

function tooManyAttempts(retryAfterSeconds: number): DomainError {
  return new DomainError('too_many_attempts', 429, 'Too many failed attempts; try again later.', { retryAfterSeconds: Math.max(1, retryAfterSeconds) });
}
