import type { CommandMetadata } from '../runner/command-metadata';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Position } from '@warden/shared/envelope';
import { AccountCommandRunner } from '../runner/account-command-runner';
import { tokenTarget } from '../shared/token-target';

export class ConfirmEmailCommand extends Command<ConfirmEmailResult> {
  constructor(
    readonly token: string,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

export interface ConfirmEmailResult {
  accountId: string;
  status: string;
  position?: Position;
}

@CommandHandler(ConfirmEmailCommand)
export class ConfirmEmailHandler implements ICommandHandler<ConfirmEmailCommand> {
  constructor(private readonly runner: AccountCommandRunner) {}

  async execute({ token, meta }: ConfirmEmailCommand): Promise<ConfirmEmailResult> {
    const { accountId, tokenHash } = tokenTarget(token);
    const outcome = await this.runner.run(accountId, (_s, now) => ({ type: 'ConfirmEmail', now: now.toISOString(), tokenHash }), meta);
    return { accountId, status: outcome.state.status ?? 'active', position: outcome.position };
  }
}
