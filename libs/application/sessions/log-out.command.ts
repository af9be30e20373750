import type { CommandMetadata } from '../runner/command-metadata';

export class LogOutCommand {
  constructor(
    readonly sessionToken: string,
    readonly meta: CommandMetadata,
  ) {}
}
