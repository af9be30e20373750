import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMetadata } from '../runner/command-metadata';
import { normalizeUsername } from '@warden/account/normalize';
import { Reservations } from '../shared/reservations';
import type { UsernameLockResult } from './lock-username.handler';

export class UnlockUsernameCommand extends Command<UsernameLockResult> {
  constructor(
    readonly username: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}


@CommandHandler(UnlockUsernameCommand)
export class UnlockUsernameHandler implements ICommandHandler<UnlockUsernameCommand> {
  constructor(private readonly reservations: Reservations) {}

  async execute({ username, meta }: UnlockUsernameCommand): Promise<UsernameLockResult> {
    const { position } = await this.reservations.unlock('username', normalizeUsername(username), meta);
    return { position };
  }
}
