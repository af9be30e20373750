import type { CommandMetadata } from '../runner/command-metadata';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { ServiceKeys } from '@warden/infrastructure/crypto/service-keys';
import { WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import { EmailAddressedCommands } from '../shared/email-addressed-commands';
import { newMailToken } from '../shared/mail-token-factory';

export class ResendEmailVerificationCommand extends Command<void> {
  constructor(
    readonly email: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

/** A new link voids the previous one; beyond the limits, silently nothing. */
@CommandHandler(ResendEmailVerificationCommand)
export class ResendEmailVerificationHandler implements ICommandHandler<ResendEmailVerificationCommand> {
  constructor(
    private readonly byEmail: EmailAddressedCommands,
    private readonly keys: ServiceKeys,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  execute({ email, meta }: ResendEmailVerificationCommand): Promise<void> {
    const { ttlSeconds, perMinute, perDay } = this.config.emailVerification;
    return this.byEmail.run(
      email,
      (accountId, now) => ({
        type: 'ResendEmailVerification',
        now: now.toISOString(),
        verification: newMailToken(this.keys, 'verify-email', accountId, now, ttlSeconds),
        limits: { perMinute, perDay },
      }),
      meta,
    );
  }
}
