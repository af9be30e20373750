import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import type { WardenConfig } from '../../infrastructure/config/warden-config';
import { ServiceKeys } from '../../infrastructure/crypto/service-keys';
import type { Doc, ReadStore } from '../../infrastructure/read-store/read-store.port';
import { READ_STORE, WARDEN_CONFIG } from '../../infrastructure/tokens';
import { DomainError } from '../../shared/errors';

interface ThrottleDoc extends Doc {
  failures: string[];
}

const COLLECTION = 'login_throttle';

/**
 * Growing delays after failed logins, per email as typed (normalised) and per IP. Keyed
 * by the email rather than the account so that an unknown address is throttled exactly
 * like a known one: a 429 reveals nothing. The account's own lock (10 failures in 15
 * minutes) is counted from its events, not here. Records live in the read store, shared
 * by every API replica; a lost update under a race only under-counts by one.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
    private readonly keys: ServiceKeys,
  ) {}

  keysFor(normalizedEmail: string, ip: string | undefined): { email: string; ip: string | null } {
    const mac = (value: string) => createHmac('sha256', this.keys.lookupKey).update(value).digest('hex');
    return { email: `email-${mac(`email:${normalizedEmail}`)}`, ip: ip ? `ip-${mac(`ip:${ip}`)}` : null };
  }

  /** Throws 429 too_many_attempts (with Retry-After) while either key is cooling down. */
  async assertAllowed(keys: { email: string; ip: string | null }, now: Date): Promise<void> {
    const { accountFreeFailures, ipFreeFailures } = this.config.protection;
    const waits = await Promise.all([
      this.waitSeconds(keys.email, accountFreeFailures, now),
      keys.ip ? this.waitSeconds(keys.ip, ipFreeFailures, now) : 0,
    ]);
    const retryAfterSeconds = Math.max(...waits);
    if (retryAfterSeconds > 0) {
      throw new DomainError('too_many_attempts', 429, 'Too many failed attempts; try again later.', { retryAfterSeconds });
    }
  }

  async recordFailure(keys: { email: string; ip: string | null }, now: Date): Promise<void> {
    const collection = this.store.collection<ThrottleDoc>(COLLECTION);
    for (const id of [keys.email, keys.ip]) {
      if (!id) continue;
      const failures = this.recent((await collection.get(id))?.failures ?? [], now);
      await collection.put({ id, failures: [...failures, now.toISOString()].slice(-100) });
    }
  }

  /** A successful login clears the email's record; the IP's stays. */
  async recordSuccess(keys: { email: string }): Promise<void> {
    await this.store.collection<ThrottleDoc>(COLLECTION).delete(keys.email);
  }

  private recent(failures: string[], now: Date): string[] {
    const windowStart = now.getTime() - this.config.protection.lockWindowSeconds * 1000;
    return failures.filter((t) => Date.parse(t) > windowStart);
  }

  private async waitSeconds(id: string, free: number, now: Date): Promise<number> {
    const doc = await this.store.collection<ThrottleDoc>(COLLECTION).get(id);
    const failures = this.recent(doc?.failures ?? [], now);
    // `free` failures cost nothing; from then on each one doubles the wait before the next try.
    const over = failures.length - free;
    if (over < 0) return 0;
    const { throttleBaseSeconds, throttleMaxSeconds } = this.config.protection;
    const delay = Math.min(throttleBaseSeconds * 2 ** over, throttleMaxSeconds);
    const until = Date.parse(failures[failures.length - 1]) + delay * 1000;
    return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
  }
}
