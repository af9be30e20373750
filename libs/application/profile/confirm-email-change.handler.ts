import type { CommandMetadata } from '../runner/command-metadata';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountErrors } from '@warden/account/account.errors';
import type { CommandOutcome } from '../runner/account-command-runner';
import { normalizeEmail } from '@warden/account/normalize';
import { tokenTarget } from '../shared/token-target';
import { UniqueValueChange } from './unique-value-change';

export class ConfirmEmailChangeCommand extends Command<CommandOutcome & { accountId: string }> {
  constructor(
    readonly token: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

/**
 * The link from the new address: claims that address (`409 email_taken` if someone got it
 * since the request), records the change, then releases the old address so it can be
 * registered again. The token is checked before anything is claimed.
 */
@CommandHandler(ConfirmEmailChangeCommand)
export class ConfirmEmailChangeHandler implements ICommandHandler<ConfirmEmailChangeCommand> {
  constructor(private readonly change: UniqueValueChange) {}

  async execute({ token, meta }: ConfirmEmailChangeCommand): Promise<CommandOutcome & { accountId: string }> {
    const { accountId, tokenHash } = tokenTarget(token);
    const outcome = await this.change.run({
      kind: 'email',
      accountId,
      build: (_state, now) => ({ type: 'ConfirmEmailChange', now: now.toISOString(), tokenHash }),
      wanted: (state) => {
        // The decider accepted the token on this state, so a change is pending.
        if (!state.emailChange) throw AccountErrors.invalidToken();
        return normalizeEmail(state.emailChange.newEmail);
      },
      valueOf: (state) => (state.exists ? normalizeEmail(state.email) : null),
      previousIn: (events) => {
        const changed = events.find((e) => e.type === 'EmailChanged');
        return changed?.type === 'EmailChanged' ? changed.data.previous : null;
      },
      normalize: normalizeEmail,
      meta,
    });
    return { ...outcome, accountId };
  }
}
