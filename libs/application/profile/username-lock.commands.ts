import type { CommandMetadata } from '../runner/command-metadata';

/**
 * Support reserves a username so that no account can take it. The staff's reason is asked
 * for by the API but not stored (see LockUsernameHandler): it stays in the support ticket.
 */
export class LockUsernameCommand {
  constructor(
    readonly username: string,
    readonly meta: CommandMetadata,
  ) {}
}

export class UnlockUsernameCommand {
  constructor(
    readonly username: string,
    readonly meta: CommandMetadata,
  ) {}
}
