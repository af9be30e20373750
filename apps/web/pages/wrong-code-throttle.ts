import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { LoginThrottle, type LoginAttempt } from '@warden/application/sign-in/login-throttle';
import { hashToken } from '@warden/infrastructure/crypto/tokens';
import { CLOCK } from '@warden/infrastructure/tokens';
import type { Clock } from '@warden/shared/clock';
import { isRefusal } from './mailed-links';
import type { FieldError } from './form-fields';
import { wrongCodeError } from './new-password-form';
import { clientIpOf } from './page-input';

/** A code the page must ask for again: wrong, or tried too often (429, with the wait). */
export class CodeRefused {
  constructor(
    readonly error: FieldError,
    readonly status: 400 | 429,
    readonly retryAfterSeconds?: number,
  ) {}

  /** Sets Retry-After when the link is cooling down. */
  headersOn(response: Response): void {
    if (this.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(this.retryAfterSeconds));
  }
}

/**
 * Growing delays after wrong 2FA or recovery codes typed into a mailed link's page. A
 * refused code appends nothing to the account (the decider throws), and these pages are
 * reachable by anyone holding the link, so without this a link would allow unlimited
 * guesses at a 6-digit code. Keyed by the link (its token's hash) and by the client IP,
 * with the login throttle's store and settings (THROTTLE_* variables): shared by every
 * API replica.
 */
@Injectable()
export class WrongCodeThrottle {
  constructor(
    private readonly throttle: LoginThrottle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Runs the command that checks a code, unless this link is cooling down from wrong
   * ones; a wrong code (`invalid_code`) is counted and comes back as a CodeRefused for the
   * form's `field`. Other refusals are the caller's. Without a code it just runs.
   */
  async tryCode<T>(token: string, request: Request, code: string | undefined, field: string, run: () => Promise<T>): Promise<T | CodeRefused> {
    if (code === undefined) return run();
    let attempt: LoginAttempt;
    try {
      attempt = await this.throttle.admit(this.keys(token, request), () => this.clock.now());
    } catch (error) {
      if (!isRefusal(error, 'too_many_attempts')) throw error;
      const wait = (error.details as { retryAfterSeconds: number }).retryAfterSeconds;
      return new CodeRefused({ field, message: `Too many wrong codes. Wait ${wait} seconds, then try again.` }, 429, wait);
    }
    try {
      return await run();
    } catch (error) {
      if (!isRefusal(error, 'invalid_code')) throw error;
      await attempt.failed(this.clock.now());
      return new CodeRefused(wrongCodeError(field), 400);
    } finally {
      // A right code (or another refusal) gives its place back without forgetting earlier wrong ones.
      await attempt.finish(this.clock.now());
    }
  }

  private keys(token: string, request: Request) {
    return this.throttle.keysFor(`mailed-link:${hashToken(token)}`, clientIpOf(request) || undefined);
  }
}
