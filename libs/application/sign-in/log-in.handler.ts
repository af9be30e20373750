import type { CommandMetadata } from '../runner/command-metadata';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { NewChallenge, NewSession } from '@warden/account/sign-in/sign-in.commands';
import { AccountErrors } from '@warden/account/account.errors';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { ServiceKeys } from '@warden/infrastructure/crypto/service-keys';
import { CLOCK, WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import type { Clock } from '@warden/shared/clock';
import { AccountCommandRunner } from '../runner/account-command-runner';
import { LoginThrottle, type LoginAttempt } from './login-throttle';
import { newMailToken } from '../shared/mail-token-factory';
import { NewLogin, type IssuedSecret } from './new-login';
import { normalizeEmail } from '@warden/account/normalize';
import { PasswordHasher } from '../shared/password-hasher';
import { Reservations } from '../shared/reservations';
import { noSoonerThan } from '../shared/uniform-timing';
import { DomainError } from '@warden/shared/errors';
import type { LoginResult } from './log-in.result';

export class LogInCommand extends Command<LoginResult> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

/**
 * An unknown email and a wrong password get the same answer after the same work: one
 * bcrypt comparison each (against a decoy hash when there is no account), one throttle
 * admission and settlement each. The throttle admits the attempt first, in one atomic
 * step, so a 429 costs no bcrypt and says nothing, and a burst gets no more checks than
 * the free allowance.
 *
 * The same work is not quite the same time: a wrong password also loads the account and
 * appends its LoginFailed (an fsync), about 3 ms over a 50 ms comparison, enough to tell
 * known addresses from unknown ones over many tries. So a `401 invalid_credentials` is
 * answered no sooner than UNIFORM_RESPONSE_MS after the request began, as the always-202
 * endpoints are; a successful login is not delayed. The floor must exceed the bcrypt
 * comparison (cost 12: 200–275 ms on the development machines; default floor 400 ms), and
 * start-up warns when it does not (PasswordHasher.checkFloor).
 */
@CommandHandler(LogInCommand)
export class LogInHandler implements ICommandHandler<LogInCommand> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly reservations: Reservations,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly newLogin: NewLogin,
    private readonly keys: ServiceKeys,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: LogInCommand): Promise<LoginResult> {
    const started = performance.now();
    const normalized = normalizeEmail(command.email);
    // The throttle's check and count are one atomic step, taken before the password is checked.
    const attempt = await this.throttle.admit(this.throttle.keysFor(normalized, command.meta.client?.ip), () => this.clock.now());
    try {
      return await this.logIn(command, normalized, attempt);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_credentials') await noSoonerThan(started, this.config.uniformResponseMs);
      throw error;
    } finally {
      // Gives back the place of an attempt that is no failure (a refusal after a correct password, an error).
      settleAfterAnswer(() => attempt.finish(this.clock.now()));
    }
  }

  private async logIn({ password, meta }: LogInCommand, normalized: string, attempt: LoginAttempt): Promise<LoginResult> {
    const accountId = await this.reservations.holder('email', normalized);
    if (!accountId) {
      await this.hasher.verify(password, null);
      settleAfterAnswer(() => attempt.failed(this.clock.now()));
      throw AccountErrors.invalidCredentials();
    }
    const { protection, ownershipTtlSeconds } = this.config;
    // bcrypt runs before the account's turn and at most once per stored hash (see PasswordAttempt).
    const passwordAttempt = this.hasher.attempt(password);
    let passwordMatches = false;
    // Minted per decision: a retried decision (concurrent write) gets fresh ones.
    let session: IssuedSecret<NewSession> | undefined;
    let challenge: IssuedSecret<NewChallenge> | undefined;
    const outcome = await this.runner.run(
      accountId,
      async (state, now) => {
        // Minted while bcrypt may still run (prepare started it): nothing left but to decide once it answers.
        session = this.newLogin.session(accountId, now, meta.client);
        challenge = this.newLogin.challenge(accountId, now);
        const ownershipVerification = newMailToken(this.keys, 'verify-ownership', accountId, now, ownershipTtlSeconds);
        passwordMatches = await passwordAttempt.matches(state);
        return {
          type: 'LogIn',
          now: now.toISOString(),
          passwordMatches,
          session: session.record,
          challenge: challenge.record,
          lockPolicy: { threshold: protection.lockThreshold, windowSeconds: protection.lockWindowSeconds },
          ownershipVerification,
        };
      },
      meta,
      { prepare: (state) => passwordAttempt.matches(state) },
    );
    if (!passwordMatches) {
      // Attempts while locked append nothing and do not count (contract §3.1).
      if (outcome.events.some((e) => e.type === 'LoginFailed')) settleAfterAnswer(() => attempt.failed(this.clock.now()));
      throw AccountErrors.invalidCredentials();
    }
    settleAfterAnswer(() => attempt.succeeded(this.clock.now()));
    const { position } = outcome;
    if (!session || !challenge) throw new Error('login decided without a session or challenge');
    if (outcome.events.some((e) => e.type === 'SecondFactorChallenged')) {
      return {
        result: 'second_factor_required',
        challengeToken: challenge.token,
        methods: ['totp', 'recovery_code'],
        expiresAt: challenge.record.expiresAt,
        position,
      };
    }
    return { result: 'session', sessionId: session.record.sessionId, sessionToken: session.token, accountId, expiresAt: session.record.expiresAt, position };
  }
}

/**
 * The answer does not wait for the throttle's settlement: it is written once the answer is
 * on its way (setImmediate: the store's work is synchronous, so merely not awaiting it
 * would still run it first). Until it lands the attempt's place counts as a failure in
 * flight, so an attempt arriving meanwhile is counted exactly (it waits for the settlement
 * when the places run out). A settlement that fails leaves the place to lapse after the
 * in-flight time, as a crash would.
 */
function settleAfterAnswer(settle: () => Promise<void>): void {
  setImmediate(() => settle().catch(() => undefined));
}
