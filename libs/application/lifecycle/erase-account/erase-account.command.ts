import type { CommandMetadata } from '../../shared/command-metadata';

/**
 * The last steps of a deletion, after the AccountDeleted mail: give the email and username
 * back, then destroy the account's data key (crypto-shredding). Only for a deleted account.
 */
export class EraseAccountCommand {
  constructor(
    readonly accountId: string,
    readonly meta: CommandMetadata,
  ) {}
}
