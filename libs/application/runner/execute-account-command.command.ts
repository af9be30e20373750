import type { AccountCommand } from '../../account/account.commands';
import type { CommandMetadata } from './command-metadata';

/** A domain command minus its time, which the runner stamps. */
export type TimelessCommand = AccountCommand extends infer C ? (C extends AccountCommand ? Omit<C, 'now'> : never) : never;

/**
 * For commands that need nothing but the account's state: lock, unlock, disable the
 * password, end sessions, request an ownership link. One handler serves them all.
 */
export class ExecuteAccountCommand {
  constructor(
    readonly accountId: string,
    readonly command: TimelessCommand,
    readonly meta: CommandMetadata,
  ) {}
}
