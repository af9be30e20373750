import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMetadata } from '../runner/command-metadata';
import type { Position } from '@warden/shared/envelope';
import { normalizeUsername } from '@warden/account/normalize';
import { Reservations } from '../shared/reservations';

/**
 * Support reserves a username so that no account can take it. The staff's reason is asked
 * for by the API but not stored (see LockUsernameHandler): it stays in the support ticket.
 */
export class LockUsernameCommand extends Command<UsernameLockResult> {
  constructor(
    readonly username: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

export interface UsernameLockResult {
  /** Position of the appended lock or unlock; undefined when nothing was appended (already locked). */
  position?: Position;
}

/**
 * A lock is a `ValueLocked` on the username's reservation stream, appended after its last
 * event: it cannot slip in while an account holds the name, and a claim cannot slip in
 * under it. The staff's reason is not stored there: the stream is never erased, and a
 * free-text note may name people. The actor and correlation id are recorded.
 */
@CommandHandler(LockUsernameCommand)
export class LockUsernameHandler implements ICommandHandler<LockUsernameCommand> {
  constructor(private readonly reservations: Reservations) {}

  async execute({ username, meta }: LockUsernameCommand): Promise<UsernameLockResult> {
    const { position } = await this.reservations.lock('username', normalizeUsername(username), meta);
    return { position };
  }
}
