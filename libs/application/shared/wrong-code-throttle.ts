import { Inject, Injectable } from '@nestjs/common';
import { hashToken } from '@warden/infrastructure/crypto/tokens';
import { CLOCK } from '@warden/infrastructure/tokens';
import type { Clock } from '@warden/shared/clock';
import { DomainError } from '@warden/shared/errors';
import { LoginThrottle, type LoginAttempt } from '../sign-in/login-throttle';

/**
 * Growing delays after wrong 2FA or recovery codes presented with a mailed link (password
 * reset, ownership verification, account recovery). A wrong code appends nothing to the
 * account (the decider refuses it), and whoever holds the link may present one, so without
 * this a link would allow unlimited guesses at a 6-digit code. Applied to the command
 * itself, so the `/v1` calls and the hosted pages get the same protection and count the
 * same attempts. Keyed by the link (its token's hash) and by the client IP when the command
 * carries one, with the login throttle's store and settings (THROTTLE_* variables): shared
 * by every API replica, exact under concurrency (a place is held while a code is judged).
 */
@Injectable()
export class WrongCodeThrottle {
  constructor(
    private readonly throttle: LoginThrottle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Runs `judge` (a command that checks `code`) unless this link or address is cooling
   * down from wrong codes: then `429 too_many_attempts` with `retryAfterSeconds`, and the
   * code is not looked at. A refused code (`invalid_code`) is counted; a right code, or
   * another refusal, gives its place back. Without a code it just runs.
   */
  async judge<T>(linkToken: string, ip: string | undefined, code: string | undefined, judge: () => Promise<T>): Promise<T> {
    if (code === undefined) return judge();
    const attempt: LoginAttempt = await this.throttle.admit(this.throttle.keysFor(`mailed-link:${hashToken(linkToken)}`, ip), () => this.clock.now());
    try {
      return await judge();
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_code') await attempt.failed(this.clock.now());
      throw error;
    } finally {
      await attempt.finish(this.clock.now());
    }
  }
}
