import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner, type CommandOutcome } from '../shared/account-command-runner';
import { NewPassword } from '../shared/new-password';
import { PasswordHasher } from '../shared/password-hasher';
import { ChangePasswordCommand } from './change-password.command';

@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand, CommandOutcome> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly hasher: PasswordHasher,
    private readonly newPassword: NewPassword,
  ) {}

  execute({ accountId, currentPassword, newPassword, keepSessionId, meta }: ChangePasswordCommand): Promise<CommandOutcome> {
    return this.runner.run(
      accountId,
      async (state, now) => {
        const currentPasswordMatches = await this.hasher.verify(currentPassword, state.passwordHash || null);
        // The policy is checked only for the rightful owner: a wrong current password is refused first.
        const passwordHash = currentPasswordMatches ? await this.newPassword.hashFor(newPassword, state) : '';
        return { type: 'ChangePassword', now: now.toISOString(), currentPasswordMatches, passwordHash, keepSessionId };
      },
      meta,
    );
  }
}
