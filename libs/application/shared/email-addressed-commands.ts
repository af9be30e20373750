import { Inject, Injectable } from '@nestjs/common';
import type { AccountCommand } from '@warden/account/account.commands';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import { AccountCommandRunner } from '../runner/account-command-runner';
import type { CommandMetadata } from '../runner/command-metadata';
import { normalizeEmail } from '@warden/account/normalize';
import { Reservations } from './reservations';
import { withUniformTiming } from './uniform-timing';

/**
 * The always-202 endpoints addressed by email (resend verification, password reset,
 * account recovery): the command runs for whichever account holds the address, or
 * nothing happens, and the answer comes no sooner than UNIFORM_RESPONSE_MS either way —
 * nothing in it tells whether the address is known.
 */
@Injectable()
export class EmailAddressedCommands {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly reservations: Reservations,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  run(email: string, build: (accountId: string, now: Date) => AccountCommand, meta: CommandMetadata): Promise<void> {
    return withUniformTiming(this.config.uniformResponseMs, async () => {
      const accountId = await this.reservations.holder('email', normalizeEmail(email));
      if (accountId) await this.runner.run(accountId, (_state, now) => build(accountId, now), meta);
    });
  }
}
