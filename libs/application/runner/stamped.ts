import type { Type } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AccountCommand } from '@warden/account/account.commands';
import { AccountCommandRunner, type CommandBuilder, type CommandOutcome } from './account-command-runner';
import type { CommandMetadata } from './command-metadata';

/** A domain command minus its time, which the runner stamps. */
export type TimelessCommand = AccountCommand extends infer C ? (C extends AccountCommand ? Omit<C, 'now'> : never) : never;

/** The fields of domain command `T` that a caller gives (not its type, not its time). */
export type StampedFields<T extends TimelessCommand['type']> = Omit<Extract<TimelessCommand, { type: T }>, 'type'>;

/** The builder of a command that needs nothing from the state but its turn: the time is stamped in it. */
export function stamped(command: TimelessCommand): CommandBuilder {
  return (_state, now) => ({ ...command, now: now.toISOString() }) as AccountCommand;
}

/**
 * The application command of a use case that is its domain command as given (lock,
 * suspend, end sessions…): the account, the domain command's fields, the metadata. Each
 * such use case declares its own subclass, so the bus routes it to its own handler.
 */
export abstract class StampedCommand<T extends TimelessCommand['type']> extends Command<CommandOutcome> {
  constructor(
    readonly accountId: string,
    readonly fields: StampedFields<T>,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

/** The handler of a StampedCommand subclass: runs domain command `type` with the given fields. */
export function stampedHandler<T extends TimelessCommand['type']>(command: Type<StampedCommand<T>>, type: T): Type<ICommandHandler<StampedCommand<T>>> {
  @CommandHandler(command)
  class StampedHandler implements ICommandHandler<StampedCommand<T>> {
    constructor(readonly runner: AccountCommandRunner) {}

    execute({ accountId, fields, meta }: StampedCommand<T>): Promise<CommandOutcome> {
      return this.runner.run(accountId, stamped({ type, ...fields } as TimelessCommand), meta);
    }
  }
  Object.defineProperty(StampedHandler, 'name', { value: `${type}Handler` });
  return StampedHandler;
}
