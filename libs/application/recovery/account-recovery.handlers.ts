import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AccountErrors } from '../../account/account.errors';
import type { AccountState } from '../../account/account.state';
import type { WardenConfig } from '../../infrastructure/config/warden-config';
import { ServiceKeys } from '../../infrastructure/crypto/service-keys';
import { WARDEN_CONFIG } from '../../infrastructure/tokens';
import { decide } from '../../account/account.decider';
import type { AccountCommand } from '../../account/account.commands';
import { AccountCommandRunner, type CommandOutcome } from '../runner/account-command-runner';
import { newMailToken } from '../shared/mail-token-factory';
import { NewPassword } from '../shared/new-password';
import { EmailAddressedCommands } from '../shared/email-addressed-commands';
import { hashRecoveryCode } from '../shared/second-factor';
import { tokenTarget } from '../shared/token-target';
import { CompleteAccountRecoveryCommand, DecideRecoveryCaseCommand, RequestAccountRecoveryCommand } from './account-recovery.commands';
import { RecoveryCaseIndex } from './recovery-case-index';

/** Always "accepted", in the same time, whether or not the address has an account with 2FA. */
@CommandHandler(RequestAccountRecoveryCommand)
export class RequestAccountRecoveryHandler implements ICommandHandler<RequestAccountRecoveryCommand, void> {
  constructor(
    private readonly byEmail: EmailAddressedCommands,
    private readonly keys: ServiceKeys,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  execute({ email, meta }: RequestAccountRecoveryCommand): Promise<void> {
    return this.byEmail.run(
      email,
      (accountId, now) => ({
        type: 'RequestAccountRecovery',
        now: now.toISOString(),
        recovery: newMailToken(this.keys, 'recover-account', accountId, now, this.config.accountRecoveryTtlSeconds),
      }),
      meta,
    );
  }
}

export type RecoveryOutcome = (CommandOutcome & { accountId: string; caseId?: undefined }) | (CommandOutcome & { accountId: string; caseId: string });

@CommandHandler(CompleteAccountRecoveryCommand)
export class CompleteAccountRecoveryHandler implements ICommandHandler<CompleteAccountRecoveryCommand, RecoveryOutcome> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly newPassword: NewPassword,
    private readonly cases: RecoveryCaseIndex,
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
    const outcome = await this.runner.run(
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
    );
    return { ...outcome, accountId };
  }
}

/** Support's decision: the case's account from its index stream, the case judged on the account's stream. */
@CommandHandler(DecideRecoveryCaseCommand)
export class DecideRecoveryCaseHandler implements ICommandHandler<DecideRecoveryCaseCommand, CommandOutcome & { accountId: string }> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly keys: ServiceKeys,
    private readonly cases: RecoveryCaseIndex,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  async execute({ caseId, decision, note, meta }: DecideRecoveryCaseCommand) {
    const accountId = await this.cases.accountOf(caseId);
    if (!accountId) throw AccountErrors.recoveryCaseNotFound();
    const outcome = await this.runner.run(
      accountId,
      (_state, now) => ({
        type: 'DecideRecoveryCase',
        now: now.toISOString(),
        caseId,
        decision,
        note,
        reset: newMailToken(this.keys, 'reset-password', accountId, now, this.config.passwordResetTtlSeconds),
      }),
      meta,
    );
    return { ...outcome, accountId };
  }
}
