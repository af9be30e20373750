import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AccountErrors } from '../../account/account.errors';
import type { WardenConfig } from '../../infrastructure/config/warden-config';
import { hashToken, newRandomToken } from '../../infrastructure/crypto/tokens';
import { WARDEN_CONFIG } from '../../infrastructure/tokens';
import type { Position } from '../../shared/envelope';
import { AccountCommandRunner } from '../shared/account-command-runner';
import { normalizeEmail } from '../shared/normalize';
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
 * bcrypt comparison each (against a decoy hash when there is no account).
 */
@CommandHandler(LogInCommand)
export class LogInHandler implements ICommandHandler<LogInCommand, SessionIssued> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly reservations: Reservations,
    private readonly hasher: PasswordHasher,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  async execute({ email, password, meta }: LogInCommand): Promise<SessionIssued> {
    const accountId = await this.reservations.holder('email', normalizeEmail(email));
    if (!accountId) {
      await this.hasher.verify(password, null);
      throw AccountErrors.invalidCredentials();
    }
    const sessionId = randomUUID();
    const sessionToken = newRandomToken(accountId);
    const { absoluteSeconds, idleSeconds } = this.config.session;
    let expiresAt = '';
    const outcome = await this.runner.run(
      accountId,
      async (state, now) => {
        expiresAt = new Date(now.getTime() + absoluteSeconds * 1000).toISOString();
        return {
          type: 'LogIn',
          now: now.toISOString(),
          passwordMatches: await this.hasher.verify(password, state.passwordHash || null),
          session: { sessionId, tokenHash: hashToken(sessionToken), expiresAt, idleTimeoutSeconds: idleSeconds },
        };
      },
      meta,
    );
    if (outcome.events.some((event) => event.type === 'LoginFailed')) throw AccountErrors.invalidCredentials();
    return { result: 'session', sessionId, sessionToken, accountId, expiresAt, position: outcome.position };
  }
}
