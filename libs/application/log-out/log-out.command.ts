import type { CommandMetadata } from '../shared/command-metadata';

export class LogOutCommand {
  constructor(
    readonly sessionToken: string,
    readonly meta: CommandMetadata,
  ) {}
}
