import type { CommandMetadata } from '../runner/command-metadata';

export class RequestEmailChangeCommand {
  constructor(
    readonly accountId: string,
    readonly newEmail: string,
    readonly password: string,
    readonly meta: CommandMetadata,
  ) {}
}
