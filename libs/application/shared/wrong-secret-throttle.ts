import { Inject, Injectable } from '@nestjs/common';
import { hashToken } from '@warden/infrastructure/crypto/tokens';
import { CLOCK } from '@warden/infrastructure/tokens';
import type { Clock } from '@warden/shared/clock';
import { DomainError } from '@warden/shared/errors';
import { LoginThrottle, type LoginAttempt } from '../sign-in/login-throttle';

/** What wrong secrets are counted against: a mailed link, or an account's own commands. */
export type GuessTarget = { link: string } | { accountId: string };

/** The refusals that mean "wrong secret": a wrong code, a wrong password. */
const WRONG = new Set(['invalid_code', 'invalid_credentials']);

/**
 * Growing delays after wrong secrets presented to a command other than a login (which has
 * its own throttle): a 2FA or recovery code with a mailed link (password reset, ownership
 * verification, account recovery), and the current password or a code given to an
 * account's own commands (change the password or the email, turn 2FA off, new recovery
 * codes). A refusal appends nothing to the account (the decider refuses it), so without
 * this a link would allow unlimited guesses at a 6-digit code, and those commands
 * unlimited password guesses beside the login's throttle and lock.
 *
 * Applied to the commands themselves, so the `/v1` calls and the hosted pages share one
 * count. Keyed by the link (its token's hash) or the account, and by the client IP when
 * the command carries one, with the login throttle's store and settings (THROTTLE_*
 * variables): shared by every API replica, exact under concurrency (a place is held while
 * a secret is judged).
 */
@Injectable()
export class WrongSecretThrottle {
  constructor(
    private readonly throttle: LoginThrottle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Runs `judge` (a command that checks the secrets presented) unless the target or the
   * address is cooling down from wrong ones: then `429 too_many_attempts` with
   * `retryAfterSeconds`, and nothing is looked at. A wrong secret is counted; a right one
   * clears the target's count; another refusal gives its place back. With nothing
   * presented it just runs.
   */
  async judge<T>(target: GuessTarget, ip: string | undefined, presented: boolean, judge: () => Promise<T>): Promise<T> {
    if (!presented) return judge();
    const subject = 'link' in target ? `mailed-link:${hashToken(target.link)}` : `account:${target.accountId}`;
    const attempt: LoginAttempt = await this.throttle.admit(this.throttle.keysFor(subject, ip), () => this.clock.now());
    try {
      const result = await judge();
      await attempt.succeeded(this.clock.now());
      return result;
    } catch (error) {
      if (error instanceof DomainError && WRONG.has(error.code)) await attempt.failed(this.clock.now());
      throw error;
    } finally {
      // A no-op once settled above: gives back the place of another refusal or an error.
      await attempt.finish(this.clock.now());
    }
  }
}
