import type { CommandMetadata } from '../runner/command-metadata';

export class ChangePasswordCommand {
  constructor(
    readonly accountId: string,
    readonly currentPassword: string,
    readonly newPassword: string,
    readonly keepSessionId: string | null,
    readonly meta: CommandMetadata,
  ) {}
}
