import type { AccountCommand } from '../../account/account.commands';
import type { CommandBuilder } from './account-command-runner';

/** A domain command minus its time, which the runner stamps. */
export type TimelessCommand = AccountCommand extends infer C ? (C extends AccountCommand ? Omit<C, 'now'> : never) : never;

/** The builder of a command that needs nothing from the state but its turn: the time is stamped in it. */
export function stamped(command: TimelessCommand): CommandBuilder {
  return (_state, now) => ({ ...command, now: now.toISOString() }) as AccountCommand;
}
