import type { CommandMetadata } from '../runner/command-metadata';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { assertStrongPassword } from '@warden/account/password-policy';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import type { Position } from '@warden/shared/envelope';
import { DomainError } from '@warden/shared/errors';
import { reservationRefusal } from '@warden/account/reservation/reservation.decider';
import { AccountCommandRunner } from '../runner/account-command-runner';
import { isCommonPassword } from '../shared/common-passwords';
import { newMailToken } from '../shared/mail-token-factory';
import { normalizeEmail, normalizeUsername } from '@warden/account/normalize';
import { originOf } from '../sign-in/origin';
import { normalizePassword, PasswordHasher } from '../shared/password-hasher';
import { crashPoint } from '../shared/crash-point';
import { Reservations } from '../shared/reservations';
import { ServiceKeys } from '@warden/infrastructure/crypto/service-keys';

export interface RegisterAccountInput {
  email: string;
  password: string;
  username?: string;
  displayName: string;
}

export class RegisterAccountCommand extends Command<RegisterAccountResult> {
  constructor(
    readonly input: RegisterAccountInput,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

export interface RegisterAccountResult {
  accountId: string;
  status: 'pending_verification';
  position?: Position;
}

/**
 * Claims the email (and username) in their reservation streams first, so that of two
 * concurrent registrations exactly one wins; then writes the account's first events.
 */
@CommandHandler(RegisterAccountCommand)
export class RegisterAccountHandler implements ICommandHandler<RegisterAccountCommand> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly reservations: Reservations,
    private readonly hasher: PasswordHasher,
    private readonly keys: ServiceKeys,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  async execute({ input, meta }: RegisterAccountCommand): Promise<RegisterAccountResult> {
    const email = input.email.trim().normalize('NFC');
    const username = input.username ? input.username.trim().normalize('NFC') : null;
    assertStrongPassword(normalizePassword(input.password), { email, username }, {
      compositionRule: this.config.passwordCompositionRule,
      isCommon: isCommonPassword,
    });
    const passwordHash = await this.hasher.hash(input.password);
    const accountId = randomUUID();
    const claimed: Array<['email' | 'username', string]> = [];
    try {
      await this.claim('email', normalizeEmail(email), accountId, meta, claimed);
      if (username) await this.claim('username', normalizeUsername(username), accountId, meta, claimed);
      crashPoint('register:after-claims');
      const outcome = await this.runner.run(
        accountId,
        (_state, now) => ({
          type: 'RegisterAccount',
          now: now.toISOString(),
          accountId,
          email,
          username,
          displayName: input.displayName.trim(),
          passwordHash,
          origin: originOf(meta.client),
          verification: newMailToken(this.keys, 'verify-email', accountId, now, this.config.emailVerification.ttlSeconds),
        }),
        meta,
      );
      return { accountId, status: 'pending_verification', position: outcome.position };
    } catch (error) {
      // Nothing half-written: give back whatever this attempt had claimed.
      for (const [kind, value] of claimed) await this.reservations.release(kind, value, accountId, meta);
      throw error instanceof DomainError ? error : ((await this.lostClaim(claimed)) ?? error);
    }
  }

  /**
   * A registration stalled past CLAIM_TAKEOVER_SECONDS may find its claim taken over and
   * its account stream sealed: its append then fails, and the answer is the refusal the
   * value now calls for (another account holds it), not a server error.
   */
  private async lostClaim(claimed: Array<['email' | 'username', string]>): Promise<DomainError | undefined> {
    for (const [kind, value] of claimed) {
      // After our release, a holder can only be another account.
      if ((await this.reservations.holder(kind, value)) !== null) {
        return reservationRefusal(kind, 'taken');
      }
    }
    return undefined;
  }

  private async claim(
    kind: 'email' | 'username',
    value: string,
    accountId: string,
    meta: RegisterAccountCommand['meta'],
    claimed: Array<['email' | 'username', string]>,
  ): Promise<void> {
    await this.reservations.claim(kind, value, accountId, meta);
    claimed.push([kind, value]);
  }
}
