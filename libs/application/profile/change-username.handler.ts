import type { CommandMetadata } from '../runner/command-metadata';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOutcome } from '../runner/account-command-runner';
import { normalizeUsername } from '@warden/account/normalize';
import { UniqueValueChange } from './unique-value-change';

export class ChangeUsernameCommand extends Command<CommandOutcome> {
  constructor(
    readonly accountId: string,
    readonly username: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

/**
 * Usernames are unique case-insensitively: the new one is claimed in its reservation stream
 * first (`409 username_taken` / `409 username_locked`), then the account records it, then
 * the previous one is released. "Ann" → "ann" keeps the same claim and only changes the case shown.
 */
@CommandHandler(ChangeUsernameCommand)
export class ChangeUsernameHandler implements ICommandHandler<ChangeUsernameCommand> {
  constructor(private readonly change: UniqueValueChange) {}

  execute({ accountId, username, meta }: ChangeUsernameCommand): Promise<CommandOutcome> {
    const wanted = username.trim().normalize('NFC');
    return this.change.run({
      kind: 'username',
      accountId,
      build: (_state, now) => ({ type: 'ChangeUsername', now: now.toISOString(), username: wanted }),
      wanted: () => normalizeUsername(wanted),
      valueOf: (state) => (state.username === null ? null : normalizeUsername(state.username)),
      previousIn: (events) => {
        const changed = events.find((e) => e.type === 'UsernameChanged');
        return changed?.type === 'UsernameChanged' ? changed.data.previous : null;
      },
      normalize: normalizeUsername,
      meta,
    });
  }
}
