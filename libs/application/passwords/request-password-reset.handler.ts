import type { CommandMetadata } from '../runner/command-metadata';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { ServiceKeys } from '@warden/infrastructure/crypto/service-keys';
import { WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import { EmailAddressedCommands } from '../shared/email-addressed-commands';
import { newMailToken } from '../shared/mail-token-factory';

export class RequestPasswordResetCommand extends Command<void> {
  constructor(
    readonly email: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

/** Works while the account is locked too: a completed reset is one way out of the lock. */
@CommandHandler(RequestPasswordResetCommand)
export class RequestPasswordResetHandler implements ICommandHandler<RequestPasswordResetCommand> {
  constructor(
    private readonly byEmail: EmailAddressedCommands,
    private readonly keys: ServiceKeys,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  execute({ email, meta }: RequestPasswordResetCommand): Promise<void> {
    return this.byEmail.run(
      email,
      (accountId, now) => ({
        type: 'RequestPasswordReset',
        now: now.toISOString(),
        reset: newMailToken(this.keys, 'reset-password', accountId, now, this.config.passwordResetTtlSeconds),
      }),
      meta,
    );
  }
}
