import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { WardenConfig } from '../../infrastructure/config/warden-config';
import { WARDEN_CONFIG } from '../../infrastructure/tokens';
import { AccountCommandRunner } from '../shared/account-command-runner';
import { newMailToken } from '../shared/mail-token-factory';
import { normalizeEmail } from '../shared/normalize';
import { Reservations } from '../shared/reservations';
import { ServiceKeys } from '../../infrastructure/crypto/service-keys';
import { ResendEmailVerificationCommand } from './resend-email-verification.command';

/**
 * Always "accepted", and the result says nothing either (no position of its own): whether
 * anything was sent is nobody's business but the mailbox's.
 */
@CommandHandler(ResendEmailVerificationCommand)
export class ResendEmailVerificationHandler implements ICommandHandler<ResendEmailVerificationCommand, void> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly reservations: Reservations,
    private readonly keys: ServiceKeys,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  async execute({ email, meta }: ResendEmailVerificationCommand): Promise<void> {
    const accountId = await this.reservations.holder('email', normalizeEmail(email));
    if (!accountId) return;
    const { ttlSeconds, perMinute, perDay } = this.config.emailVerification;
    await this.runner.run(
      accountId,
      (_state, now) => ({
        type: 'ResendEmailVerification',
        now: now.toISOString(),
        verification: newMailToken(this.keys, 'verify-email', accountId, now, ttlSeconds),
        limits: { perMinute, perDay },
      }),
      meta,
    );
  }
}
