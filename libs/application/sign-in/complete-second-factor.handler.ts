import type { CommandMetadata } from '../runner/command-metadata';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { NewSession } from '@warden/account/sign-in/sign-in.commands';
import type { SecondFactorCheck } from '@warden/account/two-factor/two-factor.commands';
import { AccountErrors } from '@warden/account/account.errors';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { ServiceKeys } from '@warden/infrastructure/crypto/service-keys';
import { accountOfToken, hashToken } from '@warden/infrastructure/crypto/tokens';
import { WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import type { SessionIssued } from './log-in.result';
import { AccountCommandRunner } from '../runner/account-command-runner';
import { newMailToken } from '../shared/mail-token-factory';
import { NewLogin, type IssuedSecret } from './new-login';
import { hashRecoveryCode, SecondFactors } from '../shared/second-factor';

export class CompleteSecondFactorCommand extends Command<SessionIssued> {
  constructor(
    readonly challengeToken: string,
    readonly answer: { code: string } | { recoveryCode: string },
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}

/** The second login step: a refused code is recorded (and may lock) before the 401. */
@CommandHandler(CompleteSecondFactorCommand)
export class CompleteSecondFactorHandler implements ICommandHandler<CompleteSecondFactorCommand> {
  constructor(
    private readonly runner: AccountCommandRunner,
    private readonly secondFactors: SecondFactors,
    private readonly newLogin: NewLogin,
    private readonly keys: ServiceKeys,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  async execute({ challengeToken, answer, meta }: CompleteSecondFactorCommand): Promise<SessionIssued> {
    const accountId = accountOfToken(challengeToken);
    if (!accountId) throw AccountErrors.invalidCode();
    let session: IssuedSecret<NewSession> | undefined;
    const outcome = await this.runner.run(
      accountId,
      (state, now) => {
        session = this.newLogin.session(accountId, now, meta.client);
        const secondFactor: SecondFactorCheck =
          'code' in answer
            ? { kind: 'totp', step: this.secondFactors.matchStep(state.totpSecret, answer.code, now) }
            : { kind: 'recovery_code', codeHash: hashRecoveryCode(answer.recoveryCode) };
        return {
          type: 'CompleteSecondFactor',
          now: now.toISOString(),
          challengeTokenHash: hashToken(challengeToken),
          secondFactor,
          session: session.record,
          lockPolicy: { threshold: this.config.secondFactor.lockThreshold, windowSeconds: this.config.protection.lockWindowSeconds },
          ownershipVerification: newMailToken(this.keys, 'verify-ownership', accountId, now, this.config.ownershipTtlSeconds),
        };
      },
      meta,
    );
    if (!session || !outcome.events.some((e) => e.type === 'LoginSucceeded')) throw AccountErrors.invalidCode();
    const { sessionId, expiresAt } = session.record;
    return { result: 'session', sessionId, sessionToken: session.token, accountId, expiresAt, position: outcome.position };
  }
}
