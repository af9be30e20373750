import type { CommandMetadata } from '../runner/command-metadata';

/**
 * A deletion's erasure, after the farewell mail and before AccountDeleted is appended: give
 * the email and username back, then destroy the account's data key (crypto-shredding).
 * Only for an account whose grace period is over (or one already deleted).
 */
export class EraseAccountCommand {
  constructor(
    readonly accountId: string,
    readonly meta: CommandMetadata,
  ) {}
}
