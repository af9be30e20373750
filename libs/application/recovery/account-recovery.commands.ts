import type { CommandMetadata } from '../runner/command-metadata';

export class RequestAccountRecoveryCommand {
  constructor(
    readonly email: string,
    readonly meta: CommandMetadata,
  ) {}
}

/** With a recovery code the owner recovers at once; with a statement, support decides. */
export class CompleteAccountRecoveryCommand {
  constructor(
    readonly token: string,
    readonly proof: { newPassword: string; recoveryCode: string } | { statement: string },
    readonly meta: CommandMetadata,
  ) {}
}

export class DecideRecoveryCaseCommand {
  constructor(
    readonly caseId: string,
    readonly decision: 'approve' | 'reject',
    readonly note: string,
    readonly meta: CommandMetadata,
  ) {}
}
