import type { CommandMetadata } from '../runner/command-metadata';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ServiceKeys } from '@warden/infrastructure/crypto/service-keys';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';
import { newMailToken } from '../shared/mail-token-factory';
import { normalizeEmail } from '@warden/account/normalize';
import { PasswordHasher } from '../shared/password-hasher';
import { reservationRefusal } from '@warden/account/reservation/reservation.decider';
import { Reservations } from '../shared/reservations';
import { WrongSecretThrottle } from '../shared/wrong-secret-throttle';

export class RequestEmailChangeCommand extends Command<CommandOutcome> {
  constructor(
    readonly accountId: string,
    readonly newEmail: string,
    readonly password: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

/** The confirmation link to the new address is valid 24 hours (contract §3.1). */
export const EMAIL_CHANGE_TTL_SECONDS = 24 * 3600;

/**
 * Checks the password, then records the request: the worker mails a link to the new
 * address and a notice to the current one. An address another account holds is refused at
 * once (`409 email_taken`); the address itself is claimed only at confirmation, so an
 * unconfirmed request never blocks anyone.
 */
@CommandHandler(RequestEmailChangeCommand)
export class RequestEmailChangeHandler implements ICommandHandler<RequestEmailChangeCommand> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly hasher: PasswordHasher,
    private readonly reservations: Reservations,
    private readonly keys: ServiceKeys,
    private readonly wrongSecrets: WrongSecretThrottle,
  ) {}

  execute({ accountId, newEmail, password, meta }: RequestEmailChangeCommand): Promise<CommandOutcome> {
    const email = newEmail.trim().normalize('NFC');
    const attempt = this.hasher.attempt(password);
    return this.wrongSecrets.judge({ accountId }, meta.client?.ip, true, () =>
      this.runner.run(
        accountId,
        async (state, now) => {
          const passwordMatches = await attempt.matches(state);
          // Only someone the decider would let through learns whether an address is taken.
          if (passwordMatches && state.status === 'active' && !state.passwordDisabled) {
            const holder = await this.reservations.holder('email', normalizeEmail(email));
            if (holder !== null && holder !== accountId) throw reservationRefusal('email', 'taken');
          }
          return {
            type: 'RequestEmailChange',
            now: now.toISOString(),
            passwordMatches,
            newEmail: email,
            change: newMailToken(this.keys, 'confirm-email-change', accountId, now, EMAIL_CHANGE_TTL_SECONDS),
          };
        },
        meta,
        { prepare: (state) => attempt.matches(state) },
      ),
    );
  }
}
