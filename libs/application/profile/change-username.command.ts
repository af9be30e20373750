import type { CommandMetadata } from '../runner/command-metadata';

export class ChangeUsernameCommand {
  constructor(
    readonly accountId: string,
    readonly username: string,
    readonly meta: CommandMetadata,
  ) {}
}
