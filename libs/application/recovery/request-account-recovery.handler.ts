import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMetadata } from '../runner/command-metadata';
import { Inject } from '@nestjs/common';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { ServiceKeys } from '@warden/infrastructure/crypto/service-keys';
import { WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import { newMailToken } from '../shared/mail-token-factory';
import { EmailAddressedCommands } from '../shared/email-addressed-commands';

export class RequestAccountRecoveryCommand extends Command<void> {
  constructor(
    readonly email: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

/** Always "accepted", in the same time, whether or not the address has an account with 2FA. */
@CommandHandler(RequestAccountRecoveryCommand)
export class RequestAccountRecoveryHandler implements ICommandHandler<RequestAccountRecoveryCommand> {
  constructor(
    private readonly byEmail: EmailAddressedCommands,
    private readonly keys: ServiceKeys,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  execute({ email, meta }: RequestAccountRecoveryCommand): Promise<void> {
    return this.byEmail.run(
      email,
      (accountId, now) => ({
        type: 'RequestAccountRecovery',
        now: now.toISOString(),
        recovery: newMailToken(this.keys, 'recover-account', accountId, now, this.config.accountRecoveryTtlSeconds),
      }),
      meta,
    );
  }
}
