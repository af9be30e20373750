import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMetadata } from '../runner/command-metadata';
import { randomUUID } from 'node:crypto';
import type { AccountState } from '@warden/account/account.state';
import { decide } from '@warden/account/account.decider';
import type { AccountCommand } from '@warden/account/account.commands';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';
import { NewPassword } from '../shared/new-password';
import { hashRecoveryCode } from '../shared/second-factor';
import { tokenTarget } from '../shared/token-target';
import { WrongSecretThrottle } from '../shared/wrong-secret-throttle';
import { RecoveryCaseIndex } from './recovery-case-index';

/** With a recovery code the owner recovers at once; with a statement, support decides. */
export class CompleteAccountRecoveryCommand extends Command<RecoveryOutcome> {
  constructor(
    readonly token: string,
    readonly proof: { newPassword: string; recoveryCode: string } | { statement: string },
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

export type RecoveryOutcome = (CommandOutcome & { accountId: string; caseId?: undefined }) | (CommandOutcome & { accountId: string; caseId: string });

@CommandHandler(CompleteAccountRecoveryCommand)
export class CompleteAccountRecoveryHandler implements ICommandHandler<CompleteAccountRecoveryCommand> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly newPassword: NewPassword,
    private readonly cases: RecoveryCaseIndex,
    private readonly wrongSecrets: WrongSecretThrottle,
  ) {}

  async execute({ token, proof, meta }: CompleteAccountRecoveryCommand): Promise<RecoveryOutcome> {
    const { accountId, tokenHash } = tokenTarget(token);
    if ('statement' in proof) {
      const caseId = randomUUID();
      let filed = false;
      const outcome = await this.runner.run(
        accountId,
        async (state, now) => {
          const command: AccountCommand = { type: 'OpenRecoveryCase', now: now.toISOString(), tokenHash, caseId, statement: proof.statement };
          // Index only a case the decider will open (a wrong token files nothing), and
          // before the case exists, so a decision can always find it (RecoveryCaseIndex).
          if (!filed) {
            decide(command, state);
            await this.cases.file(caseId, accountId, meta);
            filed = true;
          }
          return command;
        },
        meta,
      );
      return { ...outcome, accountId, caseId };
    }
    const password = this.newPassword.attempt(proof.newPassword);
    const newHash = (state: AccountState) => (state.exists ? this.newPassword.hashFor(password, state) : Promise.resolve(''));
    const outcome = await this.wrongSecrets.judge({ link: token }, meta.client?.ip, true, () =>
      this.runner.run(
        accountId,
        async (state, now) => ({
          type: 'CompleteAccountRecovery',
          now: now.toISOString(),
          tokenHash,
          passwordHash: await newHash(state),
          recoveryCodeHash: hashRecoveryCode(proof.recoveryCode),
        }),
        meta,
        { prepare: newHash },
      ),
    );
    return { ...outcome, accountId };
  }
}
