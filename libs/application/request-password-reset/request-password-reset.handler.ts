import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { WardenConfig } from '../../infrastructure/config/warden-config';
import { ServiceKeys } from '../../infrastructure/crypto/service-keys';
import { WARDEN_CONFIG } from '../../infrastructure/tokens';
import { AccountCommandRunner } from '../shared/account-command-runner';
import { newMailToken } from '../shared/mail-token-factory';
import { normalizeEmail } from '../shared/normalize';
import { Reservations } from '../shared/reservations';
import { withUniformTiming } from '../shared/uniform-timing';
import { RequestPasswordResetCommand } from './request-password-reset.command';

/**
 * Always "accepted", in the same time whether or not the address is known, and without
 * a position of its own: the answer never tells whether an account exists. Works while
 * the account is locked (a completed reset is one way out of the lock).
 */
@CommandHandler(RequestPasswordResetCommand)
export class RequestPasswordResetHandler implements ICommandHandler<RequestPasswordResetCommand, void> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly reservations: Reservations,
    private readonly keys: ServiceKeys,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  execute({ email, meta }: RequestPasswordResetCommand): Promise<void> {
    return withUniformTiming(this.config.uniformResponseMs, async () => {
      const accountId = await this.reservations.holder('email', normalizeEmail(email));
      if (!accountId) return;
      await this.runner.run(
        accountId,
        (_state, now) => ({
          type: 'RequestPasswordReset',
          now: now.toISOString(),
          reset: newMailToken(this.keys, 'reset-password', accountId, now, this.config.passwordResetTtlSeconds),
        }),
        meta,
      );
    });
  }
}
