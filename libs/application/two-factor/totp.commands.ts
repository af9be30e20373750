import type { CommandMetadata } from '../runner/command-metadata';

export class StartTotpEnrollmentCommand {
  constructor(
    readonly accountId: string,
    readonly meta: CommandMetadata,
  ) {}
}

export class ConfirmTotpEnrollmentCommand {
  constructor(
    readonly accountId: string,
    readonly code: string,
    readonly meta: CommandMetadata,
  ) {}
}

/** Disabling 2FA and regenerating recovery codes both need the password and a current code. */
export class ChangeSecondFactorCommand {
  constructor(
    readonly accountId: string,
    readonly change: 'disable' | 'regenerate_recovery_codes',
    readonly password: string,
    readonly code: string,
    readonly meta: CommandMetadata,
  ) {}
}
