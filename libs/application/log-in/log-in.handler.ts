import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AccountErrors } from '../../account/account.errors';
import type { WardenConfig } from '../../infrastructure/config/warden-config';
import { ServiceKeys } from '../../infrastructure/crypto/service-keys';
import { hashToken, newRandomToken } from '../../infrastructure/crypto/tokens';
import { CLOCK, WARDEN_CONFIG } from '../../infrastructure/tokens';
import type { Clock } from '../../shared/clock';
import type { Position } from '../../shared/envelope';
import { AccountCommandRunner } from '../shared/account-command-runner';
import { LoginThrottle } from '../shared/login-throttle';
import { newMailToken } from '../shared/mail-token-factory';
import { normalizeEmail } from '../shared/normalize';
import { originOf } from '../shared/origin';
import { PasswordHasher } from '../shared/password-hasher';
import { Reservations } from '../shared/reservations';
import { LogInCommand } from './log-in.command';

export interface SessionIssued {
  result: 'session';
  sessionId: string;
  sessionToken: string;
  accountId: string;
  expiresAt: string;
  position?: Position;
}

/**
 * An unknown email and a wrong password get the same answer after the same work: one
 * bcrypt comparison each (against a decoy hash when there is no account), one throttle
 * record each. Throttling is checked first, so a 429 costs no bcrypt and says nothing.
 */
@CommandHandler(LogInCommand)
export class LogInHandler implements ICommandHandler<LogInCommand, SessionIssued> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly reservations: Reservations,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly keys: ServiceKeys,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ email, password, meta }: LogInCommand): Promise<SessionIssued> {
    const normalized = normalizeEmail(email);
    const throttleKeys = this.throttle.keysFor(normalized, meta.client?.ip);
    await this.throttle.assertAllowed(throttleKeys, this.clock.now());
    const accountId = await this.reservations.holder('email', normalized);
    if (!accountId) {
      await this.hasher.verify(password, null);
      await this.throttle.recordFailure(throttleKeys, this.clock.now());
      throw AccountErrors.invalidCredentials();
    }
    const sessionId = randomUUID();
    const sessionToken = newRandomToken(accountId);
    const { session, protection, ownershipTtlSeconds } = this.config;
    let expiresAt = '';
    let passwordMatches = false;
    const outcome = await this.runner.run(
      accountId,
      async (state, now) => {
        expiresAt = new Date(now.getTime() + session.absoluteSeconds * 1000).toISOString();
        passwordMatches = await this.hasher.verify(password, state.passwordHash || null);
        return {
          type: 'LogIn',
          now: now.toISOString(),
          passwordMatches,
          session: {
            sessionId,
            tokenHash: hashToken(sessionToken),
            expiresAt,
            idleTimeoutSeconds: session.idleSeconds,
            origin: originOf(meta.client),
          },
          lockPolicy: { threshold: protection.lockThreshold, windowSeconds: protection.lockWindowSeconds },
          ownershipVerification: newMailToken(this.keys, 'verify-ownership', accountId, now, ownershipTtlSeconds),
        };
      },
      meta,
    );
    if (!passwordMatches) {
      // Attempts while locked append nothing and do not count (contract §3.1).
      if (outcome.events.some((e) => e.type === 'LoginFailed')) await this.throttle.recordFailure(throttleKeys, this.clock.now());
      throw AccountErrors.invalidCredentials();
    }
    await this.throttle.recordSuccess(throttleKeys);
    return { result: 'session', sessionId, sessionToken, accountId, expiresAt, position: outcome.position };
  }
}
